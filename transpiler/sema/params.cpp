// SPDX-License-Identifier: MIT
// Parameter lists of `params ? body` (guide/function_guide.md): bare names,
// `~rest`, defaults `name : expr` (in an indented block left of `?`), and
// bracketed lists `[x ~xs]` that destructure one List or Struct argument.
// Defaults see only the parameters before them (let*), and may not write
// with infix `#` (0_design_principles.md principle 4).
#include <functional>
#include <unordered_set>

#include "sema/detail/resolver.hpp"

namespace signc::sema::detail {

using syntax::NodeId;
using syntax::NodeKind;

namespace {

// A parameter entry as written, before its default is resolved.
struct RawParam {
  std::string_view name;
  Span span;
  bool rest = false;
  std::span<const NodeId> default_items;
  std::vector<RawParam> pattern;  // nested destructuring `[a b]`
  bool is_pattern = false;
};

class ParamReader {
 public:
  explicit ParamReader(Resolver& r) : r_(r) {}

  // `a ~b [c d]` on one line.
  std::vector<RawParam> bare(std::span<const NodeId> items) {
    std::vector<RawParam> out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const NodeId item = items[i];
      if (r_.node(item).kind == NodeKind::Operator) {
        // The reference takes any token here as a name; so does signc, with
        // a warning, since an operator can never be referred to as one.
        r_.warn(r_.node(item).span, "'" + std::string(r_.text(item)) + "' as a parameter name can never be referred to");
        out.push_back({r_.text(item), r_.node(item).span, false, {}, {}, false});
        continue;
      }
      if (r_.is_rest_term(item)) {
        const auto& t = r_.node(item);
        out.push_back({r_.text(t.kids[1]), t.span, true, {}, {}, false});
        continue;
      }
      if (const NodeId block = r_.term_block(item); block != syntax::kNoNode) {
        out.push_back({{}, r_.node(item).span, false, {}, bracket_entries(block), true});
        continue;
      }
      out.push_back({name_of(item), r_.node(item).span, false, {}, {}, false});
    }
    return out;
  }

  // One line of a parameter block: `name : default` or bare entries.
  std::vector<RawParam> line(NodeId line) {
    const auto& items = r_.node(line).kids;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!r_.is_operator(items[i], ":")) continue;
      if (i != 1) r_.fail(r_.node(items[i]).span, "a default parameter is written 'name : expression'");
      return {{name_of(items[0]), r_.node(items[0]).span, false,
               std::span<const NodeId>(items.data() + 2, items.size() - 2), {}, false}};
    }
    return bare(items);
  }

  std::vector<RawParam> lines(NodeId block) {
    std::vector<RawParam> out;
    for (NodeId l : r_.node(block).kids) {
      const auto& items = r_.node(l).kids;
      // A line that is only a nested block contributes its own entries.
      if (items.size() == 1 && r_.term_block(items[0]) != syntax::kNoNode) {
        const NodeId inner = r_.term_block(items[0]);
        if (r_.node(inner).block == syntax::BlockKind::Indent) {
          auto more = lines(inner);
          out.insert(out.end(), more.begin(), more.end());
        } else {
          out.push_back({{}, r_.node(items[0]).span, false, {}, bracket_entries(inner), true});
        }
        continue;
      }
      auto more = line(l);
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }

  std::vector<RawParam> bracket_entries(NodeId block) { return lines(block); }

 private:
  std::string_view name_of(NodeId item) {
    const auto& t = r_.node(item);
    if (t.kind == NodeKind::Term && t.kids.size() == 1 && r_.node(t.kids[0]).kind == NodeKind::Atom) {
      const auto kind = r_.node(t.kids[0]).atom;
      if (kind == syntax::AtomKind::Identifier || kind == syntax::AtomKind::Hole) return r_.text(t.kids[0]);
    }
    r_.fail(t.span, "a parameter must be a name, '~name', or a bracketed list of parameters");
  }

  Resolver& r_;
};

// Is this single parameter block a whole bracketed list (`[x ~xs] ? ...`,
// or an indented block holding only such a bracket)?
bool is_bracket_list(Resolver& r, NodeId block) {
  const auto kind = r.node(block).block;
  if (kind != syntax::BlockKind::Indent && kind != syntax::BlockKind::Abs) return true;
  const auto& lines = r.node(block).kids;
  if (lines.size() != 1 || r.node(lines[0]).kids.size() != 1) return false;
  const NodeId inner = r.term_block(r.node(lines[0]).kids[0]);
  return inner != syntax::kNoNode && r.node(inner).block != syntax::BlockKind::Indent &&
         r.node(inner).block != syntax::BlockKind::Abs;
}

void collect_identifiers(const Resolver& r, std::span<const NodeId> items,
                         std::vector<std::pair<std::string_view, Span>>& out) {
  for (NodeId item : items) {
    const auto& n = r.node(item);
    if (n.kind == NodeKind::Atom && n.atom == syntax::AtomKind::Identifier) out.emplace_back(r.text(item), n.span);
    collect_identifiers(r, n.kids, out);
  }
}

bool writes_output(const Program& p, ExprId id) {
  if (id == kNoExpr) return false;
  const Expr& e = p.exprs[id];
  if (e.kind == ExprKind::Infix && e.op == Op::Output) return true;
  if (writes_output(p, e.a) || writes_output(p, e.b) || writes_output(p, e.c)) return true;
  for (ExprId k : e.kids) {
    if (writes_output(p, k)) return true;
  }
  return false;
}

}  // namespace

ExprId Resolver::parameters(std::span<const NodeId> items, ScopeId scope, Span span, ScopeId& body_scope) {
  body_scope = scope;
  if (items.empty()) return kNoExpr;
  // `x ? ...`: one bare name, the common case.
  if (items.size() == 1 && node(items[0]).kind == NodeKind::Term && node(items[0]).kids.size() == 1 &&
      node(node(items[0]).kids[0]).kind == NodeKind::Atom &&
      node(node(items[0]).kids[0]).atom == syntax::AtomKind::Identifier) {
    const NodeId atom = node(items[0]).kids[0];
    const std::string_view name = text(atom);
    body_scope = bind_parameters({name}, scope);
    Expr e;
    e.kind = ExprKind::Atom;
    e.atom = syntax::AtomKind::Identifier;
    e.name = name;
    e.text = name;
    e.span = node(atom).span;
    return add(std::move(e));
  }

  ParamReader reader(*this);
  std::vector<RawParam> raw;
  bool bracket = false;
  const NodeId block = items.size() == 1 ? term_block(items[0]) : syntax::kNoNode;
  if (block != syntax::kNoNode) {
    bracket = is_bracket_list(*this, block);
    raw = reader.lines(block);
    // `[x ~xs]` written directly (or alone in an indented block) lists the
    // entries of the one bracketed argument.
    if (bracket && raw.size() == 1 && raw[0].is_pattern) raw = std::move(raw[0].pattern);
  } else {
    raw = reader.bare(items);
  }

  std::unordered_set<std::string_view> all_names;
  for (const auto& p : raw) all_names.insert(p.name);
  std::unordered_set<std::string_view> bound;
  Expr params;
  params.kind = ExprKind::Params;
  params.span = span;
  params.flags = bracket ? kBracketParams : 0;
  ScopeId current = scope;
  std::function<ExprId(const RawParam&)> make = [&](const RawParam& p) {
    Expr e;
    e.kind = ExprKind::Param;
    e.name = p.name;
    e.span = p.span;
    e.flags = p.rest ? kRest : 0;
    for (const auto& sub : p.pattern) e.kids.push_back(make(sub));
    return add(std::move(e));
  };
  for (const auto& p : raw) {
    if (p.is_pattern) {
      params.kids.push_back(make(p));
      std::vector<std::string_view> names;
      for (const auto& sub : p.pattern) {
        if (!sub.name.empty()) names.push_back(sub.name);
      }
      if (!names.empty()) current = bind_parameters(names, current);
      continue;
    }
    ExprId default_expr = kNoExpr;
    if (!p.default_items.empty()) {
      std::vector<std::pair<std::string_view, Span>> used;
      collect_identifiers(*this, p.default_items, used);
      for (const auto& [name, at_span] : used) {
        if (all_names.count(name) && !bound.count(name)) {
          fail(at_span, "the default of '" + std::string(p.name) + "' refers to '" + std::string(name) +
                            "', which is not bound yet: a default sees only the parameters before it");
        }
      }
      default_expr = reduce_items(p.default_items, current, p.span);
      if (writes_output(p_, default_expr)) {
        fail(at(default_expr).span, "the default of '" + std::string(p.name) +
                                        "' writes with '#': output belongs in the function body, which always runs");
      }
    }
    const ExprId entry = make(p);
    at(entry).a = default_expr;
    params.kids.push_back(entry);
    current = bind_parameters({p.name}, current);
    bound.insert(p.name);
  }
  body_scope = current;
  return add(std::move(params));
}

}  // namespace signc::sema::detail
