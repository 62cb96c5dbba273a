// SPDX-License-Identifier: MIT
// emit stage: IR → formatted C++ text through templates/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lower/lower.hpp"

namespace signc::emit {

enum class LineDirectives { None, Relative, Absolute };

struct Options {
  LineDirectives lines = LineDirectives::Relative;
  // The path #line directives name (already relative or absolute as chosen).
  std::string line_path;
  std::string root_namespace = "sign_mod";
  bool format = true;
  // Where formatted text is kept for reuse (support/text_cache.hpp); empty:
  // format every time.
  std::string format_cache_dir;
};

struct ModuleText {
  std::string cpp_name;  // "NAME.sign.cpp"
  std::string hpp_name;  // "NAME.sign.hpp"
  std::string cpp;
  std::string hpp;
};

// Emits a module's translation unit and header. Fails (nullopt, with an
// error in diags) only when formatting was asked for and is unavailable.
std::optional<ModuleText> emit_module(const lower::Module& module, std::string_view output_stem,
                                      const Options& options, Diagnostics& diags);

// The `main` of a program whose entry module is `module`.
std::optional<std::string> emit_entry_main(const lower::Module& module, std::string_view output_stem,
                                           const Options& options, Diagnostics& diags);

// A C++ text in pieces that clang-format lays out alike on their own and
// together: `frame`, with `marker` alone on a line where `parts` go, one
// after the other with a blank line between. (Definitions at namespace
// scope: nothing of its layout reaches across a blank line there.)
struct PiecewiseText {
  std::string frame;
  std::string marker;  // empty: the frame is the whole text
  std::vector<std::string> parts;

  std::string whole() const;  // the text the pieces make
  // That text as views of the frame and the parts, in order.
  std::vector<std::string_view> pieces() const;
};

// clang::format::reformat with the shipped style, through the plugin, the
// pieces of `text` in parallel; with a `cache_dir`, a text formatted
// before is taken from there.
std::optional<std::string> format_cpp(const PiecewiseText& text, Diagnostics& diags, const std::string& cache_dir = {});
inline std::optional<std::string> format_cpp(std::string code, Diagnostics& diags, const std::string& cache_dir = {}) {
  return format_cpp(PiecewiseText{std::move(code), {}, {}}, diags, cache_dir);
}

}  // namespace signc::emit
