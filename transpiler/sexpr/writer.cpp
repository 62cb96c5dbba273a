// SPDX-License-Identifier: MIT
// Writes the resolved tree as JSON S-expressions (memory-model.md §10 shapes).
#include <nlohmann/json.hpp>
#include <ostream>

#include "sexpr/sexpr.hpp"

namespace signc::sexpr {
namespace {

using nlohmann::json;
using syntax::NodeId;
using syntax::NodeKind;

json form(const sema::Program& p, NodeId id) {
  const auto& n = p.node(id);
  switch (n.kind) {
    case NodeKind::Int: return n.int_value;
    case NodeKind::Float: return n.float_value;
    case NodeKind::Unit: return "__";
    case NodeKind::Name: return n.text;
    case NodeKind::Define: return json::array({":", n.text, form(p, n.kids[0])});
    case NodeKind::Binary: return json::array({n.text, form(p, n.kids[0]), form(p, n.kids[1])});
    case NodeKind::Program: {
      json all = json::array();
      for (NodeId kid : n.kids) all.push_back(form(p, kid));
      return all;
    }
  }
  return nullptr;
}

}  // namespace

void write(std::ostream& out, const sema::Program& program) {
  out << form(program, program.tree->root).dump() << '\n';
}

}  // namespace signc::sexpr
