// Spaces replaced by _ in a copy made character by character, as under.sign.
#include <array>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
int main() {
  constexpr std::array<std::string_view, 4> syl = {"ka", "to", "ri", "sho"};
  std::string text = "go";
  for (std::int64_t i = 0; i < 300000; ++i) { text += ' '; text += syl[i % 4]; text += syl[i * 7 % 4]; }
  std::string out = ">";
  std::int64_t k = 0;
  for (char h : text) {
    if (h == ' ') out += '_';
    else { if (h == 'k') ++k; out += h; }
  }
  std::cout << "[" << out.size() << " " << k << "]\n";
}
