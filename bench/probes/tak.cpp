// Takeuchi's function, as tak.sign: scalar recursion.
#include <cstdint>
#include <cstdio>
static std::int64_t tak(std::int64_t x, std::int64_t y, std::int64_t z) {
  return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
}
int main() { std::printf("%lld\n", static_cast<long long>(tak(30, 20, 10))); }
