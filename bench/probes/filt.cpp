// 1..N kept below a bound, counted and summed, as filt.sign: a List.
#include <cstdint>
#include <iostream>
#include <numeric>
#include <vector>
int main() {
  const std::int64_t n = 2000000;
  std::vector<std::int64_t> xs(n);
  std::iota(xs.begin(), xs.end(), 1);
  std::vector<std::int64_t> ys;
  for (auto x : xs) if (x < 1400000) ys.push_back(x);
  std::cout << '[' << ys.size() << ' ' << std::accumulate(ys.begin(), ys.end(), std::int64_t{0}) << "]\n";
}
