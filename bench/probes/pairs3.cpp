// N short-lived pairs ordered, spread into a step, read back, as pairs3.sign.
#include <cstdint>
#include <cstdio>
#include <utility>
using Pair = std::pair<std::int64_t, std::int64_t>;
static Pair order(std::int64_t a, std::int64_t b) { return a < b ? Pair{a, b} : Pair{b, a}; }
static Pair step(std::int64_t lo, std::int64_t hi, std::int64_t i) {
  return {(lo * 7 + i) % 1000003, (hi * 3 + lo) % 999983};
}
int main() {
  Pair p{5, 9};
  for (std::int64_t i = 10000000; i != 0; --i) {
    const Pair s = step(p.first, p.second, i);
    p = order(s.first, s.second);
  }
  std::printf("%lld\n", static_cast<long long>(p.first * 1000000 + p.second));
}
