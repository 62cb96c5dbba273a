// Word statistics over a generated dictionary of N words (wordcount.sign):
// letters in all words, occurrences of "tone", words starting with 's', words
// of at least 8 letters. Usage: wordcount [N=100000]
#include <array>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

namespace {

constexpr std::array<std::string_view, 12> kSyllables = {"ka", "to", "ri", "mo", "sa", "ne",
                                                         "lu", "pi", "da", "ve", "sho", "qui"};

std::int64_t next(std::int64_t s) { return (s * 75 + 74) % 65537; }

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 100000;
  std::int64_t letters = 0, tone = 0, sinit = 0, longer = 0;
  std::string word;
  for (std::int64_t i = 0, s = 1; i < n; ++i, s = next(s)) {
    word = kSyllables[s % 12];
    std::int64_t t = next(s);
    for (std::int64_t k = s % 4; k > 0; --k, t = next(t)) word += kSyllables[t % 12];
    letters += static_cast<std::int64_t>(word.size());
    tone += word == "tone";
    sinit += word[0] == 's';
    longer += word.size() >= 8;
  }
  std::cout << '[' << letters << ',' << tone << ',' << sinit << ',' << longer << "]\n";
}
