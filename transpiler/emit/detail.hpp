// SPDX-License-Identifier: MIT
// emit-internal helpers shared by the emit sources (not part of the stage API).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emit/emit.hpp"

namespace signc::emit::detail {

using Slots = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// A line the emitter writes where the generated file's own line count
// resumes (after Sign code): finish_line_directives numbers it.
inline constexpr std::string_view kLineReset = "// signc: line reset";

// The last pass over the final text (line_directives.cpp): each line reset
// becomes `#line <next line> "<file_name>"`, and a statement the formatter
// wrapped gets its Sign #line again before each continuation line. The
// text is `pieces` one after the other; a piece may end inside a line.
std::string finish_line_directives(const std::vector<std::string_view>& pieces, std::string_view file_name);

// Fills every {{slot}} of `tmpl`. Every slot must be given and every given
// slot must occur; a mismatch is a bug in signc, reported by throwing.
std::string fill_template(std::string_view tmpl_name, std::string_view tmpl, Slots slots);

// A C++ string literal: printable ASCII as is, everything else escaped as
// octal, so the generated file is plain ASCII whatever the Sign text holds
// (string literals, export names and #line paths alike).
std::string cpp_string(std::string_view text);
void append_cpp_string(std::string& out, std::string_view text);

// One expression as C++ source; locals are those of `function`.
std::string print_expr(const lower::Module& module, const lower::Function& function, lower::ExprId id);
void append_expr(std::string& out, const lower::Module& module, const lower::Function& function, lower::ExprId id);

}  // namespace signc::emit::detail

namespace signc::emit::embedded {
extern const std::string_view module_cpp_tmpl;
extern const std::string_view module_hpp_tmpl;
extern const std::string_view main_cpp_tmpl;
extern const std::string_view functions_cpp_tmpl;
extern const std::string_view int_dicts_cpp_tmpl;
extern const std::string_view exports_hpp_tmpl;
extern const std::string_view exports_cpp_tmpl;
extern const std::string_view _clang_format;
}  // namespace signc::emit::embedded
