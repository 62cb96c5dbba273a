// SPDX-License-Identifier: MIT
// syntax stage: Sign source text → tokens → syntax tree.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <span>
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

using TokenList = ScratchVector<Token>;

// Never fails outright: malformed text is reported and skipped.
TokenList lex(const SourceFile& file, Diagnostics& diags);

void dump_tokens(std::ostream& out, const SourceFile& file, std::span<const Token> tokens);

//=== syntax tree ==============================================================
// The tree keeps the grammar's shape (grammar.pegjs): a line is a flat
// sequence of terms and bare operators; a term is prefix operators glued to a
// core and postfix operators glued after it; a core is an atom or a block of
// lines. Precedence and the meaning of whitespace are decided later, in sema
// (coproduct resolution needs the identifier table), exactly as the
// reference pipeline does.

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind : std::uint8_t {
  Program,   // kids: lines
  Line,      // kids: items (Term or Operator) in source order
  Term,      // kids: prefix operators, the core, postfix operators (see core_index)
  Operator,  // a bare operator between terms: infix, or a section's operator
  Atom,      // a literal, identifier, __ or _
  Block,     // kids: lines; block_kind says which brackets
};

enum class AtomKind : std::uint8_t { Int, Float, Address, Register, Codepoint, String, Char, Identifier, Unit, Hole };
enum class BlockKind : std::uint8_t { Paren, Bracket, Brace, Indent, Abs };

struct Node {
  NodeKind kind = NodeKind::Atom;
  AtomKind atom = AtomKind::Unit;     // Atom only
  BlockKind block = BlockKind::Paren; // Block only
  std::uint8_t core_index = 0;        // Term only: kids[core_index] is the core
  Span span;
  union {
    std::int64_t int_value = 0;  // Int literals (wrapped modulo 2^64)
    double float_value;          // Float literals
  };
  std::span<const NodeId> kids;  // a slice of SyntaxTree::kids
  std::uint32_t first_kid = 0;   // where that slice starts (kids is filled in last)
};

// Nodes live in one vector and their children in another, so a tree is two
// allocations per module, freed at once, and plain data to print. A tree is
// moved, never copied: each node's `kids` points into `kids` below.
struct SyntaxTree {
  ScratchVector<Node> nodes;
  ScratchVector<NodeId> kids;
  NodeId root = kNoNode;

  SyntaxTree() = default;
  SyntaxTree(SyntaxTree&&) = default;
  SyntaxTree& operator=(SyntaxTree&&) = default;
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;

  const Node& at(NodeId id) const { return nodes[id]; }
};

std::string_view atom_kind_name(AtomKind kind);
std::string_view block_kind_name(BlockKind kind);

// Parses the tokens of `file`. Malformed lines are reported and dropped; the
// tree holds every line that parsed.
SyntaxTree parse(const SourceFile& file, std::span<const Token> tokens, Diagnostics& diags);

// Indented S-expression form of the tree with line:col spans (--emit=ast).
void dump_ast(std::ostream& out, const SourceFile& file, const SyntaxTree& tree);

}  // namespace signc::syntax
