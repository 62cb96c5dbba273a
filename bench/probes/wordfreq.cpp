// Word frequencies of a text, as wordfreq.sign: a Dict.
#include <array>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_map>
int main() {
  const std::int64_t n = 1500000;
  constexpr std::array<std::string_view, 5> syl = {"ka", "to", "ri", "sho", "mu"};
  std::string text = "mu";
  for (std::int64_t i = 0; i < n; ++i) { text += ' '; text += syl[i * 7 % 5]; }
  std::unordered_map<std::string, std::int64_t> freq;
  std::string w;
  for (char c : text) {
    if (c == ' ') { ++freq[w]; w.clear(); } else w += c;
  }
  ++freq[w];
  std::cout << '[' << freq["ka"] << ' ' << freq["to"] << ' ' << freq["ri"] << ' ' << freq["sho"] << ' ' << freq["mu"]
            << "]\n";
}
