// The sum of gcd(i, 360360) for i in 1..N, as gcdsum.sign: a scalar tail loop.
#include <cstdint>
#include <cstdio>
static std::int64_t gcd(std::int64_t a, std::int64_t b) { return b == 0 ? a : gcd(b, a % b); }
int main() {
  const std::int64_t n = 3000000;
  std::int64_t acc = 0;
  for (std::int64_t i = 1; i <= n; ++i) acc += gcd(i, 360360);
  std::printf("%lld\n", static_cast<long long>(acc));
}
