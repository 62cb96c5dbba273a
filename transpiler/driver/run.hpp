// SPDX-License-Identifier: MIT
// `signc run`: translate, compile (cached), execute.
#pragma once

#include <string>
#include <vector>

#include "support/support.hpp"

namespace signc::driver {

struct RunOptions {
  std::string file;
  bool json = false;
  bool verbose = false;  // print the compile command and cache decisions
  std::vector<std::string> args;
  std::vector<std::string> import_dirs;
  bool strict_alloc = false;
};

// Returns the exit code of the program, or 1 when it could not be built.
// On success this does not return: the program replaces signc (execv).
int run_program(const RunOptions& options, Diagnostics& diags);

}  // namespace signc::driver
