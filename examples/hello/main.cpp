// SPDX-License-Identifier: MIT
// Loads the Sign module hello.sign, prints its value, and calls its export
// `times` the two ways C++ reaches an export: the generated accessor, and the
// module registry by "module:name" (sign/module.hpp).
#include <iostream>

#include <sign/module.hpp>

#include "hello.sign.hpp"

int main() {
  std::cout << "hello from Sign: ";
  sign::write_literal(std::cout, sign_mod::hello::load());
  const sign::Value six = sign::Value::from_int(6), seven = sign::Value::from_int(7);
  std::cout << "\ntimes 6 7: ";
  sign::write_literal(std::cout, sign::call(sign_mod::hello::exported::times(), {six, seven}));
  std::cout << "\nhello:times 6 7: ";
  sign::write_literal(std::cout, sign::call(sign::symbol_value("hello:times"), {six, seven}));
  std::cout << '\n';
  return sign_mod::hello::unload().empty() ? 0 : 1;
}
