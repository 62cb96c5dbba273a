// SPDX-License-Identifier: MIT
// Prints the values of a.sign and b.sign as "a=<value> b=<value>".
#include <iostream>

#include "a.sign.hpp"
#include "b.sign.hpp"

int main() {
  std::cout << "a=";
  sign::write_literal(std::cout, sign_mod::a::load());
  std::cout << " b=";
  sign::write_literal(std::cout, sign_mod::b::load());
  std::cout << '\n';
}
