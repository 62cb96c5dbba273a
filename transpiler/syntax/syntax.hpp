// SPDX-License-Identifier: MIT
// syntax stage: Sign source text → tokens → syntax tree.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "support/support.hpp"

namespace signc::syntax {

//=== tokens ===================================================================

enum class TokenKind : std::uint8_t {
  Int,         // 42, -7           (decimal: wraps modulo 2^64)
  Float,       // 2.5, 3.
  Address,     // 0x1F
  Register,    // 0rFF, 0b1010
  Codepoint,   // 0u0041
  String,      // `text`
  Char,        // \a
  Identifier,  // name, _name
  Unit,        // __
  Hole,        // _
  Operator,    // + - : ? ### ...
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  Newline,     // end of a logical line at bracket depth 0
  Indent,      // one more leading tab than the enclosing block
  Dedent,
  End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  Span span;
  bool space_before = false;  // whitespace (or line start) right before it
};

std::string_view token_kind_name(TokenKind kind);

// Never fails outright: malformed text is reported and skipped.
std::vector<Token> lex(const SourceFile& file, Diagnostics& diags);

void dump_tokens(std::ostream& out, const SourceFile& file, const std::vector<Token>& tokens);

//=== syntax tree ==============================================================

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind : std::uint8_t {
  Program,  // kids: top-level forms in file order
  Define,   // name : rhs          text = name, kids = {rhs}
  Int,      // int_value
  Float,    // float_value
  Unit,     // __
  Name,     // text = identifier
  Binary,   // text = operator, kids = {lhs, rhs}
};

struct Node {
  NodeKind kind = NodeKind::Unit;
  Span span;
  std::string text;
  std::int64_t int_value = 0;
  double float_value = 0;
  std::vector<NodeId> kids;
};

// Nodes live in one vector and refer to each other by index, so a tree is
// plain data: copyable, printable, and freed at once.
struct SyntaxTree {
  std::vector<Node> nodes;
  NodeId root = kNoNode;

  const Node& at(NodeId id) const { return nodes[id]; }
};

// Parses the tokens of `file`. On error the tree holds what could be parsed;
// diags says whether it is usable.
SyntaxTree parse(const SourceFile& file, const std::vector<Token>& tokens, Diagnostics& diags);

// Indented S-expression form of the tree with line:col spans (--emit=ast).
void dump_ast(std::ostream& out, const SourceFile& file, const SyntaxTree& tree);

}  // namespace signc::syntax
