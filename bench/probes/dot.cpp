// The dot product of two mapped ranges, as dot.sign: Lists.
#include <cstdint>
#include <iostream>
#include <vector>
int main() {
  const std::int64_t n = 1000000;
  std::vector<std::int64_t> xs, ys;
  for (std::int64_t i = 1; i <= n; ++i) { xs.push_back(i * 3); ys.push_back(i % 7); }
  std::int64_t s = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) s += xs[i] * ys[i];
  std::cout << s << '\n';
}
