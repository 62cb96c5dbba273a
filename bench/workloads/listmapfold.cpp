// The list 1..N, mapped (doubled) and folded (summed) (listmapfold.sign).
// Each stage makes its list, as the Sign program does. Usage: listmapfold [N=1000000]
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <numeric>
#include <vector>

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1000000;
  std::vector<std::int64_t> xs(static_cast<std::size_t>(n));
  std::iota(xs.begin(), xs.end(), std::int64_t{1});
  std::vector<std::int64_t> doubled(xs.size());
  std::transform(xs.begin(), xs.end(), doubled.begin(), [](std::int64_t x) { return x * 2; });
  std::cout << std::accumulate(doubled.begin(), doubled.end(), std::int64_t{0}) << '\n';
}
