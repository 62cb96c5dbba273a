// SPDX-License-Identifier: MIT
// Stable text forms of tokens and trees (--emit=tokens, --emit=ast); the
// syntax goldens compare these, so the format changes only on purpose.
#include <ostream>
#include <string>

#include "syntax/syntax.hpp"

namespace signc::syntax {
namespace {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + '"';
}

void dump_node(std::ostream& out, const SourceFile& file, const SyntaxTree& tree, NodeId id, int indent) {
  const Node& n = tree.at(id);
  const LineCol at = file.line_col(n.span.begin);
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  out << pad << '(';
  switch (n.kind) {
    case NodeKind::Program: out << "program"; break;
    case NodeKind::Line: out << "line"; break;
    case NodeKind::Term: out << "term"; break;
    case NodeKind::Operator: out << "op " << quoted(file.slice(n.span)); break;
    case NodeKind::Atom:
      out << atom_kind_name(n.atom) << ' ';
      if (n.atom == AtomKind::Int) {
        out << n.int_value;
      } else {
        out << quoted(file.slice(n.span));
      }
      break;
    case NodeKind::Block: out << "block " << block_kind_name(n.block); break;
  }
  out << " @" << at.line << ':' << at.col;
  // A term with only a core prints as the core: the usual case stays short.
  for (std::size_t i = 0; i < n.kids.size(); ++i) {
    out << '\n';
    const bool is_prefix = n.kind == NodeKind::Term && i < n.core_index;
    const bool is_postfix = n.kind == NodeKind::Term && i > n.core_index;
    if (is_prefix || is_postfix) {
      out << pad << "  " << (is_prefix ? "(prefix " : "(postfix ") << quoted(file.slice(tree.at(n.kids[i]).span)) << ')';
      continue;
    }
    dump_node(out, file, tree, n.kids[i], indent + 1);
  }
  out << ')';
}

}  // namespace

void dump_tokens(std::ostream& out, const SourceFile& file, std::span<const Token> tokens) {
  for (const Token& t : tokens) {
    const LineCol at = file.line_col(t.span.begin);
    out << at.line << ':' << at.col << ' ' << token_kind_name(t.kind);
    if (t.span.end > t.span.begin && t.kind != TokenKind::Indent && t.kind != TokenKind::Dedent) {
      out << ' ' << quoted(file.slice(t.span));
    }
    if (t.space_before) out << " ws";
    out << '\n';
  }
}

void dump_ast(std::ostream& out, const SourceFile& file, const SyntaxTree& tree) {
  if (tree.root == kNoNode) return;
  dump_node(out, file, tree, tree.root, 0);
  out << '\n';
}

}  // namespace signc::syntax
