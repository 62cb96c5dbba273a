// A 10^8-iteration loop with a modular hash accumulator (tailloop.sign).
// Usage: tailloop [N=100000000]
#include <cstdint>
#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 100000000;
  std::int64_t acc = 0;
  for (std::int64_t i = n; i != 0; --i) acc = (acc * 31 + i) % 1000003;
  std::cout << acc << '\n';
}
