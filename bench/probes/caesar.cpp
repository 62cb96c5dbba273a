// A Caesar shift by 3 within a..h, as caesar.sign: a String.
#include <cstdint>
#include <iostream>
#include <string>
int main() {
  const std::int64_t n = 3000000;
  const std::string al = "abcdefgh";
  std::string text = ">";
  for (std::int64_t i = 0; i < n; ++i) text += al[(i * 5 + i % 7) % 8];
  std::string e = "<";
  for (char c : text) e += (c >= 'a' && c <= 'h') ? static_cast<char>('a' + (c - 'a' + 3) % 8) : c;
  std::cout << '[' << e.size() << " `" << e.substr(0, 16) << "`]\n";
}
