// SPDX-License-Identifier: MIT
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emit/detail.hpp"

namespace signc::emit::detail {
namespace {

// The last pass over the final (formatted) text, for #line mapping:
//  - each line-reset marker becomes `#line <next line> "<file>"`: from the
//    line after it, the compiler counts lines of the generated file again;
//  - a statement the formatter wrapped over several lines gets its Sign
//    line's directive again before each continuation line, or the compiler
//    would charge those lines to the Sign lines after it.
// The text comes in pieces, one after the other, which may end inside a
// line.
class LineDirectiveFinisher {
 public:
  LineDirectiveFinisher(std::string_view file_name, std::size_t size) : file_name_(file_name) {
    out_.reserve(size + size / 8);
  }

  void add(std::string_view piece) {
    if (!partial_.empty()) {  // the line the last piece began
      const std::size_t end = piece.find('\n');
      partial_ += piece.substr(0, end == std::string_view::npos ? piece.size() : end + 1);
      if (end == std::string_view::npos) return;
      line(partial_);
      partial_.clear();
      piece.remove_prefix(end + 1);
    }
    while (!piece.empty()) {
      const std::size_t end = piece.find('\n');
      if (end == std::string_view::npos) {
        partial_ = piece;
        return;
      }
      line(piece.substr(0, end + 1));
      piece.remove_prefix(end + 1);
    }
  }

  std::string text() && {
    if (!partial_.empty()) line(partial_);
    return std::move(out_);
  }

 private:
  void line(std::string_view current) {
    std::string_view code = current;
    while (!code.empty() && (code.back() == '\n' || code.back() == ' ')) code.remove_suffix(1);
    const std::size_t indent = code.find_first_not_of(' ');
    code = indent == std::string_view::npos ? std::string_view() : code.substr(indent);
    if (code.starts_with(kLineReset)) {
      out_ += "#line ";
      out_ += std::to_string(line_ + 1);
      out_ += ' ';
      detail::append_cpp_string(out_, file_name_);
      out_ += '\n';
      sign_directive_.clear();
      continues_ = false;
      ++line_;
      return;
    }
    if (code.starts_with("#line ")) {
      sign_directive_.assign(code);  // in the buffer it had: no allocation per directive
      sign_directive_ += '\n';
    } else if (continues_ && !sign_directive_.empty()) {
      out_ += sign_directive_;
      ++line_;
    }
    out_ += current;
    ++line_;
    if (!code.empty() && !code.starts_with("#") && !code.starts_with("//")) {
      // A trailing why-comment ("  // ...", as the emitter writes them) is not code.
      if (const std::size_t comment = code.rfind("  // "); comment != std::string_view::npos) {
        code = code.substr(0, comment);
      }
      const char last = code.empty() ? ';' : code.back();
      continues_ = last != ';' && last != '{' && last != '}';
    }
  }

  std::string_view file_name_;
  std::string out_;
  std::size_t line_ = 1;         // of out_, which gains lines
  std::string sign_directive_;   // the #line in force for Sign code, or ""
  bool continues_ = false;       // the previous code line did not end its statement
  std::string partial_;          // a line begun at the end of the last piece
};

}  // namespace

std::string finish_line_directives(const std::vector<std::string_view>& pieces, std::string_view file_name) {
  std::size_t size = 0;
  for (const std::string_view piece : pieces) size += piece.size();
  LineDirectiveFinisher finisher(file_name, size);
  for (const std::string_view piece : pieces) finisher.add(piece);
  return std::move(finisher).text();
}

}  // namespace signc::emit::detail
