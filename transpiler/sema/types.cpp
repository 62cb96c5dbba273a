// SPDX-License-Identifier: MIT
// Pass 3: static types (impl/type/type_system.md §3.2, Unit rules of
// guide/operator_table.md). What is not proven stays Dynamic: code generation
// then carries the value as a sign::Value.
#include <algorithm>
#include <optional>
#include <vector>
#include <unordered_map>
#include <unordered_set>

#include "sema/sema.hpp"

namespace signc::sema {
namespace {

bool is_nonzero_int_literal(const Program& p, ExprId id) {
  return p.is_atom(id, syntax::AtomKind::Int) && p.expr(id).int_value != 0;
}

class Typer {
 public:
  explicit Typer(Program& p) : p_(p) {}

  void run() {
    p_.type_of.assign(p_.exprs.size(), Type::Dynamic);
    for (ExprId form : p_.forms) {
      const Type t = type(form);
      const Expr& e = p_.expr(form);
      if (e.kind == ExprKind::Infix && e.op == Op::Define) visible_[p_.expr(e.a).name] = t;
    }
  }

 private:
  Type type(ExprId id) {
    const Type t = compute(id);
    p_.type_of[id] = t;
    return t;
  }

  Type compute(ExprId id) {
    const Expr& e = p_.expr(id);
    switch (e.kind) {
      case ExprKind::Atom: return atom(e);
      case ExprKind::Block: {
        const bool brackets = e.block != syntax::BlockKind::Indent && e.block != syntax::BlockKind::Abs;
        if (brackets && e.kids.size() == 1) return type(e.kids[0]);
        for (ExprId k : e.kids) type(k);
        if (brackets && e.kids.empty()) return Type::Unit;  // `[]` is __ (unit.md)
        return Type::Dynamic;
      }
      case ExprKind::Lambda:
      case ExprKind::Section: {
        ++function_depth_;
        const std::size_t outer = parameters_.size();
        if (e.kind == ExprKind::Lambda) bind_parameters(e.a);
        for (ExprId k : {e.a, e.b}) {
          if (k != kNoExpr) type(k);
        }
        parameters_.resize(outer);
        --function_depth_;
        return Type::Lambda;
      }
      case ExprKind::Infix: {
        if (e.op == Op::Define) return type(e.b);
        const Type l = type(e.a);
        const Type r = type(e.b);
        switch (e.op) {
          case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Mod: return arithmetic(id, l, r);
          case Op::Compose: return Type::Lambda;
          case Op::Construct: return juxtaposition(l, r);
          default: return Type::Dynamic;
        }
      }
      default:
        for (ExprId k : {e.a, e.b, e.c}) {
          if (k != kNoExpr) type(k);
        }
        for (ExprId k : e.kids) type(k);
        return Type::Dynamic;
    }
  }

  // The names a lambda's parameters bind (`x`, `a b`, `[h ~t]`): inside
  // it they hide the top-level definitions of those names.
  void bind_parameters(ExprId id) {
    if (id == kNoExpr) return;
    const Expr& e = p_.expr(id);
    if ((e.kind == ExprKind::Atom || e.kind == ExprKind::Param) && !e.name.empty()) parameters_.push_back(e.name);
    for (ExprId k : e.kids) bind_parameters(k);
  }

  Type atom(const Expr& e) {
    if (!e.name.empty()) {
      // A parameter of an enclosing function: its value is known when called.
      if (std::find(parameters_.begin(), parameters_.end(), e.name) != parameters_.end()) return Type::Dynamic;
      const auto it = visible_.find(e.name);
      if (it != visible_.end()) return it->second;
      // Not yet defined at top level: a later definition's placeholder reads
      // as __ — at top level; a function body reads it when called, later.
      // A name defined nowhere is __; names bound in an inner scope
      // (parameters, block fields) are unknown here.
      if (defined_in_file(e.name)) return function_depth_ > 0 ? Type::Dynamic : Type::Unit;
      return bound_anywhere(e.name) ? Type::Dynamic : Type::Unit;
    }
    switch (e.atom) {
      case syntax::AtomKind::Int:
      case syntax::AtomKind::Register: return Type::Int;
      case syntax::AtomKind::Float: return Type::Float;
      case syntax::AtomKind::Unit: return Type::Unit;
      case syntax::AtomKind::String:
      case syntax::AtomKind::Char: return Type::String;
      case syntax::AtomKind::Address: return Type::Address;
      // 0u0000 is the Unit niche of Char (value_representation.md §3.1).
      case syntax::AtomKind::Codepoint: return e.text.find_first_not_of('0', 2) == std::string_view::npos ? Type::Unit
                                                                                                          : Type::String;
      default: return Type::Dynamic;
    }
  }

  bool defined_in_file(std::string_view name) const { return p_.scopes[p_.file_scope].names.count(name) != 0; }
  bool bound_anywhere(std::string_view name) {
    if (!bound_names_) {  // gathered once: a walk of every scope and expression per name read was quadratic
      bound_names_.emplace();
      for (const auto& s : p_.scopes) {
        for (const auto& entry : s.names) bound_names_->insert(entry.first);
      }
      // A program read from S-expressions has only its file scope: its
      // parameters are known by their Param nodes alone.
      for (const Expr& e : p_.exprs) {
        if (e.kind == ExprKind::Param) bound_names_->insert(e.name);
        if (e.kind == ExprKind::Lambda && e.a != kNoExpr && p_.expr(e.a).kind == ExprKind::Atom) {
          bound_names_->insert(p_.expr(e.a).name);
        }
      }
    }
    return bound_names_->contains(name);
  }

  // The arithmetic family: a Unit left operand absorbs, a Unit right operand
  // is the identity, Int∘Int stays Int (except / and %, which give a
  // non-finite Float for a zero divisor unless it is a non-zero literal, and
  // /, which the language rounds only where it types the quotient Int),
  // Int with Float is Float.
  Type arithmetic(ExprId id, Type l, Type r) {
    const Expr& e = p_.expr(id);
    if (l == Type::Unit) return Type::Unit;
    if (l == Type::String) return Type::Unit;  // outside the operator's domain: degenerates to __ (§3.2)
    if (r == Type::Unit) return l;
    if (l == Type::Lambda || r == Type::Lambda || r == Type::String) return Type::Unit;
    if (l != Type::Int && l != Type::Float) return Type::Dynamic;  // lists repeat/split, addresses may collapse
    if (r != Type::Int && r != Type::Float) return Type::Dynamic;
    if (l == Type::Int && r == Type::Int) {
      const bool divides = e.op == Op::Div || e.op == Op::Mod;
      if (e.op == Op::Div && !rounds_to_whole(p_.atom_type[id])) return Type::Dynamic;
      return divides && !is_nonzero_int_literal(p_, e.b) ? Type::Dynamic : Type::Int;
    }
    return Type::Float;
  }

  // Whitespace between two atoms: text absorbs what follows it (a String on
  // the left concatenates), numbers build a list; anything else is decided
  // at run time.
  static Type juxtaposition(Type l, Type r) {
    if (l == Type::Unit) return r;
    if (r == Type::Unit) return l;
    if (l == Type::String && r == Type::String) return Type::String;
    const auto number = [](Type t) { return t == Type::Int || t == Type::Float; };
    if ((number(l) || l == Type::List) && (number(r) || (r == Type::List && l != Type::List))) return Type::List;
    return Type::Dynamic;
  }

  Program& p_;
  std::unordered_map<std::string_view, Type> visible_;
  std::optional<std::unordered_set<std::string_view>> bound_names_;  // every name bound in some scope
  int function_depth_ = 0;
  std::vector<std::string_view> parameters_;  // of the lambdas the walk is inside, innermost last
};

}  // namespace

std::string_view type_name(Type type) {
  switch (type) {
    case Type::Unit: return "Unit";
    case Type::Int: return "Int";
    case Type::Float: return "Float";
    case Type::String: return "String";
    case Type::Address: return "Address";
    case Type::List: return "List";
    case Type::Lambda: return "Lambda";
    case Type::Dynamic: return "Dynamic";
  }
  return "?";
}

void propagate_types(Program& program) { Typer(program).run(); }

}  // namespace signc::sema
