// A point moved N times, as points.sign: a struct (a Dict in Sign).
#include <cstdint>
#include <cstdio>
struct Point { std::int64_t x, y; };
int main() {
  Point p{1, 2};
  for (std::int64_t i = 2000000; i > 0; --i) p = Point{(p.x + i) % 1000, (p.y * 3 + 1) % 1009};
  std::printf("%lld\n", static_cast<long long>(p.x + p.y));
}
