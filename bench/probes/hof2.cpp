// A fold over 1..N whose step is a two-argument lambda, as hof2.sign.
#include <cstdint>
#include <cstdio>
template <class F>
static std::int64_t fold(F f, std::int64_t n, std::int64_t acc) {
  for (std::int64_t i = 1; i <= n; ++i) acc = f(acc, i);
  return acc;
}
int main() {
  auto step = [](std::int64_t a, std::int64_t x) { return (a * 31 + x) % 1000003; };
  std::printf("%lld\n", static_cast<long long>(fold(step, 10000000, 0)));
}
