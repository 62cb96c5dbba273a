// 1..N joined with commas, as joincsv.sign: a String.
#include <cstdint>
#include <iostream>
#include <string>
int main() {
  const std::int64_t n = 3000000;
  std::string s;
  for (std::int64_t i = 1; i < n; ++i) { s += std::to_string(i); s += ','; }
  s += std::to_string(n);
  s += ']';
  std::cout << '[' << s.size() << " `" << s.substr(0, 20) << "`]\n";
}
