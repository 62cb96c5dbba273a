// SPDX-License-Identifier: MIT
// The language's own pass 3: the Layer-2 atom type it writes on every node
// (impl/type/type_system.md §3.2 "left operand first", §5 Pass 3, §7.1
// parameters typed from their use). It is computed by the language's rules,
// not proven: `f : x ? x + 1` makes x an Int because of the literal it is
// added to. The language decides by these types, so signc follows them:
//   - an arithmetic result typed Int or Address rounds when it is not whole
//     (`5 / 2` is 3; `x / y` of two untyped parameters is 2.5);
//   - a comparison that holds yields its right operand for a left 0 or 1
//     only when the left is typed numeric or not typed at all (§2.1);
//   - `|x|` of __ is 0 when x is typed List or String.
// Like the language, types are found by rounds until nothing changes: a
// recursive function's result starts at __ (the bottom), its parameters'
// types flow from the functions they are passed to.
#include <algorithm>
#include <deque>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "sema/sema.hpp"

namespace signc::sema {
namespace {

constexpr auto kNotYet = static_cast<AtomType>(0xff);

bool is_arithmetic(Op op) {
  return op == Op::Add || op == Op::Sub || op == Op::Mul || op == Op::Div || op == Op::Mod || op == Op::Pow;
}
// The comparisons whose operands are scalars (`==`, `!==` compare structure).
bool is_scalar_comparison(Op op) {
  return op == Op::Less || op == Op::LessEqual || op == Op::Eq || op == Op::MoreEqual || op == Op::More ||
         op == Op::NotEqual;
}
bool is_range_step(Op op) {
  return op == Op::RangeArith || op == Op::RangeArithRev || op == Op::RangeGeom || op == Op::RangeGeomRev ||
         op == Op::RangePow;
}
bool is_list_building(Op op) {
  return op == Op::Construct || op == Op::Concat || op == Op::Push || op == Op::Unshift;
}
bool is_place(AtomType t) { return t == AtomType::Implicit || t == AtomType::Iterator; }

bool is_codepoint_zero(std::string_view text) { return text.find_first_not_of('0', 2) == std::string_view::npos; }

// A literal's type where pass 3 reads it in an expression.
AtomType literal_type(const Expr& e) {
  switch (e.atom) {
    case syntax::AtomKind::Int: return AtomType::Int;
    case syntax::AtomKind::Float: return AtomType::Float;
    case syntax::AtomKind::Address:
    case syntax::AtomKind::Register: return AtomType::Address;
    case syntax::AtomKind::String:
    case syntax::AtomKind::Char: return AtomType::String;
    case syntax::AtomKind::Codepoint: return is_codepoint_zero(e.text) ? AtomType::Unit : AtomType::String;
    case syntax::AtomKind::Unit: return AtomType::Unit;
    default: return AtomType::Unknown;
  }
}

// A literal's type where pass 1 reads `name : literal`: there a register
// literal (0b…, 0r…) wraps like an Int.
AtomType definition_literal_type(const Expr& e) {
  return e.atom == syntax::AtomKind::Register ? AtomType::Int : literal_type(e);
}

// Parameter name → inferred type, in the order found.
using ParamTypes = std::vector<std::pair<std::string_view, AtomType>>;

AtomType find(const ParamTypes& types, std::string_view name) {
  for (const auto& [n, t] : types) {
    if (n == name) return t;
  }
  return kNotYet;
}
bool has(const ParamTypes& types, std::string_view name) { return find(types, name) != kNotYet; }
void put(ParamTypes& types, std::string_view name, AtomType t) {
  for (auto& [n, old] : types) {
    if (n == name) {
      old = t;
      return;
    }
  }
  types.emplace_back(name, t);
}

struct Signature {
  std::vector<AtomType> params;
  AtomType result = AtomType::Unknown;
};

class AtomTyper {
 public:
  explicit AtomTyper(Program& p)
      : p_(p),
        binding_type_(p.bindings.size(), AtomType::Unknown),
        returns_(p.bindings.size(), AtomType::Unknown),
        slots_(p.bindings.size()),
        address_of_(p.bindings.size(), kNoBinding),
        readers_(p.bindings.size()),
        memo_(p.exprs.size(), kNotYet) {}

  // The language's rounds: annotate every line, then learn each top-level
  // function's result and parameter types from its annotations, until a
  // round learns nothing (at most lines + 2 rounds). A line is annotated
  // again only when something it reads was learned — what the language
  // computes, without re-reading a thousand unchanged lines per round.
  void run() {
    const std::size_t lines = p_.forms.size();
    read_literal_definitions();
    for (ExprId form : p_.forms) start_top_level(form);
    touched_.assign(lines, {});
    typed_parameters_.assign(lines, false);
    std::vector<bool> stale(lines, true);
    recording_ = true;  // what a line reads does not change between rounds: note it once
    const std::size_t rounds = lines + 2;
    std::deque<Learned> recent;  // what the last rounds left, newest last, until a cycle is found
    bool cycled = false;
    for (std::size_t round = 0; round < rounds; ++round) {
      for (std::size_t line = 0; line < lines; ++line) {
        if (stale[line]) annotate_line(line);
      }
      recording_ = false;
      // A line whose annotation typed a parameter read part of itself before
      // that: it is annotated again, as every line is in the language's next round.
      std::vector<bool> next = std::exchange(typed_parameters_, std::vector<bool>(lines, false));
      bool learned = false;
      // A line after one whose parameter types changed reads them in this
      // same round, as in the language (its annotation is still current).
      for (std::size_t line = 0; line < lines; ++line) {
        if (stale[line] || next[line]) learned = learn_signature(line, next) || learned;
      }
      stale = std::move(next);
      if (!learned) break;
      if (!cycled) cycled = skip_cycles(recent, stale, round, rounds);
    }
    for (std::size_t line = 0; line < lines; ++line) {
      if (stale[line]) annotate_line(line);  // the rounds ran out: what the last one learned is not read yet
    }
    for (AtomType& t : memo_) {
      if (t == kNotYet) t = AtomType::Unknown;
    }
    p_.atom_type = std::move(memo_);
  }

 private:
  // What a round leaves for the next: all a line's annotation reads.
  struct Learned {
    std::vector<AtomType> returns, binding_types;
    std::vector<std::optional<std::vector<AtomType>>> slots;
    std::vector<bool> stale;
    bool operator==(const Learned&) const = default;
  };

  // Mutually recursive functions can learn their result types back and
  // forth for ever (`evens` from `odds`, `odds` from `evens`, a join of
  // two arms one round and one type the next). The language still runs
  // every round and keeps the last; such a module cost lines² line checks
  // and re-annotations. Once a round leaves what one `period` rounds
  // before it left, the rounds repeat: `round` moves on by whole periods
  // to the same place in the last one. Returns whether it did.
  bool skip_cycles(std::deque<Learned>& recent, const std::vector<bool>& stale, std::size_t& round,
                   std::size_t rounds) const {
    constexpr std::size_t kLongestPeriod = 4;
    recent.push_back({returns_, binding_type_, slots_, stale});
    if (recent.size() > kLongestPeriod + 1) recent.pop_front();
    for (std::size_t period = 1; period < recent.size(); ++period) {
      if (recent[recent.size() - 1 - period] != recent.back()) continue;
      round += (rounds - 1 - round) / period * period;
      return true;
    }
    return false;
  }

  const Expr& at(ExprId id) const { return p_.expr(id); }
  bool is_name(ExprId id) const { return id != kNoExpr && at(id).kind == ExprKind::Atom && !at(id).name.empty(); }
  bool is_literal(ExprId id) const { return id != kNoExpr && at(id).kind == ExprKind::Atom && at(id).name.empty(); }
  bool is_define(ExprId id) const { return at(id).kind == ExprKind::Infix && at(id).op == Op::Define; }
  static ScopeId inner(const Expr& e, ScopeId scope) { return e.scope != kNoScope ? e.scope : scope; }

  BindingId lookup(std::string_view name, ScopeId scope) const {
    return sema::lookup(p_, name, scope).value_or(kNoBinding);
  }

  //=== pass 1: `name : literal` is typed before anything else ================

  void read_literal_definitions() {
    for (ExprId form : p_.forms) read_literal_definition(form, p_.file_scope);
    for (ExprId id = 0; id < p_.exprs.size(); ++id) {
      const Expr& e = at(id);
      if (e.kind != ExprKind::Block || e.scope == kNoScope) continue;
      for (ExprId line : e.kids) read_literal_definition(line, e.scope);
    }
  }
  void read_literal_definition(ExprId line, ScopeId scope) {
    if (scope == kNoScope || !is_define(line) || !is_name(at(line).a) || !is_literal(at(line).b)) return;
    const auto& names = p_.scopes[scope].names;
    const auto it = names.find(at(at(line).a).name);
    if (it != names.end()) binding_type_[it->second] = definition_literal_type(at(at(line).b));
  }

  // A top-level function's result starts at __, the bottom it rises from;
  // `g : $f` makes g stand for f when it is called.
  void start_top_level(ExprId form) {
    if (!is_define(form) || !is_name(at(form).a)) return;
    const BindingId b = lookup(at(at(form).a).name, p_.file_scope);
    if (b == kNoBinding) return;
    const Expr& rhs = at(at(form).b);
    if (rhs.kind == ExprKind::Lambda) returns_[b] = AtomType::Unit;
    if (rhs.kind == ExprKind::Prefix && rhs.op == Op::Address && is_name(rhs.a)) {
      address_of_[b] = lookup(at(rhs.a).name, p_.file_scope);
    }
  }

  BindingId through_addresses(BindingId b) const {
    for (std::size_t steps = 0; b != kNoBinding && address_of_[b] != kNoBinding && steps < p_.bindings.size();
         ++steps) {
      b = address_of_[b];
    }
    return b;
  }

  //=== annotating the tree ===================================================

  void annotate_line(std::size_t line) {
    line_ = line;
    for (ExprId id : touched_[line]) memo_[id] = kNotYet;
    touched_[line].clear();
    annotate(p_.forms[line], p_.file_scope);
  }

  // Line `line_` reads what is learned of binding b (a callee's result or
  // parameter types): it is annotated again when that changes.
  void reads(BindingId b) {
    if (!recording_ || b == kNoBinding) return;
    if (readers_[b].empty() || readers_[b].back() != line_) readers_[b].push_back(line_);
  }
  void mark_readers(BindingId b, std::vector<bool>& stale) const {
    for (std::size_t line : readers_[b]) stale[line] = true;
  }

  void annotate(ExprId id, ScopeId scope) {
    if (id == kNoExpr) return;
    type(id, scope);
    const Expr& e = at(id);
    // A lambda's parameters are typed before its body is, so the body reads them.
    if (e.kind == ExprKind::Lambda && e.scope != kNoScope) {
      for (const auto& [name, t] : parameter_types(id, scope)) {
        const BindingId b = lookup(name, e.scope);
        if (b != kNoBinding && binding_type_[b] == AtomType::Unknown) {
          binding_type_[b] = t;
          typed_parameters_[line_] = true;
        }
      }
    }
    switch (e.kind) {
      case ExprKind::Lambda:
        annotate(e.a, scope);
        annotate(e.b, inner(e, scope));
        return;
      case ExprKind::Params:
        for (ExprId k : e.kids) annotate(k, scope);
        return;
      case ExprKind::Param: annotate(e.a, scope); return;  // the default
      default:
        for (ExprId k : {e.a, e.b, e.c}) annotate(k, inner(e, scope));
        for (ExprId k : e.kids) annotate(k, inner(e, scope));
    }
  }

  AtomType type(ExprId id, ScopeId scope) {
    if (id == kNoExpr) return AtomType::Unknown;
    if (memo_[id] == kNotYet) {
      memo_[id] = compute(id, scope);
      touched_[line_].push_back(id);
    }
    return memo_[id];
  }

  AtomType compute(ExprId id, ScopeId scope) {
    const Expr& e = at(id);
    switch (e.kind) {
      case ExprKind::Atom: {
        if (e.name.empty()) return literal_type(e);
        const BindingId b = lookup(e.name, scope);
        return b == kNoBinding ? AtomType::Unknown : binding_type_[b];
      }
      case ExprKind::Block: return block(e, scope);
      case ExprKind::Infix: return infix(e, scope);
      case ExprKind::ChainCompare: return type(e.a, scope);
      case ExprKind::Prefix:
        if (e.op == Op::Address) return AtomType::Address;
        if (e.op == Op::Continuous) return AtomType::Implicit;
        return type(e.a, scope);
      case ExprKind::Postfix: return type(e.a, scope);
      default: return AtomType::Unknown;  // lambdas, sections and parameter lists have no atom type
    }
  }

  AtomType block(const Expr& e, ScopeId scope) {
    const ScopeId in = inner(e, scope);
    if (e.block == syntax::BlockKind::Abs) {
      if (!e.kids.empty()) type(e.kids.back(), in);  // the operand's type decides |__|
      return AtomType::Int;
    }
    if (e.kids.empty()) return AtomType::List;
    if (!(e.flags & kFunctionBody)) {
      const auto field = [&](ExprId l) { return is_define(l) && is_name(at(l).a); };
      if (std::all_of(e.kids.begin(), e.kids.end(), field)) return AtomType::Struct;
      if (e.kids.size() >= 2 &&
          std::all_of(e.kids.begin(), e.kids.end(), [&](ExprId l) { return field(l) || is_name(l); })) {
        return AtomType::Struct;
      }
      return type(e.kids.back(), in);
    }
    // A function body's type joins its arms' (an arm `cond : result` gives result).
    std::vector<AtomType> arms;
    bool unknown = false;
    for (ExprId line : e.kids) {
      const AtomType t = type(is_define(line) ? at(line).b : line, in);
      unknown = unknown || t == AtomType::Unknown;
      if (t != AtomType::Unit && std::find(arms.begin(), arms.end(), t) == arms.end()) arms.push_back(t);
    }
    if (unknown) return AtomType::Unknown;
    if (arms.empty()) return AtomType::Unit;
    return arms.size() == 1 ? arms[0] : AtomType::Union;
  }

  AtomType infix(const Expr& e, ScopeId scope) {
    if (e.op == Op::Product) return AtomType::Struct;
    if (e.op == Op::Define || e.op == Op::And) return type(e.b, scope);  // `&` yields its right side
    if (is_list_building(e.op)) {
      const AtomType l = type(e.a, scope);
      const AtomType r = type(e.b, scope);
      if (l == AtomType::String || r == AtomType::String) return AtomType::String;  // text absorbs
      if (l == AtomType::Unit) return r;
      if (r == AtomType::Unit) return l;
      return AtomType::List;
    }
    if (e.op == Op::Apply) return application(e, scope);
    if (e.op == Op::Range || is_range_step(e.op)) return range(e, scope);
    const AtomType l = type(e.a, scope);
    return is_arithmetic(e.op) ? arithmetic(e, l, scope) : l;  // the left operand picks the rule
  }

  AtomType arithmetic(const Expr& e, AtomType l, ScopeId scope) {
    const AtomType r = type(e.b, scope);
    if (l == AtomType::String || r == AtomType::String) return AtomType::Unit;
    if (l == AtomType::List || l == AtomType::Struct) {
      return e.op == Op::Mul || e.op == Op::Pow || e.op == Op::Div ? l : AtomType::Unit;  // repeat, lift, split
    }
    if (is_place(l) || is_place(r)) return AtomType::Unit;
    if (is_numeric(l) && is_numeric(r)) {
      for (AtomType wider : {AtomType::Vector, AtomType::Float, AtomType::Address}) {
        if (l == wider || r == wider) return wider;
      }
      return AtomType::Int;
    }
    return l;  // an operand not typed: the left one's type stands
  }

  // An application's type is its callee's result type.
  AtomType application(const Expr& e, ScopeId scope) {
    ExprId base = e.a;
    while (at(base).kind == ExprKind::Infix && at(base).op == Op::Apply) base = at(base).a;
    while (at(base).kind == ExprKind::Block && at(base).block != syntax::BlockKind::Indent &&
           at(base).block != syntax::BlockKind::Abs && at(base).kids.size() == 1) {
      base = at(base).kids[0];
    }
    if (at(base).kind == ExprKind::Prefix && at(base).op == Op::Input) base = at(base).a;  // `@f x`
    if (!is_name(base)) return AtomType::Unknown;
    const BindingId callee = through_addresses(lookup(at(base).name, scope));
    reads(callee);
    return callee == kNoBinding ? AtomType::Unknown : returns_[callee];
  }

  AtomType range(const Expr& e, ScopeId scope) {
    ExprId start = e.a;
    if (!is_range_step(e.op) && at(e.a).kind == ExprKind::Infix && is_range_step(at(e.a).op)) start = at(e.a).a;
    const AtomType s = type(start, scope);
    const AtomType t = type(e.b, scope);
    for (AtomType end : {s, t}) {
      const bool point = is_numeric(end) || end == AtomType::String;
      if (end != AtomType::Unknown && end != AtomType::Unit && !point) return AtomType::Unit;
    }
    if (is_range_step(e.op)) return AtomType::Iterator;
    return s == AtomType::String && t == AtomType::String ? AtomType::String : AtomType::List;
  }

  //=== parameters, typed from their use (§7.1) ===============================

  void parameter_names(ExprId params, std::vector<std::string_view>& out) const {
    if (params == kNoExpr) return;
    const Expr& e = at(params);
    if (e.kind == ExprKind::Atom && !e.name.empty()) out.push_back(e.name);
    if (e.kind != ExprKind::Params) return;
    for (ExprId entry : e.kids) {
      if (at(entry).kids.empty()) {
        out.push_back(at(entry).name);
      } else {
        for (ExprId k : at(entry).kids) out.push_back(at(k).name);
      }
    }
  }

  ParamTypes parameter_types(ExprId lambda, ScopeId scope) {
    const Expr& fn = at(lambda);
    std::vector<std::string_view> names;
    parameter_names(fn.a, names);
    const ScopeId body_scope = inner(fn, scope);
    ParamTypes found;
    types_from_use(fn.b, names, body_scope, found);
    const bool listed = fn.a != kNoExpr && at(fn.a).kind == ExprKind::Params;
    if (listed) {
      // A default may use the other parameters: it is a use too. And the
      // default itself is what the parameter holds when omitted: its type wins.
      for (ExprId entry : at(fn.a).kids) {
        if (at(entry).a == kNoExpr) continue;
        ParamTypes in_default;
        types_from_use(at(entry).a, names, body_scope, in_default);
        for (const auto& [n, t] : in_default) {
          if (!has(found, n)) put(found, n, t);
        }
      }
      for (ExprId entry : at(fn.a).kids) {
        if (at(entry).a == kNoExpr || !at(entry).kids.empty()) continue;
        const AtomType t = type(at(entry).a, body_scope);
        if (t != AtomType::Unknown && t != AtomType::Unit) put(found, at(entry).name, t);
      }
    }
    // A plain parameter holds one value: it is at least an Atom.
    if (listed) {
      for (ExprId entry : at(fn.a).kids) {
        const Expr& p = at(entry);
        if (!(p.flags & kRest) && p.kids.empty() && !has(found, p.name)) put(found, p.name, AtomType::Atom);
      }
    } else if (is_name(fn.a) && !has(found, at(fn.a).name)) {
      put(found, at(fn.a).name, AtomType::Atom);
    }
    // The rest of a bracket pattern is the container itself: a String when
    // its elements are, else a List.
    if (listed) {
      std::vector<std::span<const ExprId>> groups;
      if (at(fn.a).flags & kBracketParams) groups.emplace_back(at(fn.a).kids);
      for (ExprId entry : at(fn.a).kids) {
        if (!at(entry).kids.empty()) groups.emplace_back(at(entry).kids);
      }
      for (const auto group : groups) {
        const auto rest = std::find_if(group.begin(), group.end(), [&](ExprId k) { return at(k).flags & kRest; });
        if (rest == group.end() || has(found, at(*rest).name)) continue;
        const auto element = std::find_if(group.begin(), group.end(), [&](ExprId k) {
          return !(at(k).flags & kRest) && has(found, at(k).name);
        });
        if (element == group.end()) continue;
        const AtomType t = find(found, at(*element).name);
        if (t != AtomType::Atom) put(found, at(*rest).name, t == AtomType::String ? AtomType::String : AtomType::List);
      }
    }
    return found;
  }

  // The first use of each parameter as an operand of arithmetic or a
  // comparison types it: as the other operand when that is a literal or a
  // typed name, else as a Scalar. As an argument, it takes the type the
  // callee's parameter has.
  void types_from_use(ExprId id, const std::vector<std::string_view>& names, ScopeId scope, ParamTypes& found) {
    if (id == kNoExpr) return;
    const Expr& e = at(id);
    const auto is_param = [&](ExprId k) {
      return is_name(k) && std::find(names.begin(), names.end(), at(k).name) != names.end();
    };
    const bool scalar_operator = ((e.kind == ExprKind::Infix || e.kind == ExprKind::Section) &&
                                  (is_arithmetic(e.op) || is_scalar_comparison(e.op))) ||
                                 (e.kind == ExprKind::ChainCompare && is_scalar_comparison(e.op));
    const ExprId right = e.kind == ExprKind::ChainCompare ? e.c : e.b;
    if (scalar_operator) {
      for (const auto& [side, other] : {std::pair{e.a, right}, std::pair{right, e.a}}) {
        if (!is_param(side) || has(found, at(side).name)) continue;
        AtomType t = is_literal(other) ? literal_type(at(other)) : AtomType::Unknown;
        if (t == AtomType::Unit) t = AtomType::Unknown;
        if (t == AtomType::Unknown && is_name(other) && !is_param(other)) {
          t = type(other, scope);
          if (t == AtomType::Unit) t = AtomType::Unknown;
        }
        put(found, at(side).name, t == AtomType::Unknown ? AtomType::Scalar : t);
      }
    }
    if (e.kind == ExprKind::Infix && e.op == Op::Apply) {
      std::vector<ExprId> args;
      ExprId base = id;
      while (at(base).kind == ExprKind::Infix && (at(base).op == Op::Apply || at(base).op == Op::PartialApply)) {
        args.push_back(at(base).b);
        base = at(base).a;
      }
      std::reverse(args.begin(), args.end());
      const BindingId callee = is_name(base) && !is_param(base) ? lookup(at(base).name, scope) : kNoBinding;
      reads(callee);
      if (callee != kNoBinding && slots_[callee]) {
        const auto& slots = *slots_[callee];
        for (std::size_t i = 0; i < args.size() && i < slots.size(); ++i) {
          if (!is_param(args[i]) || has(found, at(args[i]).name)) continue;
          if (slots[i] != AtomType::Unknown && slots[i] != AtomType::Atom) put(found, at(args[i]).name, slots[i]);
        }
      }
    }
    switch (e.kind) {
      case ExprKind::Lambda: types_from_use(e.b, names, scope, found); return;
      case ExprKind::ChainCompare:  // the language does not look into the middle term
        types_from_use(e.a, names, scope, found);
        types_from_use(e.c, names, scope, found);
        return;
      case ExprKind::Params:
      case ExprKind::Param: return;
      default:
        for (ExprId k : {e.a, e.b, e.c}) types_from_use(k, names, scope, found);
        for (ExprId k : e.kids) types_from_use(k, names, scope, found);
    }
  }

  //=== top-level signatures, to a fixpoint ===================================

  // `[+ 1]`: an operator section's holes are typed as its filled side.
  std::optional<Signature> section_signature(ExprId id) const {
    if (at(id).kind == ExprKind::Block && at(id).kids.size() == 1) id = at(id).kids[0];
    const Expr& s = at(id);
    if (s.kind != ExprKind::Section || (s.flags & kPointfreeMap)) return std::nullopt;
    if (!is_arithmetic(s.op) && !is_scalar_comparison(s.op)) return std::nullopt;
    const int holes = (s.a == kNoExpr) + (s.b == kNoExpr);
    if (holes == 0) return std::nullopt;
    const ExprId filled = s.a != kNoExpr ? s.a : s.b;
    AtomType slot = is_literal(filled) ? literal_type(at(filled)) : AtomType::Unknown;
    if (slot == AtomType::Unknown || slot == AtomType::Unit) slot = AtomType::Scalar;
    return Signature{std::vector<AtomType>(holes, slot), slot};
  }

  BindingId top_level_binding(ExprId form) const {
    if (!is_define(form) || !is_name(at(form).a)) return kNoBinding;
    return lookup(at(at(form).a).name, p_.file_scope);
  }

  // What line `line` teaches of its function: the result type, the
  // parameters' types (written back where its body reads them) and the
  // types its argument positions ask for. Marks the lines that read what
  // changed; whether anything did.
  bool learn_signature(std::size_t line, std::vector<bool>& stale) {
    line_ = line;
    const ExprId form = p_.forms[line];
    const BindingId b = top_level_binding(form);
    if (b == kNoBinding) return false;
    const ExprId rhs = at(form).b;
    const auto section = section_signature(rhs);
    if (!section && at(rhs).kind != ExprKind::Lambda) return false;
    bool learned = false;
    const AtomType result = section ? section->result : type(at(rhs).b, inner(at(rhs), p_.file_scope));
    if (result != AtomType::Unknown && returns_[b] != result) {
      returns_[b] = result;
      mark_readers(b, stale);
      learned = true;
    }
    std::vector<AtomType> slots;
    if (section) {
      slots = section->params;
    } else {
      const ParamTypes found = parameter_types(rhs, p_.file_scope);
      for (const auto& [name, t] : found) {
        const BindingId pb = lookup(name, inner(at(rhs), p_.file_scope));
        if (pb == kNoBinding || t == AtomType::Atom || binding_type_[pb] == t) continue;
        binding_type_[pb] = t;
        stale[line] = true;  // its body reads its parameters
        learned = true;
      }
      slots = slot_types(at(rhs).a, found);
    }
    if (!slots_[b] || *slots_[b] != slots) {
      slots_[b] = std::move(slots);
      mark_readers(b, stale);
      learned = true;
    }
    return learned;
  }

  // The type each argument position asks for: a bracket pattern takes one
  // argument, typed as its rest (the container).
  std::vector<AtomType> slot_types(ExprId params, const ParamTypes& found) const {
    const auto of = [&](std::string_view name) {
      const AtomType t = find(found, name);
      return t == kNotYet ? AtomType::Unknown : t;
    };
    const auto rest_of = [&](std::span<const ExprId> group) {
      for (ExprId k : group) {
        if (at(k).flags & kRest) return of(at(k).name);
      }
      return AtomType::Unknown;
    };
    if (params == kNoExpr) return {};
    if (is_name(params)) return {of(at(params).name)};
    if (at(params).kind != ExprKind::Params) return {};
    if (at(params).flags & kBracketParams) return {rest_of(at(params).kids)};
    std::vector<AtomType> slots;
    for (ExprId entry : at(params).kids) {
      slots.push_back(at(entry).kids.empty() ? of(at(entry).name) : rest_of(at(entry).kids));
    }
    return slots;
  }

  Program& p_;
  std::vector<AtomType> binding_type_;  // per binding: its atom type
  std::vector<AtomType> returns_;       // per binding: a function's result type
  std::vector<std::optional<std::vector<AtomType>>> slots_;  // per binding: its parameters' types
  std::vector<BindingId> address_of_;   // per binding: `g : $f` → f
  std::vector<std::vector<std::size_t>> readers_;  // per binding: the lines that read what is learned of it
  std::vector<AtomType> memo_;          // per expr
  std::vector<std::vector<ExprId>> touched_;  // per line: the exprs its annotation typed
  std::size_t line_ = 0;                // the line being annotated
  bool recording_ = false;              // noting what each line reads (the first round)
  std::vector<bool> typed_parameters_;  // per line: its annotation typed a parameter
};

}  // namespace

std::string_view atom_type_name(AtomType type) {
  switch (type) {
    case AtomType::Unknown: return "_";
    case AtomType::Int: return "Int";
    case AtomType::Address: return "Address";
    case AtomType::Float: return "Float";
    case AtomType::Vector: return "Vector";
    case AtomType::String: return "String";
    case AtomType::List: return "List";
    case AtomType::Struct: return "Struct";
    case AtomType::Unit: return "Unit";
    case AtomType::Scalar: return "Scalar";
    case AtomType::Atom: return "Atom";
    case AtomType::Implicit: return "Implicit";
    case AtomType::Iterator: return "Iterator";
    case AtomType::Union: return "Union";
  }
  return "?";
}

void annotate_atom_types(Program& program) { AtomTyper(program).run(); }

}  // namespace signc::sema
