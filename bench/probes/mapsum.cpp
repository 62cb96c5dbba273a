// 1..N mapped (x * 3 % 1000) and summed, as mapsum.sign: a List.
#include <cstdint>
#include <cstdio>
#include <vector>
int main() {
  const std::int64_t n = 1000000;
  std::vector<std::int64_t> xs;
  for (std::int64_t i = 1; i <= n; ++i) xs.push_back(i);
  std::vector<std::int64_t> ys;
  for (std::int64_t x : xs) ys.push_back(x * 3 % 1000);
  ys.push_back(0);
  std::int64_t s = 0;
  for (std::int64_t y : ys) s += y;
  std::printf("%lld\n", static_cast<long long>(s));
}
