// SPDX-License-Identifier: MIT
// Pass 1: the identifier table (impl/core/compiler_pipeline.md "Pass 1",
// impl/type/type_system.md §5). Every `name : ...` line of a scope (the file,
// a block) defines a binding; a `?` after the `:` makes it a function whose
// arity is counted from the parameter list, before anything is resolved.
// Other right-hand sides get their category lazily, when first asked.
#include "sema/detail/resolver.hpp"

namespace signc::sema::detail {

using syntax::NodeId;
using syntax::NodeKind;

//=== syntax shape helpers =====================================================

bool Resolver::is_operator(NodeId item, std::string_view symbol) const {
  return node(item).kind == NodeKind::Operator && text(item) == symbol;
}

std::string_view Resolver::term_identifier(NodeId item, std::uint8_t* exported) const {
  const auto& t = node(item);
  if (exported) *exported = 0;
  if (t.kind != NodeKind::Term || t.kids.size() - t.core_index != 1) return {};
  const auto& core = node(t.kids[t.core_index]);
  if (core.kind != NodeKind::Atom || core.atom != syntax::AtomKind::Identifier) return {};
  if (t.core_index > 1) return {};
  if (t.core_index == 1) {
    const std::string_view marker = text(t.kids[0]);
    const std::uint8_t level = marker == "#" ? 1 : marker == "##" ? 2 : marker == "###" ? 3 : 0;
    if (level == 0 || !exported) return {};
    *exported = level;
  }
  return p_.file->slice(core.span);
}

NodeId Resolver::term_block(NodeId item) const {
  const auto& t = node(item);
  if (t.kind != NodeKind::Term || t.kids.size() != 1) return syntax::kNoNode;
  const NodeId core = t.kids[0];
  return node(core).kind == NodeKind::Block ? core : syntax::kNoNode;
}

bool Resolver::is_rest_term(NodeId item) const {
  const auto& t = node(item);
  return t.kind == NodeKind::Term && t.core_index == 1 && t.kids.size() == 2 && text(t.kids[0]) == "~";
}

//=== arity of parameter lists ==================================================

namespace {

bool line_has_block(const Resolver& r, NodeId line) {
  for (NodeId item : r.node(line).kids) {
    if (r.node(item).kind == NodeKind::Term && r.node(r.node(item).kids[r.node(item).core_index]).kind == NodeKind::Block)
      return true;
  }
  return false;
}

// `a b ~c`, `a b : default...`: entries up to the first one with a default.
ArityInfo count_bare(const Resolver& r, std::span<const NodeId> items) {
  ArityInfo info{0, 0, 0};
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (r.is_rest_term(items[i])) {
      info.arity = kUnbounded;
      continue;
    }
    if (r.is_operator(items[i], ":")) break;
    const bool has_default = i + 1 < items.size() && r.is_operator(items[i + 1], ":");
    if (info.arity != kUnbounded) ++info.arity;
    if (!has_default) ++info.required;
    if (has_default) break;
  }
  return info;
}

bool is_entry_line(const Resolver& r, NodeId line) {
  const auto& items = r.node(line).kids;
  if (items.size() < 2 || r.term_identifier(items[0]).empty()) return false;
  for (NodeId item : items) {
    if (r.is_operator(item, ":")) return true;
  }
  return false;
}

// A line that is one bracket block: a nested destructuring entry (1 slot).
bool is_bracket_entry(const Resolver& r, NodeId line) {
  const auto& items = r.node(line).kids;
  if (items.size() != 1) return false;
  const NodeId block = r.term_block(items[0]);
  return block != syntax::kNoNode && r.node(block).block != syntax::BlockKind::Indent &&
         r.node(block).block != syntax::BlockKind::Abs;
}

ArityInfo count_lines(const Resolver& r, std::span<const NodeId> lines) {
  ArityInfo total{0, 0, 0};
  for (NodeId line : lines) {
    ArityInfo c{1, 1, 0};
    if (!line_has_block(r, line)) {
      c = count_bare(r, r.node(line).kids);
    } else if (is_entry_line(r, line)) {
      c = {1, 0, 0};
    } else if (is_bracket_entry(r, line)) {
      c = {1, 1, 0};
    } else {
      const auto& items = r.node(line).kids;
      const NodeId block = items.size() == 1 ? r.term_block(items[0]) : syntax::kNoNode;
      if (block != syntax::kNoNode) c = count_lines(r, r.node(block).kids);
    }
    total.arity = (total.arity == kUnbounded || c.arity == kUnbounded) ? kUnbounded : total.arity + c.arity;
    total.required += c.required;
  }
  return total;
}

}  // namespace

ArityInfo count_parameters(const Resolver& r, std::span<const NodeId> params) {
  if (params.empty()) return {-1, 0, 0};
  if (params.size() == 1) {
    if (r.is_rest_term(params[0])) return {kUnbounded, 0, 0};  // `f : ~xs ? ...`
    const NodeId block = r.term_block(params[0]);
    // A single bare name carries no arity in the reference (its calls are
    // always saturated); it still requires one argument.
    if (block == syntax::kNoNode) return {-1, 1, 0};
    ArityInfo info = count_lines(r, r.node(block).kids);
    const auto kind = r.node(block).block;
    if (kind != syntax::BlockKind::Indent && kind != syntax::BlockKind::Abs) info.required = 1;  // [x ~xs]
    return info;
  }
  return count_bare(r, params);
}

//=== scopes ===================================================================

ScopeId Resolver::make_scope(std::span<const NodeId> lines, ScopeId parent) {
  const auto id = static_cast<ScopeId>(p_.scopes.size());
  p_.scopes.push_back({parent, {}});
  for (NodeId line : lines) {
    const auto& items = node(line).kids;
    if (items.size() < 2 || !is_operator(items[1], ":")) continue;
    std::uint8_t exported = 0;
    const std::string_view name = term_identifier(items[0], &exported);
    if (name.empty()) continue;
    Binding b;
    b.name = name;
    b.scope = id;
    b.line = line;
    b.exported = exported;
    // `name : params ? body`: a function, with its arity known right now.
    std::size_t q = 0;
    for (std::size_t i = 2; i < items.size(); ++i) {
      if (is_operator(items[i], "?")) {
        q = i;
        break;
      }
    }
    if (q != 0) {
      const std::span<const NodeId> params(items.data() + 2, q - 2);
      const ArityInfo a = count_parameters(*this, params);
      b.category = Category::Lambda;
      b.arity = a.arity;
      b.required_arity = a.required;
      b.resolved = true;
      for (NodeId item : params) b.bare_rest = b.bare_rest || is_rest_term(item);
    } else if (items.size() == 3 && node(items[2]).kind == NodeKind::Term && node(items[2]).kids.size() == 1 &&
               node(node(items[2]).kids[0]).kind == NodeKind::Atom) {
      b.category = Category::Atom;  // a single literal or name: known without resolving...
      b.resolved = node(node(items[2]).kids[0]).atom != syntax::AtomKind::Identifier;  // ...unless it is a name
    }
    const auto bid = static_cast<BindingId>(p_.bindings.size());
    p_.bindings.push_back(std::move(b));
    p_.scopes[id].names[name] = bid;  // a later definition replaces an earlier one
  }
  return id;
}

ScopeId Resolver::bind_parameters(const std::vector<std::string_view>& names, ScopeId parent) {
  const auto id = static_cast<ScopeId>(p_.scopes.size());
  p_.scopes.push_back({parent, {}});
  for (const auto& name : names) {
    Binding b;
    b.name = name;
    b.scope = id;
    b.is_parameter = true;
    b.resolved = true;
    b.category = Category::Atom;  // parameters are values: call them as @f x
    const auto bid = static_cast<BindingId>(p_.bindings.size());
    p_.bindings.push_back(std::move(b));
    p_.scopes[id].names[name] = bid;
  }
  return id;
}

std::optional<BindingId> Resolver::lookup(std::string_view name, ScopeId scope) const {
  return sema::lookup(p_, name, scope);
}

// Resolves a binding's right-hand side to learn its category and arity. A
// name that is still being resolved (a cycle) counts as a value.
void Resolver::resolve_binding(BindingId id) {
  Binding& b = p_.bindings[id];
  if (b.resolved || b.resolving) return;
  b.resolving = true;
  const auto& items = node(b.line).kids;
  const std::span<const NodeId> rhs(items.data() + 2, items.size() - 2);
  const ScopeId scope = b.scope;
  ExprId value = kNoExpr;
  // Errors are reported once, when the defining line itself is resolved.
  Diagnostics quiet;
  Diagnostics* const loud = diags_;
  diags_ = &quiet;
  try {
    if (!rhs.empty()) value = reduce_items(rhs, scope, node(b.line).span);
  } catch (const ResolveError&) {
    value = kNoExpr;
  }
  diags_ = loud;
  Binding& after = p_.bindings[id];  // reduce_items may grow the vector
  after.resolving = false;
  after.resolved = true;
  after.value = value;
  after.category = value == kNoExpr ? Category::Atom : category(value, scope);
  if (after.category == Category::Lambda) {
    if (const auto info = known_arity(value, scope)) {
      Binding& b2 = p_.bindings[id];
      b2.arity = info->arity == kUnbounded || info->arity < 0 ? info->arity : info->arity - info->consumed;
      b2.required_arity = info->required < 0 ? info->required : info->required - info->consumed;
    }
  }
}

}  // namespace signc::sema::detail
