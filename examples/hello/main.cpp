// SPDX-License-Identifier: MIT
// Loads the Sign module hello.sign and prints its value.
#include <iostream>

#include "hello.sign.hpp"

int main() {
  std::cout << "hello from Sign: ";
  sign::write_literal(std::cout, sign_mod::hello::load());
  std::cout << '\n';
  sign_mod::hello::unload();
}
