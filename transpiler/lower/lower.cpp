// SPDX-License-Identifier: MIT
// Typed tree → IR. The arithmetic rules of impl/type/type_system.md §3.2 and
// impl/core/integer_overflow.md §1 are decided here, once, per operator:
// Int∘Int wraps through sign::impl::*_wrap, Float uses C++ operators, and
// anything not proven goes through the dynamic sign::impl:: functions.
#include <filesystem>
#include <string>
#include <unordered_map>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

using sema::Type;
using sema::ExprKind;
using sema::Op;
using SemaId = sema::ExprId;  // an expression of the typed tree (ExprId is the IR's)

Expr node(Expr::Kind kind, CType type) {
  Expr e;
  e.kind = kind;
  e.type = type;
  return e;
}

CType ctype_of(Type t) {
  switch (t) {
    case Type::Int: return CType::Int64;
    case Type::Float: return CType::Double;
    default: return CType::Value;  // everything else is carried as a sign::Value
  }
}

struct OpNames {
  std::string_view op;
  const char* int_fn;       // Int∘Int, total
  const char* int_partial;  // Int∘Int that is Unit on a zero divisor (returns Value)
  const char* float_fn;     // Float∘Float when C++ has no operator for it
  const char* dynamic_fn;
};

constexpr OpNames kOps[] = {
    {"+", "sign::impl::add_wrap", nullptr, nullptr, "sign::impl::add"},
    {"-", "sign::impl::sub_wrap", nullptr, nullptr, "sign::impl::sub"},
    {"*", "sign::impl::mul_wrap", nullptr, nullptr, "sign::impl::mul"},
    {"/", "sign::impl::div_round", "sign::impl::div_int", nullptr, "sign::impl::div"},
    {"%", "sign::impl::mod_trunc", "sign::impl::mod_int", "sign::impl::mod_float", "sign::impl::mod"},
};

const OpNames& op_names(std::string_view op) {
  for (const auto& o : kOps) {
    if (o.op == op) return o;
  }
  return kOps[0];  // the parser admits no other operator
}

// What code generation supports so far; anything else is reported with its
// Sign location rather than producing C++ that would not compile.
std::string unsupported_what(const sema::Program& p, SemaId id) {
  const sema::Expr& e = p.expr(id);
  switch (e.kind) {
    case ExprKind::Atom: return std::string(syntax::atom_kind_name(e.atom)) + " literals";
    case ExprKind::Prefix: return "the prefix operator '" + std::string(sema::op_symbol(e.op)) + "'";
    case ExprKind::Postfix: return "the postfix operator '" + std::string(sema::op_symbol(e.op)) + "'";
    case ExprKind::Infix:
      if (e.op >= Op::Apply && e.op <= Op::Concat) return std::string(sema::op_name(e.op)) + " (juxtaposition)";
      if (e.op == Op::Define) return "definitions inside expressions";
      return "the operator '" + std::string(sema::op_symbol(e.op)) + "'";
    case ExprKind::ChainCompare: return "comparison chains";
    case ExprKind::Section: return "point-free sections";
    case ExprKind::Lambda: return "functions";
    case ExprKind::Block: return "blocks and lists";
    default: return "this construct";
  }
}

class Lowerer {
 public:
  Lowerer(const sema::Program& p, Diagnostics& diags) : p_(p), diags_(diags) {}

  Module run(std::string_view module_name) {
    m_.name = cpp_module_name(module_name);
    // The file name only: no directory may leak into generated text (determinism).
    m_.source_name = std::filesystem::path(p_.file->path()).filename().string();
    for (std::size_t i = 0; i < p_.forms.size(); ++i) {
      const SemaId form = p_.forms[i];
      const auto& e = p_.expr(form);
      const std::uint32_t line = p_.file->line_col(e.span.begin).line;
      const bool last = i + 1 == p_.forms.size();
      if (e.kind == ExprKind::Infix && e.op == Op::Define && p_.expr(e.a).kind == ExprKind::Atom) {
        const std::string name(p_.expr(e.a).name);
        const ExprId value = lower(e.b);
        const CType type = ctype_of(p_.type_of[form]);
        const std::uint32_t version = ++versions_[name];
        m_.globals.push_back({cpp_fresh_name(name, version), name, type, line});
        const auto g = static_cast<std::uint32_t>(m_.globals.size() - 1);
        m_.load.push_back({Stmt::Kind::Assign, line, g, coerce(value, type)});
        visible_[name] = g;
        if (last) m_.load.push_back({Stmt::Kind::Result, line, 0, coerce(global(g), CType::Value)});
      } else if (last) {
        m_.load.push_back({Stmt::Kind::Result, line, 0, coerce(lower(form), CType::Value)});
      } else {
        lower(form);  // checked for support; pure in this subset, so nothing to keep
      }
    }
    return std::move(m_);
  }

 private:
  ExprId add(Expr e) {
    m_.exprs.push_back(std::move(e));
    return static_cast<ExprId>(m_.exprs.size() - 1);
  }
  ExprId unit() { return add(node(Expr::Kind::UnitLit, CType::Value)); }
  ExprId global(std::uint32_t g) {
    Expr e = node(Expr::Kind::Global, m_.globals[g].type);
    e.global = g;
    return add(std::move(e));
  }
  ExprId call(CType type, std::string callee, std::vector<ExprId> args) {
    Expr e = node(Expr::Kind::Call, type);
    e.callee = std::move(callee);
    e.args = std::move(args);
    return add(std::move(e));
  }
  CType type_of(ExprId id) const { return m_.exprs[id].type; }

  // Converts an expression to `to`; only widening conversions are possible
  // because pass 3 proved the source type.
  ExprId coerce(ExprId id, CType to) {
    const CType from = type_of(id);
    if (from == to) return id;
    if (to == CType::Value) {
      return call(CType::Value, from == CType::Int64 ? "sign::Value::from_int" : "sign::Value::from_float", {id});
    }
    Expr cast = node(Expr::Kind::Cast, CType::Double);
    cast.args = {id};
    return add(std::move(cast));
  }

  ExprId unsupported(SemaId id) {
    diags_.error(*p_.file, p_.expr(id).span,
                 unsupported_what(p_, id) + " are not supported by this version of signc's code generation yet");
    return unit();
  }

  ExprId lower(SemaId id) {
    const auto& e = p_.expr(id);
    switch (e.kind) {
      case ExprKind::Atom: return lower_atom(id);
      case ExprKind::Infix:
        if (e.op == Op::Add || e.op == Op::Sub || e.op == Op::Mul || e.op == Op::Div || e.op == Op::Mod) {
          return lower_arithmetic(id);
        }
        return unsupported(id);
      case ExprKind::Block:
        // A bracket around one plain value is that value: (1 + 2), [5].
        if (e.block != syntax::BlockKind::Indent && e.block != syntax::BlockKind::Abs && e.kids.size() == 1 &&
            !(p_.expr(e.kids[0]).kind == ExprKind::Infix && p_.expr(e.kids[0]).op == Op::Define)) {
          return lower(e.kids[0]);
        }
        if (e.block != syntax::BlockKind::Indent && e.block != syntax::BlockKind::Abs && e.kids.empty()) return unit();
        return unsupported(id);
      default: return unsupported(id);
    }
  }

  ExprId lower_atom(SemaId id) {
    const auto& e = p_.expr(id);
    if (!e.name.empty()) {
      const auto it = visible_.find(std::string(e.name));
      if (it != visible_.end()) return global(it->second);
      if (p_.scopes[p_.file_scope].names.count(e.name)) {
        diags_.warning(*p_.file, e.span,
                       "'" + std::string(e.name) + "' is read before its definition; its placeholder evaluates to __");
      }
      return unit();  // an undefined name is __ (operator_table.md)
    }
    switch (e.atom) {
      case syntax::AtomKind::Int: {
        Expr lit = node(Expr::Kind::IntLit, CType::Int64);
        lit.int_value = e.int_value;
        return add(std::move(lit));
      }
      case syntax::AtomKind::Float: {
        Expr lit = node(Expr::Kind::FloatLit, CType::Double);
        lit.float_value = e.float_value;
        return add(std::move(lit));
      }
      case syntax::AtomKind::Unit: return unit();
      default: return unsupported(id);
    }
  }

  ExprId lower_arithmetic(SemaId id) {
    const auto& e = p_.expr(id);
    const SemaId lhs = e.a;
    const SemaId rhs = e.b;
    const Type lt = p_.type_of[lhs];
    const Type rt = p_.type_of[rhs];
    const ExprId l = lower(lhs);
    const ExprId r = lower(rhs);
    // Unit rules; both operands are pure here, so dropping one is safe.
    if (p_.type_of[id] == Type::Unit || lt == Type::Unit) return unit();
    if (rt == Type::Unit) return l;
    const OpNames& ops = op_names(sema::op_symbol(e.op));
    if (lt == Type::Dynamic || rt == Type::Dynamic) {
      return call(CType::Value, ops.dynamic_fn, {coerce(l, CType::Value), coerce(r, CType::Value)});
    }
    if (lt == Type::Int && rt == Type::Int) {
      const bool total = ops.int_partial == nullptr || p_.type_of[id] == Type::Int;
      return total ? call(CType::Int64, ops.int_fn, {l, r}) : call(CType::Value, ops.int_partial, {l, r});
    }
    const ExprId fl = coerce(l, CType::Double);
    const ExprId fr = coerce(r, CType::Double);
    if (ops.float_fn) return call(CType::Double, ops.float_fn, {fl, fr});
    Expr inf = node(Expr::Kind::Infix, CType::Double);
    inf.callee = std::string(sema::op_symbol(e.op));
    inf.args = {fl, fr};
    return add(std::move(inf));
  }

  const sema::Program& p_;
  Diagnostics& diags_;
  Module m_;
  std::unordered_map<std::string, std::uint32_t> versions_;
  std::unordered_map<std::string, std::uint32_t> visible_;  // name -> global of its latest definition
};

}  // namespace

std::string_view ctype_spelling(CType type) {
  switch (type) {
    case CType::Int64: return "std::int64_t";
    case CType::Double: return "double";
    case CType::Value: return "sign::Value";
  }
  return "?";
}

Module lower_module(const sema::Program& program, std::string_view module_name, Diagnostics& diags) {
  return Lowerer(program, diags).run(module_name);
}

}  // namespace signc::lower
