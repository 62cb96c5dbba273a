// N pseudo-random numbers reversed (then a 0), zipped with themselves into
// products modulo 1009 (after a leading 0), then max and sum by folds with
// lambdas, as revzip.sign: a List.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>
using V = std::vector<std::int64_t>;
int main() {
  const std::int64_t n = 200000;
  V xs(n);
  xs[n - 1] = 7;
  std::int64_t x = 1;
  for (std::int64_t k = n - 2; k >= 0; --k) { xs[k] = x; x = (x * 75 + 74) % 65537; }
  V rs(xs.rbegin(), xs.rend());
  rs.push_back(0);
  V zs{0};
  zs.reserve(n + 1);
  std::transform(xs.begin(), xs.end(), rs.begin(), std::back_inserter(zs),
                 [](std::int64_t a, std::int64_t b) { return a * b % 1009; });
  const std::int64_t mx = std::accumulate(zs.begin(), zs.end(), std::int64_t{0},
                                          [](std::int64_t a, std::int64_t b) { return a > b ? a : b; });
  const std::int64_t sum = std::accumulate(zs.begin(), zs.end(), std::int64_t{0},
                                           [](std::int64_t a, std::int64_t b) { return a + b; });
  std::printf("[%lld %lld %lld]\n", (long long)rs[0], (long long)mx, (long long)sum);
}
