// SPDX-License-Identifier: MIT
// Uses the three generated modules: namespaced, in a subdirectory, sign_enable'd.
#include <iostream>

#include "geo/area.sign.hpp"
#include "scale.sign.hpp"
#include "units.sign.hpp"

int main() {
  std::cout << "units=";
  sign::write_literal(std::cout, acme::units::load());
  std::cout << " area=";
  sign::write_literal(std::cout, sign_mod::area::load());
  std::cout << " scale=";
  sign::write_literal(std::cout, sign_mod::scale::load());
  std::cout << '\n';
}
