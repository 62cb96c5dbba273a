// The primes below N by trial division by the primes found so far (while
// p * p <= c), each new prime pushed at the back; count, last, sum, as
// primelist.sign: a List.
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>
int main() {
  const std::int64_t n = 2000000;
  std::vector<std::int64_t> ps{2};
  for (std::int64_t c = 3; c < n; c += 2) {
    bool composite = false;
    for (std::int64_t p : ps) {
      if (p * p > c) break;
      if (c % p == 0) { composite = true; break; }
    }
    if (!composite) ps.push_back(c);
  }
  std::printf("[%zu %lld %lld]\n", ps.size(), (long long)ps.back(),
              (long long)std::accumulate(ps.begin(), ps.end(), std::int64_t{0}));
}
