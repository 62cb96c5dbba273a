// SPDX-License-Identifier: MIT
// Sign lexer: characters → tokens, with offside-rule blocks.
// Rules: guide/operator_table.md (operators, spacing), guide/string_and_comment.md
// (strings and comments), impl/core/integer_overflow.md §1 (literal prefixes).
#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "syntax/syntax.hpp"

namespace signc::syntax {
namespace {

// Every operator spelling of the operator table, longest first so a prefix
// match never hides a longer operator (`###` before `##` before `#`).
constexpr std::array<std::string_view, 40> kOperators = {
    "###", "===", "!==", "##", "==", "!=", "!!", "<<", "<=", ">>", ">=", "~+", "~-", "~*",
    "~/",  "~^",  "||",  "&&", ";;", "#",  "!",  "<",  ">",  "~",  "|",  "&",  ";",  ":",
    "?",   ",",   "=",   "+",  "-",  "*",  "/",  "%",  "^",  "'",  "@",  "$"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ident_char(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }

// Length of the UTF-8 sequence starting with lead byte c (1 for bad bytes, so
// the lexer always advances).
// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are
// not UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
std::size_t valid_utf8_at(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const unsigned c = b(0);
  if (c < 0x80) return 1;
  const auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(1) > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;
    if (c == 0xF4 && b(1) > 0x8F) return 0;
    return 4;
  }
  return 0;
}

std::size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

// A line that starts with an infix operator continues the previous logical
// line (the reference preprocessor's continuation rule).
bool is_continuation(std::string_view s) {
  if (s.empty()) return false;
  const char c = s[0];
  if (std::string_view("?+*/.,=<>;%&^").find(c) != std::string_view::npos) return true;
  if (s.starts_with("!=")) return true;
  if (c == '|' && s.size() > 1 && (s[1] == ' ' || s[1] == '\t' || s[1] == '|')) return true;
  if (c == '~' && s.size() > 1 && std::string_view(" \t+*/^-").find(s[1]) != std::string_view::npos) return true;
  return false;
}

class Lexer {
 public:
  Lexer(const SourceFile& file, Diagnostics& diags) : file_(file), src_(file.text()), diags_(diags) {
    tokens_.reserve(src_.size() / 3 + 16);  // measured: about one token per 3–4 bytes of Sign
  }

  TokenList run() {
    check_utf8();
    while (pos_ < src_.size()) {
      if (depth_ == 0) {
        start_line();
        if (pos_ >= src_.size()) break;
      }
      lex_line_rest();
    }
    close_blocks();
    push(TokenKind::End, pos_, pos_, true);
    return std::move(tokens_);
  }

 private:
  // Sign source is UTF-8 (impl/core/value_representation.md); every invalid
  // byte sequence is reported where it is, at most one error per line.
  void check_utf8() {
    std::size_t last_line_reported = SIZE_MAX;
    for (std::size_t i = 0; i < src_.size();) {
      const std::size_t n = valid_utf8_at(src_, i);
      if (n != 0) {
        i += n;
        continue;
      }
      const std::size_t line = file_.line_col(static_cast<std::uint32_t>(i)).line;
      if (line != last_line_reported) error(i, i + 1, "invalid UTF-8 byte in the source");
      last_line_reported = line;
      ++i;
    }
  }

  void push(TokenKind kind, std::size_t begin, std::size_t end, bool space_before) {
    tokens_.push_back({kind, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, space_before});
  }
  void error(std::size_t begin, std::size_t end, std::string message) {
    diags_.error(file_, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, std::move(message));
  }

  bool has_content() const {
    return !tokens_.empty() && tokens_.back().kind != TokenKind::Newline;
  }

  std::size_t line_end(std::size_t from) const {
    const auto nl = src_.find('\n', from);
    return nl == std::string_view::npos ? src_.size() : nl;
  }

  // At the start of a physical line outside brackets: blank lines, comment
  // lines, indentation and continuation decide which layout token comes next.
  void start_line() {
    while (pos_ < src_.size()) {
      const std::size_t begin = pos_;
      const std::size_t end = line_end(begin);
      std::size_t p = begin;
      std::size_t tabs = 0;
      while (p < end && src_[p] == '\t') ++p, ++tabs;
      std::size_t q = p;
      while (q < end && (src_[q] == ' ' || src_[q] == '\r' || src_[q] == '\t')) ++q;
      const std::string_view content = src_.substr(q, end - q);
      if (content.empty() || is_comment_start(q, end)) {
        pos_ = end < src_.size() ? end + 1 : end;
        continue;
      }
      if (src_.substr(p, 2) == "  ") {
        error(p, q, "indentation must use tabs; spaces cannot indent a Sign block");
      }
      pos_ = q;
      layout(tabs, begin, q, is_continuation(content));
      return;
    }
  }

  // Emits the layout tokens for a new physical line at `tabs` tabs, in the
  // reference order: blocks close first, then a continuation line (one that
  // starts with an infix operator) joins the open logical line, otherwise a
  // deeper line opens a block and any other line ends the previous one.
  void layout(std::size_t tabs, std::size_t line_begin, std::size_t content_begin, bool continuation) {
    if (!has_content()) {
      if (tokens_.empty() && tabs > 0) error(line_begin, content_begin, "the first line of a file cannot be indented");
      return;
    }
    while (indents_.size() > 1 && tabs < indents_.back()) {
      indents_.pop_back();
      push(TokenKind::Dedent, line_begin, content_begin, true);
    }
    if (continuation) return;
    if (tabs > indents_.back()) {
      indents_.push_back(tabs);
      push(TokenKind::Indent, line_begin, content_begin, true);
      return;
    }
    const std::size_t end_of_last = last_content_end();  // "missing ..." points at the line's end
    push(TokenKind::Newline, end_of_last, end_of_last, true);
  }

  std::size_t last_content_end() const {
    for (auto it = tokens_.rbegin(); it != tokens_.rend(); ++it) {
      if (it->kind != TokenKind::Dedent) return it->span.end;
    }
    return 0;
  }

  void close_blocks() {
    while (indents_.size() > 1) {
      indents_.pop_back();
      push(TokenKind::Dedent, pos_, pos_, true);
    }
    if (has_content()) push(TokenKind::Newline, last_content_end(), last_content_end(), true);
  }

  // A backtick with no closing backtick on its line starts a comment.
  bool is_comment_start(std::size_t p, std::size_t end) const {
    return p < end && src_[p] == '`' && src_.substr(p + 1, end - p - 1).find('`') == std::string_view::npos;
  }

  // Lexes tokens until the end of the physical line (or of the file).
  void lex_line_rest() {
    bool space = true;  // a line start counts as whitespace
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      if (c == '\n') {
        ++pos_;
        if (depth_ == 0) return;
        bracket_newline();
        space = true;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
        space = true;
        continue;
      }
      lex_token(space);
      space = false;
      if (line_ended_) {  // a character literal swallowed the line's newline
        line_ended_ = false;
        // A next line that starts with a space continues this one, as in
        // `text : \`Line 1\` \<newline> \`Line 2\``.
        if (pos_ < src_.size() && src_[pos_] == ' ') {
          space = true;
          continue;
        }
        if (depth_ == 0) return;
        bracket_newline();
        space = true;
      }
    }
  }

  // Inside brackets a newline separates the block's lines (tabs there are
  // plain whitespace), except that the line after an opening bracket joins
  // it, as does a line that starts with the closing bracket.
  void bracket_newline() {
    if (tokens_.empty()) return;
    const TokenKind k = tokens_.back().kind;
    if (k == TokenKind::LParen || k == TokenKind::LBracket || k == TokenKind::LBrace || k == TokenKind::Newline) return;
    std::size_t p = pos_;
    while (p < src_.size() && (src_[p] == ' ' || src_[p] == '\t' || src_[p] == '\r')) ++p;
    if (p < src_.size() && (src_[p] == ')' || src_[p] == ']' || src_[p] == '}' || src_[p] == '\n')) return;
    if (is_comment_start(p, line_end(p))) return;
    push(TokenKind::Newline, tokens_.back().span.end, tokens_.back().span.end, true);
  }

  bool prefix_position(bool space) const {
    if (tokens_.empty()) return true;
    const TokenKind k = tokens_.back().kind;
    return space || k == TokenKind::Operator || k == TokenKind::LParen || k == TokenKind::LBracket ||
           k == TokenKind::LBrace || k == TokenKind::Newline || k == TokenKind::Indent || k == TokenKind::Dedent;
  }

  void lex_token(bool space) {
    const std::size_t begin = pos_;
    const char c = src_[pos_];
    switch (c) {
      case '(': ++depth_; ++pos_; return push(TokenKind::LParen, begin, pos_, space);
      case '[': ++depth_; ++pos_; return push(TokenKind::LBracket, begin, pos_, space);
      case '{': ++depth_; ++pos_; return push(TokenKind::LBrace, begin, pos_, space);
      case ')': close_bracket(); ++pos_; return push(TokenKind::RParen, begin, pos_, space);
      case ']': close_bracket(); ++pos_; return push(TokenKind::RBracket, begin, pos_, space);
      case '}': close_bracket(); ++pos_; return push(TokenKind::RBrace, begin, pos_, space);
      case '`': {
        if (const std::size_t end_of_line = line_end(pos_); is_comment_start(pos_, end_of_line)) {
          pos_ = end_of_line;
          return;
        }
        pos_ = src_.find('`', pos_ + 1) + 1;
        return push(TokenKind::String, begin, pos_, space);
      }
      case '\\': {
        // Any one character follows, newline included (`newline : \` at the
        // end of a line is the newline character, and ends the line).
        if (pos_ + 1 >= src_.size()) {
          ++pos_;
          return error(begin, pos_, "a character literal needs a character after '\\'");
        }
        std::size_t len = utf8_length(static_cast<unsigned char>(src_[pos_ + 1]));
        if (src_.substr(pos_ + 1, 2) == "\r\n") len = 2;
        pos_ = std::min(src_.size(), pos_ + 1 + len);
        push(TokenKind::Char, begin, pos_, space);
        line_ended_ = src_[pos_ - 1] == '\n';
        return;
      }
      default: break;
    }
    if (is_digit(c) || (c == '-' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]) && prefix_position(space))) {
      return lex_number(space);
    }
    if (is_alpha(c) || c == '_') return lex_word(space);
    if (c == '.') {
      // A run of dots (the guides' `...` placeholder) is accepted by the
      // reference as an atom that names nothing, i.e. __; so it is here.
      while (pos_ < src_.size() && src_[pos_] == '.') ++pos_;
      return push(TokenKind::Identifier, begin, pos_, space);
    }
    for (std::string_view op : kOperators) {
      if (op[0] == c && src_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return push(TokenKind::Operator, begin, pos_, space);
      }
    }
    pos_ += utf8_length(static_cast<unsigned char>(c));
    if (c == '"') return error(begin, pos_, "inline assembly (\"...\") is not supported by signc");
    error(begin, pos_, "unexpected character '" + std::string(src_.substr(begin, pos_ - begin)) + "'");
  }

  void close_bracket() {
    if (depth_ > 0) --depth_;
  }

  void lex_number(bool space) {
    const std::size_t begin = pos_;
    auto digits = [&](auto pred) {
      const std::size_t from = pos_;
      while (pos_ < src_.size() && pred(src_[pos_])) ++pos_;
      return pos_ > from;
    };
    if (src_[pos_] == '0' && pos_ + 1 < src_.size()) {
      const char p = src_[pos_ + 1];
      TokenKind kind = TokenKind::End;
      if (p == 'x') kind = TokenKind::Address;
      if (p == 'r' || p == 'b') kind = TokenKind::Register;
      if (p == 'u') kind = TokenKind::Codepoint;
      if (kind != TokenKind::End) {
        pos_ += 2;
        const bool ok = p == 'b' ? digits([](char d) { return d == '0' || d == '1'; }) : digits(is_hex);
        if (!ok) error(begin, pos_, std::string("'0") + p + "' needs digits after it");
        return push(kind, begin, pos_, space);
      }
    }
    if (src_[pos_] == '-') ++pos_;
    digits(is_digit);
    TokenKind kind = TokenKind::Int;
    if (pos_ < src_.size() && src_[pos_] == '.' && (pos_ + 1 >= src_.size() || src_[pos_ + 1] != '.')) {
      ++pos_;
      digits(is_digit);
      kind = TokenKind::Float;
    }
    push(kind, begin, pos_, space);
  }

  void lex_word(bool space) {
    const std::size_t begin = pos_;
    while (pos_ < src_.size() && is_ident_char(src_[pos_])) ++pos_;
    const std::string_view word = src_.substr(begin, pos_ - begin);
    TokenKind kind = TokenKind::Identifier;
    if (word == "_") kind = TokenKind::Hole;
    if (word == "__") kind = TokenKind::Unit;
    push(kind, begin, pos_, space);
  }

  const SourceFile& file_;
  std::string_view src_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;                    // open brackets: newlines inside are spaces
  std::vector<std::size_t> indents_ = {0};   // tab counts of the open blocks
  bool line_ended_ = false;
  TokenList tokens_;
};

}  // namespace

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::Int: return "int";
    case TokenKind::Float: return "float";
    case TokenKind::Address: return "address";
    case TokenKind::Register: return "register";
    case TokenKind::Codepoint: return "codepoint";
    case TokenKind::String: return "string";
    case TokenKind::Char: return "char";
    case TokenKind::Identifier: return "identifier";
    case TokenKind::Unit: return "unit";
    case TokenKind::Hole: return "hole";
    case TokenKind::Operator: return "operator";
    case TokenKind::LParen: return "lparen";
    case TokenKind::RParen: return "rparen";
    case TokenKind::LBracket: return "lbracket";
    case TokenKind::RBracket: return "rbracket";
    case TokenKind::LBrace: return "lbrace";
    case TokenKind::RBrace: return "rbrace";
    case TokenKind::Newline: return "newline";
    case TokenKind::Indent: return "indent";
    case TokenKind::Dedent: return "dedent";
    case TokenKind::End: return "end";
  }
  return "?";
}

TokenList lex(const SourceFile& file, Diagnostics& diags) { return Lexer(file, diags).run(); }

}  // namespace signc::syntax
