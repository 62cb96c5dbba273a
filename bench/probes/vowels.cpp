// Vowels in a text built from syllables, as vowels.sign: a String.
#include <cstdint>
#include <cstdio>
#include <string>
int main() {
  const int n = 2000000;
  const char* syl[] = {"ka", "to", "ri", "mo", "su"};
  std::string text = "ka";
  for (int i = 1; i < n; ++i) text += syl[i % 5];
  std::int64_t c = 0;
  for (char ch : text) c += ch == 'a' || ch == 'o' || ch == 'i';
  std::printf("%lld\n", static_cast<long long>(c));
}
