// SPDX-License-Identifier: MIT
// Prints the processor this file was compiled for and the value of lanes.sign.
#include <iostream>

#include "lanes.sign.hpp"

#if defined(__aarch64__)
constexpr const char* kProcessor = "aarch64";
#elif defined(__x86_64__)
constexpr const char* kProcessor = "x86_64";
#else
constexpr const char* kProcessor = "unknown";
#endif

int main() {
  std::cout << kProcessor << ": ";
  sign::write_literal(std::cout, sign_mod::lanes::load());
  std::cout << " byte lanes\n";
  sign_mod::lanes::unload();
}
