// SPDX-License-Identifier: MIT
// The diagnostics sink shared by every stage (cppfront's `errors`): stages
// report and keep going where they can; the driver prints once, GCC-style.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "support/source_file.hpp"

namespace signc {

enum class Severity { Note, Warning, Error };

// A diagnostic carries its rendered location and source line, so it stays
// valid after the SourceFile it came from is gone.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;  // empty: not tied to a file ("signc: error: ...")
  LineCol at;
  std::string line_text;
  std::uint32_t caret_width = 1;
  std::string message;
};

class Diagnostics {
 public:
  // After this many errors further ones are counted but not kept.
  static constexpr std::size_t kMaxErrors = 50;
  // Source lines longer than this are shown as a window around the column.
  static constexpr std::size_t kMaxShownLine = 120;

  void error(const SourceFile& file, Span span, std::string message);
  void warning(const SourceFile& file, Span span, std::string message);
  void note(const SourceFile& file, Span span, std::string message);
  // An error with no source location: missing file, bad option.
  void error(std::string message);
  // Takes over what `other` reported (as if reported here, in its order).
  void append(Diagnostics&& other);

  bool has_errors() const { return error_count_ != 0; }
  std::size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return items_; }

  // Sorted by (file, line, col), duplicates dropped, then the usual
  // "N errors generated." tail when anything was capped.
  void print(std::ostream& out) const;

 private:
  void add(Severity severity, const SourceFile& file, Span span, std::string message);

  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
};

}  // namespace signc
