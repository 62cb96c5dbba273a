// SPDX-License-Identifier: MIT
// Typed tree → IR. Every semantic decision of code generation is made here,
// once: which C++ type a value has, which wrapping operation an operator
// becomes (impl/type/type_system.md §3.2, impl/core/integer_overflow.md §1),
// where evaluation short-circuits (`&`, `|`, comparisons with a Unit left
// operand), how a match_case body branches, and which calls are self tail
// calls that become the function's loop (impl/core/tco.md).
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

using sema::ExprKind;
using sema::Op;
using sema::Type;
using SemaId = sema::ExprId;  // an expression of the typed tree (ExprId is the IR's)

Expr node(Expr::Kind kind, CType type) {
  Expr e;
  e.kind = kind;
  e.type = type;
  return e;
}

CType ctype_of(Type t) {
  switch (t) {
    case Type::Int: return CType::Int64;
    case Type::Float: return CType::Double;
    default: return CType::Value;  // everything else is carried as a sign::Value
  }
}

struct OpNames {
  Op op;
  const char* int_fn;       // Int∘Int, total
  const char* int_partial;  // Int∘Int that is not an Int for a zero divisor (returns Value)
  const char* float_fn;     // Float∘Float when C++ has no operator for it
  const char* dynamic_fn;
};

constexpr OpNames kArithmetic[] = {
    {Op::Add, "sign::impl::add_wrap", nullptr, nullptr, "sign::impl::add"},
    {Op::Sub, "sign::impl::sub_wrap", nullptr, nullptr, "sign::impl::sub"},
    {Op::Mul, "sign::impl::mul_wrap", nullptr, nullptr, "sign::impl::mul"},
    {Op::Div, "sign::impl::div_round", "sign::impl::div_int", nullptr, "sign::impl::div"},
    {Op::Mod, "sign::impl::mod_trunc", "sign::impl::mod_int", "sign::impl::mod_float", "sign::impl::mod"},
};

const OpNames* arithmetic(Op op) {
  for (const auto& o : kArithmetic) {
    if (o.op == op) return &o;
  }
  return nullptr;
}

const char* comparison_fn(Op op, bool chain) {
  switch (op) {
    case Op::Less: return chain ? "sign::impl::chain_less" : "sign::impl::less";
    case Op::LessEqual: return chain ? "sign::impl::chain_less_equal" : "sign::impl::less_equal";
    case Op::Eq: return chain ? "sign::impl::chain_equal_to" : "sign::impl::equal_to";
    case Op::MoreEqual: return chain ? "sign::impl::chain_more_equal" : "sign::impl::more_equal";
    case Op::More: return chain ? "sign::impl::chain_more" : "sign::impl::more";
    default: return nullptr;
  }
}

// What code generation supports so far; anything else is reported with its
// Sign location rather than producing C++ that would not compile.
std::string unsupported_what(const sema::Program& p, SemaId id) {
  const sema::Expr& e = p.expr(id);
  switch (e.kind) {
    case ExprKind::Atom:
      if (e.atom == syntax::AtomKind::Identifier) return "functions used as values";
      return std::string(syntax::atom_kind_name(e.atom)) + " literals";
    case ExprKind::Prefix: return "the prefix operator '" + std::string(sema::op_symbol(e.op)) + "'";
    case ExprKind::Postfix: return "the postfix operator '" + std::string(sema::op_symbol(e.op)) + "'";
    case ExprKind::Infix:
      if (e.op == Op::Apply || e.op == Op::PartialApply) {
        return "calls other than a named function given all its arguments";
      }
      if (e.op >= Op::Compose && e.op <= Op::Concat) return std::string(sema::op_name(e.op)) + " (juxtaposition)";
      if (e.op == Op::Define) return "definitions inside expressions";
      return "the operator '" + std::string(sema::op_symbol(e.op)) + "'";
    case ExprKind::ChainCompare: return "this comparison chain";
    case ExprKind::Section: return "point-free sections";
    case ExprKind::Lambda: return "functions other than top-level definitions with plain parameters";
    case ExprKind::Block: return "blocks and lists";
    default: return "this construct";
  }
}

bool is_define(const sema::Program& p, SemaId id) {
  return p.expr(id).kind == ExprKind::Infix && p.expr(id).op == Op::Define;
}

// `name : a b ? body` with plain parameters: a function code generation
// handles. Returns the parameter names, or nothing.
std::optional<std::vector<std::string>> plain_parameters(const sema::Program& p, SemaId lambda) {
  const sema::Expr& l = p.expr(lambda);
  if (l.kind != ExprKind::Lambda || (l.flags & sema::kHoleLambda)) return std::nullopt;
  std::vector<std::string> names;
  if (l.a == sema::kNoExpr) return names;
  const sema::Expr& params = p.expr(l.a);
  if (params.kind == ExprKind::Atom) return std::vector<std::string>{std::string(params.name)};
  if (params.kind != ExprKind::Params || (params.flags & sema::kBracketParams)) return std::nullopt;
  for (SemaId entry : params.kids) {
    const sema::Expr& e = p.expr(entry);
    if ((e.flags & sema::kRest) || e.a != sema::kNoExpr || !e.kids.empty() || e.name == "_") return std::nullopt;
    names.emplace_back(e.name);
  }
  return names;
}

class Lowerer {
 public:
  Lowerer(const sema::Program& p, Diagnostics& diags) : p_(p), diags_(diags) {}

  Module run(std::string_view module_name) {
    m_.name = cpp_module_name(module_name);
    // The file name only: no directory may leak into generated text (determinism).
    m_.source_name = std::filesystem::path(p_.file->path()).filename().string();
    m_.load.cpp_name = "load";
    declare_functions();
    for (std::size_t i = 0; i < p_.forms.size(); ++i) top_level(p_.forms[i], i + 1 == p_.forms.size());
    for (std::size_t f = 0; f < m_.functions.size(); ++f) define_function(f);
    return std::move(m_);
  }

 private:
  //=== the module's functions ==================================================

  // Every top-level `name : params ? body` is a function, known before any
  // body is lowered: calls may go forward and recurse mutually.
  void declare_functions() {
    std::unordered_map<std::string, int> definitions;
    for (SemaId form : p_.forms) {
      if (is_define(p_, form)) ++definitions[std::string(p_.expr(p_.expr(form).a).name)];
    }
    for (SemaId form : p_.forms) {
      if (!is_define(p_, form)) continue;
      const sema::Expr& def = p_.expr(form);
      const std::string name(p_.expr(def.a).name);
      const auto params = plain_parameters(p_, def.b);
      if (!params || definitions[name] != 1) continue;
      Function f;
      f.cpp_name = cpp_identifier(name);
      f.sign_name = name;
      f.line = line_of(form);
      f.param_count = static_cast<std::uint32_t>(params->size());
      for (const auto& param : *params) f.locals.push_back({cpp_identifier(param), CType::Value});
      function_of_[name] = static_cast<std::uint32_t>(m_.functions.size());
      function_form_.push_back(form);
      m_.functions.push_back(std::move(f));
    }
    // Globals a function reads are sign::Value (Unit until their definition
    // runs), whatever their type: a call may come before the definition.
    for (SemaId form : function_form_) collect_names(p_.expr(form).b, read_by_functions_);
  }

  void collect_names(SemaId id, std::unordered_set<std::string>& out) const {
    if (id == sema::kNoExpr) return;
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Atom && !e.name.empty()) out.emplace(e.name);
    for (SemaId k : {e.a, e.b, e.c}) collect_names(k, out);
    for (SemaId k : e.kids) collect_names(k, out);
  }

  void define_function(std::size_t index) {
    fn_ = &m_.functions[index];
    self_ = static_cast<int>(index);
    const SemaId lambda = p_.expr(function_form_[index]).b;
    std::vector<StmtId> body;
    out_ = &body;
    line_ = m_.functions[index].line;
    // The completeness axiom (type_system.md §3.4): a Unit argument for a
    // parameter without default collapses the call to __.
    for (std::uint32_t i = 0; i < m_.functions[index].param_count; ++i) {
      Stmt guard = stmt(Stmt::Kind::IfUnit);
      guard.index = i;
      guard.then_body = {add_stmt(returns(unit()))};
      if (i == 0) guard.comment = "a __ argument collapses the call";
      emit(std::move(guard));
    }
    tail(p_.expr(lambda).b);
    m_.functions[index].body = std::move(body);
    fn_ = nullptr;
    self_ = -1;
  }

  //=== top level ================================================================

  void top_level(SemaId form, bool last) {
    fn_ = &m_.load;
    out_ = &m_.load.body;
    line_ = line_of(form);
    const sema::Expr& e = p_.expr(form);
    if (is_define(p_, form) && p_.expr(e.a).kind == ExprKind::Atom) {
      const std::string name(p_.expr(e.a).name);
      const auto fn = function_of_.find(name);
      if (fn != function_of_.end()) {
        if (last) emit_result(unsupported(e.b));  // a function as the program's value needs closures
        return;
      }
      const ExprId v = value(e.b);
      const CType type = read_by_functions_.count(name) ? CType::Value : type_of(v);
      const std::uint32_t version = ++versions_[name];
      if (version > 1 && read_by_functions_.count(name)) {
        diags_.error(*p_.file, e.span, "'" + name + "' is defined twice and read inside a function; this is not "
                                       "supported by this version of signc's code generation yet");
      }
      m_.globals.push_back({cpp_fresh_name(name, version), name, type, line_});
      const auto g = static_cast<std::uint32_t>(m_.globals.size() - 1);
      Stmt assign = stmt(Stmt::Kind::Assign);
      assign.index = g;
      assign.expr = coerce(v, type);
      emit(std::move(assign));
      visible_[name] = g;
      if (last) emit_result(global(g));
      return;
    }
    const ExprId v = value(form);
    if (last) emit_result(v);
    // A top-level expression that is not last is evaluated for its effects;
    // a pure one (all of today's) is dropped by the C++ compiler.
  }

  void emit_result(ExprId v) {
    Stmt result = stmt(Stmt::Kind::Result);
    result.expr = coerce(v, CType::Value);
    emit(std::move(result));
  }

  //=== statements ===============================================================

  Stmt stmt(Stmt::Kind kind) const {
    Stmt s;
    s.kind = kind;
    s.line = line_;
    return s;
  }
  StmtId add_stmt(Stmt s) {
    m_.stmts.push_back(std::move(s));
    return static_cast<StmtId>(m_.stmts.size() - 1);
  }
  void emit(Stmt s) { out_->push_back(add_stmt(std::move(s))); }
  Stmt returns(ExprId e) {
    Stmt s = stmt(Stmt::Kind::Return);
    s.expr = coerce(e, CType::Value);
    return s;
  }

  // A fresh temporary of the current function: name + per-function counter.
  std::uint32_t temp(std::string_view stem, CType type) {
    const auto n = static_cast<std::uint32_t>(fn_->locals.size() - fn_->param_count + 1);
    fn_->locals.push_back({std::string(stem) + "_" + std::to_string(n), type});
    return static_cast<std::uint32_t>(fn_->locals.size() - 1);
  }
  std::uint32_t let(std::string_view stem, ExprId value) {
    const std::uint32_t t = temp(stem, type_of(value));
    Stmt s = stmt(Stmt::Kind::Let);
    s.index = t;
    s.expr = value;
    emit(std::move(s));
    return t;
  }
  void set(std::uint32_t local, ExprId value) {
    Stmt s = stmt(Stmt::Kind::Set);
    s.index = local;
    s.expr = coerce(value, fn_->locals[local].type);
    emit(std::move(s));
  }
  // Emits `if (t.is_unit() [negated]) { body() }` with body's statements.
  template <class Body>
  void if_unit(std::uint32_t t, bool negated, Body body, std::string comment = {}) {
    Stmt s = stmt(Stmt::Kind::IfUnit);
    s.index = t;
    s.negated = negated;
    s.comment = std::move(comment);
    std::vector<StmtId>* const outer = out_;
    out_ = &s.then_body;
    body();
    out_ = outer;
    emit(std::move(s));
  }

  //=== expressions ================================================================

  ExprId add(Expr e) {
    m_.exprs.push_back(std::move(e));
    return static_cast<ExprId>(m_.exprs.size() - 1);
  }
  ExprId unit() { return add(node(Expr::Kind::UnitLit, CType::Value)); }
  ExprId global(std::uint32_t g) {
    Expr e = node(Expr::Kind::Global, m_.globals[g].type);
    e.index = g;
    return add(std::move(e));
  }
  ExprId local(std::uint32_t l) {
    Expr e = node(Expr::Kind::Local, fn_->locals[l].type);
    e.index = l;
    return add(std::move(e));
  }
  ExprId call(CType type, std::string callee, std::vector<ExprId> args) {
    Expr e = node(Expr::Kind::Call, type);
    e.callee = std::move(callee);
    e.args = std::move(args);
    return add(std::move(e));
  }
  CType type_of(ExprId id) const { return m_.exprs[id].type; }

  // Converts an expression to `to`; only widening conversions happen.
  ExprId coerce(ExprId id, CType to) {
    const CType from = type_of(id);
    if (from == to) return id;
    if (to == CType::Value) {
      return call(CType::Value, from == CType::Int64 ? "sign::Value::from_int" : "sign::Value::from_float", {id});
    }
    Expr cast = node(Expr::Kind::Cast, CType::Double);
    cast.args = {id};
    return add(std::move(cast));
  }

  ExprId unsupported(SemaId id) {
    diags_.error(*p_.file, p_.expr(id).span,
                 "signc's code generation does not support " + unsupported_what(p_, id) + " yet");
    return unit();
  }

  std::uint32_t line_of(SemaId id) const { return p_.file->line_col(p_.expr(id).span.begin).line; }

  // The value of an expression; statements it needs go to out_.
  ExprId value(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    if (p_.type_of[id] == Type::Unit && e.kind != ExprKind::Block) return unit();  // proven __ by pass 3
    switch (e.kind) {
      case ExprKind::Atom: return atom(id);
      case ExprKind::Infix: return infix(id);
      case ExprKind::ChainCompare: return chain(id);
      case ExprKind::Prefix:
        if (e.op == Op::Negate) {
          const ExprId v = value(e.a);
          if (type_of(v) == CType::Int64) return call(CType::Int64, "sign::impl::sub_wrap", {int_lit(0), v});
          if (type_of(v) == CType::Double) return call(CType::Double, "-", {v});
          return call(CType::Value, "sign::impl::negate", {v});
        }
        return unsupported(id);
      case ExprKind::Postfix:
        if (e.op == Op::Factorial) return call(CType::Value, "sign::impl::factorial", {coerce(value(e.a), CType::Value)});
        return unsupported(id);
      case ExprKind::Block: return block_value(id);
      default: return unsupported(id);
    }
  }

  ExprId int_lit(std::int64_t v) {
    Expr lit = node(Expr::Kind::IntLit, CType::Int64);
    lit.int_value = v;
    return add(std::move(lit));
  }

  ExprId atom(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    if (!e.name.empty()) return name(id);
    switch (e.atom) {
      case syntax::AtomKind::Int: return int_lit(e.int_value);
      case syntax::AtomKind::Float: {
        Expr lit = node(Expr::Kind::FloatLit, CType::Double);
        lit.float_value = e.float_value;
        return add(std::move(lit));
      }
      case syntax::AtomKind::Unit: return unit();
      default: return unsupported(id);
    }
  }

  ExprId name(SemaId id) {
    const std::string n(p_.expr(id).name);
    if (fn_ != &m_.load) {  // inside a function: parameters, then module state
      for (std::uint32_t i = 0; i < fn_->param_count; ++i) {
        if (fn_->locals[i].cpp_name == cpp_identifier(n)) return local(i);
      }
      if (function_of_.count(n)) return unsupported(id);
      for (std::uint32_t g = 0; g < m_.globals.size(); ++g) {
        if (m_.globals[g].sign_name == n) return global(g);
      }
      return unit();  // undefined names are __
    }
    const auto it = visible_.find(n);
    if (it != visible_.end()) return global(it->second);
    if (function_of_.count(n)) return unsupported(id);
    if (p_.scopes[p_.file_scope].names.count(n)) {
      diags_.warning(*p_.file, p_.expr(id).span, "'" + n + "' is read before its definition; its placeholder evaluates to __");
    }
    return unit();  // an undefined name is __ (operator_table.md)
  }

  ExprId infix(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    if (const OpNames* ops = arithmetic(e.op)) return arithmetic_value(id, *ops);
    if (const char* fn = comparison_fn(e.op, false)) {
      // The left operand absorbs: with a __ on the left the right operand is
      // not evaluated. When the right one is pure and cheap that cannot be
      // observed, and the runtime function absorbs the __ by itself.
      if (pure(e.b)) {
        return call(CType::Value, fn, {coerce(value(e.a), CType::Value), coerce(value(e.b), CType::Value)});
      }
      const std::uint32_t t = let("cmp", coerce(value(e.a), CType::Value));
      if_unit(t, true, [&] { set(t, call(CType::Value, fn, {local(t), coerce(value(e.b), CType::Value)})); });
      return local(t);
    }
    switch (e.op) {
      case Op::NotEqual:
        return call(CType::Value, "sign::impl::not_equal", {coerce(value(e.a), CType::Value), coerce(value(e.b), CType::Value)});
      case Op::Equal:
        return call(CType::Value, "sign::impl::structural_equal",
                    {coerce(value(e.a), CType::Value), coerce(value(e.b), CType::Value)});
      case Op::And: {  // value-returning: __ when the left is __, else the right
        const std::uint32_t t = let("all", coerce(value(e.a), CType::Value));  // a copy: it is assigned below
        if_unit(t, true, [&] { set(t, value(e.b)); });
        return local(t);
      }
      case Op::Or: {  // the left unless it is __
        const std::uint32_t t = let("any", coerce(value(e.a), CType::Value));  // a copy: it is assigned below
        if_unit(t, false, [&] { set(t, value(e.b)); });
        return local(t);
      }
      case Op::Xor:
        return call(CType::Value, "sign::impl::logic_xor", {coerce(value(e.a), CType::Value), coerce(value(e.b), CType::Value)});
      case Op::Apply:
      case Op::PartialApply: return call_value(id);
      default: return unsupported(id);
    }
  }

  // No calls, no blocks, no short-circuit: evaluating it has no effect and
  // costs next to nothing, so it may be evaluated unconditionally.
  bool pure(SemaId id) const {
    const sema::Expr& e = p_.expr(id);
    switch (e.kind) {
      case ExprKind::Atom: return true;
      case ExprKind::Prefix: return e.op == Op::Negate && pure(e.a);
      case ExprKind::Infix:
        return (arithmetic(e.op) != nullptr || comparison_fn(e.op, false) != nullptr) && pure(e.a) && pure(e.b);
      default: return false;
    }
  }

  // Binds a value to a temporary, unless it already is one; only for values
  // that are read afterwards, never assigned.
  std::uint32_t as_local(std::string_view stem, ExprId v) {
    if (m_.exprs[v].kind == Expr::Kind::Local) return m_.exprs[v].index;
    return let(stem, coerce(v, CType::Value));
  }

  ExprId chain(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const char* fn = comparison_fn(e.op, true);
    if (!fn) return unsupported(id);
    const std::uint32_t t = let("cmp", coerce(value(e.a), CType::Value));
    if_unit(t, true, [&] {
      const std::uint32_t c = let("mid", coerce(value(e.b), CType::Value));
      if_unit(c, true, [&] { set(t, call(CType::Value, fn, {local(t), local(c), coerce(value(e.c), CType::Value)})); });
      if_unit(c, false, [&] { set(t, unit()); });
    });
    return local(t);
  }

  ExprId arithmetic_value(SemaId id, const OpNames& ops) {
    const sema::Expr& e = p_.expr(id);
    const ExprId l = value(e.a);
    const Type lt = p_.type_of[e.a];
    const Type rt = p_.type_of[e.b];
    // Unit rules: a __ right operand is the identity. (A proven __ left one
    // made the whole expression __ above.)
    if (rt == Type::Unit) return l;
    const ExprId r = value(e.b);
    const CType lc = type_of(l), rc = type_of(r);
    if (lc == CType::Value || rc == CType::Value || lt == Type::Dynamic || rt == Type::Dynamic) {
      return call(CType::Value, ops.dynamic_fn, {coerce(l, CType::Value), coerce(r, CType::Value)});
    }
    if (lc == CType::Int64 && rc == CType::Int64) {
      const bool total = ops.int_partial == nullptr || p_.type_of[id] == Type::Int;
      return total ? call(CType::Int64, ops.int_fn, {l, r}) : call(CType::Value, ops.int_partial, {l, r});
    }
    const ExprId fl = coerce(l, CType::Double);
    const ExprId fr = coerce(r, CType::Double);
    if (ops.float_fn) return call(CType::Double, ops.float_fn, {fl, fr});
    Expr inf = node(Expr::Kind::Infix, CType::Double);
    inf.callee = std::string(sema::op_symbol(e.op));
    inf.args = {fl, fr};
    return add(std::move(inf));
  }

  // `f a b` where f is a function of this module called with all its
  // arguments; its index and argument expressions, or nothing.
  std::optional<std::pair<std::uint32_t, std::vector<SemaId>>> direct_call(SemaId id) const {
    std::vector<SemaId> args;
    SemaId base = id;
    while (p_.expr(base).kind == ExprKind::Infix &&
           (p_.expr(base).op == Op::Apply || p_.expr(base).op == Op::PartialApply)) {
      args.insert(args.begin(), p_.expr(base).b);
      base = p_.expr(base).a;
    }
    const sema::Expr& callee = p_.expr(base);
    if (callee.kind != ExprKind::Atom || callee.name.empty()) return std::nullopt;
    const auto it = function_of_.find(std::string(callee.name));
    if (it == function_of_.end() || m_.functions[it->second].param_count != args.size()) return std::nullopt;
    if (fn_ != &m_.load) {  // a parameter of the same name hides the function
      for (std::uint32_t i = 0; i < fn_->param_count; ++i) {
        if (fn_->locals[i].cpp_name == cpp_identifier(callee.name)) return std::nullopt;
      }
    }
    for (SemaId a : args) {
      const sema::Expr& arg = p_.expr(a);
      if (arg.kind == ExprKind::Postfix && arg.op == Op::Expand) return std::nullopt;  // `f xs~` spreads a list
    }
    return std::make_pair(it->second, std::move(args));
  }

  ExprId call_value(SemaId id) {
    const auto target = direct_call(id);
    if (!target) return unsupported(id);
    std::vector<ExprId> args;
    for (SemaId a : target->second) args.push_back(coerce(value(a), CType::Value));
    return call(CType::Value, m_.functions[target->first].cpp_name, std::move(args));
  }

  // A block in value position: a bracket around one value is that value
  // (`(1 + 2)`, `[5]`), an empty bracket is __.
  ExprId block_value(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const bool brackets = e.block != syntax::BlockKind::Indent && e.block != syntax::BlockKind::Abs;
    if (brackets && e.kids.empty()) return unit();
    if (brackets && e.kids.size() == 1 && !is_define(p_, e.kids[0])) return value(e.kids[0]);
    return unsupported(id);
  }

  //=== tail position (inside functions) =========================================

  // Emits statements that return the value of `id` — or loop, for a call of
  // the function itself (impl/core/tco.md: arms of a match_case, the last
  // line of a body, and the right operands of & and | are tail positions).
  void tail(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    line_ = line_of(id);
    if (e.kind == ExprKind::Block && e.block == syntax::BlockKind::Indent) return tail_block(id);
    if (e.kind == ExprKind::Block && e.block != syntax::BlockKind::Abs && e.kids.size() == 1 && !is_define(p_, e.kids[0])) {
      return tail(e.kids[0]);
    }
    if (e.kind == ExprKind::Infix && (e.op == Op::And || e.op == Op::Or)) {
      const std::uint32_t t = as_local(e.op == Op::And ? "all" : "any", value(e.a));
      if_unit(t, e.op == Op::Or, [&] { emit(returns(e.op == Op::And ? unit() : local(t))); });
      return tail(e.b);
    }
    if (e.kind == ExprKind::Infix && (e.op == Op::Apply || e.op == Op::PartialApply)) {
      const auto target = direct_call(id);
      if (target && static_cast<int>(target->first) == self_) return self_tail_call(target->second);
    }
    emit(returns(value(id)));
  }

  // match_case (guide/function_guide.md): each `condition : result` arm
  // returns its result when the condition is not __; the last plain line is
  // the default; with no default, the value is __.
  void tail_block(SemaId id) {
    const sema::Expr& block = p_.expr(id);
    for (std::size_t i = 0; i < block.kids.size(); ++i) {
      const SemaId line = block.kids[i];
      line_ = line_of(line);
      const bool last = i + 1 == block.kids.size();
      if (is_define(p_, line)) {
        if (!(block.flags & sema::kFunctionBody) && p_.expr(p_.expr(line).a).kind == ExprKind::Atom &&
            !p_.expr(p_.expr(line).a).name.empty()) {
          unsupported(line);  // a named binding inside a block (a struct field or let)
          continue;
        }
        const std::uint32_t c = as_local("arm", coerce(value(p_.expr(line).a), CType::Value));
        if_unit(c, true, [&] { tail(p_.expr(line).b); }, i == 0 ? "match_case arm" : "");
        if (last) emit(returns(unit()));
        continue;
      }
      if (last) return tail(line);
      value(line);  // an earlier plain line is evaluated for its effects
    }
  }

  // A self tail call: the arguments are evaluated first, then become the
  // parameters of the next iteration of the function's loop.
  void self_tail_call(const std::vector<SemaId>& args) {
    std::vector<std::uint32_t> next;
    for (std::size_t i = 0; i < args.size(); ++i) {
      next.push_back(let("next_" + fn_->locals[i].cpp_name, coerce(value(args[i]), CType::Value)));
    }
    for (std::size_t i = 0; i < args.size(); ++i) set(static_cast<std::uint32_t>(i), local(next[i]));
    Stmt loop = stmt(Stmt::Kind::Continue);
    loop.comment = "self tail call";
    emit(std::move(loop));
    fn_->loops = true;
  }

  const sema::Program& p_;
  Diagnostics& diags_;
  Module m_;
  Function* fn_ = nullptr;
  std::vector<StmtId>* out_ = nullptr;
  int self_ = -1;
  std::uint32_t line_ = 0;
  std::unordered_map<std::string, std::uint32_t> function_of_;
  std::vector<SemaId> function_form_;
  std::unordered_set<std::string> read_by_functions_;
  std::unordered_map<std::string, std::uint32_t> versions_;
  std::unordered_map<std::string, std::uint32_t> visible_;  // name -> global of its latest definition
};

}  // namespace

std::string_view ctype_spelling(CType type) {
  switch (type) {
    case CType::Int64: return "std::int64_t";
    case CType::Double: return "double";
    case CType::Value: return "sign::Value";
  }
  return "?";
}

Module lower_module(const sema::Program& program, std::string_view module_name, Diagnostics& diags) {
  return Lowerer(program, diags).run(module_name);
}

}  // namespace signc::lower
