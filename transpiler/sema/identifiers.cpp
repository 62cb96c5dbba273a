// SPDX-License-Identifier: MIT
// Pass 1: the identifier table and name resolution (impl/core/compiler_pipeline.md
// "Pass 1"; placeholders: memory-model.md §3).
#include <unordered_map>

#include "sema/sema.hpp"

namespace signc::sema {
namespace {

using syntax::NodeId;
using syntax::NodeKind;

class Resolver {
 public:
  Resolver(Program& program, Diagnostics& diags) : p_(program), diags_(diags) {}

  void run() {
    const auto& forms = p_.node(p_.tree->root).kids;
    // Every top-level name is known up front, so a read before the
    // definition can be told apart from a name that is never defined.
    for (NodeId form : forms) {
      if (p_.node(form).kind == NodeKind::Define) defined_later_[p_.node(form).text] = form;
    }
    for (NodeId form : forms) {
      const auto& n = p_.node(form);
      if (n.kind == NodeKind::Define) {
        visit(n.kids[0]);  // the right-hand side sees the previous binding of the name
        const auto version = ++versions_[n.text];
        visible_[n.text] = static_cast<std::int32_t>(p_.bindings.size());
        p_.bindings.push_back({n.text, BindingKind::Value, form, version, Type::Dynamic});
      } else {
        visit(form);
      }
    }
  }

 private:
  void visit(NodeId id) {
    const auto& n = p_.node(id);
    if (n.kind == NodeKind::Name) {
      const auto it = visible_.find(n.text);
      if (it != visible_.end()) {
        p_.binding_of[id] = it->second;
      } else if (defined_later_.count(n.text)) {
        diags_.warning(*p_.file, n.span,
                       "'" + n.text + "' is read before its definition; its placeholder evaluates to __");
      }
      return;
    }
    for (NodeId kid : n.kids) visit(kid);
  }

  Program& p_;
  Diagnostics& diags_;
  std::unordered_map<std::string, std::int32_t> visible_;
  std::unordered_map<std::string, std::uint32_t> versions_;
  std::unordered_map<std::string, NodeId> defined_later_;
};

}  // namespace

void resolve_identifiers(Program& program, Diagnostics& diags) { Resolver(program, diags).run(); }

}  // namespace signc::sema
