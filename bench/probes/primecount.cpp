// Primes below N by trial division and their digit sums, as primecount.sign.
#include <cstdint>
#include <cstdio>
static bool prime(std::int64_t n) {
  for (std::int64_t d = 3; d * d <= n; d += 2) if (n % d == 0) return false;
  return true;
}
static std::int64_t digits(std::int64_t n) {
  std::int64_t s = 0;
  for (; n != 0; n /= 10) s += n % 10;
  return s;
}
int main() {
  const std::int64_t n = 1000000;
  std::int64_t c = 1, ds = 2;
  for (std::int64_t i = 3; i <= n; i += 2)
    if (prime(i)) { ++c; ds += digits(i); }
  std::printf("[%lld %lld]\n", static_cast<long long>(c), static_cast<long long>(ds));
}
