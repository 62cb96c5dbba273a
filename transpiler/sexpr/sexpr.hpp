// SPDX-License-Identifier: MIT
// sexpr stage: the JSON S-expression form of a program (memory-model.md §10).
#pragma once

#include <iosfwd>

#include "sema/sema.hpp"

namespace signc::sexpr {

// One line of JSON: the array of top-level forms.
void write(std::ostream& out, const sema::Program& program);

// Reads a JSON array of top-level forms from `file` into `program` (which
// refers to `file` afterwards). Bad input is reported in diags (false).
bool read(const SourceFile& file, sema::Program& program, Diagnostics& diags);

}  // namespace signc::sexpr
