// N short-lived pairs: Fibonacci numbers modulo 1000000007 carried in a pair
// that each step takes apart and builds anew (pairs.sign). Usage: pairs [N=10000000]
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <utility>

using Pair = std::pair<std::int64_t, std::int64_t>;

static Pair step(Pair p) { return {p.second, (p.first + p.second) % 1000000007}; }

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 10000000;
  Pair p{0, 1};
  for (std::int64_t i = n; i != 0; --i) p = step(p);
  std::cout << p.first << '\n';
}
