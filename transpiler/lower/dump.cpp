// SPDX-License-Identifier: MIT
// Stable text form of the IR (--emit=ir).
#include <ostream>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

void dump_expr(std::ostream& out, const Module& m, ExprId id) {
  const Expr& e = m.expr(id);
  switch (e.kind) {
    case Expr::Kind::IntLit: out << e.int_value; return;
    case Expr::Kind::FloatLit: out << e.float_value << 'f'; return;
    case Expr::Kind::UnitLit: out << "unit"; return;
    case Expr::Kind::Global: out << '@' << m.globals[e.global].cpp_name; return;
    case Expr::Kind::Cast: out << "(cast " << ctype_spelling(e.type) << ' '; break;
    case Expr::Kind::Infix: out << "(" << e.callee << ' '; break;
    case Expr::Kind::Call: out << "(call " << e.callee << ' '; break;
  }
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    if (i) out << ' ';
    dump_expr(out, m, e.args[i]);
  }
  out << ')';
}

}  // namespace

void dump_ir(std::ostream& out, const Module& m) {
  out << "module " << m.name << " from " << m.source_name << '\n';
  for (const Global& g : m.globals) {
    out << "global " << g.cpp_name << " : " << ctype_spelling(g.type) << "  ; " << g.sign_name << " line " << g.line
        << '\n';
  }
  out << "load:\n";
  for (const Stmt& s : m.load) {
    out << "  " << s.line << ": ";
    switch (s.kind) {
      case Stmt::Kind::Assign: out << '@' << m.globals[s.global].cpp_name << " = "; break;
      case Stmt::Kind::Discard: out << "discard "; break;
      case Stmt::Kind::Result: out << "result "; break;
    }
    dump_expr(out, m, s.expr);
    out << '\n';
  }
}

}  // namespace signc::lower
