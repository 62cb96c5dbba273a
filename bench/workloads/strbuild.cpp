// A string built from the decimal numbers 1..N, one append at a time
// (strbuild.sign). Prints [length, character 300000] as signc --json does.
// Usage: strbuild [N=100000]
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 100000;
  std::string text = "1";
  for (std::int64_t i = 2; i <= n; ++i) text += std::to_string(i);
  std::cout << '[' << text.size();
  if (text.size() > 300000) std::cout << ",\"" << text[300000] << '"';
  std::cout << "]\n";
}
