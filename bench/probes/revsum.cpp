// 1..N built, reversed and summed modulo 7, as revsum.sign: a List.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>
int main() {
  const std::int64_t n = 4000000;
  std::vector<std::int64_t> xs;
  for (std::int64_t i = 1; i <= n; ++i) xs.push_back(i);
  std::vector<std::int64_t> ys(xs.rbegin(), xs.rend());
  ys.push_back(0);
  std::int64_t s = 0;
  for (std::int64_t v : ys) s += v % 7;
  std::printf("%lld\n", static_cast<long long>(s));
}
