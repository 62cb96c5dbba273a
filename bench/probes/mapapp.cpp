// 1..N mapped by a lambda (x * x % 1000) into a vector grown at the back,
// kept above 500, counted and summed, as mapapp.sign: a List.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>
int main() {
  const std::int64_t n = 2000000;
  std::vector<std::int64_t> xs(n);
  std::iota(xs.begin(), xs.end(), 1);
  auto f = [](std::int64_t x) { return x * x % 1000; };
  std::vector<std::int64_t> ys{0};
  for (std::int64_t x : xs) ys.push_back(f(x));
  std::vector<std::int64_t> zs;
  std::copy_if(ys.begin(), ys.end(), std::back_inserter(zs), [](std::int64_t v) { return v > 500; });
  std::printf("[%zu %lld]\n", zs.size(), (long long)std::accumulate(zs.begin(), zs.end(), std::int64_t{0}));
}
