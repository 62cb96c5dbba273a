// SPDX-License-Identifier: MIT
// Pass 3: static types (impl/type/type_system.md §3.2, Unit rules of
// guide/operator_table.md).
#include "sema/sema.hpp"

namespace signc::sema {
namespace {

using syntax::NodeId;
using syntax::NodeKind;

bool is_nonzero_int_literal(const Program& p, NodeId id) {
  const auto& n = p.node(id);
  return n.kind == NodeKind::Int && n.int_value != 0;
}

// The arithmetic family: a Unit left operand absorbs, a Unit right operand is
// the identity, Int∘Int stays Int (except / and %, which give a non-finite
// Float for a zero divisor, unless the divisor is a non-zero literal), Int
// with Float is Float.
Type arithmetic_type(const Program& p, std::string_view op, NodeId lhs, NodeId rhs) {
  const Type l = p.type_of[lhs];
  const Type r = p.type_of[rhs];
  if (l == Type::Unit) return Type::Unit;
  if (r == Type::Unit) return l;
  if (l == Type::Dynamic || r == Type::Dynamic) return Type::Dynamic;
  if (l == Type::Int && r == Type::Int) {
    const bool divides = op == "/" || op == "%";
    return divides && !is_nonzero_int_literal(p, rhs) ? Type::Dynamic : Type::Int;
  }
  return Type::Float;
}

Type type_node(Program& p, NodeId id) {
  const auto& n = p.node(id);
  for (NodeId kid : n.kids) p.type_of[kid] = type_node(p, kid);
  switch (n.kind) {
    case NodeKind::Int: return Type::Int;
    case NodeKind::Float: return Type::Float;
    case NodeKind::Unit: return Type::Unit;
    case NodeKind::Name: {
      const auto b = p.binding_of[id];
      return b == kUnbound ? Type::Unit : p.bindings[static_cast<std::size_t>(b)].type;
    }
    case NodeKind::Binary: return arithmetic_type(p, n.text, n.kids[0], n.kids[1]);
    case NodeKind::Define: return p.type_of[n.kids[0]];
    case NodeKind::Program: return Type::Dynamic;
  }
  return Type::Dynamic;
}

}  // namespace

std::string_view type_name(Type type) {
  switch (type) {
    case Type::Unit: return "Unit";
    case Type::Int: return "Int";
    case Type::Float: return "Float";
    case Type::Dynamic: return "Dynamic";
  }
  return "?";
}

void propagate_types(Program& program) {
  // Top-level forms in file order: a binding's type is known before any
  // later form reads it.
  std::size_t next_binding = 0;
  for (NodeId form : program.node(program.tree->root).kids) {
    program.type_of[form] = type_node(program, form);
    if (program.node(form).kind == NodeKind::Define) program.bindings[next_binding++].type = program.type_of[form];
  }
}

}  // namespace signc::sema
