// SPDX-License-Identifier: MIT
// The shared `main` of Sign executables: load the entry module, print its value.
#include <sign/impl/entry.hpp>
#include <sign/value.hpp>

#include <cstring>
#include <iostream>

namespace sign::impl {

int run_entry(int argc, char** argv, ModuleLoad load) {
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0) {
      json = true;
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << "usage: " << argv[0] << " [--json]\n"
                << "Runs the Sign program and prints its value (the last top-level\n"
                << "expression) in Sign literal form, or as one line of JSON.\n";
      return 0;
    } else if (std::strcmp(argv[i], "--") == 0) {
      break;  // the rest belongs to the program
    } else if (argv[i][0] == '-' && argv[i][1] == '-') {
      std::cerr << argv[0] << ": error: unknown option '" << argv[i] << "' (try --help)\n";
      return 1;
    }
  }
  const Value& result = load();
  if (json) {
    write_json(std::cout, result);
  } else {
    write_literal(std::cout, result);
  }
  std::cout << '\n';
  return std::cout.good() ? 0 : 1;
}

}  // namespace sign::impl
