// Words of a text split by building each character by character, as split.sign: a String.
#include <array>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
int main() {
  constexpr std::array<std::string_view, 4> syl = {"ka", "to", "ri", "sho"};
  std::string text = "go";
  for (std::int64_t i = 0; i < 300000; ++i) { text += ' '; text += syl[i % 4]; text += syl[i * 7 % 4]; }
  std::int64_t c = 0;
  std::string w;
  for (char h : text) {
    if (h == ' ') { c += w.size() > 4; w.clear(); } else w += h;
  }
  c += w.size() > 4;
  std::cout << c << '\n';
}
