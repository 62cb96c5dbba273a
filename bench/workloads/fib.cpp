// Doubly recursive Fibonacci (fib.sign). Usage: fib [N=32]
#include <cstdint>
#include <cstdlib>
#include <iostream>

static std::int64_t fib(std::int64_t n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 32;
  std::cout << fib(n) << '\n';
}
