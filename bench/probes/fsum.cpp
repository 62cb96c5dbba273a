// The sum of 1 / i^2 for i in 1..N, as fsum.sign: Floats.
#include <cstdint>
#include <iostream>
int main() {
  double s = 0.0;
  for (std::int64_t i = 1; i <= 10000000; ++i) s += 1.0 / static_cast<double>(i * i);
  std::cout.precision(17);
  std::cout << s << '\n';
}
