// SPDX-License-Identifier: MIT
// Stable text form of the IR (--emit=ir).
#include <ostream>
#include <string>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

// A List of Ints is a sign::Value in C++; the IR says what it knows.
std::string type_name(const Module& m, CType type) {
  return type == CType::IntList ? "sign::Value (a List of Ints)" : std::string(m.spelling(type));
}

void dump_expr(std::ostream& out, const Module& m, const Function& f, ExprId id) {
  const Expr& e = m.expr(id);
  switch (e.kind) {
    case Expr::Kind::IntLit: out << e.int_value; return;
    case Expr::Kind::FloatLit: out << e.float_value << 'f'; return;
    case Expr::Kind::UnitLit: out << "unit"; return;
    case Expr::Kind::Global: out << '@' << m.globals[e.index].cpp_name; return;
    case Expr::Kind::Local: out << (e.moved ? "move " : "") << '%' << f.locals[e.index].cpp_name; return;
    case Expr::Kind::Cast: out << "(cast " << ctype_spelling(e.type) << ' '; break;
    case Expr::Kind::Infix: out << "(" << e.callee << ' '; break;
    case Expr::Kind::Call: out << "(call " << e.callee << ' '; break;
    case Expr::Kind::StringLit: out << "(string \"" << e.callee << "\")"; return;
    case Expr::Kind::TextLit: out << '"' << e.callee << '"'; return;
    case Expr::Kind::Constant: out << e.callee; return;
    case Expr::Kind::Braced: out << "(list " << (e.callee.empty() ? "" : std::string(e.callee) + " "); break;
    case Expr::Kind::AddressOf: out << "(address-of "; break;
    case Expr::Kind::Capture: out << "(captured " << e.index << ')'; return;
    case Expr::Kind::ArgsRef: out << "args"; return;
    case Expr::Kind::FunctionValue: out << "(function " << m.functions[e.index].cpp_name << ')'; return;
    case Expr::Kind::DirectCall: out << "(direct " << m.functions[e.index].cpp_name << ' '; break;
    case Expr::Kind::MakeClosure: out << "(closure " << m.functions[e.index].cpp_name << ' '; break;
    case Expr::Kind::Field: out << "(" << e.callee << ' '; break;
  }
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    if (i) out << ' ';
    dump_expr(out, m, f, e.args[i]);
  }
  out << ')';
}

void dump_stmts(std::ostream& out, const Module& m, const Function& f, const std::vector<StmtId>& body, int depth) {
  const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  for (StmtId id : body) {
    const Stmt& s = m.stmt(id);
    out << pad << s.line << ": " << (s.on_entry ? "on-entry " : "");
    switch (s.kind) {
      case Stmt::Kind::Assign: out << '@' << m.globals[s.index].cpp_name << " = "; break;
      case Stmt::Kind::Result: out << "result "; break;
      case Stmt::Kind::Let: out << "let %" << f.locals[s.index].cpp_name << " : " << type_name(m, f.locals[s.index].type) << " = "; break;
      case Stmt::Kind::Set: out << "%" << f.locals[s.index].cpp_name << " = "; break;
      case Stmt::Kind::IfUnit: out << "if " << (s.negated ? "not-unit %" : "unit %") << f.locals[s.index].cpp_name << '\n'; break;
      case Stmt::Kind::If:
        out << (s.negated ? "if-not " : "if ");
        dump_expr(out, m, f, s.expr);
        out << '\n';
        break;
      case Stmt::Kind::Return: out << "return "; break;
      case Stmt::Kind::Continue: out << "continue\n"; break;
      case Stmt::Kind::Evaluate: out << "evaluate "; break;
      case Stmt::Kind::Perform: out << "perform "; break;
      case Stmt::Kind::Dispatch: out << "dispatch-ints "; break;
    }
    if (s.kind == Stmt::Kind::IfUnit || s.kind == Stmt::Kind::If) {
      dump_stmts(out, m, f, s.then_body, depth + 1);
      if (!s.else_body.empty()) {
        out << pad << "else\n";
        dump_stmts(out, m, f, s.else_body, depth + 1);
      }
      continue;
    }
    if (s.kind == Stmt::Kind::Continue) continue;
    dump_expr(out, m, f, s.expr);
    out << '\n';
  }
}

}  // namespace

void dump_ir(std::ostream& out, const Module& m) {
  out << "module " << m.name << " from " << m.source_name << '\n';
  for (const Global& g : m.globals) {
    out << "global " << g.cpp_name << " : " << m.spelling(g.type);
    if (g.constant) {
      out << " constant ";
      dump_expr(out, m, m.load, *g.constant);
    }
    out << "  ; " << g.sign_name << " line " << g.line << '\n';
  }
  for (const Function& f : m.functions) {
    out << "function " << f.cpp_name << '(';
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      out << (i ? " " : "") << f.locals[i].cpp_name;
      if (f.specializes >= 0) out << " : " << type_name(m, f.locals[i].type);  // a twin: the types make it one
    }
    out << ")" << (f.generic ? " generic" : "") << (f.loops ? " loops" : "") << (f.defers ? " defers" : "") << "  ; " << f.sign_name << " line " << f.line << '\n';
    dump_stmts(out, m, f, f.body, 1);
  }
  out << "load:\n";
  dump_stmts(out, m, m.load, m.load.body, 1);
}

}  // namespace signc::lower
