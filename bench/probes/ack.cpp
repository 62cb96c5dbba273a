// Ackermann's function A(3, n), as ack.sign: scalar recursion.
#include <cstdint>
#include <cstdio>
static std::int64_t ack(std::int64_t m, std::int64_t n) {
  if (m == 0) return n + 1;
  if (n == 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}
int main() { std::printf("%lld\n", static_cast<long long>(ack(3, 11))); }
