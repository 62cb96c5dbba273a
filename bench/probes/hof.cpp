// A fold over 1..N taking a closure argument, as hof.sign.
#include <cstdint>
#include <cstdio>
template <class F>
static std::int64_t fold(F f, std::int64_t n, std::int64_t acc) {
  for (std::int64_t i = 1; i <= n; ++i) acc = (acc * 31 + f(i)) % 1000003;
  return acc;
}
static std::int64_t run(std::int64_t k) {
  return fold([k](std::int64_t x) { return x * k % 1009; }, 10000000, 0);
}
int main() { std::printf("%lld\n", static_cast<long long>(run(17))); }
