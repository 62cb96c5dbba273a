// SPDX-License-Identifier: MIT
// The sema entry point and its dump.
#include <ostream>

#include "sema/sema.hpp"

namespace signc::sema {

Program analyze(const SourceFile& file, const syntax::SyntaxTree& tree, Diagnostics& diags) {
  Program program;
  program.file = &file;
  program.tree = &tree;
  program.binding_of.assign(tree.nodes.size(), kUnbound);
  program.type_of.assign(tree.nodes.size(), Type::Dynamic);
  if (tree.root == syntax::kNoNode) return program;
  resolve_identifiers(program, diags);
  propagate_types(program);
  return program;
}

void dump_types(std::ostream& out, const Program& program) {
  for (const Binding& b : program.bindings) {
    const LineCol at = program.file->line_col(program.node(b.define).span.begin);
    out << at.line << ':' << at.col << " binding " << b.name << '#' << b.version << " : " << type_name(b.type) << '\n';
  }
}

}  // namespace signc::sema
