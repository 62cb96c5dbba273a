// N short-lived pairs returned by a function and destructured, as pairs2.sign.
#include <cstdint>
#include <cstdio>
#include <utility>
static std::pair<std::int64_t, std::int64_t> mix(std::int64_t a, std::int64_t b, std::int64_t i) {
  return {(a * 5 + b + i) % 1000003, (b * 7 + a) % 999983};
}
int main() {
  std::int64_t a = 1, b = 2;
  for (std::int64_t i = 10000000; i != 0; --i) {
    auto [x, y] = mix(a, b, i);
    a = x;
    b = y;
  }
  std::printf("%lld\n", static_cast<long long>(a * 1000000 + b));
}
