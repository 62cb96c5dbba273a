// SPDX-License-Identifier: MIT
// Typed tree → IR. The arithmetic rules of impl/type/type_system.md §3.2 and
// impl/core/integer_overflow.md §1 are decided here, once, per operator:
// Int∘Int wraps through sign::impl::*_wrap, Float uses C++ operators, and
// anything not proven goes through the dynamic sign::impl:: functions.
#include <filesystem>
#include <string>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

using sema::Type;
using syntax::NodeId;
using syntax::NodeKind;

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
    case Type::Unit:
    case Type::Dynamic: return CType::Value;
  }
  return CType::Value;
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

class Lowerer {
 public:
  explicit Lowerer(const sema::Program& p) : p_(p) {}

  Module run(std::string_view module_name) {
    m_.name = cpp_module_name(module_name);
    // The file name only: no directory may leak into generated text (determinism).
    m_.source_name = std::filesystem::path(p_.file->path()).filename().string();
    const auto& forms = p_.node(p_.tree->root).kids;
    std::uint32_t next_binding = 0;
    for (std::size_t i = 0; i < forms.size(); ++i) {
      const NodeId form = forms[i];
      const auto& n = p_.node(form);
      const std::uint32_t line = p_.file->line_col(n.span.begin).line;
      const bool last = i + 1 == forms.size();
      if (n.kind == NodeKind::Define) {
        const auto& b = p_.bindings[next_binding];
        globals_of_binding_.push_back(static_cast<std::uint32_t>(m_.globals.size()));
        ++next_binding;
        const CType type = ctype_of(b.type);
        m_.globals.push_back({cpp_fresh_name(b.name, b.version), b.name, type, line});
        const auto g = static_cast<std::uint32_t>(m_.globals.size() - 1);
        m_.load.push_back({Stmt::Kind::Assign, line, g, coerce(lower(n.kids[0]), type)});
        if (last) m_.load.push_back({Stmt::Kind::Result, line, 0, coerce(global(g), CType::Value)});
      } else if (last) {
        m_.load.push_back({Stmt::Kind::Result, line, 0, coerce(lower(form), CType::Value)});
      }
      // A top-level expression that is not last is pure in this language
      // subset, so nothing observable is lost by not evaluating it.
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

  ExprId lower(NodeId id) {
    const auto& n = p_.node(id);
    switch (n.kind) {
      case NodeKind::Int: {
        Expr e = node(Expr::Kind::IntLit, CType::Int64);
        e.int_value = n.int_value;
        return add(std::move(e));
      }
      case NodeKind::Float: {
        Expr e = node(Expr::Kind::FloatLit, CType::Double);
        e.float_value = n.float_value;
        return add(std::move(e));
      }
      case NodeKind::Unit: return unit();
      case NodeKind::Name: {
        const auto b = p_.binding_of[id];
        return b == sema::kUnbound ? unit() : global(globals_of_binding_[static_cast<std::size_t>(b)]);
      }
      case NodeKind::Binary: return lower_arithmetic(id);
      case NodeKind::Define:
      case NodeKind::Program: break;
    }
    return unit();
  }

  ExprId lower_arithmetic(NodeId id) {
    const auto& n = p_.node(id);
    const NodeId lhs = n.kids[0];
    const NodeId rhs = n.kids[1];
    const Type lt = p_.type_of[lhs];
    const Type rt = p_.type_of[rhs];
    // Unit rules; both operands are pure here, so dropping one is safe.
    if (lt == Type::Unit) return unit();
    if (rt == Type::Unit) return lower(lhs);
    const OpNames& ops = op_names(n.text);
    const ExprId l = lower(lhs);
    const ExprId r = lower(rhs);
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
    Expr e = node(Expr::Kind::Infix, CType::Double);
    e.callee = std::string(n.text);
    e.args = {fl, fr};
    return add(std::move(e));
  }

  const sema::Program& p_;
  Module m_;
  std::vector<std::uint32_t> globals_of_binding_;
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

Module lower_module(const sema::Program& program, std::string_view module_name) {
  return Lowerer(program).run(module_name);
}

}  // namespace signc::lower
