// SPDX-License-Identifier: MIT
// __ guards of a loop made once, on entry (issue 11). A function's body
// starts by returning __ for a __ argument; in a function whose self tail
// calls became a loop, that test runs again on every iteration. Where each
// value the loop gives a parameter keeps it "neither __ nor a Function" —
// a character or a literal's text appended to it, a non-empty literal, a
// number — the test on entry is enough once the entry also finds the
// argument is no Function (appending to a Function applies it, and what
// that gives may be __). The guard moves before the loop; in the loop it
// is made only after a Function argument:
//
//   if (w.is_unit()) return sign::Value();
//   bool w_applies = sign::impl::applies(w);
//   for (;;) {
//     if (w_applies) {
//       if (w.is_unit()) return sign::Value();
//     }
//
// The guards only return __, so testing one before another (or before the
// loop) changes nothing a program can see.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

class EntryGuards {
 public:
  EntryGuards(Module& m, Function& f) : m_(m), f_(f), lets_(f.locals.size(), kNone), sets_(f.locals.size()) {}

  void run() {
    for (StmtId s : f_.body) scan(s);
    const auto loop_start = std::find_if(f_.body.begin(), f_.body.end(), [&](StmtId s) {
      const Stmt& st = m_.stmt(s);
      return st.kind != Stmt::Kind::Dispatch && !st.on_entry && !is_guard(st);
    });
    std::vector<StmtId> entry;  // made once, before the loop
    std::vector<StmtId> loop;   // the guards left at the top of the loop
    bool hoisted = false;
    for (auto it = f_.body.begin(); it != loop_start; ++it) {
      const StmtId guard = *it;
      if (m_.stmt(guard).kind == Stmt::Kind::Dispatch || m_.stmt(guard).on_entry) {
        entry.push_back(guard);
        continue;
      }
      const std::uint32_t param = m_.stmt(guard).index;
      const Given given = given_to(param);
      if (given == Given::Unknown) {
        loop.push_back(guard);
      } else if (given == Given::Appended) {  // on entry, and in the loop after a Function
        const std::uint32_t applies = applies_local(param);
        entry.push_back(copy_on_entry(guard));
        entry.push_back(let_applies(applies, param, m_.stmt(guard).line));
        loop.push_back(only_if_applies(applies, guard));
      } else {
        m_.stmts[guard].on_entry = true;
        entry.push_back(guard);
      }
      hoisted = hoisted || given != Given::Unknown;
    }
    if (!hoisted) return;
    entry.insert(entry.end(), loop.begin(), loop.end());
    entry.insert(entry.end(), loop_start, f_.body.end());
    f_.body = std::move(entry);
  }

 private:
  static constexpr ExprId kNone = ~ExprId{0};
  static constexpr ExprId kMany = kNone - 1;

  // `if (p.is_unit()) return sign::Value();` for a parameter p (or the
  // text accumulator holding it).
  bool is_guard(const Stmt& s) const {
    return s.kind == Stmt::Kind::IfUnit && !s.negated && s.else_body.empty() &&
           s.then_body.size() == 1 && m_.stmt(s.then_body[0]).kind == Stmt::Kind::Return &&
           m_.expr(m_.stmt(s.then_body[0]).expr).kind == Expr::Kind::UnitLit;
  }

  // Records each local's Let, the values Set gives it, and locals whose
  // address is taken (written through it: not followed).
  void scan(StmtId id) {
    const Stmt& s = m_.stmt(id);
    if (s.kind == Stmt::Kind::Let) lets_[s.index] = lets_[s.index] == kNone ? s.expr : kMany;
    if (s.kind == Stmt::Kind::Set) sets_[s.index].push_back(s.expr);
    if (s.kind == Stmt::Kind::Perform && changes_in_place(m_.expr(s.expr))) {
      sets_[m_.expr(m_.expr(s.expr).args[0]).index].push_back(s.expr);
    }
    if (has_expr(s)) mark_addresses(s.expr);
    for (StmtId t : s.then_body) scan(t);
    for (StmtId t : s.else_body) scan(t);
  }
  // `append_char(w_text, h)`, `assign_text(w_text, literal)`: a text
  // accumulator given its next value in place.
  static bool changes_in_place(const Expr& e) {
    static constexpr std::string_view kInPlace[] = {"sign::impl::append_char", "sign::impl::append_text",
                                                    "sign::impl::append_element", "sign::impl::append",
                                                    "sign::impl::assign_text"};
    return e.kind == Expr::Kind::Call && !e.args.empty() &&
           std::find(std::begin(kInPlace), std::end(kInPlace), e.callee) != std::end(kInPlace);
  }
  void mark_addresses(ExprId id) {
    const Expr& e = m_.expr(id);
    if (e.kind == Expr::Kind::AddressOf && m_.expr(e.args[0]).kind == Expr::Kind::Local) {
      sets_[m_.expr(e.args[0]).index].push_back(kNone);
    }
    for (ExprId a : e.args) mark_addresses(a);
  }

  // What a value the loop gives a parameter is, as far as its guard goes.
  enum class Given : std::uint8_t {
    Made,      // neither __ nor a Function: a number, a non-empty literal, text appended to one
    Itself,    // the parameter's own value, as the last iteration checked it
    Appended,  // something appended to the parameter: a Function applied, if it was one
    Unknown,   // may be __
  };
  // What all values the loop gives `param` are: the worst of them.
  Given given_to(std::uint32_t param) const {
    Given worst = Given::Itself;
    for (ExprId v : sets_[param]) worst = std::max(worst, v == kNone ? Given::Unknown : given(v, param));
    return worst;
  }
  Given given(ExprId id, std::uint32_t param) const {
    const Expr& e = m_.expr(id);
    switch (e.kind) {
      case Expr::Kind::IntLit:
      case Expr::Kind::FloatLit: return Given::Made;
      case Expr::Kind::StringLit: return e.callee.empty() ? Given::Unknown : Given::Made;  // the empty String is __
      case Expr::Kind::Local: {
        if (e.index == param) return Given::Itself;
        const ExprId let = lets_[e.index];  // a temporary let once and never set: its value
        const bool followed = e.index >= f_.param_count && let != kNone && let != kMany && sets_[e.index].empty();
        return followed ? given(let, param) : Given::Unknown;
      }
      case Expr::Kind::Call: return given_by_call(e, param);
      default: return Given::Unknown;
    }
  }
  Given given_by_call(const Expr& e, std::uint32_t param) const {
    // A number, a character or a pair of Ints boxed.
    static constexpr std::string_view kMade[] = {"sign::Value::from_int", "sign::Value::from_float",
                                                 "sign::impl::from_char", "sign::impl::from_int_pair"};
    // A character or a non-empty literal's text appended: to what is
    // neither __ nor a Function, a longer String or List (or a text).
    static constexpr std::string_view kAppended[] = {"sign::impl::construct_char", "sign::impl::construct_text",
                                                     "sign::impl::append_char", "sign::impl::append_text"};
    if (std::find(std::begin(kMade), std::end(kMade), e.callee) != std::end(kMade)) return Given::Made;
    if (std::find(std::begin(kAppended), std::end(kAppended), e.callee) != std::end(kAppended)) {
      const Given to = given(e.args[0], param);
      return to == Given::Made ? Given::Made : to == Given::Unknown ? Given::Unknown : Given::Appended;
    }
    // The literal, in the String the parameter held or its own.
    const bool literal = e.callee == "sign::impl::literal_reusing" || e.callee == "sign::impl::assign_text";
    if (literal && given(e.args[1], param) == Given::Made) return Given::Made;
    // Any value, in a text accumulator: as the value itself.
    if (e.callee == "sign::impl::text_buffer") return given(e.args[0], param);
    return Given::Unknown;
  }

  // A new Bool local `<param>_applies`, its name free in the function and
  // the module.
  std::uint32_t applies_local(std::uint32_t param) {
    const std::string stem = f_.locals[param].cpp_name + "_applies";
    std::string name = stem;
    const auto taken = [&](const std::string& n) {
      return std::any_of(f_.locals.begin(), f_.locals.end(), [&](const Local& l) { return l.cpp_name == n; }) ||
             std::any_of(m_.globals.begin(), m_.globals.end(), [&](const Global& g) { return g.cpp_name == n; });
    };
    for (int k = 2; taken(name); ++k) name = stem + "_" + std::to_string(k);
    f_.locals.push_back({name, CType::Bool});
    return static_cast<std::uint32_t>(f_.locals.size() - 1);
  }
  StmtId copy_on_entry(StmtId guard) {
    Stmt copy = m_.stmt(guard);
    copy.on_entry = true;
    return add(std::move(copy));
  }
  // `bool p_applies = sign::impl::applies(p);`, on entry.
  StmtId let_applies(std::uint32_t applies, std::uint32_t param, std::uint32_t line) {
    Expr read;
    read.kind = Expr::Kind::Local;
    read.index = param;
    read.type = f_.locals[param].type;
    Expr test;
    test.kind = Expr::Kind::Call;
    test.type = CType::Bool;
    test.callee = m_.text("sign::impl::applies");
    test.args = {add(std::move(read))};
    Stmt let;
    let.kind = Stmt::Kind::Let;
    let.index = applies;
    let.expr = add(std::move(test));
    let.line = line;
    let.on_entry = true;
    return add(std::move(let));
  }
  // `if (p_applies) { guard }`.
  StmtId only_if_applies(std::uint32_t applies, StmtId guard) {
    m_.stmts[guard].comment.clear();  // the one on entry says it
    Expr flag;
    flag.kind = Expr::Kind::Local;
    flag.index = applies;
    flag.type = CType::Bool;
    Stmt test;
    test.kind = Stmt::Kind::If;
    test.expr = add(std::move(flag));
    test.then_body = {guard};
    test.line = m_.stmt(guard).line;
    test.comment = "a Function argument: appending applies it";
    return add(std::move(test));
  }

  ExprId add(Expr e) {
    m_.exprs.push_back(std::move(e));
    return static_cast<ExprId>(m_.exprs.size() - 1);
  }
  StmtId add(Stmt s) {
    m_.stmts.push_back(std::move(s));
    return static_cast<StmtId>(m_.stmts.size() - 1);
  }

  Module& m_;
  Function& f_;
  std::vector<ExprId> lets_;               // per local: the value its Let gives (kNone, or kMany)
  std::vector<std::vector<ExprId>> sets_;  // per local: the values Set gives it (kNone: written through &)
};

}  // namespace

void hoist_entry_guards(Module& module) {
  for (Function& f : module.functions) {
    if (f.emitted && f.loops) EntryGuards(module, f).run();
  }
}

}  // namespace signc::lower
