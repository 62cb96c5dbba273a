// SPDX-License-Identifier: MIT
// sign::impl entry point — the `main` of a program whose entry is a Sign module.
#pragma once

#include <sign/value.hpp>

namespace sign::impl {

using ModuleLoad = const Value& (*)();

// Loads the entry module and prints its value (the last top-level
// expression) in Sign literal form, or as one line of JSON with `--json`.
// Returns the process exit code; `--help` and unknown options are handled.
int run_entry(int argc, char** argv, ModuleLoad load);
// The same as a program's `main`: the program's thread ends the process
// when the value is printed (no allocator teardown of the thread first).
int run_program(int argc, char** argv, ModuleLoad load);

}  // namespace sign::impl
