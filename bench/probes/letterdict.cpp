// Letters of a text counted, as letterdict.sign: a Dict (counts per letter).
#include <array>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
int main() {
  const std::int64_t n = 2000000;
  constexpr std::array<std::string_view, 6> syl = {"ka", "to", "ri", "sho", "mu", "ne"};
  std::string text = "go";
  for (std::int64_t i = 0; i < n; ++i) text += syl[i * 7 % 6];
  std::array<std::int64_t, 256> counts{};
  for (unsigned char c : text) ++counts[c];
  std::int64_t vowels = 0;
  for (char v : {'a', 'e', 'i', 'o', 'u'}) vowels += counts[static_cast<unsigned char>(v)];
  std::cout << '[' << counts['a'] << ' ' << counts['e'] << ' ' << counts['i'] << ' ' << counts['o'] << ' '
            << counts['u'] << ' ' << static_cast<std::int64_t>(text.size()) - vowels << "]\n";
}
