// A wrapping 64-bit LCG folded modulo a prime, as lcg.sign.
#include <cstdint>
#include <cstdio>
int main() {
  std::uint64_t x = 1;
  std::int64_t s = 0;
  for (std::int64_t n = 20000000; n != 0; --n) {
    s += static_cast<std::int64_t>(x) % 1000003;
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
  }
  std::printf("%lld\n", static_cast<long long>(s));
}
