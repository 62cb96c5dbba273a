// The sum of sqrt(i) by 6 Newton iterations each, as newton.sign: Floats.
#include <charconv>
#include <cstdint>
#include <cstdio>
static double root(double x) {
  double v = x * 0.5 + 1.0;
  for (int k = 0; k < 6; ++k) v = (v + x / v) / 2.0;
  return v;
}
int main() {
  double s = 0.0;
  for (std::int64_t i = 1; i <= 4000000; ++i) s += root(static_cast<double>(i));
  char buf[32];
  *std::to_chars(buf, buf + sizeof buf - 1, s).ptr = '\0';
  std::puts(buf);
}
