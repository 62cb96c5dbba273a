// SPDX-License-Identifier: MIT
// A Sign source file in memory, with the line table diagnostics need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace signc {

// Half-open byte range [begin, end) in one SourceFile.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// 1-based line and column; the column counts bytes, as GCC and Clang do.
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t col = 1;
};

class SourceFile {
 public:
  // `path` is the name diagnostics and #line directives print.
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  std::string_view slice(Span s) const { return std::string_view(text_).substr(s.begin, s.end - s.begin); }

  LineCol line_col(std::uint32_t offset) const;
  // The text of a 1-based line without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;  // offset of the first byte of each line
};

}  // namespace signc
