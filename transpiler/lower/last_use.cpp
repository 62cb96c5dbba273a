// SPDX-License-Identifier: MIT
// Last uses of locals (issue 11, "reference-count elision where a value is
// used once"): where a function reads a sign::Value local for the last time
// and hands it to something that takes ownership, the read becomes
// `std::move(x)`. The runtime's `Value&&` overloads then extend a String or
// List only that local referred to in place (Perceus-style reuse) instead of
// copying it, and by-value parameters take the reference without touching
// the count.
//
// A backward liveness pass over the structured statements. It stays on the
// safe side: a local read twice in one statement is never moved (C++ leaves
// the order of argument evaluation open), nor is an expression node the IR
// reaches twice.
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/dynamic_bitset.hpp>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

// Runtime operations with an overload taking this operand as `Value&&`.
bool consumes_operand(std::string_view callee, std::size_t arg) {
  static constexpr std::pair<std::string_view, std::size_t> kConsuming[] = {
      {"sign::impl::construct", 0},
      {"sign::impl::construct", 1},
      {"sign::impl::construct_text", 0},
      {"sign::impl::construct_char", 0},
      {"sign::impl::char_in_front", 1},
      {"sign::impl::int_in_front", 1},
      {"sign::impl::literal_reusing", 0},
      {"sign::impl::construct_element", 0},
      {"sign::impl::text_buffer", 0},
      {"sign::impl::from_text_buffer", 0},
      {"sign::impl::construct_expanded", 0},
      {"sign::impl::construct_expanded", 1},
      {"sign::impl::flatten", 0},
      {"sign::impl::get_rest", 0},
      {"sign::Dict::Entry", 1},
      {"sign::impl::push_back", 0},
      {"sign::impl::push_front", 1},
      {"sign::impl::product", 0},
      {"sign::impl::spread_rest", 0},
      {"sign::impl::spread_pattern", 0},
      {"sign::impl::destructure", 0},
      {"sign::impl::product_reusing", 0},
      {"sign::impl::apply_spread_list", 1},
      {"sign::impl::fold_list", 0},
  };
  const std::string_view name = callee.substr(0, callee.find('<'));  // fold_list<sign::impl::SectionOp::Add>
  return std::any_of(std::begin(kConsuming), std::end(kConsuming),
                     [&](const auto& c) { return c.first == name && c.second == arg; });
}

using Live = boost::dynamic_bitset<>;  // by local index: ORed a word at a time

class LastUses {
 public:
  // `reached`: one count per expression of the module, all 0; left so.
  LastUses(Module& m, Function& f, std::vector<unsigned>& reached) : m_(m), f_(f), reached_(reached) {}

  void run() {
    f_.named_params.assign(f_.param_count, false);
    for (StmtId s : f_.body) count_reached(s);
    static_cast<void>(block(f_.body, Live(f_.locals.size())));
    for (ExprId id : counted_) reached_[id] = 0;
  }

 private:
  struct Read {
    ExprId expr;
    bool consuming;
  };

  void count_reached(StmtId id) {
    const Stmt& s = m_.stmt(id);
    if (s.kind == Stmt::Kind::Dispatch) f_.named_params.assign(f_.param_count, true);  // passes each on
    if (s.kind == Stmt::Kind::Set || s.kind == Stmt::Kind::IfUnit) name(s.index);
    if (has_expr(s)) count_expr(s.expr);
    for (StmtId t : s.then_body) count_reached(t);
    for (StmtId t : s.else_body) count_reached(t);
  }
  void count_expr(ExprId id) {
    if (reached_[id]++ == 0) counted_.push_back(id);
    if (m_.expr(id).kind == Expr::Kind::Local) name(m_.expr(id).index);
    for (ExprId a : m_.expr(id).args) count_expr(a);
  }
  void name(std::uint32_t local) {
    if (local < f_.param_count) f_.named_params[local] = true;
  }

  // The locals live before `stmts`, given those live after them; marks the
  // last uses on the way.
  Live block(const std::vector<StmtId>& stmts, Live live) {
    for (auto it = stmts.rbegin(); it != stmts.rend(); ++it) live = statement(*it, std::move(live));
    return live;
  }

  Live statement(StmtId id, Live live) {
    const Stmt& s = m_.stmt(id);
    switch (s.kind) {
      case Stmt::Kind::Continue: {
        // The parameters carry into the next iteration; every other local
        // is declared afresh inside the loop.
        Live carried(f_.locals.size());
        for (std::size_t i = 0; i < f_.param_count; ++i) carried.set(i);
        return carried;
      }
      case Stmt::Kind::Return: return reads(s.expr, Live(f_.locals.size()), true);
      case Stmt::Kind::IfUnit: {
        Live then_live = block(s.then_body, live);
        then_live |= block(s.else_body, std::move(live));
        then_live.set(s.index);
        return then_live;
      }
      case Stmt::Kind::If: {  // the condition is read before either branch
        Live then_live = block(s.then_body, live);
        then_live |= block(s.else_body, std::move(live));
        return reads(s.expr, std::move(then_live), false);
      }
      case Stmt::Kind::Dispatch:  // reads every parameter (emit spells the call), and may fall through
        for (std::size_t i = 0; i < f_.param_count; ++i) live.set(i);
        return live;
      case Stmt::Kind::Let:
      case Stmt::Kind::Set:
        live.reset(s.index);
        return reads(s.expr, std::move(live), true, true);
      default: return reads(s.expr, std::move(live), true);
    }
  }

  // Marks the reads in `expr` that are last uses (when `may_move`), and
  // adds every local it reads to `live`. `whole_consumed`: the statement
  // takes ownership of the expression's value (a Let or Set of a local).
  Live reads(ExprId expr, Live live, bool may_move, bool whole_consumed = false) {
    std::vector<Read>& found = found_;
    found.clear();
    collect(expr, whole_consumed, found);
    for (const Read& r : found) {
      const std::uint32_t local = m_.expr(r.expr).index;
      const bool once = std::count_if(found.begin(), found.end(), [&](const Read& o) {
                          return m_.expr(o.expr).index == local;
                        }) == 1;
      if (may_move && r.consuming && once && !live[local] && reached_[r.expr] == 1 &&
          moved_at_last_use(f_.locals[local].type)) {
        m_.exprs[r.expr].moved = true;
      }
    }
    for (const Read& r : found) live.set(m_.expr(r.expr).index);
    return live;
  }

  void collect(ExprId id, bool consuming, std::vector<Read>& found) {
    const Expr& e = m_.expr(id);
    if (e.kind == Expr::Kind::Local) {
      found.push_back({id, consuming});
      return;
    }
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      const Expr& arg = m_.expr(e.args[i]);
      bool takes = false;
      if (e.kind == Expr::Kind::Call) takes = consumes_operand(e.callee, i);
      // A direct function takes its sign::Value parameters by value.
      if (e.kind == Expr::Kind::DirectCall) takes = in_sign_value(arg.type);
      collect(e.args[i], takes, found);
    }
  }

  Module& m_;
  Function& f_;
  // How often the function's statements reach each expression: a count per
  // expression of the module, shared by its functions (so marking a module
  // is linear in its size), reset through counted_.
  std::vector<unsigned>& reached_;
  std::vector<ExprId> counted_;
  std::vector<Read> found_;  // reads' list of the reads in one statement, kept for its storage
};

}  // namespace

void mark_last_uses(Module& module) {
  std::vector<unsigned> reached(module.exprs.size(), 0);
  for (Function& f : module.functions) {
    if (f.emitted) LastUses(module, f, reached).run();  // the others are never written out
  }
  LastUses(module, module.load, reached).run();
}

}  // namespace signc::lower
