// Palindromic numbers in 1..N, as palnum.sign: Strings.
#include <cstdint>
#include <cstdio>
#include <string>
static bool palindrome(const std::string& s) {
  for (std::size_t i = 0, j = s.size() - 1; i < j; ++i, --j)
    if (s[i] != s[j]) return false;
  return true;
}
int main() {
  const std::int64_t n = 3000000;
  std::int64_t c = 0;
  for (std::int64_t i = 1; i <= n; ++i) c += palindrome(std::to_string(i));
  std::printf("%lld\n", static_cast<long long>(c));
}
