// The total number of Collatz steps of every start value 1..N (collatz.sign).
// Usage: collatz [N=1000000]
#include <cstdint>
#include <cstdlib>
#include <iostream>

static std::int64_t steps(std::int64_t n) {
  std::int64_t count = 0;
  while (n != 1) {
    n = n % 2 == 0 ? n / 2 : 3 * n + 1;
    ++count;
  }
  return count;
}

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1000000;
  std::int64_t total = 0;
  for (std::int64_t i = 1; i <= n; ++i) total += steps(i);
  std::cout << total << '\n';
}
