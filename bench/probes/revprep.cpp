// A text of N syllables reversed, as revprep.sign: a String.
#include <array>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
int main() {
  const std::int64_t n = 3000000;
  constexpr std::array<std::string_view, 4> syl = {"ka", "to", "ri", "sho"};
  std::string text = "go";
  for (std::int64_t i = 0; i < n; ++i) text += syl[i * 7 % 4];
  std::string r(text.rbegin(), text.rend());
  r += '.';
  std::cout << '[' << r.size() << " `" << r.substr(0, 12) << "`]\n";
}
