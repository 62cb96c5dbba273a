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
    out += c;
  }
  return out + '"';
}

const char* node_kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Program: return "program";
    case NodeKind::Define: return "define";
    case NodeKind::Int: return "int";
    case NodeKind::Float: return "float";
    case NodeKind::Unit: return "unit";
    case NodeKind::Name: return "name";
    case NodeKind::Binary: return "binary";
  }
  return "?";
}

void dump_node(std::ostream& out, const SourceFile& file, const SyntaxTree& tree, NodeId id, int indent) {
  const Node& n = tree.at(id);
  const LineCol at = file.line_col(n.span.begin);
  out << std::string(static_cast<std::size_t>(indent) * 2, ' ') << '(' << node_kind_name(n.kind) << ' ' << at.line
      << ':' << at.col;
  switch (n.kind) {
    case NodeKind::Int: out << ' ' << n.int_value; break;
    case NodeKind::Float: out << ' ' << file.slice(n.span); break;
    case NodeKind::Define:
    case NodeKind::Name:
    case NodeKind::Binary: out << ' ' << quoted(n.text); break;
    default: break;
  }
  for (NodeId kid : n.kids) {
    out << '\n';
    dump_node(out, file, tree, kid, indent + 1);
  }
  out << ')';
}

}  // namespace

void dump_tokens(std::ostream& out, const SourceFile& file, const std::vector<Token>& tokens) {
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
