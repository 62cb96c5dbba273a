// SPDX-License-Identifier: MIT
// Sign parser: tokens → the grammar-shaped syntax tree (lines of terms).
// Each parse function is tagged with the rule it implements (`//G`), so
// `grep -h '//G' transpiler/syntax` prints the grammar this parser accepts.
// Whitespace decides operator roles (guide/operator_table.md "Core
// Principles"): a polysemous operator glued before a core is prefix, glued
// after one is postfix, spaced is infix; strictly infix operators are infix
// however they are spaced.
#include <charconv>
#include <limits>
#include <string>

#include "syntax/syntax.hpp"

namespace signc::syntax {
namespace {

// Deeper bracket nesting than this is reported instead of risking the stack.
constexpr int kMaxDepth = 256;

struct ParseError {};  // unwinds to the line loop after a diagnostic

bool is_prefix_op(std::string_view op) {
  return op == "###" || op == "##" || op == "#" || op == "~" || op == "!!" || op == "!" || op == "$" || op == "@" ||
         op == "-";
}
bool is_postfix_op(std::string_view op) { return op == "!" || op == "~" || op == "@"; }

bool is_opener(TokenKind k) { return k == TokenKind::LParen || k == TokenKind::LBracket || k == TokenKind::LBrace; }
bool is_closer(TokenKind k) { return k == TokenKind::RParen || k == TokenKind::RBracket || k == TokenKind::RBrace; }
bool is_atom_token(TokenKind k) { return k <= TokenKind::Hole; }

AtomKind atom_kind_of(TokenKind k) {
  switch (k) {
    case TokenKind::Int: return AtomKind::Int;
    case TokenKind::Float: return AtomKind::Float;
    case TokenKind::Address: return AtomKind::Address;
    case TokenKind::Register: return AtomKind::Register;
    case TokenKind::Codepoint: return AtomKind::Codepoint;
    case TokenKind::String: return AtomKind::String;
    case TokenKind::Char: return AtomKind::Char;
    case TokenKind::Identifier: return AtomKind::Identifier;
    case TokenKind::Unit: return AtomKind::Unit;
    default: return AtomKind::Hole;
  }
}

TokenKind closer_of(TokenKind opener) {
  if (opener == TokenKind::LParen) return TokenKind::RParen;
  if (opener == TokenKind::LBracket) return TokenKind::RBracket;
  return TokenKind::RBrace;
}

class Parser {
 public:
  Parser(const SourceFile& file, std::span<const Token> tokens, Diagnostics& diags)
      : file_(file), tokens_(tokens), diags_(diags) {}

  //G Program = (Line Newline)* End
  SyntaxTree run() {
    tree_.nodes.reserve(2 * tokens_.size());  // an atom and its term per token, plus lines
    tree_.kids.reserve(2 * tokens_.size());
    std::vector<NodeId> lines;
    while (peek().kind != TokenKind::End) {
      if (peek().kind == TokenKind::Newline) {
        ++pos_;
        continue;
      }
      try {
        const NodeId l = line(Context::TopLevel, 0);
        if (peek().kind != TokenKind::Newline && peek().kind != TokenKind::End) unexpected(peek());
        lines.push_back(l);
      } catch (const ParseError&) {
        skip_line();
      }
    }
    tree_.root = add(NodeKind::Program, {0, static_cast<std::uint32_t>(file_.text().size())});
    set_kids(tree_.root, lines);
    // Children are final now: point every node's slice into the flat array.
    for (Node& n : tree_.nodes) n.kids = std::span<const NodeId>(tree_.kids.data() + n.first_kid, n.kids.size());
    return std::move(tree_);
  }

 private:
  enum class Context { TopLevel, Bracket, Indent, Abs };

  const Token& peek(std::size_t ahead = 0) const {
    const std::size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  std::string_view text(const Token& t) const { return file_.slice(t.span); }

  NodeId add(NodeKind kind, Span span) {
    Node n;
    n.kind = kind;
    n.span = span;
    tree_.nodes.push_back(std::move(n));
    return static_cast<NodeId>(tree_.nodes.size() - 1);
  }
  Node& node(NodeId id) { return tree_.nodes[id]; }

  // Appends a finished node's children to the flat array; the span's data
  // pointer is set at the end, once the array no longer moves.
  void set_kids(NodeId id, const std::vector<NodeId>& kids) {
    node(id).first_kid = static_cast<std::uint32_t>(tree_.kids.size());
    tree_.kids.insert(tree_.kids.end(), kids.begin(), kids.end());
    node(id).kids = std::span<const NodeId>(static_cast<const NodeId*>(nullptr), kids.size());
  }

  [[noreturn]] void fail(Span at, std::string message) {
    diags_.error(file_, at, std::move(message));
    throw ParseError{};
  }
  [[noreturn]] void unexpected(const Token& t) {
    if (is_closer(t.kind)) fail(t.span, "unmatched '" + std::string(text(t)) + "'");
    if (t.kind == TokenKind::Dedent) fail(t.span, "unexpected end of an indented block");
    fail(t.span, "unexpected '" + std::string(text(t)) + "'");
  }

  // Error recovery: drop the rest of the logical line, nested blocks included.
  void skip_line() {
    int blocks = 0;
    int brackets = 0;
    while (peek().kind != TokenKind::End) {
      const TokenKind k = peek().kind;
      if (k == TokenKind::Indent) ++blocks;
      if (k == TokenKind::Dedent) --blocks;
      if (is_opener(k)) ++brackets;
      if (is_closer(k)) --brackets;
      ++pos_;
      if (k == TokenKind::Newline && blocks <= 0 && brackets <= 0) return;
    }
  }

  // Does this token end the line in the given context?
  bool ends_line(const Token& t, Context ctx) const {
    switch (t.kind) {
      case TokenKind::Newline:
      case TokenKind::End:
      case TokenKind::Dedent: return true;
      case TokenKind::RParen:
      case TokenKind::RBracket:
      case TokenKind::RBrace: return ctx == Context::Bracket || ctx == Context::Abs || ctx == Context::TopLevel ||
                                     ctx == Context::Indent;
      case TokenKind::Operator: return ctx == Context::Abs && text(t) == "|" && closes_abs();
      default: return false;
    }
  }

  // A '|' closes an absolute-value block when it is glued to what precedes it
  // and not glued to what follows (grammar: "|" Expressions "|" &(space/end)),
  // except for a product comma, which the reference accepts glued: `[|xs|, 1]`.
  bool closes_abs() const {
    const Token& bar = peek();
    const Token& next = peek(1);
    return !bar.space_before &&
           (next.space_before || next.kind == TokenKind::Newline || next.kind == TokenKind::End || is_closer(next.kind) ||
            (next.kind == TokenKind::Operator && text(next) == ","));
  }

  //G Line = Item (Item)*
  //G Item = Term / Operator
  NodeId line(Context ctx, int depth) {
    const NodeId id = add(NodeKind::Line, peek().span);
    std::vector<NodeId> items;
    while (!ends_line(peek(), ctx)) {
      items.push_back(item(ctx, depth));
    }
    if (items.empty()) fail(peek().span, "expected an expression");
    node(id).span = {node(items.front()).span.begin, node(items.back()).span.end};
    set_kids(id, items);
    // An indented block written after a line belongs to that line.
    return id;
  }

  NodeId item(Context ctx, int depth) {
    const Token& t = peek();
    if (t.kind == TokenKind::Indent) return term(ctx, depth);
    if (t.kind == TokenKind::Operator && !starts_term(pos_)) {
      ++pos_;
      return add(NodeKind::Operator, t.span);
    }
    return term(ctx, depth);
  }

  // Is the operator at token index i a prefix operator or an opening '|'?
  bool starts_term(std::size_t i) const {
    const Token& t = tokens_[i];
    const Token& next = i + 1 < tokens_.size() ? tokens_[i + 1] : tokens_.back();
    const std::string_view op = text(t);
    if (next.space_before) return false;
    const bool next_is_core = is_atom_token(next.kind) || is_opener(next.kind) ||
                              (next.kind == TokenKind::Operator && (starts_term(i + 1) || text(next) == "|"));
    if (!next_is_core) return false;
    // Glued to a preceding core on the left makes it postfix, not prefix.
    if (!t.space_before && i > 0 && ends_core(tokens_[i - 1])) return false;
    if (op == "|") return true;  // opening an absolute-value block
    if (op == "-") return next.kind == TokenKind::Identifier || is_opener(next.kind) || text(next) == "|";
    return is_prefix_op(op);
  }

  bool ends_core(const Token& t) const { return is_atom_token(t.kind) || is_closer(t.kind); }

  //G Term = Prefix* Core Postfix*
  //G Prefix = "###" / "##" / "#" / "-" &(identifier / Block) / "~" / "!!" / "!" / "$" / "@"   ; glued to the core
  //G Postfix = "!" / "~" / "@"                                                             ; glued to the core
  NodeId term(Context ctx, int depth) {
    const NodeId id = add(NodeKind::Term, peek().span);
    std::vector<NodeId> kids;
    while (peek().kind == TokenKind::Operator && starts_term(pos_) && text(peek()) != "|") {
      kids.push_back(add(NodeKind::Operator, peek().span));
      ++pos_;
    }
    const auto core_index = static_cast<std::uint8_t>(std::min<std::size_t>(kids.size(), 255));
    if (core_index != kids.size()) fail(peek().span, "too many prefix operators");
    kids.push_back(core(ctx, depth));
    while (peek().kind == TokenKind::Operator && !peek().space_before && is_postfix_op(text(peek())) &&
           !(ctx == Context::Abs && closes_abs())) {
      const Token& op = peek();
      const Token& next = peek(1);
      // A postfix operator is followed by space, a line end, a closer, another
      // postfix or a product comma (`[xs~, 3]`).
      const bool followed_ok = next.space_before || next.kind == TokenKind::Newline || next.kind == TokenKind::End ||
                               next.kind == TokenKind::Dedent || next.kind == TokenKind::Indent ||
                               is_closer(next.kind) ||
                               (next.kind == TokenKind::Operator && (is_postfix_op(text(next)) || text(next) == ","));
      if (!followed_ok) break;
      kids.push_back(add(NodeKind::Operator, op.span));
      ++pos_;
    }
    node(id).core_index = core_index;
    node(id).span = {node(kids.front()).span.begin, node(kids.back()).span.end};
    set_kids(id, kids);
    return id;
  }

  //G Core = Block / Atom
  //G Block = "[" Lines "]" / "(" Lines ")" / "{" Lines "}" / "|" Lines "|" / Indent Lines Dedent
  //G Atom = string / char / address / register / unicode / number / identifier / "__" / "_"
  NodeId core(Context ctx, int depth) {
    const Token& t = peek();
    if (is_atom_token(t.kind)) {
      ++pos_;
      return atom(t);
    }
    if (depth >= kMaxDepth) fail(t.span, "blocks nested too deeply (more than 256 levels)");
    if (is_opener(t.kind)) return bracket_block(t, depth);
    if (t.kind == TokenKind::Operator && text(t) == "|") return abs_block(t, depth);
    if (t.kind == TokenKind::Indent) return indent_block(t, depth);
    static_cast<void>(ctx);
    if (t.kind == TokenKind::Newline || t.kind == TokenKind::End) fail(t.span, "expected an expression");
    unexpected(t);
  }

  // Lines of a bracket or abs block, up to (not including) its closer.
  std::vector<NodeId> block_lines(Context ctx, int depth, const Token& opener, TokenKind closer) {
    std::vector<NodeId> lines;
    for (;;) {
      while (peek().kind == TokenKind::Newline) ++pos_;
      const Token& t = peek();
      if (t.kind == closer && ctx == Context::Bracket) return lines;
      if (ctx == Context::Abs && t.kind == TokenKind::Operator && text(t) == "|" && closes_abs()) return lines;
      if (t.kind == TokenKind::End) {
        diags_.error(file_, opener.span, "'" + std::string(text(opener)) + "' is never closed");
        throw ParseError{};
      }
      if (is_closer(t.kind)) {
        diags_.note(file_, opener.span, "to match this '" + std::string(text(opener)) + "'");
        fail(t.span, "expected '" + std::string(closer == TokenKind::RParen ? ")" : closer == TokenKind::RBracket ? "]" : closer == TokenKind::RBrace ? "}" : "|") + "' but found '" + std::string(text(t)) + "'");
      }
      lines.push_back(line(ctx, depth + 1));
      const Token& after = peek();
      if (after.kind != TokenKind::Newline && !(after.kind == closer && ctx == Context::Bracket) &&
          !(ctx == Context::Abs && after.kind == TokenKind::Operator && text(after) == "|")) {
        if (after.kind == TokenKind::End) continue;
        unexpected(after);
      }
    }
  }

  NodeId bracket_block(const Token& open, int depth) {
    ++pos_;
    const TokenKind closer = closer_of(open.kind);
    const NodeId id = add(NodeKind::Block, open.span);
    node(id).block = open.kind == TokenKind::LParen ? BlockKind::Paren
                     : open.kind == TokenKind::LBracket ? BlockKind::Bracket
                                                        : BlockKind::Brace;
    auto lines = block_lines(Context::Bracket, depth, open, closer);
    const Token& close = peek();
    ++pos_;
    node(id).span = {open.span.begin, close.span.end};
    set_kids(id, lines);
    return id;
  }

  NodeId abs_block(const Token& open, int depth) {
    ++pos_;
    const NodeId id = add(NodeKind::Block, open.span);
    node(id).block = BlockKind::Abs;
    auto lines = block_lines(Context::Abs, depth, open, TokenKind::Operator);
    const Token& close = peek();
    ++pos_;
    node(id).span = {open.span.begin, close.span.end};
    set_kids(id, lines);
    return id;
  }

  //G IndentBlock = Indent Line (Newline Line)* Dedent    ; tab-indented lines under a line
  NodeId indent_block(const Token& open, int depth) {
    ++pos_;
    const NodeId id = add(NodeKind::Block, open.span);
    node(id).block = BlockKind::Indent;
    std::vector<NodeId> lines;
    while (peek().kind != TokenKind::Dedent && peek().kind != TokenKind::End) {
      if (peek().kind == TokenKind::Newline) {
        ++pos_;
        continue;
      }
      try {
        const NodeId l = line(Context::Indent, depth + 1);
        if (peek().kind != TokenKind::Newline && peek().kind != TokenKind::Dedent && peek().kind != TokenKind::End)
          unexpected(peek());
        lines.push_back(l);
      } catch (const ParseError&) {
        skip_block_line();
      }
    }
    const Span end = peek().span;
    if (peek().kind == TokenKind::Dedent) ++pos_;
    if (lines.empty()) fail(open.span, "empty indented block");
    node(id).span = {node(lines.front()).span.begin, std::max(node(lines.back()).span.end, std::min(end.begin, node(lines.back()).span.end))};
    set_kids(id, lines);
    return id;
  }

  // Recovery inside an indented block: skip to the next line of the block.
  void skip_block_line() {
    int blocks = 0;
    while (peek().kind != TokenKind::End) {
      const TokenKind k = peek().kind;
      if (k == TokenKind::Dedent && blocks == 0) return;
      if (k == TokenKind::Indent) ++blocks;
      if (k == TokenKind::Dedent) --blocks;
      ++pos_;
      if (k == TokenKind::Newline && blocks == 0) return;
    }
  }

  NodeId atom(const Token& t) {
    const NodeId id = add(NodeKind::Atom, t.span);
    node(id).atom = atom_kind_of(t.kind);
    if (t.kind == TokenKind::Int) node(id).int_value = int_literal(t);
    if (t.kind == TokenKind::Float) node(id).float_value = float_literal(t);
    return id;
  }

  // Decimal literals wrap modulo 2^64 (integer_overflow.md §1); the value is
  // accumulated in unsigned arithmetic and reinterpreted.
  std::int64_t int_literal(const Token& t) {
    std::string_view s = text(t);
    const bool negative = s.front() == '-';
    if (negative) s.remove_prefix(1);
    std::uint64_t v = 0;
    bool wrapped = false;
    for (char c : s) {
      if (v > (std::numeric_limits<std::uint64_t>::max() - 9) / 10) wrapped = true;
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (negative) v = 0 - v;
    if (wrapped || (!negative && v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) ||
        (negative && static_cast<std::int64_t>(v) > 0)) {
      diags_.warning(file_, t.span, "integer literal does not fit in 64 bits; it wraps modulo 2^64");
    }
    return static_cast<std::int64_t>(v);
  }

  double float_literal(const Token& t) {
    const std::string_view s = text(t);
    double v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec == std::errc::result_out_of_range) diags_.warning(file_, t.span, "float literal is out of range");
    return v;
  }

  const SourceFile& file_;
  std::span<const Token> tokens_;
  Diagnostics& diags_;
  std::size_t pos_ = 0;
  SyntaxTree tree_;
};

}  // namespace

std::string_view atom_kind_name(AtomKind kind) {
  switch (kind) {
    case AtomKind::Int: return "int";
    case AtomKind::Float: return "float";
    case AtomKind::Address: return "address";
    case AtomKind::Register: return "register";
    case AtomKind::Codepoint: return "codepoint";
    case AtomKind::String: return "string";
    case AtomKind::Char: return "char";
    case AtomKind::Identifier: return "identifier";
    case AtomKind::Unit: return "unit";
    case AtomKind::Hole: return "hole";
  }
  return "?";
}

std::string_view block_kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::Paren: return "paren";
    case BlockKind::Bracket: return "bracket";
    case BlockKind::Brace: return "brace";
    case BlockKind::Indent: return "indent";
    case BlockKind::Abs: return "abs";
  }
  return "?";
}

SyntaxTree parse(const SourceFile& file, std::span<const Token> tokens, Diagnostics& diags) {
  return Parser(file, tokens, diags).run();
}

}  // namespace signc::syntax
