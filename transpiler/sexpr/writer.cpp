// SPDX-License-Identifier: MIT
// Writes the resolved tree as JSON S-expressions (memory-model.md §10 shapes):
//   [":", name, rhs]  ["?", params, body]  ["call", f, args...]  [op, a, b]
// Names are strings, Unit is "__", a hole "_", numbers are JSON numbers (a
// Float always carries a fraction), other literals are tagged:
// ["str", text], ["char", c], ["addr", "0x1F"], ["reg", "0rFF"], ["u", "0u41"].
// Prefix operators use their symbol, postfix ones "_" + symbol (the
// reference's marker convention), whitespace its resolved name.
#include <nlohmann/json.hpp>
#include <ostream>

#include "sexpr/sexpr.hpp"

namespace signc::sexpr {
namespace {

using nlohmann::json;
using sema::ExprId;
using sema::ExprKind;
using sema::Op;

class Writer {
 public:
  explicit Writer(const sema::Program& p) : p_(p) {}

  json form(ExprId id) const {
    if (id == sema::kNoExpr) return nullptr;
    const sema::Expr& e = p_.expr(id);
    switch (e.kind) {
      case ExprKind::Atom: return atom(e);
      case ExprKind::Prefix: return json::array({std::string(sema::op_symbol(e.op)), form(e.a)});
      case ExprKind::Postfix: return json::array({"_" + std::string(sema::op_symbol(e.op)), form(e.a)});
      case ExprKind::Infix: return infix(id);
      case ExprKind::ChainCompare:
        return json::array({std::string(sema::op_symbol(e.op)), form(e.a), form(e.b), form(e.c)});
      case ExprKind::Section: {
        const bool affix = e.op >= Op::ExportInternal;
        std::string sym = (e.op >= Op::Factorial ? "_" : "") + std::string(sema::op_symbol(e.op));
        if (affix) return json::array({"section", sym});
        return json::array({(e.flags & sema::kPointfreeMap) ? "section," : "section", sym, form(e.a), form(e.b)});
      }
      case ExprKind::Lambda: return json::array({"?", params(e.a), form(e.b)});
      case ExprKind::Params:
      case ExprKind::Param: return params(id);
      case ExprKind::Block: {
        json out = json::array({"block", std::string(syntax::block_kind_name(e.block))});
        for (ExprId k : e.kids) out.push_back(form(k));
        return out;
      }
    }
    return nullptr;
  }

 private:
  json atom(const sema::Expr& e) const {
    if (!e.name.empty()) return std::string(e.name);
    const std::string text(e.text);
    switch (e.atom) {
      case syntax::AtomKind::Int: return e.int_value;
      case syntax::AtomKind::Float: return e.float_value;
      case syntax::AtomKind::Unit: return "__";
      case syntax::AtomKind::Hole: return "_";
      case syntax::AtomKind::String: return json::array({"str", text.substr(1, text.size() - 2)});
      case syntax::AtomKind::Char: return json::array({"char", text.substr(1)});
      case syntax::AtomKind::Address: return json::array({"addr", text});
      case syntax::AtomKind::Register: return json::array({"reg", text});
      case syntax::AtomKind::Codepoint: return json::array({"u", text});
      case syntax::AtomKind::Identifier: return text;
    }
    return nullptr;
  }

  json infix(ExprId id) const {
    const sema::Expr& e = p_.expr(id);
    if (e.op == Op::Define) {
      json name = form(e.a);
      if (e.exported) name = json::array({std::string(e.exported, '#'), name});
      return json::array({":", name, form(e.b)});
    }
    if (e.op == Op::Apply || e.op == Op::PartialApply) {
      std::vector<json> args;
      ExprId base = id;
      while (p_.expr(base).kind == ExprKind::Infix &&
             (p_.expr(base).op == Op::Apply || p_.expr(base).op == Op::PartialApply)) {
        args.push_back(form(p_.expr(base).b));
        base = p_.expr(base).a;
      }
      json out = json::array({"call", form(base)});
      for (auto it = args.rbegin(); it != args.rend(); ++it) out.push_back(*it);
      return out;
    }
    if (e.op >= Op::Compose && e.op <= Op::Concat) {
      return json::array({std::string(sema::op_name(e.op)), form(e.a), form(e.b)});
    }
    return json::array({std::string(sema::op_symbol(e.op)), form(e.a), form(e.b)});
  }

  // A parameter list: "x", or an array of entries: "x", ["~", "rest"],
  // [":", "y", default], ["[]", entries...] (a bracketed list).
  json params(ExprId id) const {
    if (id == sema::kNoExpr) return json::array();
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Atom) return std::string(e.name);
    if (e.kind == ExprKind::Param) {
      if (e.name.empty()) {
        json out = json::array({"[]"});
        for (ExprId k : e.kids) out.push_back(params(k));
        return out;
      }
      const std::string name(e.name);
      if (e.flags & sema::kRest) return json::array({"~", name});
      if (e.a != sema::kNoExpr) return json::array({":", name, form(e.a)});
      return name;
    }
    json out = json::array();
    if (e.flags & sema::kBracketParams) out.push_back("[]");
    for (ExprId k : e.kids) out.push_back(params(k));
    return out;
  }

  const sema::Program& p_;
};

}  // namespace

void write(std::ostream& out, const sema::Program& program) {
  const Writer w(program);
  json all = json::array();
  for (ExprId form : program.forms) all.push_back(w.form(form));
  // Text that is not UTF-8 was reported by the lexer; never throw over it here.
  out << all.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace signc::sexpr
