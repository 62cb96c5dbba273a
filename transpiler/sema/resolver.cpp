// SPDX-License-Identifier: MIT
// Pass 2: a line's flat terms → a binary tree (impl/core/coproduct_resolver.md).
// Operators reduce tier by tier, tightest first, leftmost first. Whitespace
// (tier 11) is resolved in four phases from pass 1's categories:
//   Lambda·Lambda → compose, Lambda·Atom → apply, Atom·Lambda → apply
//   (receiver first), Atom·Atom → list building (construct/push/unshift/
//   product/concat). An operator left without operands is a section.
#include <algorithm>

#include "sema/detail/resolver.hpp"

namespace signc::sema::detail {

using syntax::NodeId;
using syntax::NodeKind;

namespace {

constexpr int kCoproductTier = 11;
constexpr int kMaxResolveDepth = 512;
constexpr std::size_t kMaxPathTerms = 20000;

bool is_range_symbol(std::string_view s) {
  return s == "~" || s == "~+" || s == "~-" || s == "~*" || s == "~/" || s == "~^";
}
bool is_compare_symbol(std::string_view s) {
  return s == "<" || s == "<=" || s == "=" || s == ">=" || s == ">" || s == "!=";
}
bool is_list_producing(Op op) {
  switch (op) {
    case Op::Construct: case Op::Concat: case Op::Push: case Op::Unshift: case Op::Product:
    case Op::Range: case Op::RangeArith: case Op::RangeArithRev: case Op::RangeGeom: case Op::RangeGeomRev:
    case Op::RangePow: return true;
    default: return false;
  }
}
bool is_structural(Op op) {
  switch (op) {
    case Op::Construct: case Op::Concat: case Op::Push: case Op::Unshift: case Op::Apply: case Op::PartialApply:
    case Op::Compose: case Op::Product: return true;
    default: return false;
  }
}
Span join(Span a, Span b) { return {std::min(a.begin, b.begin), std::max(a.end, b.end)}; }

}  // namespace

ExprId Resolver::add(Expr e) {
  p_.exprs.push_back(std::move(e));
  return static_cast<ExprId>(p_.exprs.size() - 1);
}

void Resolver::fail(Span span, std::string message) {
  diags_->error(*p_.file, span, std::move(message));
  throw ResolveError{};
}

void Resolver::warn(Span span, std::string message) { diags_->warning(*p_.file, span, std::move(message)); }

void Resolver::run() {
  const auto& lines = node(p_.tree->root).kids;
  // Roughly one expression per syntax node; growing the pool is the
  // dominant cost on large files otherwise.
  p_.exprs.reserve(p_.tree->nodes.size() + p_.tree->nodes.size() / 4);
  p_.file_scope = make_scope(lines, kNoScope);
  for (NodeId line : lines) {
    try {
      const ExprId form = reduce_line(line, p_.file_scope);
      p_.forms.push_back(form);
      adopt_definition(line, form, p_.file_scope);
    } catch (const ResolveError&) {
      // reported; the remaining lines are still resolved
    }
  }
  // Complete the identifier table: every file-level name gets its category.
  for (const auto& [name, bid] : p_.scopes[p_.file_scope].names) {
    Diagnostics quiet;
    Diagnostics* const loud = diags_;
    diags_ = &quiet;
    resolve_binding(bid);
    diags_ = loud;
  }
  collect_exports();
}

void Resolver::collect_exports() {
  const Scope& file = p_.scopes[p_.file_scope];
  for (const auto& [name, bid] : file.names) {
    const Binding& b = p_.bindings[bid];
    ExportInfo info{b.category, b.arity, b.required_arity};
    if (b.exported != 0) {
      p_.exports.emplace(std::string(name), info);
      continue;
    }
    // `logger : ## e` and `kernel_io : ### e` are registered refs (§3.3, §3.4).
    if (b.value == kNoExpr) continue;
    const Expr& v = at(b.value);
    if (v.kind == ExprKind::Prefix && (v.op == Op::ExportExternal || v.op == Op::ExportPinned)) {
      p_.exports.emplace(std::string(name), ExportInfo{});
    }
  }
}

std::optional<ExportInfo> Resolver::member_info(ExprId get_prop, ScopeId scope) {
  const Expr& e = at(get_prop);
  if (e.b == kNoExpr || at(e.b).name.empty()) return std::nullopt;
  const std::string_view member = at(e.b).name;
  const ExprId target = unwrap_solo_block(deref_bound(unwrap_solo_block(e.a), scope));
  if (const auto spec = import_spec(p_, target)) {
    const ModuleInterface* module = imports_ != nullptr && *imports_ ? (*imports_)(*spec) : nullptr;
    if (module == nullptr) return std::nullopt;
    const auto it = module->find(member);
    if (it == module->end()) return std::nullopt;
    return it->second;
  }
  // A struct literal `[greet : x ? x + 1 / ...]`: the slot's own binding.
  const Expr& t = at(target);
  if (t.kind == ExprKind::Block && t.scope != kNoScope) {
    const auto& names = p_.scopes[t.scope].names;
    const auto it = names.find(member);
    if (it == names.end()) return std::nullopt;
    resolve_binding(it->second);
    const Binding& b = p_.bindings[it->second];
    return ExportInfo{b.category, b.arity, b.required_arity};
  }
  return std::nullopt;
}

// A definition resolved as part of its line settles its binding, so the
// right-hand side is not resolved a second time for the identifier table.
void Resolver::adopt_definition(NodeId line, ExprId form, ScopeId scope) {
  const Expr& e = at(form);
  if (e.kind != ExprKind::Infix || e.op != Op::Define || at(e.a).kind != ExprKind::Atom) return;
  const auto bid = lookup(at(e.a).name, scope);
  if (!bid || p_.bindings[*bid].line != line || p_.bindings[*bid].resolved) return;
  const ExprId value = e.b;
  const Category cat = category(value, scope);
  const auto info = cat == Category::Lambda ? known_arity(value, scope) : std::nullopt;
  Binding& b = p_.bindings[*bid];
  if (b.resolved) return;  // asking for the category may have resolved it
  b.resolved = true;
  b.value = value;
  b.category = cat;
  if (info) {
    b.arity = info->arity == kUnbounded || info->arity < 0 ? info->arity : info->arity - info->consumed;
    b.required_arity = info->required < 0 ? info->required : info->required - info->consumed;
  }
}

ExprId Resolver::reduce_line(NodeId line, ScopeId scope) {
  const auto& items = node(line).kids;
  return reduce_items(items, scope, node(line).span);
}

//=== terms: prefix and postfix operators glued to a core ==========================

ExprId Resolver::atom_expr(NodeId atom) {
  Expr e;
  e.kind = ExprKind::Atom;
  e.span = node(atom).span;
  e.atom = node(atom).atom;
  e.text = text(atom);
  e.int_value = node(atom).int_value;
  e.float_value = node(atom).float_value;
  if (e.atom == syntax::AtomKind::Identifier) e.name = e.text;
  return add(std::move(e));
}

ExprId Resolver::block_expr(NodeId block, ScopeId scope) {
  const auto& lines = node(block).kids;
  const ScopeId inner = make_scope(lines, scope);
  Expr e;
  e.kind = ExprKind::Block;
  e.block = node(block).block;
  e.span = node(block).span;
  e.scope = inner;
  for (NodeId line : lines) e.kids.push_back(reduce_line(line, inner));
  return add(std::move(e));
}

// Prefix operators bind closest-first; postfix operators are applied last
// to first, which is how the reference groups `x~!` (and it is rare).
ExprId Resolver::term_expr(NodeId term, ScopeId scope) {
  const auto& t = node(term);
  const NodeId core = t.kids[t.core_index];
  ExprId e = node(core).kind == NodeKind::Block ? block_expr(core, scope) : atom_expr(core);
  auto wrap = [&](NodeId op_node, Op op) {
    const bool on_hole = p_.is_atom(e, syntax::AtomKind::Hole);
    Expr w;
    w.op = op;
    w.span = join(node(op_node).span, at(e).span);
    if (on_hole) {  // `[!_]`, `[_!]`: an operator still waiting for its operand
      w.kind = ExprKind::Section;
    } else {
      w.kind = (op >= Op::Factorial) ? ExprKind::Postfix : ExprKind::Prefix;
      w.a = e;
    }
    e = add(std::move(w));
  };
  for (std::size_t k = t.kids.size(); k-- > static_cast<std::size_t>(t.core_index) + 1;) {
    const Op op = postfix_op(text(t.kids[k]));
    if (op == Op::None) fail(node(t.kids[k]).span, "'" + std::string(text(t.kids[k])) + "' is not a postfix operator");
    wrap(t.kids[k], op);
  }
  for (std::size_t k = t.core_index; k-- > 0;) {
    const Op op = prefix_op(text(t.kids[k]));
    if (op == Op::None) fail(node(t.kids[k]).span, "'" + std::string(text(t.kids[k])) + "' is not a prefix operator");
    wrap(t.kids[k], op);
  }
  return e;
}

//=== lines ======================================================================

ExprId Resolver::reduce_items(std::span<const NodeId> items, ScopeId scope, Span span) {
  if (items.empty()) fail(span, "expected an expression");
  // The resolved tree is at most as deep as the terms along the current
  // nesting path; bounding that keeps every recursive pass off the stack's
  // edge, whatever the input (a million `+ 1` on one line included).
  if (++depth_ > kMaxResolveDepth) {
    depth_ = 0;
    path_terms_ = 0;
    fail(span, "expression nested too deeply");
  }
  path_terms_ += items.size();
  if (path_terms_ > kMaxPathTerms) {
    depth_ = 0;
    path_terms_ = 0;
    fail(span, "expression too large: more than " + std::to_string(kMaxPathTerms) +
                   " terms in one line and the blocks around it; split it with definitions");
  }
  struct DepthGuard {
    int& d;
    std::size_t& terms;
    std::size_t n;
    ~DepthGuard() {
      if (d > 0) --d;
      terms = terms >= n ? terms - n : 0;
    }
  } guard{depth_, path_terms_, items.size()};

  // A `?` anywhere on the line makes it `[name :] params ? body`.
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (is_operator(items[i], "?")) return lambda_line(items, i, scope, span);
  }

  std::vector<Item> work;
  std::uint32_t tiers_present = 0;  // bit t: an infix operator of tier t is on the line
  std::uint8_t exported = 0;
  std::size_t first = 0;
  // `#name : e`: the export marker belongs to the definition, not to a value.
  if (items.size() > 2 && is_operator(items[1], ":") && !term_identifier(items[0], &exported).empty() &&
      exported != 0) {
    const auto& t = node(items[0]);
    work.push_back({false, {}, node(items[0]).span, atom_expr(t.kids[t.core_index])});
    first = 1;
  }
  for (std::size_t i = first; i < items.size(); ++i) {
    const auto& n = node(items[i]);
    if (n.kind == NodeKind::Operator) {
      const std::string_view symbol = text(items[i]);
      const int tier = infix_tier(symbol);
      work.push_back({true, symbol, n.span, kNoExpr, tier});
      tiers_present |= 1u << tier;
    } else {
      const ExprId e = term_expr(items[i], scope);
      work.push_back({false, {}, n.span, e});
    }
  }

  for (int tier = 22; tier >= 2; --tier) {
    if (tier == kCoproductTier) {
      for (int phase = 0; phase < 4; ++phase) {
        while (reduce_once(work, tier, scope, phase)) {
        }
      }
      continue;
    }
    if ((tiers_present & (1u << tier)) == 0) continue;
    while (reduce_once(work, tier, scope, -1)) {
    }
  }
  const ExprId result = finish_line(work, scope, span);
  if (exported != 0 && at(result).kind == ExprKind::Infix && at(result).op == Op::Define) at(result).exported = exported;
  return result;
}

// One reduction at `tier` (leftmost first); false when nothing applies.
bool Resolver::reduce_once(std::vector<Item>& items, int tier, ScopeId scope, int phase) {
  for (std::size_t i = 0; i + 1 < items.size(); ++i) {
    const Item& a = items[i];
    const Item& b = items[i + 1];
    if (b.is_op) {
      if (a.is_op || b.tier != tier || i + 2 >= items.size() || items[i + 2].is_op) continue;
      // `a < b < c`: one comparison operator repeated, three terms at most.
      if (tier == 13 && i + 3 < items.size() && items[i + 3].is_op && is_compare_symbol(items[i + 3].symbol)) {
        const Item& op2 = items[i + 3];
        if (op2.symbol != b.symbol) {
          fail(join(b.span, op2.span), "a comparison chain must repeat one operator ('" + std::string(b.symbol) +
                                           "' and '" + std::string(op2.symbol) + "' are mixed)");
        }
        if (b.symbol == "!=") {
          fail(join(b.span, op2.span), "'!=' is not transitive and cannot be chained; write (a != b) & (b != c)");
        }
        if (i + 4 >= items.size() || items[i + 4].is_op) fail(op2.span, "comparison chain has no right operand");
        if (i + 5 < items.size() && items[i + 5].is_op && is_compare_symbol(items[i + 5].symbol)) {
          fail(items[i + 5].span, "comparison chains have at most three terms (L < C < R)");
        }
        Expr e;
        e.kind = ExprKind::ChainCompare;
        e.op = infix_op(b.symbol);
        e.a = a.expr;
        e.b = items[i + 2].expr;
        e.c = items[i + 4].expr;
        e.span = join(a.span, items[i + 4].span);
        const Span s = e.span;
        const ExprId id = add(std::move(e));
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1, items.begin() + static_cast<std::ptrdiff_t>(i) + 5);
        items[i] = {false, {}, s, id};
        return true;
      }
      Expr e;
      e.kind = ExprKind::Infix;
      e.op = infix_op(b.symbol);
      e.a = a.expr;
      e.b = items[i + 2].expr;
      e.span = join(a.span, items[i + 2].span);
      const Span s = e.span;
      const ExprId id = add(std::move(e));
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1, items.begin() + static_cast<std::ptrdiff_t>(i) + 3);
      items[i] = {false, {}, s, id};
      return true;
    }
    if (tier != kCoproductTier || a.is_op) continue;
    const Category ca = category(a.expr, scope);
    const Category cb = category(b.expr, scope);
    ExprId made = kNoExpr;
    if (phase == 0 && ca == Category::Lambda && cb == Category::Lambda) made = coproduct(a.expr, b.expr, scope);
    if (phase == 1 && cb == Category::Atom) {
      // A greedy point-free operator (`[+]`, `[* 2,]`) keeps taking arguments.
      ExprId base = a.expr;
      while (at(base).kind == ExprKind::Infix && at(base).op == Op::Apply) base = at(base).a;
      if (greedy_pointfree(base, scope)) {
        Expr e;
        e.kind = ExprKind::Infix;
        e.op = Op::Apply;
        e.a = a.expr;
        e.b = b.expr;
        e.span = join(a.span, b.span);
        made = add(std::move(e));
      } else if (ca == Category::Lambda) {
        made = coproduct(a.expr, b.expr, scope);
      }
    }
    if (phase == 2 && ca == Category::Atom && cb == Category::Lambda && !pointfree_lambda(b.expr, scope)) {
      made = coproduct(a.expr, b.expr, scope);
    }
    if (phase == 3 && ca == Category::Atom && cb == Category::Atom) made = coproduct(a.expr, b.expr, scope);
    if (made == kNoExpr) continue;
    const Span s = join(a.span, b.span);
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    items[i] = {false, {}, s, made};
    return true;
  }
  return false;
}

// The whitespace between two resolved terms (coproduct_resolver.md §5).
ExprId Resolver::coproduct(ExprId a, ExprId b, ScopeId scope) {
  const Category ca = category(a, scope);
  const Category cb = category(b, scope);
  Expr e;
  e.kind = ExprKind::Infix;
  e.span = join(at(a).span, at(b).span);
  e.a = a;
  e.b = b;
  const auto tilde = [&](ExprId id) { return at(id).kind == ExprKind::Postfix && at(id).op == Op::Expand; };
  if (ca == Category::Lambda && cb == Category::Lambda) {
    e.op = Op::Compose;
  } else if (ca == Category::Lambda) {
    // A function with a bare ~rest spreads a List only when told to with `~`.
    if (at(a).kind == ExprKind::Atom && !at(a).name.empty()) {
      if (auto bid = lookup(at(a).name, scope); bid && p_.bindings[*bid].bare_rest && is_real_list(b) && !tilde(b)) {
        const std::string fn(at(a).name);
        fail(e.span, "'" + fn + "' takes its arguments through a ~rest parameter: spread the list with '~' (" + fn +
                         " list~) to pass its elements");
      }
    }
    e.op = Op::Apply;
  } else if (cb == Category::Lambda) {
    if (tilde(a)) {
      fail(at(a).span, "a receiver cannot be spread with '~': write 'f x~' to pass the elements, or 'x f' for the "
                       "list as one value");
    }
    e.op = Op::Apply;  // `x f` is `f x`
    e.a = b;
    e.b = a;
  } else {
    const bool list_a = is_real_list(a) || (tilde(a) && is_real_list(at(a).a));
    const bool list_b = is_real_list(b) || (tilde(b) && is_real_list(at(b).a));
    if (list_a && list_b) {
      e.op = tilde(a) && tilde(b) ? Op::Concat : Op::Product;
    } else if (list_a != list_b) {
      e.op = list_b ? Op::Push : Op::Unshift;
    } else {
      e.op = Op::Construct;
    }
  }
  return add(std::move(e));
}

ExprId Resolver::finish_line(std::vector<Item>& items, ScopeId scope, Span span) {
  auto section = [&](const Item& op, ExprId left, ExprId right, bool map) {
    if (is_range_symbol(op.symbol) || infix_op(op.symbol) == Op::None) return kNoExpr;
    Expr e;
    e.kind = ExprKind::Section;
    e.op = infix_op(op.symbol);
    e.a = left;
    e.b = right;
    e.flags = map ? kPointfreeMap : 0;
    e.span = span;
    return add(std::move(e));
  };
  ExprId result = kNoExpr;
  if (items.size() == 1 && items[0].is_op) result = section(items[0], kNoExpr, kNoExpr, false);
  if (items.size() == 2 && items[0].is_op && !items[1].is_op) result = section(items[0], kNoExpr, items[1].expr, false);
  if (items.size() == 2 && !items[0].is_op && items[1].is_op) result = section(items[1], items[0].expr, kNoExpr, false);
  if (items.size() == 3 && items[0].is_op && !items[1].is_op && items[2].is_op && items[2].symbol == ",") {
    result = section(items[0], kNoExpr, items[1].expr, true);
  }
  if (result != kNoExpr) return result;
  if (items.size() != 1 || items[0].is_op) {
    // Point at the first operator that found no operands, else at the line.
    Span where = span;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].is_op) {
        where = items[i].span;
        break;
      }
    }
    fail(where, "cannot resolve this expression: infix operators need a space on both sides and an operand on "
                "each; prefix and postfix operators must be glued to their operand");
  }
  mark_undersaturated(items[0].expr, scope);
  return desugar_holes(items[0].expr, scope);
}

//=== lambdas ======================================================================

ExprId Resolver::lambda_line(std::span<const NodeId> items, std::size_t q, ScopeId scope, Span span) {
  std::size_t params_begin = 0;
  std::uint8_t exported = 0;
  std::string_view name;
  if (items.size() > 1 && is_operator(items[1], ":") && q > 1) {
    name = term_identifier(items[0], &exported);
    if (name.empty()) name = term_identifier(items[0]);
    if (!name.empty()) params_begin = 2;
  }
  ScopeId body_scope = scope;
  const std::span<const NodeId> params(items.data() + params_begin, q - params_begin);
  const ExprId param_expr = parameters(params, scope, span, body_scope);
  const std::span<const NodeId> body(items.data() + q + 1, items.size() - q - 1);
  if (body.empty()) fail(node(items[q]).span, "'?' needs a function body on its right");
  const ExprId body_expr = reduce_items(body, body_scope, {node(body.front()).span.begin, node(body.back()).span.end});
  if (at(body_expr).kind == ExprKind::Block && at(body_expr).block == syntax::BlockKind::Indent) {
    at(body_expr).flags |= kFunctionBody;
  }
  Expr lambda;
  lambda.kind = ExprKind::Lambda;
  lambda.a = param_expr;
  lambda.b = body_expr;
  lambda.scope = body_scope;
  lambda.span = {node(items[params_begin]).span.begin, span.end};
  const ExprId lambda_id = add(std::move(lambda));
  if (name.empty()) return lambda_id;
  const auto& t = node(items[0]);
  const ExprId name_expr = atom_expr(t.kids[t.core_index]);
  Expr def;
  def.kind = ExprKind::Infix;
  def.op = Op::Define;
  def.a = name_expr;
  def.b = lambda_id;
  def.exported = exported;
  def.span = span;
  return add(std::move(def));
}

//=== categories and arity =========================================================

ExprId Resolver::unwrap_solo_block(ExprId id) const {
  while (p_.exprs[id].kind == ExprKind::Block && p_.exprs[id].block != syntax::BlockKind::Indent &&
         p_.exprs[id].block != syntax::BlockKind::Abs && p_.exprs[id].kids.size() == 1) {
    id = p_.exprs[id].kids[0];
  }
  return id;
}

ExprId Resolver::deref_bound(ExprId id, ScopeId scope) {
  if (at(id).kind != ExprKind::Atom || at(id).name.empty()) return id;
  const auto bid = lookup(at(id).name, scope);
  if (!bid) return id;
  resolve_binding(*bid);
  return p_.bindings[*bid].value != kNoExpr ? p_.bindings[*bid].value : id;
}

Category Resolver::category(ExprId id, ScopeId scope, bool closed) {
  const Expr& e = at(id);
  switch (e.kind) {
    case ExprKind::Lambda:
    case ExprKind::Section: return Category::Lambda;
    case ExprKind::Prefix:
      if (e.op == Op::Input) return Category::Lambda;
      if (e.op == Op::Not && p_.is_atom(e.a, syntax::AtomKind::Unit)) {
        return Category::Lambda;  // `!__`, the identity morphism
      }
      return Category::Atom;
    case ExprKind::Infix: {
      if (e.op == Op::Compose || e.op == Op::PartialApply) return Category::Lambda;
      if (e.op == Op::GetProp) {
        const auto member = member_info(id, scope);
        return member ? member->category : Category::Atom;
      }
      if (e.op != Op::Apply) return Category::Atom;
      std::int32_t depth = 0;
      ExprId base = id;
      while (at(base).kind == ExprKind::Infix && at(base).op == Op::Apply) {
        ++depth;
        base = at(base).a;
      }
      const auto info = known_arity(base, scope);
      if (!info) return Category::Atom;
      const std::int32_t limit = closed && info->required >= 0 ? info->required : info->arity;
      if (limit == kUnbounded) return Category::Lambda;
      return depth + info->consumed < limit ? Category::Lambda : Category::Atom;
    }
    case ExprKind::Atom: {
      if (e.name.empty()) return Category::Atom;
      if (const auto bid = lookup(e.name, scope)) {
        resolve_binding(*bid);
        return p_.bindings[*bid].category;
      }
      return e.name == "print" ? Category::Lambda : Category::Atom;
    }
    case ExprKind::Block:
      if (e.block != syntax::BlockKind::Indent && e.block != syntax::BlockKind::Abs && e.kids.size() == 1) {
        return category(e.kids[0], e.scope, true);
      }
      return Category::Atom;
    default: return Category::Atom;
  }
}

std::optional<ArityInfo> Resolver::known_arity(ExprId id, ScopeId scope) {
  const Expr& e = at(id);
  if (e.kind == ExprKind::Atom && !e.name.empty()) {
    const auto bid = lookup(e.name, scope);
    if (!bid) return std::nullopt;
    resolve_binding(*bid);
    const Binding& b = p_.bindings[*bid];
    if (b.arity < 0) return std::nullopt;
    return ArityInfo{b.arity, b.required_arity >= 0 ? b.required_arity : b.arity, 0};
  }
  if (e.kind == ExprKind::Block && e.block != syntax::BlockKind::Indent && e.block != syntax::BlockKind::Abs &&
      e.kids.size() == 1) {
    return known_arity(e.kids[0], e.scope);
  }
  if (e.kind == ExprKind::Infix && e.op == Op::GetProp) {
    const auto member = member_info(id, scope);
    if (!member || member->arity < 0) return std::nullopt;
    return ArityInfo{member->arity, member->required_arity >= 0 ? member->required_arity : member->arity, 0};
  }
  if (e.kind == ExprKind::Infix && (e.op == Op::Apply || e.op == Op::PartialApply)) {
    std::int32_t depth = 0;
    ExprId base = id;
    while (at(base).kind == ExprKind::Infix && (at(base).op == Op::Apply || at(base).op == Op::PartialApply)) {
      ++depth;
      base = at(base).a;
    }
    auto inner = known_arity(base, scope);
    if (!inner) return std::nullopt;
    inner->consumed += depth;
    return inner;
  }
  if (e.kind == ExprKind::Lambda && e.a != kNoExpr && at(e.a).kind == ExprKind::Params) {
    const Expr& params = at(e.a);
    std::int32_t arity = 0;
    std::int32_t required = 0;
    bool rest = false;
    for (ExprId entry : params.kids) {
      const Expr& p = at(entry);
      rest = rest || (p.flags & kRest);
      ++arity;
      if (!(p.flags & kRest) && p.a == kNoExpr) ++required;
    }
    if (params.flags & kBracketParams) required = 1;
    return ArityInfo{rest ? kUnbounded : arity, required, 0};
  }
  return std::nullopt;
}

bool Resolver::is_real_list(ExprId id) const {
  const Expr& e = p_.exprs[id];
  if (e.kind != ExprKind::Block || e.block == syntax::BlockKind::Indent || e.block == syntax::BlockKind::Abs) return false;
  if (e.kids.size() != 1) return true;
  const Expr& inner = p_.exprs[e.kids[0]];
  return inner.kind == ExprKind::Infix && is_list_producing(inner.op);
}

bool Resolver::greedy_pointfree(ExprId id, ScopeId scope) {
  const ExprId u = unwrap_solo_block(deref_bound(unwrap_solo_block(id), scope));
  const Expr& e = at(u);
  if (e.kind == ExprKind::Infix && e.op == Op::Compose) return greedy_pointfree(e.a, scope);
  if (e.kind != ExprKind::Section || e.op >= Op::ExportInternal) return false;
  return (e.flags & kPointfreeMap) || (e.a == kNoExpr && e.b == kNoExpr);
}

bool Resolver::pointfree_lambda(ExprId id, ScopeId scope) {
  const ExprId u = unwrap_solo_block(deref_bound(unwrap_solo_block(id), scope));
  const Expr& e = at(u);
  if (e.kind == ExprKind::Section) return true;
  if (e.kind == ExprKind::Infix && e.op == Op::Apply) {
    ExprId base = u;
    while (at(base).kind == ExprKind::Infix && at(base).op == Op::Apply) base = at(base).a;
    return at(unwrap_solo_block(deref_bound(unwrap_solo_block(base), scope))).kind == ExprKind::Section;
  }
  return false;
}

//=== after reduction: partial applications and holes ==============================

void Resolver::mark_undersaturated(ExprId id, ScopeId scope) {
  if (id == kNoExpr) return;
  Expr& e = at(id);
  if (e.kind == ExprKind::Infix && e.op == Op::Apply) {
    std::vector<ExprId> args;
    ExprId base = id;
    while (at(base).kind == ExprKind::Infix && at(base).op == Op::Apply) {
      args.push_back(at(base).b);
      base = at(base).a;
    }
    for (ExprId arg : args) mark_undersaturated(arg, scope);
    mark_undersaturated(base, scope);
    const auto info = known_arity(base, scope);
    if (info && info->arity != kUnbounded &&
        static_cast<std::int32_t>(args.size()) + info->consumed < info->required) {
      at(id).op = Op::PartialApply;
    }
    return;
  }
  if (e.kind == ExprKind::Block) {
    const ScopeId inner = e.scope;
    const auto kids = e.kids;
    for (ExprId k : kids) mark_undersaturated(k, inner);
    return;
  }
  const ExprId a = e.a, b = e.b, c = e.c;
  const ScopeId inner = e.kind == ExprKind::Lambda ? e.scope : scope;
  mark_undersaturated(a, inner);
  mark_undersaturated(b, inner);
  mark_undersaturated(c, inner);
}

// Replaces the `_` operands of a line's operators with $p0, $p1, ...
// (hole_desugaring.md). Returns whether any hole was found.
bool Resolver::replace_holes(ExprId id, std::vector<std::string_view>& names) {
  const Expr& e = at(id);
  const bool operation = e.kind == ExprKind::Infix || e.kind == ExprKind::Prefix || e.kind == ExprKind::Postfix ||
                         e.kind == ExprKind::Lambda;
  if (!operation) return false;
  bool any = false;
  for (ExprId Expr::*side : {&Expr::a, &Expr::b}) {
    const ExprId child = at(id).*side;
    if (child == kNoExpr) continue;
    const Expr& c = at(child);
    const bool hole = p_.is_atom(child, syntax::AtomKind::Hole);
    if (!hole) {
      any = replace_holes(child, names) || any;
      continue;
    }
    if (at(id).kind == ExprKind::Infix && !is_structural(at(id).op)) {
      const std::string sym(op_symbol(at(id).op));
      fail(c.span, "'_' cannot stand for an operand of '" + sym + "'; write the section [" + sym + " c] or [c " + sym +
                       "] instead");
    }
    Expr param;
    param.kind = ExprKind::Atom;
    param.atom = syntax::AtomKind::Identifier;
    param.name = p_.keep("$p" + std::to_string(names.size()));
    param.text = param.name;
    param.span = c.span;
    names.push_back(param.name);
    const ExprId pid = add(std::move(param));
    at(id).*side = pid;
    any = true;
  }
  return any;
}

ExprId Resolver::desugar_holes(ExprId id, ScopeId scope) {
  if (at(id).kind == ExprKind::Infix && at(id).op == Op::Define) {
    const ExprId rhs = desugar_holes(at(id).b, scope);
    at(id).b = rhs;
    return id;
  }
  std::vector<std::string_view> names;
  if (!replace_holes(id, names)) return id;
  const ScopeId params_scope = bind_parameters(names, scope);
  Expr params;
  params.span = at(id).span;
  if (names.size() == 1) {
    params.kind = ExprKind::Atom;
    params.atom = syntax::AtomKind::Identifier;
    params.name = names[0];
    params.text = names[0];
  } else {
    params.kind = ExprKind::Params;
    for (const auto& n : names) {
      Expr p;
      p.kind = ExprKind::Param;
      p.name = n;
      p.span = at(id).span;
      params.kids.push_back(add(std::move(p)));
    }
  }
  const ExprId params_id = add(std::move(params));
  Expr lambda;
  lambda.kind = ExprKind::Lambda;
  lambda.flags = kHoleLambda;
  lambda.a = params_id;
  lambda.b = id;
  lambda.scope = params_scope;
  lambda.span = at(id).span;
  return add(std::move(lambda));
}

}  // namespace signc::sema::detail
