// Mutual tail calls even/odd folding n into a hash, as parity.sign: a tail loop.
#include <cstdint>
#include <cstdio>
int main() {
  std::int64_t n = 10000000, acc = 7;
  bool even = true;
  for (; n != 0; --n, even = !even)
    acc = even ? (acc * 31 + n) % 1000003 : (acc * 17 + n) % 1000033;
  if (!even) acc += 1;
  std::printf("%lld\n", static_cast<long long>(acc));
}
