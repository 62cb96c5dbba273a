// Words in a text of N syllables joined with spaces, as words.sign: a String.
#include <array>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
int main() {
  constexpr std::array<std::string_view, 3> syl = {"ka", "to", "ri"};
  std::string text = "go";
  for (int i = 0; i < 1000000; ++i) { text += ' '; text += syl[i % 3]; }
  std::int64_t c = 1;
  char prev = 'x';
  for (char h : text) { c += h != ' ' && prev == ' '; prev = h; }
  std::cout << c << '\n';
}
