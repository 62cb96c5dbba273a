// SPDX-License-Identifier: MIT
// sexpr stage: the JSON S-expression form of a program (memory-model.md §10).
#pragma once

#include <iosfwd>

#include "sema/sema.hpp"

namespace signc::sexpr {

// One line of JSON: the array of top-level forms.
void write(std::ostream& out, const sema::Program& program);

}  // namespace signc::sexpr
