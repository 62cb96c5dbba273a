// SPDX-License-Identifier: MIT
// Sign parser: tokens → syntax tree. Each parse function is tagged with the
// grammar rule it implements (`//G`), so `grep -h '//G' transpiler/syntax`
// prints the grammar this parser accepts. Precedence follows
// guide/operator_table.md (13: + -, 14: * / %), all left-associative.
#include <charconv>
#include <limits>
#include <string>

#include "syntax/syntax.hpp"

namespace signc::syntax {
namespace {

// Deeper nesting than this is reported instead of risking the C++ stack.
constexpr int kMaxDepth = 512;

struct ParseError {};  // unwinds to the line loop after a diagnostic

class Parser {
 public:
  Parser(const SourceFile& file, const std::vector<Token>& tokens, Diagnostics& diags)
      : file_(file), tokens_(tokens), diags_(diags) {}

  //G Program = (Line Newline)* End
  SyntaxTree run() {
    std::vector<NodeId> forms;
    while (peek().kind != TokenKind::End) {
      if (peek().kind == TokenKind::Newline) {
        ++pos_;
        continue;
      }
      try {
        forms.push_back(line());
        expect_line_end();
      } catch (const ParseError&) {
        skip_line();
      }
    }
    Span all{0, static_cast<std::uint32_t>(file_.text().size())};
    tree_.root = add(NodeKind::Program, all);
    tree_.nodes[tree_.root].kids = std::move(forms);
    return std::move(tree_);
  }

 private:
  const Token& peek(std::size_t ahead = 0) const {
    const std::size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  std::string_view text(const Token& t) const { return file_.slice(t.span); }
  bool is_op(const Token& t, std::string_view op) const { return t.kind == TokenKind::Operator && text(t) == op; }

  NodeId add(NodeKind kind, Span span, std::string text = {}) {
    tree_.nodes.push_back(Node{kind, span, std::move(text), 0, 0, {}});
    return static_cast<NodeId>(tree_.nodes.size() - 1);
  }
  Span span_of(NodeId id) const { return tree_.nodes[id].span; }

  [[noreturn]] void fail(const Token& at, std::string message) {
    diags_.error(file_, at.span, std::move(message));
    throw ParseError{};
  }

  void skip_line() {
    int depth = 0;
    while (peek().kind != TokenKind::End) {
      const TokenKind k = peek().kind;
      if (k == TokenKind::Indent) ++depth;
      if (k == TokenKind::Dedent) --depth;
      ++pos_;
      if (k == TokenKind::Newline && depth <= 0) return;
    }
  }

  void expect_line_end() {
    const Token& t = peek();
    if (t.kind == TokenKind::Newline || t.kind == TokenKind::End) return;
    unsupported(t, "after a complete expression");
  }

  // Names the construct a token starts, for "not supported yet" errors.
  [[noreturn]] void unsupported(const Token& t, std::string_view where) {
    std::string what;
    switch (t.kind) {
      case TokenKind::Indent: what = "an indented block"; break;
      case TokenKind::Dedent: what = "a dedent"; break;
      case TokenKind::String: what = "a string literal"; break;
      case TokenKind::Char: what = "a character literal"; break;
      case TokenKind::Address: what = "an address literal (0x)"; break;
      case TokenKind::Register: what = "a register literal (0r/0b)"; break;
      case TokenKind::Codepoint: what = "a code point literal (0u)"; break;
      case TokenKind::Hole: what = "a hole '_'"; break;
      case TokenKind::LBracket: case TokenKind::LBrace: what = "a list or block bracket"; break;
      case TokenKind::Operator: what = "the operator '" + std::string(text(t)) + "'"; break;
      case TokenKind::RParen: case TokenKind::RBracket: case TokenKind::RBrace:
        fail(t, "unmatched '" + std::string(text(t)) + "'");
      default: what = "'" + std::string(text(t)) + "'"; break;
    }
    if (where == "after a complete expression" && t.kind != TokenKind::Operator && t.kind != TokenKind::Indent) {
      fail(t, "juxtaposition (the coproduct operator: application, composition, lists) is not supported by "
              "this version of signc");
    }
    fail(t, what + " is not supported by this version of signc");
  }

  //G Line = identifier ":" Expression / Expression
  NodeId line() {
    if (peek().kind == TokenKind::Identifier && is_op(peek(1), ":")) {
      const Token& name = peek();
      pos_ += 2;
      const NodeId rhs = expression(0);
      const NodeId def = add(NodeKind::Define, {name.span.begin, span_of(rhs).end}, std::string(text(name)));
      tree_.nodes[def].kids = {rhs};
      return def;
    }
    return expression(0);
  }

  static int precedence(std::string_view op) {
    if (op == "+" || op == "-") return 13;
    if (op == "*" || op == "/" || op == "%") return 14;
    return -1;
  }

  //G Expression = Primary (InfixOp Primary)*     ; by precedence, left-associative
  //G InfixOp = "+" / "-" / "*" / "/" / "%"
  NodeId expression(int depth) {
    if (depth > kMaxDepth) fail(peek(), "expression nested too deeply (more than 512 levels)");
    return infix(primary(depth), 0, depth);
  }

  NodeId infix(NodeId lhs, int min_prec, int depth) {
    for (;;) {
      const Token& op = peek();
      if (op.kind != TokenKind::Operator) return lhs;
      const int prec = precedence(text(op));
      if (prec < 0) {
        if (is_op(op, ":")) fail(op, "a definition ':' is only allowed at the start of a top-level line");
        unsupported(op, "infix");
      }
      if (prec < min_prec) return lhs;
      ++pos_;
      NodeId rhs = primary(depth);
      while (peek().kind == TokenKind::Operator && precedence(text(peek())) > prec) {
        rhs = infix(rhs, prec + 1, depth);
      }
      const NodeId bin = add(NodeKind::Binary, {span_of(lhs).begin, span_of(rhs).end}, std::string(text(op)));
      tree_.nodes[bin].kids = {lhs, rhs};
      lhs = bin;
    }
  }

  //G Primary = number / "__" / identifier / "(" Expression ")"
  NodeId primary(int depth) {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::Int: ++pos_; return int_literal(t);
      case TokenKind::Float: ++pos_; return float_literal(t);
      case TokenKind::Unit: ++pos_; return add(NodeKind::Unit, t.span);
      case TokenKind::Identifier: ++pos_; return add(NodeKind::Name, t.span, std::string(text(t)));
      case TokenKind::LParen: {
        ++pos_;
        if (peek().kind == TokenKind::RParen) {  // `()` is the empty block, i.e. Unit
          const Token& close = peek();
          ++pos_;
          return add(NodeKind::Unit, {t.span.begin, close.span.end});
        }
        NodeId inner = kNoNode;
        try {
          inner = expression(depth + 1);
          if (peek().kind != TokenKind::RParen) {
            if (peek().kind == TokenKind::Newline || peek().kind == TokenKind::End) {
              diags_.error(file_, t.span, "'(' is never closed");
              throw ParseError{};
            }
            unsupported(peek(), "after a complete expression");
          }
        } catch (const ParseError&) {
          // Brackets join lines, so an unclosed '(' surfaces far from itself.
          if (file_.line_col(t.span.begin).line != file_.line_col(peek().span.begin).line) {
            diags_.note(file_, t.span, "to match this '('");
          }
          throw;
        }
        const Token& close = peek();
        ++pos_;
        tree_.nodes[inner].span = {t.span.begin, close.span.end};
        return inner;
      }
      case TokenKind::Newline:
      case TokenKind::End: fail(t, "expected an expression at the end of the line");
      default: unsupported(t, "primary");
    }
  }

  // Decimal literals wrap modulo 2^64 (integer_overflow.md §1); the value is
  // accumulated in unsigned arithmetic and reinterpreted.
  NodeId int_literal(const Token& t) {
    std::string_view s = text(t);
    const bool negative = s.front() == '-';
    if (negative) s.remove_prefix(1);
    std::uint64_t v = 0;
    bool wrapped = false;
    for (char c : s) {
      const std::uint64_t next = v * 10 + static_cast<std::uint64_t>(c - '0');
      if (v > (std::numeric_limits<std::uint64_t>::max() - 9) / 10) wrapped = true;
      v = next;
    }
    if (negative) v = 0 - v;
    if (wrapped || (!negative && v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) ||
        (negative && static_cast<std::int64_t>(v) > 0)) {
      diags_.warning(file_, t.span, "integer literal does not fit in 64 bits; it wraps modulo 2^64");
    }
    const NodeId id = add(NodeKind::Int, t.span);
    tree_.nodes[id].int_value = static_cast<std::int64_t>(v);
    return id;
  }

  NodeId float_literal(const Token& t) {
    const std::string_view s = text(t);
    double v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec == std::errc::result_out_of_range) {
      diags_.warning(file_, t.span, "float literal is out of range");
    }
    const NodeId id = add(NodeKind::Float, t.span);
    tree_.nodes[id].float_value = v;
    return id;
  }

  const SourceFile& file_;
  const std::vector<Token>& tokens_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  SyntaxTree tree_;
};

}  // namespace

SyntaxTree parse(const SourceFile& file, const std::vector<Token>& tokens, Diagnostics& diags) {
  return Parser(file, tokens, diags).run();
}

}  // namespace signc::syntax
