// Hofstadter's female and male sequences by plain mutual recursion, as fm.sign.
#include <cstdint>
#include <cstdio>
static std::int64_t mal(std::int64_t n);
static std::int64_t fem(std::int64_t n) { return n == 0 ? 1 : n - mal(fem(n - 1)); }
static std::int64_t mal(std::int64_t n) { return n == 0 ? 0 : n - fem(mal(n - 1)); }
int main() {
  const std::int64_t n = 115;
  std::int64_t s = 0;
  for (std::int64_t i = 0; i <= n; ++i) s += fem(i);
  std::printf("%lld\n", static_cast<long long>(s));
}
