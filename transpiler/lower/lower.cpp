// SPDX-License-Identifier: MIT
// Typed tree → IR. Every semantic decision of code generation is made here,
// once: which C++ type a value has, which wrapping operation an operator
// becomes (impl/type/type_system.md §3.2, impl/core/integer_overflow.md §1),
// where evaluation short-circuits (`&`, `|`, comparisons with a Unit left
// operand), how a match_case body branches, and which calls are self tail
// calls that become the function's loop (impl/core/tco.md).
#include <algorithm>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <set>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

using sema::AtomType;
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

// The comparisons whose result is l even for a 0 or 1: the language types
// l as neither a number nor unknown.
const char* comparison_yielding_left_fn(Op op) {
  switch (op) {
    case Op::Less: return "sign::impl::less_yielding_left";
    case Op::LessEqual: return "sign::impl::less_equal_yielding_left";
    case Op::Eq: return "sign::impl::equal_to_yielding_left";
    case Op::MoreEqual: return "sign::impl::more_equal_yielding_left";
    case Op::More: return "sign::impl::more_yielding_left";
    case Op::NotEqual: return "sign::impl::not_equal_yielding_left";
    default: return nullptr;
  }
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

// The runtime test of a comparison for a branch (bool: it holds).
const char* holds_fn(Op op) {
  switch (op) {
    case Op::Less: return "sign::impl::holds_less";
    case Op::LessEqual: return "sign::impl::holds_less_equal";
    case Op::Eq: return "sign::impl::holds_equal_to";
    case Op::MoreEqual: return "sign::impl::holds_more_equal";
    case Op::More: return "sign::impl::holds_more";
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

// One C++ parameter of a direct function: a plain Sign parameter, a value
// the function destructures (`f : c [h ~t] ? ...`, or the whole bracket
// list of `f : [a b] ? ...`), or a trailing `~rest` taking the arguments
// after the others as one List.
struct DirectParam {
  std::string name;                 // the Sign name; empty for a destructured value
  SemaId pattern = sema::kNoExpr;  // the entry (or bracket list) whose kids destructure it
  bool rest = false;
};

// `name : a b ? body` with parameters a direct function can take: plain
// names and destructuring entries, without defaults or holes at the top,
// the last one possibly a plain `~rest`. Returns the parameters, or nothing.
std::optional<std::vector<DirectParam>> direct_parameters(const sema::Program& p, SemaId lambda) {
  const sema::Expr& l = p.expr(lambda);
  if (l.kind != ExprKind::Lambda || (l.flags & sema::kHoleLambda)) return std::nullopt;
  std::vector<DirectParam> params_out;
  if (l.a == sema::kNoExpr) return params_out;
  const sema::Expr& params = p.expr(l.a);
  if (params.kind == ExprKind::Atom) return std::vector<DirectParam>{{std::string(params.name)}};
  if (params.kind != ExprKind::Params) return std::nullopt;
  // One argument is destructured by the list; a call with several goes
  // through the function's entry, which takes them as a List.
  if (params.flags & sema::kBracketParams) return std::vector<DirectParam>{{"", l.a}};
  for (std::size_t i = 0; i < params.kids.size(); ++i) {
    const sema::Expr& e = p.expr(params.kids[i]);
    if (e.a != sema::kNoExpr || e.name == "_") return std::nullopt;
    if (e.flags & sema::kRest) {
      if (i + 1 != params.kids.size() || !e.kids.empty()) return std::nullopt;
      params_out.push_back({std::string(e.name), sema::kNoExpr, true});
      continue;
    }
    params_out.push_back(e.kids.empty() ? DirectParam{std::string(e.name)} : DirectParam{"", params.kids[i]});
  }
  return params_out;
}

// What a Sign name refers to where it is read.
struct NameRef {
  enum class Kind : std::uint8_t { Local, Capture, Global, Function, Undefined };
  Kind kind = Kind::Undefined;
  std::uint32_t index = 0;
};

// A C++ function being lowered, with the Sign names visible in it.
struct Frame {
  Function* fn = nullptr;
  int index = -1;  // in Module::functions; -1 for load()
  int self = -1;   // the function the Sign name calls (for an Int twin: the original)
  std::vector<std::pair<std::string, std::uint32_t>> names;  // Sign name -> local; innermost last
  Frame* outer = nullptr;                                     // the function a lambda is written in
  std::vector<std::uint32_t> guarded;  // parameters checked for __ on entry (each iteration, for a loop)
  std::size_t inline_budget = 600;     // syntax nodes of other functions' bodies it may still take in
  int reuse = -1;  // a local holding the List a `[a b]` parameter was taken from, for a List the body returns
  // Per parameter: the TextBuffer local holding it in the body (a text
  // accumulator, see find_text_accumulators), or -1.
  std::vector<int> accumulators;
  // Per known function local: the locals holding what its closure
  // captured, read once on entry (read_captures).
  std::map<std::uint32_t, std::vector<std::uint32_t>> captures_of;
};

// A twin: the original function and the C++ type of each parameter
// (sign::Value where the original's stays one).
using TwinKey = std::pair<std::uint32_t, std::vector<CType>>;
// What twins return, as earlier rounds found it; a twin not in it is
// assumed to return a std::int64_t.
using TwinResults = std::map<TwinKey, CType>;

// A function value a twin of a higher-order function is made for: a lambda
// literal the caller wrote as the argument, or a module function (`$g`).
struct KnownFunction {
  SemaId lambda = sema::kNoExpr;  // the lambda, written where the twin applies it
  std::uint32_t function = 0;     // else the module function, called directly
  // The lambda's closure: the names it captured, in order, and their C++
  // types as the twin reads them from it on entry (a Value unless the twin
  // found them Ints).
  std::vector<std::string> captures;
  std::vector<CType> capture_types;
  std::string cpp_name;  // how a twin's name calls it: `run_lambda_1`, `add`
};

// What lowering reads off the program before any body is lowered. It is
// the same in every round, so the rounds of lower_module share one: the
// first round fills it.
struct ProgramFacts {
  bool known = false;
  std::unordered_map<std::string_view, int> definitions;  // top-level `name : ...` lines per name
  std::size_t quiet_forms = 0;                             // see count_quiet_forms
  std::unordered_set<std::string_view> read_by_functions;  // globals some function body reads
  std::unordered_set<std::string_view> address_taken;      // `$x`: x must be a sign::Value an Address can point to
  std::vector<std::vector<std::uint32_t>> calls;          // per function of the program: the ones its body names
  // Per function of the program: the ones it may call in tail position
  // (see build_call_graph).
  std::vector<std::vector<std::uint32_t>> tail_calls;
  // Per function of the program: its body makes a lambda or a section, so
  // it has no twins, is not written into a caller's loop, and lends no walk.
  std::vector<bool> makes_lambdas;
  // Per function of the program: its body calls itself by name (directly
  // self-recursive: a loop, or a recursion a twin over Ints speeds up).
  std::vector<bool> self_recursive;
  // The program applies a name's value somewhere (`@f x`): else no
  // parameter is an applied one (find_applied_parameters looks no further).
  bool applies_names = false;
  // The C++ names of the module's variables once every top-level line is
  // lowered, per Sign name: known before load() is, so a body lowered
  // while it is (a twin, see define_twin) sees them all.
  std::unordered_map<std::string_view, std::vector<std::string>> global_cpp_names;
  std::unordered_set<std::string> global_cpp_name_set;
  // Per function of the program and parameter: a walk `[h ~t]` a String
  // may be lent to as its text, or a List of Ints as its elements, and of
  // those the walks whose characters the body tests against text (see
  // find_lendable_walks).
  std::vector<std::vector<bool>> lendable_walks;
  std::vector<std::vector<bool>> reads_characters;
  // Per function and plain parameter lent by index (find_indexed_lists):
  // each character read (`s ' i`) is only compared, by `=` or `!=`, with
  // another such read or with a one-character literal — a String's text
  // it may be lent instead, if all ASCII (dispatch_walks).
  std::vector<std::vector<bool>> indexed_text;
  // Per function and plain parameter: the body compares it with text, so a
  // character literal it is given is a char32_t to a twin (`prev = \ `).
  std::vector<std::vector<bool>> tests_text;
  // Per function and parameter: a call by name somewhere in the module
  // passes it a String literal — a parameter of text, not an Int.
  std::vector<std::vector<bool>> given_text;
  // Per function and plain parameter: a text the loop builds — see
  // find_text_accumulators.
  std::vector<std::vector<bool>> text_accumulators;
  // Per function and parameter: the body only applies it (`@f x`) and
  // passes it on unchanged in its self calls — a twin may be made for the
  // function a call gives it (see known_function_of_argument).
  std::vector<std::vector<bool>> applied_params;
  // Per self-recursive function and plain parameter: every read of it in
  // the body is one the language types as a number or a scalar (`i >= j`,
  // `j - 1`): a counter, never indexed or walked (see dispatch_scalars).
  std::vector<std::vector<bool>> scalar_params;
  // The known functions twins were made for, by CType (known_function_type):
  // made as calls meet them, one index per function in every round.
  std::vector<KnownFunction> known_functions;
  std::map<std::tuple<SemaId, std::uint32_t, std::vector<CType>>, std::size_t> known_function_of;
  // The shapes of Int Dicts, made as lowering meets them: one index per
  // shape in every round, so a twin's key or result means the same type.
  std::vector<IntDictShape> int_dicts;
  std::map<std::vector<std::string>, std::size_t> int_dict_of;
};

class Lowerer {
 public:
  // `results`: what twins return (found by earlier rounds);
  // `specialize`: make twins at all.
  Lowerer(const sema::Program& p, Diagnostics& diags, const Context& context, ProgramFacts& facts,
          const TwinResults& results, bool specialize)
      : p_(p), diags_(diags), facts_(facts), context_(context), results_(results), specialize_(specialize) {}

  // What each twin returned (sign::Value if not one type), and whether
  // that is what every twin was assumed to return.
  const TwinResults& returned() const { return returned_; }
  bool settled() const { return settled_; }

  Module run(std::string_view module_name) {
    m_.name = cpp_module_name(module_name);
    // Lowering makes one to two IR nodes per expression of the program (and
    // more where a twin is lowered twice): growing the pools is a good part
    // of its time otherwise, each step touching fresh memory. Room that is
    // never used is never touched, so it costs no page.
    m_.exprs.reserve(p_.exprs.size() * 3);
    m_.stmts.reserve(p_.exprs.size());
    m_.registry_name = std::string(module_name);
    collect_imports_and_exports();
    // The file name only: no directory may leak into generated text (determinism).
    m_.source_name = std::filesystem::path(p_.file->path()).filename().string();
    m_.load.cpp_name = "load";
    declare_functions();
    load_frame_.fn = &m_.load;
    module_frame_.fn = &m_.load;
    loading_ = true;
    for (std::size_t i = 0; i < p_.forms.size(); ++i) {
      form_index_ = i;
      top_level(p_.forms[i], i + 1 == p_.forms.size());
    }
    loading_ = false;
    resolve_later_globals();
    frame_ = &module_frame_;
    define_wanted_functions();
    propagate_defers();
    drop_unreached_functions();
    for (const Function& f : m_.functions) {
      const auto found = f.specializes >= 0 ? returned_.find(twin_key(f)) : returned_.end();
      if (found != returned_.end() && found->second != f.result) settled_ = false;
    }
    declare_int_dicts();
    return std::move(m_);
  }

 private:
  // `f a b` as its callee and arguments (call_shape).
  struct CallShape {
    SemaId callee = sema::kNoExpr;
    std::vector<SemaId> args;
    bool partial = false;
  };

  //=== the module's functions ==================================================

  // Every top-level `name : params ? body` defined once is a function, known
  // before any body is lowered: calls may go forward and recurse mutually.
  void declare_functions() {
    if (!facts_.known) {
      for (SemaId form : p_.forms) {
        if (is_define(p_, form)) ++facts_.definitions[p_.expr(p_.expr(form).a).name];
      }
      facts_.quiet_forms = count_quiet_forms();
    }
    for (std::size_t position = 0; position < p_.forms.size(); ++position) {
      const SemaId form = p_.forms[position];
      if (!is_define(p_, form)) continue;
      const sema::Expr& def = p_.expr(form);
      const std::string name(p_.expr(def.a).name);
      if (name.empty() || facts_.definitions.at(name) != 1 || p_.expr(def.b).kind != ExprKind::Lambda) continue;
      Function f;
      f.cpp_name = cpp_identifier(name);
      f.sign_name = name;
      f.line = line_of(form);
      if (const auto params = direct_parameters(p_, def.b)) {
        f.param_count = static_cast<std::uint32_t>(params->size());
        f.rest_param = !params->empty() && params->back().rest;
        f.arity = f.rest_param ? -1 : static_cast<std::int32_t>(params->size());
        for (const DirectParam& param : *params) {
          if (param.pattern == sema::kNoExpr) f.locals.push_back({cpp_identifier(param.name), CType::Value});
        }
        // A destructured value's parameter is named after its position,
        // clear of the plain parameters' names.
        for (std::size_t i = 0; i < params->size(); ++i) {
          if ((*params)[i].pattern == sema::kNoExpr) continue;
          std::string cpp_name = "pattern_" + std::to_string(i + 1);
          while (std::any_of(f.locals.begin(), f.locals.end(), [&](const Local& l) { return l.cpp_name == cpp_name; })) {
            cpp_name += "_";
          }
          f.locals.insert(f.locals.begin() + static_cast<std::ptrdiff_t>(i), {cpp_name, CType::Value});
          f.destructures = true;
        }
        const SemaId params_id = p_.expr(def.b).a;
        f.bracket_params = params_id != sema::kNoExpr && (p_.expr(params_id).flags & sema::kBracketParams) != 0;
      } else {
        f.generic = true;
        f.arity = lambda_arity(def.b);
      }
      function_of_[name] = static_cast<std::uint32_t>(m_.functions.size());
      function_form_.push_back(form);
      function_position_.push_back(position);
      function_names_.insert(f.cpp_name);
      m_.functions.push_back(std::move(f));
    }
    const bool first_round = !facts_.known;
    if (first_round) {
      // Globals a function reads are sign::Value (Unit until their definition
      // runs), whatever their type: a call may come before the definition.
      for (SemaId form : p_.forms) collect_lambda_names(form, false);
      build_call_graph();
      facts_.makes_lambdas.resize(function_form_.size());
      facts_.self_recursive.resize(function_form_.size());
      for (std::size_t f = 0; f < function_form_.size(); ++f) {
        facts_.makes_lambdas[f] = contains_lambda(p_.expr(function_form_[f]).b, true);
        facts_.self_recursive[f] = applies_name(p_.expr(function_form_[f]).b, m_.functions[f].sign_name);
      }
      facts_.applies_names = std::any_of(p_.exprs.begin(), p_.exprs.end(),
                                         [&](const sema::Expr& e) { return applied_name(e) != sema::kNoExpr; });
      name_globals();
      facts_.known = true;
    }
    calls_ = facts_.calls;  // twins add theirs
    if (first_round) find_lendable_walks();
    if (specialize_) declare_specializations();
  }

  // The module's variables, named as top_level names them: one per
  // definition of a name, or one for all of a name functions read.
  void name_globals() {
    std::unordered_map<std::string_view, std::uint32_t> versions;
    for (SemaId form : p_.forms) {
      const sema::Expr& e = p_.expr(form);
      if (!is_define(p_, form) || p_.expr(e.a).kind != ExprKind::Atom) continue;
      const std::string_view name = p_.expr(e.a).name;
      if (function_of_.count(std::string(name))) continue;
      const std::uint32_t version = ++versions[name];
      if (facts_.read_by_functions.count(name) && version > 1) continue;
      std::string cpp_name = cpp_fresh_name(name, version);
      facts_.global_cpp_name_set.insert(cpp_name);
      facts_.global_cpp_names[name].push_back(std::move(cpp_name));
    }
  }

  //=== Int twins (issue 11) ========================================================

  // A direct function without lambdas in its body gets twins whose plain
  // parameters are std::int64_t where the arguments of a call are proven
  // Ints, and whose parameters are sign::impl::IntPair where they are proven
  // two-Int Lists (`[b, a + b]`): there the arithmetic, comparisons,
  // destructuring and self tail calls of the body need no boxing. A twin
  // returns std::int64_t unless an earlier round found it returning
  // something else (results_). A directly self-recursive function has one up
  // front, with every plain parameter an Int: its original hands Int
  // arguments to it (Stmt::Kind::Dispatch). Others are made as calls ask
  // for them.
  void declare_specializations() {
    const std::size_t originals = m_.functions.size();
    for (std::uint32_t f = 0; f < originals; ++f) {
      // Directly self-recursive only: a function that reaches itself only
      // through others tail-calls through the trampoline, which a twin
      // would not speed up.
      if (!facts_.self_recursive[f]) continue;
      if (const auto twin = twin_for(f, int_signature(f))) m_.functions[f].specialization = static_cast<int>(*twin);
    }
  }

  // The parameters of `f`'s twin over Ints: std::int64_t for the plain ones
  // (not a destructured value, not the rest List).
  std::vector<CType> int_signature(std::uint32_t f) const {
    std::vector<CType> types(m_.functions[f].param_count, CType::Value);
    if (m_.functions[f].generic) return types;
    const auto params = *direct_parameters(p_, p_.expr(function_form_[f]).b);
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (params[i].pattern == sema::kNoExpr && !params[i].rest) types[i] = CType::Int64;
    }
    return types;
  }

  // The parameters of the twin of `original` that `args` fit: an Int for a
  // plain parameter, an Int pair for any but the rest List, a List of Ints
  // for any — lent as its Elements to a pattern of names and a rest; a
  // known function for one the body only applies.
  std::vector<CType> twin_signature(std::uint32_t original, const std::vector<ExprId>& args) {
    std::vector<CType> types(m_.functions[original].param_count, CType::Value);
    if (m_.functions[original].generic) return types;
    const auto params = *direct_parameters(p_, p_.expr(function_form_[original]).b);
    for (std::size_t i = 0; i < types.size() && i < args.size(); ++i) {
      const CType arg = type_of(args[i]);
      const bool plain = params[i].pattern == sema::kNoExpr && !params[i].rest;
      if (arg == CType::IntList || (arg == CType::IntPair && !params[i].rest) ||
          ((arg == CType::Int64 || arg == CType::Double) && plain)) {
        types[i] = arg;
      }
      // A List of Ints is lent to a walk `[h ~t]`, and to a loop that only
      // reads it by index (`qs ' i`).
      const bool walk = params[i].pattern != sema::kNoExpr && splits_elements(p_.expr(params[i].pattern).kids);
      if (arg == CType::IntList && (walk || (params[i].pattern == sema::kNoExpr && lendable_walk(original, i)))) {
        types[i] = CType::Elements;
      }
      // A character literal is a char32_t constant (call_twin makes it one)
      // to a parameter the body tests as text: a walk's `prev`, given `\x`
      // first and `h` after.
      const bool char_literal = is_char_literal(args[i]) && tests_text(original, i);
      if (((arg == CType::Char || char_literal || is_int_dict(arg)) && plain) ||
          ((arg == CType::Chars || arg == CType::Elements || arg == CType::AsciiText) && lendable_walk(original, i))) {
        types[i] = char_literal ? CType::Char : arg;
      }
      if (const auto known = known_function_of_argument(original, i, args[i])) types[i] = *known;
    }
    give_sure_values(original, args, types);
    return types;
  }

  // A twin some parameters of which are typed, whose Value parameters the
  // arguments all fill with the caller's own parameters, past their guards,
  // takes those as Given: it has no __ guard for them, so where its only __
  // was theirs it returns its typed result (`walk ... (bump d w)`, d a Dict
  // of Ints: bump gives back the struct, and the walk stays over it). Not
  // for a function that calls itself, whose self calls (a loop) give its
  // parameters values no caller tested.
  void give_sure_values(std::uint32_t original, const std::vector<ExprId>& args, std::vector<CType>& types) const {
    const Function& fn = m_.functions[original];
    if (fn.bracket_params || facts_.self_recursive[original] || args.size() < types.size()) return;
    const auto params = *direct_parameters(p_, p_.expr(function_form_[original]).b);
    bool typed = false, values = false;
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (types[i] != CType::Value) {
        typed = true;
      } else if (!params[i].rest) {
        if (!given_by_caller(args[i])) return;
        values = true;
      }
    }
    if (!typed || !values) return;
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (types[i] == CType::Value && !params[i].rest) types[i] = CType::Given;
    }
  }
  // v reads a parameter of the function being lowered that its guard found
  // not __ (and nothing has assigned since: only a self call does).
  bool given_by_caller(ExprId v) const {
    const Expr& e = m_.exprs[v];
    const auto& guarded = frame_->guarded;
    return e.kind == Expr::Kind::Local && e.type == CType::Value &&
           std::find(guarded.begin(), guarded.end(), e.index) != guarded.end();
  }

  //=== functions passed to known callees (issue 11) ===============================

  // The known function `arg` is to parameter i of `original`, which only
  // applies it: the closure of a lambda literal written at the call, a
  // module function's value (`$g`), or a known function passed on.
  std::optional<CType> known_function_of_argument(std::uint32_t original, std::size_t i, ExprId arg) {
    if (!applied_param(original, i) || context_.volatile_access) return std::nullopt;
    const Expr& e = m_.exprs[arg];
    if (is_known_function(e.type)) return e.type;
    if (e.kind == Expr::Kind::FunctionValue && e.index < function_form_.size() && !m_.functions[e.index].generic) {
      return known_function({sema::kNoExpr, e.index, {}, {}, m_.functions[e.index].cpp_name});
    }
    const auto lambda = e.kind == Expr::Kind::MakeClosure ? lambda_of_.find(e.index) : lambda_of_.end();
    if (lambda == lambda_of_.end()) return std::nullopt;
    const Function& closure = m_.functions[e.index];
    if (!inlinable_lambda(lambda->second, closure.captures)) return std::nullopt;
    const std::vector<CType> boxed(closure.captures.size(), CType::Value);  // until a twin tests them (read_captures)
    return known_function({lambda->second, 0, closure.captures, boxed, closure.cpp_name});
  }

  // The CType of known function k, made if need be; nothing past the types there are.
  std::optional<CType> known_function(KnownFunction k) {
    auto key = std::make_tuple(k.lambda, k.function, k.capture_types);
    const auto found = facts_.known_function_of.find(key);
    if (found != facts_.known_function_of.end()) return known_function_type(found->second);
    const std::size_t index = facts_.known_functions.size();
    if (index == kKnownFunctionTypes) return std::nullopt;
    facts_.known_function_of.emplace(std::move(key), index);
    facts_.known_functions.push_back(std::move(k));
    return known_function_type(index);
  }

  // A lambda a twin may write where it applies it: plain parameters or one
  // pair of names, no lambda or section inside, a small body, and every
  // other name it reads one its closure captured, a module function or a
  // module constant — names the twin sees as the lambda does.
  bool inlinable_lambda(SemaId lambda, const std::vector<std::string>& captures) {
    constexpr std::size_t kInlinedLambdaNodes = 200;  // each application is a copy of the body
    const auto params = direct_parameters(p_, lambda);
    if (!params || params->empty() || contains_lambda(lambda, true) || node_count(p_.expr(lambda).b) > kInlinedLambdaNodes) {
      return false;
    }
    for (const DirectParam& param : *params) {
      if (param.rest) return false;
      if (param.pattern != sema::kNoExpr && (params->size() != 1 || !binds_two_names(p_.expr(param.pattern).kids))) return false;
    }
    for (const std::string_view name : lambda_module_names(lambda, captures)) {
      const NameRef ref = lookup(*frame_, std::string(name));
      const bool function = ref.kind == NameRef::Kind::Function && !(frame_->fn == &m_.load && defined_after(ref.index));
      const bool constant = ref.kind == NameRef::Kind::Global && ref.index != kLaterGlobal && m_.globals[ref.index].constant;
      if (!function && !constant) return false;
    }
    return true;
  }

  //=== Dicts of Ints (issue 11) ===================================================

  // The type of an Int Dict with `slots` (Sign names, in order); nothing
  // for a shape with a slot twice or past the types there are.
  std::optional<CType> int_dict_for(const std::vector<std::string>& slots) {
    const auto known = facts_.int_dict_of.find(slots);
    if (known != facts_.int_dict_of.end()) return int_dict_type(known->second);
    std::vector<std::string> sorted = slots;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end() || facts_.int_dicts.size() == kIntDictTypes) {
      return std::nullopt;
    }
    IntDictShape shape;
    shape.slots = slots;
    // `of_x_y`: no member can be named so (each is shorter), nor a Sign name
    // outside the `dicts_` namespace it is in. (No `__`: C++ reserves it.)
    std::string name = "of";
    for (const std::string& slot : slots) {
      shape.members.push_back(cpp_identifier(slot));
      name += (name.back() == '_' ? "" : "_") + shape.members.back();
    }
    const auto taken = [&](const std::string& n) {
      return std::any_of(facts_.int_dicts.begin(), facts_.int_dicts.end(),
                         [&](const IntDictShape& d) { return d.cpp_name == "dicts_::" + n; });
    };
    const std::string base = name;
    for (int n = 2; taken(name); ++n) name = base + "_" + std::to_string(n);
    shape.cpp_name = "dicts_::" + name;
    facts_.int_dict_of.emplace(slots, facts_.int_dicts.size());
    facts_.int_dicts.push_back(std::move(shape));
    return int_dict_type(facts_.int_dicts.size() - 1);
  }

  // The module's Int Dict types, each marked used where an emitted
  // function or an expression has it.
  void declare_int_dicts() {
    m_.int_dicts = facts_.int_dicts;
    const auto use = [&](CType t) {
      if (is_int_dict(t)) m_.int_dicts[int_dict_shape(t)].used = true;
    };
    for (const Function& f : m_.functions) {
      if (!f.emitted) continue;
      use(f.result);
      for (const Local& l : f.locals) use(l.type);
    }
    for (const Expr& e : m_.exprs) use(e.type);
  }

  //=== walks lent a String's text or a List's elements (issue 11) ==================

  // A parameter destructured by a walk `[h ~t]` takes a String as
  // sign::impl::Chars — the text its caller holds, lent — in a twin: each
  // step reads h as a char32_t and narrows t, making no String; a List of
  // Ints likewise as sign::impl::Elements (h a std::int64_t). It may when
  // what the body does with t needs no String or List either: every read of
  // t is an argument of a call by name, at a parameter that may be lent in
  // turn, of the function itself or of one that does not call it back (a
  // call back could go through the trampoline, which takes Values); and
  // every call of the function itself passes, there, the rest of such a
  // walk — so the twin's loop stays in the twin. (A t the body read
  // otherwise would be a String or List made per step.) A fixed point:
  // first every walk may, then those a walk they pass t to may not are
  // taken out. A walk whose characters the body tests against text tests
  // for a String on entry, any other for a List of Ints.
  void find_lendable_walks() {
    facts_.lendable_walks.assign(function_form_.size(), {});
    facts_.reads_characters.assign(function_form_.size(), {});
    facts_.tests_text.assign(function_form_.size(), {});
    std::vector<std::vector<std::string_view>> rests(function_form_.size());
    std::vector<std::vector<const std::vector<SemaId>*>> walks(function_form_.size());  // each walk's entries
    for (std::size_t f = 0; f < function_form_.size(); ++f) {
      const Function& fn = m_.functions[f];
      const SemaId lambda = p_.expr(function_form_[f]).b;
      if (fn.generic || fn.rest_param || facts_.makes_lambdas[f]) continue;
      const auto params = *direct_parameters(p_, lambda);
      rests[f].resize(params.size());
      walks[f].resize(params.size(), nullptr);
      facts_.lendable_walks[f].resize(params.size(), false);
      facts_.tests_text[f].resize(params.size(), false);
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (params[i].pattern == sema::kNoExpr && !params[i].rest) {
          facts_.tests_text[f][i] = tests_as_text(lambda, params[i].name, false);
        }
        if (params[i].pattern == sema::kNoExpr || !splits_elements(p_.expr(params[i].pattern).kids)) continue;
        walks[f][i] = &p_.expr(params[i].pattern).kids;
        rests[f][i] = p_.expr(walks[f][i]->back()).name;
        facts_.lendable_walks[f][i] = true;
      }
    }
    find_text_arguments();
    find_text_accumulators();
    for (std::size_t f = 0; f < function_form_.size(); ++f) {
      facts_.reads_characters[f].resize(walks[f].size(), false);
      for (std::size_t i = 0; i < walks[f].size(); ++i) {
        if (walks[f][i] == nullptr) continue;
        const std::vector<SemaId>& entries = *walks[f][i];
        for (auto head = entries.begin(); head + 1 < entries.end(); ++head) {
          const std::string_view name = p_.expr(*head).name;
          const SemaId lambda = p_.expr(function_form_[f]).b;
          if (tests_as_text(lambda, name, true) || puts_in_front_of_text(static_cast<std::uint32_t>(f), lambda, name)) {
            facts_.reads_characters[f][i] = true;
          }
        }
      }
    }
    std::vector<std::unordered_set<SemaId>> returning(function_form_.size());
    for (std::size_t f = 0; f < function_form_.size(); ++f) {
      if (std::any_of(walks[f].begin(), walks[f].end(), [](const auto* walk) { return walk != nullptr; })) {
        returning[f] = returning_lines(static_cast<std::uint32_t>(f));  // once, not per walk and round
      }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t f = 0; f < function_form_.size(); ++f) {
        for (std::size_t i = 0; i < facts_.lendable_walks[f].size(); ++i) {
          if (facts_.lendable_walks[f][i] && !may_lend_walk(static_cast<std::uint32_t>(f), i, rests, returning[f])) {
            facts_.lendable_walks[f][i] = false;
            changed = true;
          }
        }
      }
    }
    find_indexed_lists();
    find_applied_parameters();
    find_scalar_parameters();
  }

  // scalar_params: see ProgramFacts.
  void find_scalar_parameters() {
    facts_.scalar_params.assign(function_form_.size(), {});
    for (std::uint32_t f = 0; f < function_form_.size(); ++f) {
      const Function& fn = m_.functions[f];
      const SemaId lambda = p_.expr(function_form_[f]).b;
      if (fn.generic || facts_.makes_lambdas[f] || !facts_.self_recursive[f]) continue;
      const auto params = *direct_parameters(p_, lambda);
      // One walk for all the parameters: whether each is read, and only as a scalar.
      std::vector<std::uint8_t> read(params.size(), 0), other(params.size(), 0);
      const auto visit = [&](const auto& self, SemaId id) -> void {
        if (id == sema::kNoExpr) return;
        const sema::Expr& e = p_.expr(id);
        if (e.kind == ExprKind::Atom && !e.name.empty()) {
          for (std::size_t i = 0; i < params.size(); ++i) {
            if (params[i].name != e.name) continue;
            const AtomType t = p_.atom_type[id];
            read[i] = 1;
            if (t != AtomType::Scalar && !sema::is_numeric(t)) other[i] = 1;
          }
          return;
        }
        for (SemaId k : {e.a, e.b, e.c}) self(self, k);
        for (SemaId k : e.kids) self(self, k);
      };
      visit(visit, p_.expr(lambda).b);
      facts_.scalar_params[f].resize(params.size(), false);
      for (std::size_t i = 0; i < params.size(); ++i) {
        const bool plain = params[i].pattern == sema::kNoExpr && !params[i].rest && !params[i].name.empty();
        facts_.scalar_params[f][i] = plain && read[i] != 0 && other[i] == 0;
      }
    }
  }

  // A List a self-recursive function only reads by index (`qs ' i`) and
  // passes on unchanged in each of its self calls (`safe c n (i + 1) qs~`)
  // may be lent to a twin as its Elements too (dispatch_walks tests for a
  // List of Ints on entry): an index reads the int64 where it lies, and the
  // comparisons and arithmetic on it stay inline (element_at).
  void find_indexed_lists() {
    facts_.indexed_text.assign(function_form_.size(), {});
    for (std::uint32_t f = 0; f < function_form_.size(); ++f) {
      const Function& fn = m_.functions[f];
      if (fn.generic || facts_.makes_lambdas[f]) continue;
      const SemaId body = p_.expr(p_.expr(function_form_[f]).b).b;
      if (!facts_.self_recursive[f]) continue;  // a loop: one test on entry for many steps
      const auto params = *direct_parameters(p_, p_.expr(function_form_[f]).b);
      facts_.lendable_walks[f].resize(params.size(), false);
      facts_.reads_characters[f].resize(params.size(), false);
      facts_.indexed_text[f].resize(params.size(), false);
      for (std::size_t i = 0; i < params.size(); ++i) {
        if (params[i].pattern != sema::kNoExpr || params[i].name.empty() || facts_.lendable_walks[f][i]) continue;
        if (!read_only_as(ParamRead::ByIndex, f, body, i, params[i])) continue;
        facts_.lendable_walks[f][i] = true;
        facts_.indexed_text[f][i] = !params[i].rest && reads_compared_as_characters(body, params[i].name);
      }
    }
  }

  // Whether every read `name ' x` in body is an operand of `=` or `!=`
  // whose other operand is such a read or a one-character literal
  // (`s ' i != s ' j`, `s ' i = \a`): characters compared, as a palindrome
  // test or a scan for a letter does. (Arithmetic on one — `qs ' i - c` —
  // or a comparison with anything else reads a List's elements.)
  bool reads_compared_as_characters(SemaId body, std::string_view name) const {
    const auto is_read = [&](SemaId id) {
      if (id == sema::kNoExpr) return false;
      const sema::Expr& e = p_.expr(id);
      return e.kind == ExprKind::Infix && e.op == Op::GetProp && p_.expr(e.a).kind == ExprKind::Atom &&
             p_.expr(e.a).name == name;
    };
    const auto is_char = [&](SemaId id) {  // `\a`, `` `a` ``
      if (!is_text_literal(id)) return false;
      const sema::Expr& e = p_.expr(id);
      const std::string_view text = literal_of(e);
      return !text.empty() && single_code_point(text).has_value();
    };
    bool compared = false, other = false;
    const auto visit = [&](const auto& self, SemaId id) -> void {
      if (id == sema::kNoExpr || other) return;
      const sema::Expr& e = p_.expr(id);
      if (e.kind == ExprKind::Infix && (e.op == Op::Eq || e.op == Op::NotEqual) && (is_read(e.a) || is_read(e.b))) {
        if (!(is_read(e.a) || is_char(e.a)) || !(is_read(e.b) || is_char(e.b))) {
          other = true;
          return;
        }
        compared = true;
        for (SemaId k : {e.a, e.b}) {
          if (is_read(k)) self(self, p_.expr(k).b);  // the index
        }
        return;
      }
      if (is_read(id)) {
        other = true;
        return;
      }
      for (SemaId k : {e.a, e.b, e.c}) self(self, k);
      for (SemaId k : e.kids) self(self, k);
    };
    visit(visit, body);
    return compared && !other;
  }

  // applied_params: a plain parameter the body applies (`@f x`) or hands
  // to such a parameter of another function (`twice f i`), passing it on
  // unchanged in its self calls, and reads no other way — a function value
  // a twin may be made for (known_function_of_argument). The greatest
  // such set: every candidate at first, then those that read it otherwise
  // dropped until none is (functions that hand it to each other keep it).
  void find_applied_parameters() {
    facts_.applied_params.assign(function_form_.size(), {});
    if (!facts_.applies_names) return;
    // Only a function that applies a name (`@f x`), or names one that does
    // (transitively), may have one: most modules have none to look at.
    std::vector<bool> relevant(function_form_.size(), false);
    for (std::uint32_t f = 0; f < function_form_.size(); ++f) relevant[f] = applies_a_name(p_.expr(function_form_[f]).b);
    for (bool changed = true; changed;) {
      changed = false;
      for (std::uint32_t f = 0; f < function_form_.size(); ++f) {
        if (relevant[f]) continue;
        const auto& callees = facts_.calls[f];
        relevant[f] = std::any_of(callees.begin(), callees.end(), [&](std::uint32_t g) { return g < relevant.size() && relevant[g]; });
        changed = changed || relevant[f];
      }
    }
    std::vector<std::vector<DirectParam>> params(function_form_.size());
    for (std::uint32_t f = 0; f < function_form_.size(); ++f) {
      if (!relevant[f] || m_.functions[f].generic || facts_.makes_lambdas[f]) continue;
      params[f] = *direct_parameters(p_, p_.expr(function_form_[f]).b);
      facts_.applied_params[f].resize(params[f].size(), false);
      for (std::size_t i = 0; i < params[f].size(); ++i) {
        const DirectParam& param = params[f][i];
        facts_.applied_params[f][i] = param.pattern == sema::kNoExpr && !param.rest && !param.name.empty();
      }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (std::uint32_t f = 0; f < function_form_.size(); ++f) {
        for (std::size_t i = 0; i < facts_.applied_params[f].size(); ++i) {
          if (!facts_.applied_params[f][i]) continue;
          if (read_only_as(ParamRead::Applied, f, p_.expr(p_.expr(function_form_[f]).b).b, i, params[f][i])) continue;
          facts_.applied_params[f][i] = false;
          changed = true;
        }
      }
    }
  }
  // True if `id` holds `@name` (an application of a name's value).
  bool applies_a_name(SemaId id) const {
    return any_node(id, [&](const sema::Expr& e) { return applied_name(e) != sema::kNoExpr; });
  }
  // `@name`: the name (an Atom); else kNoExpr.
  SemaId applied_name(const sema::Expr& e) const {
    const bool at = e.kind == ExprKind::Prefix && e.op == Op::Input && e.a != sema::kNoExpr;
    return at && p_.expr(e.a).kind == ExprKind::Atom && !p_.expr(e.a).name.empty() ? e.a : sema::kNoExpr;
  }
  // True if a node of the tree at `id` satisfies `holds`.
  template <class Holds>
  bool any_node(SemaId id, const Holds& holds) const {
    if (id == sema::kNoExpr) return false;
    const sema::Expr& e = p_.expr(id);
    if (holds(e)) return true;
    for (SemaId k : {e.a, e.b, e.c}) {
      if (any_node(k, holds)) return true;
    }
    return std::any_of(e.kids.begin(), e.kids.end(), [&](SemaId k) { return any_node(k, holds); });
  }
  bool applied_param(std::uint32_t f, std::size_t i) const {
    return f < facts_.applied_params.size() && i < facts_.applied_params[f].size() && facts_.applied_params[f][i];
  }

  // How a parameter is read in read_only_as: `p ' x` (not `p ' x~`), or
  // `@p x` (at least once).
  enum class ParamRead : std::uint8_t { ByIndex, Applied };

  // Whether parameter `k` of function f is read in `body` only as `how`
  // says and given, unchanged, at its own position in every self call:
  // `p`, or `p~` as the last argument for a rest parameter.
  bool read_only_as(ParamRead how, std::uint32_t f, SemaId body, std::size_t k, const DirectParam& param) const {
    const auto is_param = [&](SemaId id) {
      return id != sema::kNoExpr && p_.expr(id).kind == ExprKind::Atom && p_.expr(id).name == param.name;
    };
    const std::string_view self_name = m_.functions[f].sign_name;
    bool holds = !binds_name(f, self_name);  // a parameter of the function's name: no self call to follow
    bool applied = false;
    const auto visit = [&](const auto& self, SemaId id) -> void {
      if (id == sema::kNoExpr || !holds) return;
      const sema::Expr& e = p_.expr(id);
      if (is_param(id) || (is_define(p_, id) && is_param(e.a))) {  // another read, or the name bound anew
        holds = false;
        return;
      }
      if (how == ParamRead::ByIndex && e.kind == ExprKind::Infix && e.op == Op::GetProp && is_param(e.a)) {
        holds = !is_spread(p_.expr(e.b));  // `p ' 2~` makes a List
        self(self, e.b);
        return;
      }
      if (e.kind == ExprKind::Infix && (e.op == Op::Apply || e.op == Op::PartialApply)) {
        const CallShape shape = call_shape(id);
        const sema::Expr& callee = p_.expr(shape.callee);
        if (how == ParamRead::Applied && is_param(applied_name(callee))) {
          applied = true;
          for (SemaId a : shape.args) self(self, a);
          return;
        }
        // Handed to a parameter another function only applies (as far as known).
        const auto g = how == ParamRead::Applied && callee.kind == ExprKind::Atom && callee.name != self_name &&
                               !binds_name(f, callee.name)
                           ? callee_by_name(shape)
                           : std::nullopt;
        if (g && !m_.functions[*g].rest_param) {
          for (std::size_t j = 0; j < shape.args.size(); ++j) {
            if (is_param(shape.args[j]) && applied_param(*g, j)) {
              applied = true;
            } else {
              self(self, shape.args[j]);
            }
          }
          return;
        }
        if (callee.kind == ExprKind::Atom && callee.name == self_name) {
          const bool passed_on =
              !shape.partial && shape.args.size() > k &&
              (param.rest ? shape.args.size() == k + 1 && is_spread(p_.expr(shape.args[k])) && is_param(p_.expr(shape.args[k]).a)
                          : is_param(shape.args[k]));
          if (!passed_on) {
            holds = false;
            return;
          }
          for (std::size_t j = 0; j < shape.args.size(); ++j) {
            if (j != k) self(self, shape.args[j]);
          }
          return;
        }
      }
      for (SemaId c : {e.a, e.b, e.c}) self(self, c);
      for (SemaId c : e.kids) self(self, c);
    };
    visit(visit, body);
    return holds && (how == ParamRead::ByIndex || applied);
  }

  // Whether the body puts `name` in front of a parameter some call gives
  // text (`h acc`, acc given `.`): a walk reversing a String into text,
  // whose characters are as good as read as text.
  bool puts_in_front_of_text(std::uint32_t f, SemaId lambda, std::string_view name) const {
    const auto params = *direct_parameters(p_, lambda);
    const auto text_parameter = [&](SemaId id) {
      if (id == sema::kNoExpr || p_.expr(id).kind != ExprKind::Atom) return false;
      for (std::size_t j = 0; j < params.size(); ++j) {
        if (params[j].name == p_.expr(id).name) return given_text(f, j);
      }
      return false;
    };
    bool found = false;
    const auto visit = [&](const auto& self, SemaId id) -> void {
      if (id == sema::kNoExpr || found) return;
      const sema::Expr& e = p_.expr(id);
      if (e.kind == ExprKind::Infix && e.op == Op::Construct && p_.expr(e.a).kind == ExprKind::Atom &&
          p_.expr(e.a).name == name && text_parameter(e.b)) {
        found = true;
        return;
      }
      for (SemaId k : {e.a, e.b, e.c}) self(self, k);
      for (SemaId k : e.kids) self(self, k);
    };
    visit(visit, p_.expr(lambda).b);
    return found;
  }

  // given_text: every call by name in the module, its String literal
  // arguments noted at their parameters.
  void find_text_arguments() {
    facts_.given_text.assign(function_form_.size(), {});
    for (std::size_t f = 0; f < function_form_.size(); ++f) facts_.given_text[f].resize(facts_.lendable_walks[f].size());
    for (SemaId id = 0; id < p_.exprs.size(); ++id) {
      const sema::Expr& e = p_.expr(id);
      if (e.kind != ExprKind::Infix || e.op != Op::Apply) continue;
      const CallShape shape = call_shape(id);
      const auto g = callee_by_name(shape);
      for (std::size_t j = 0; g && j < shape.args.size(); ++j) {
        if (is_text_literal(shape.args[j])) facts_.given_text[*g][j] = true;
      }
    }
  }
  // A parameter some call gives text, which every call of the function by
  // itself gives the parameter with something appended (`w h`, `s ` ` x`),
  // a literal (`_`), or as it is, and which the body reads otherwise only
  // for its length (`|w|`, `|w h|`) or on the way out (an arm with no such
  // call): a text accumulator. The function holds it as a
  // sign::impl::TextBuffer, a std::string each append extends in place (as
  // hand C++ builds a word), boxed only where a sign::Value is needed.
  // (Other reads would box it once per iteration: not an accumulator.)
  void find_text_accumulators() {
    facts_.text_accumulators.assign(function_form_.size(), {});
    for (std::uint32_t f = 0; f < function_form_.size(); ++f) {
      const Function& fn = m_.functions[f];
      const SemaId lambda = p_.expr(function_form_[f]).b;
      if (fn.generic || fn.rest_param || facts_.makes_lambdas[f]) continue;
      const auto params = *direct_parameters(p_, lambda);
      facts_.text_accumulators[f].resize(params.size(), false);
      for (std::size_t i = 0; i < params.size(); ++i) {
        const std::string_view name = params[i].name;
        if (params[i].pattern != sema::kNoExpr || params[i].rest || name.empty() || !given_text(f, i) ||
            facts_.address_taken.count(name)) {
          continue;
        }
        AccumulatorReads reads{f, i, name};
        reads.visit(*this, p_.expr(lambda).b, false);
        facts_.text_accumulators[f][i] = reads.appended && !reads.other;
      }
    }
  }
  // The reads find_text_accumulators allows of parameter `index` of function
  // `f`, named `name`, in a body.
  struct AccumulatorReads {
    std::uint32_t f;
    std::size_t index;
    std::string_view name;
    bool appended = false;  // some call of f by itself appends to it
    bool other = false;     // a read that would box it each iteration

    bool is_name(const Lowerer& l, SemaId id) const {
      return id != sema::kNoExpr && l.p_.expr(id).kind == ExprKind::Atom && l.p_.expr(id).name == name;
    }
    // `p`, `p x`, `p x y` (joins grouping to the left): the parameter with
    // what is appended; the appended values are read as anything else.
    bool appends_to_it(const Lowerer& l, SemaId id) {
      const sema::Expr& e = l.p_.expr(id);
      if (e.kind == ExprKind::Block && e.block == syntax::BlockKind::Paren && e.kids.size() == 1) {
        return appends_to_it(l, e.kids[0]);  // `(w h)`
      }
      if (is_name(l, id)) return true;
      if (e.kind != ExprKind::Infix || (e.op != Op::Construct && e.op != Op::Concat)) return false;
      if (!appends_to_it(l, e.a)) return false;
      visit(l, e.b, false);
      return true;
    }
    bool calls_itself(const Lowerer& l, SemaId id) const {
      return l.applies_name(id, l.m_.functions[f].sign_name);
    }
    // `leaving`: the value is read once, on the way out of the function.
    void visit(const Lowerer& l, SemaId id, bool leaving) {
      if (id == sema::kNoExpr || other) return;
      const sema::Expr& e = l.p_.expr(id);
      if (is_name(l, id)) {
        other = other || !leaving;
        return;
      }
      if (e.kind == ExprKind::Infix && e.op == Op::Apply) {
        const CallShape shape = l.call_shape(id);
        if (l.callee_by_name(shape) == f && index < shape.args.size()) {
          for (std::size_t j = 0; j < shape.args.size(); ++j) {
            const SemaId arg = shape.args[j];
            if (j != index || l.is_text_literal(arg) || is_name(l, arg)) {
              if (j != index) visit(l, arg, leaving);
              continue;
            }
            if (!appends_to_it(l, arg)) {
              other = true;
              return;
            }
            appended = true;
          }
          return;
        }
      }
      if (e.kind == ExprKind::Block && e.block == syntax::BlockKind::Abs && e.kids.size() == 1 &&
          appends_to_it(l, e.kids[0])) {
        return;  // `|w|`, `|w h|`: the length, read in place
      }
      if (is_define(l.p_, id) && !calls_itself(l, e.b)) {  // an arm that returns
        visit(l, e.a, leaving);
        visit(l, e.b, true);
        return;
      }
      for (SemaId k : {e.a, e.b, e.c}) visit(l, k, leaving);
      for (SemaId k : e.kids) visit(l, k, leaving);
    }
  };
  bool text_accumulator(std::uint32_t f, std::size_t i) const {
    return f < facts_.text_accumulators.size() && i < facts_.text_accumulators[f].size() && facts_.text_accumulators[f][i];
  }

  // Whether `id` is a String or character literal.
  bool is_text_literal(SemaId id) const {
    if (id == sema::kNoExpr || p_.expr(id).kind != ExprKind::Atom || !p_.expr(id).name.empty()) return false;
    return p_.expr(id).atom == syntax::AtomKind::String || p_.expr(id).atom == syntax::AtomKind::Char;
  }
  bool given_text(std::uint32_t f, std::size_t i) const {
    return f < facts_.given_text.size() && i < facts_.given_text[f].size() && facts_.given_text[f][i];
  }

  // Whether `body` compares `name` with a String or character literal
  // (`h = \a`, `h < `m``, `\a <= h <= \z`), or — `through_calls` — hands
  // it to a module function whose body compares that parameter so.
  bool tests_as_text(SemaId body, std::string_view name, bool through_calls) const {
    const auto is_name = [&](SemaId id) {
      return id != sema::kNoExpr && p_.expr(id).kind == ExprKind::Atom && p_.expr(id).name == name;
    };
    bool found = false;
    const auto visit = [&](const auto& self, SemaId id) -> void {
      if (id == sema::kNoExpr || found) return;
      const sema::Expr& e = p_.expr(id);
      const bool compares = (e.kind == ExprKind::Infix && (comparison_fn(e.op, false) || e.op == Op::NotEqual)) ||
                            e.kind == ExprKind::ChainCompare;
      if (compares && (is_name(e.a) || is_name(e.b) || is_name(e.c)) && (is_text_literal(e.a) || is_text_literal(e.b) || is_text_literal(e.c))) {
        found = true;
        return;
      }
      if (through_calls && e.kind == ExprKind::Infix && e.op == Op::Apply) {
        const CallShape shape = call_shape(id);
        const auto g = callee_by_name(shape);
        for (std::size_t j = 0; g && j < shape.args.size() && !found; ++j) {
          if (!is_name(shape.args[j])) continue;
          const auto params = direct_parameters(p_, p_.expr(function_form_[*g]).b);
          if (params && j < params->size() && (*params)[j].pattern == sema::kNoExpr && !(*params)[j].rest) {
            found = tests_as_text(p_.expr(function_form_[*g]).b, (*params)[j].name, false);
          }
        }
      }
      for (SemaId k : {e.a, e.b, e.c}) self(self, k);
      for (SemaId k : e.kids) self(self, k);
    };
    visit(visit, body);
    return found;
  }

  // Whether the body of function f compares its plain parameter i with text.
  bool tests_text(std::uint32_t f, std::size_t i) const {
    return f < facts_.tests_text.size() && i < facts_.tests_text[f].size() && facts_.tests_text[f][i];
  }

  // The results of the lines of f's body that return without naming f:
  // its match_case arms' and default line's values that call it no more.
  std::unordered_set<SemaId> returning_lines(std::uint32_t f) const {
    const SemaId body = p_.expr(p_.expr(function_form_[f]).b).b;
    std::unordered_set<SemaId> returning;
    const std::string_view self_name = m_.functions[f].sign_name;
    if (p_.expr(body).kind != ExprKind::Block || p_.expr(body).block != syntax::BlockKind::Indent) return returning;
    for (const SemaId line : p_.expr(body).kids) {
      const SemaId result = is_define(p_, line) ? p_.expr(line).b : line;
      if (!any_node(result, [&](const sema::Expr& e) { return e.kind == ExprKind::Atom && e.name == self_name; })) {
        returning.insert(result);
      }
    }
    return returning;
  }

  // `h t~` at parameter i of function f, whose pattern is the walk `[h
  // ~t]`: the walk as it was given, before the step took h off (a merge
  // putting back the head it did not take: `merge ... as (b bs~)`).
  bool puts_back_head(SemaId arg, std::uint32_t f, std::size_t i) const {
    const auto params = direct_parameters(p_, p_.expr(function_form_[f]).b);
    if (!params || i >= params->size() || (*params)[i].pattern == sema::kNoExpr) return false;
    const auto& entries = p_.expr((*params)[i].pattern).kids;
    if (entries.size() != 2 || !splits_elements(entries)) return false;
    while (p_.expr(arg).kind == ExprKind::Block && p_.expr(arg).block == syntax::BlockKind::Paren && p_.expr(arg).kids.size() == 1) {
      arg = p_.expr(arg).kids[0];  // `(b bs~)`
    }
    const sema::Expr& a = p_.expr(arg);
    if (a.kind != ExprKind::Infix || (a.op != Op::Construct && a.op != Op::Apply)) return false;
    const sema::Expr& head = p_.expr(a.a);
    const sema::Expr& rest = p_.expr(a.b);
    return head.kind == ExprKind::Atom && !head.name.empty() && head.name == p_.expr(entries[0]).name &&
           is_spread(rest) && p_.expr(rest.a).kind == ExprKind::Atom && p_.expr(rest.a).name == p_.expr(entries[1]).name;
  }

  // The text a String or character literal stands for: `` `abc` `` → abc, `\c` → c.
  static std::string_view literal_of(const sema::Expr& e) {
    return e.atom == syntax::AtomKind::Char ? e.text.substr(1) : e.text.substr(1, e.text.size() - 2);
  }

  // Whether parameter i of function f, read by index, may be lent ASCII text.
  bool indexed_text(std::uint32_t f, std::size_t i) const {
    return f < facts_.indexed_text.size() && i < facts_.indexed_text[f].size() && facts_.indexed_text[f][i];
  }

  // Whether parameter i of function f is a walk that may be lent its value.
  bool lendable_walk(std::uint32_t f, std::size_t i) const {
    return f < facts_.lendable_walks.size() && i < facts_.lendable_walks[f].size() && facts_.lendable_walks[f][i];
  }

  // Whether walk `i` of function `f` may be lent its value, as find_lendable_walks
  // says, given what the others may now.
  bool may_lend_walk(std::uint32_t f, std::size_t i, const std::vector<std::vector<std::string_view>>& rests,
                     const std::unordered_set<SemaId>& returning) const {
    const std::string_view rest = rests[f][i];
    const auto rest_of_walk = [&](SemaId arg) {
      const sema::Expr& a = p_.expr(arg);
      if (a.kind != ExprKind::Atom || a.name.empty()) return false;
      for (std::size_t k = 0; k < rests[f].size(); ++k) {
        if (facts_.lendable_walks[f][k] && rests[f][k] == a.name) return true;
      }
      return false;
    };
    // A line of the body that returns without calling the function again
    // (`returning`) may append t to another List (`acc~ a b bs~`): the
    // elements are copied once per call there, as appending a slice copies
    // them. (Not t itself or `c t~`, which the general path hands back
    // without a copy.)
    const auto spread_of = [&](SemaId id, bool of_rest) {
      const sema::Expr& x = p_.expr(id);
      return is_spread(x) && p_.expr(x.a).kind == ExprKind::Atom && !p_.expr(x.a).name.empty() &&
             (p_.expr(x.a).name == rest) == of_rest;
    };
    const auto appends_rest = [&](const sema::Expr& e) {  // `xs~ ... t~`
      if (e.kind != ExprKind::Infix || e.op != Op::Construct || !spread_of(e.b, true)) return false;
      SemaId left = e.a;
      while (p_.expr(left).kind == ExprKind::Infix && p_.expr(left).op == Op::Construct) left = p_.expr(left).a;
      return spread_of(left, false);
    };
    bool holds = true;
    const auto visit = [&](const auto& self, SemaId id, bool returns) -> void {
      if (id == sema::kNoExpr || !holds) return;
      returns = returns || returning.count(id) != 0;
      const sema::Expr& e = p_.expr(id);
      if (e.kind == ExprKind::Atom) {
        holds = e.name != rest;
        return;
      }
      if (returns && appends_rest(e)) return self(self, e.a, returns);
      if (is_define(p_, id) && p_.expr(e.a).name == rest) {  // t named anew: not the walk's rest
        holds = false;
        return;
      }
      if (e.kind == ExprKind::Infix && (e.op == Op::Apply || e.op == Op::PartialApply)) {
        const CallShape shape = call_shape(id);
        std::optional<std::uint32_t> g = callee_by_name(shape);
        if (g && binds_name(f, p_.expr(shape.callee).name)) g.reset();  // a parameter of that name: not the function
        const bool named = g.has_value();
        const std::uint32_t callee = g.value_or(0);
        const bool self_call = named && callee == f;
        if (self_call && !rest_of_walk(shape.args[i]) && !puts_back_head(shape.args[i], f, i)) {
          holds = false;
          return;
        }
        self(self, shape.callee, returns);
        for (std::size_t j = 0; j < shape.args.size(); ++j) {
          const sema::Expr& a = p_.expr(shape.args[j]);
          if (self_call && puts_back_head(shape.args[j], f, j)) continue;  // walk j as it was given
          if (a.kind != ExprKind::Atom || a.name != rest) {
            self(self, shape.args[j], returns && !named);
          } else if (!named || (callee != f && reaches(callee, f)) || !lendable_walk(callee, j)) {
            holds = false;
          }
        }
        return;
      }
      for (SemaId k : {e.a, e.b, e.c}) self(self, k, returns);
      for (SemaId k : e.kids) self(self, k, returns);
    };
    visit(visit, p_.expr(function_form_[f]).b, false);  // the lambda: its parameters name no rest read
    return holds;
  }

  // Whether a parameter of function f, or an entry of one of its patterns,
  // is named `name`.
  bool binds_name(std::uint32_t f, std::string_view name) const {
    const auto params = direct_parameters(p_, p_.expr(function_form_[f]).b);  // held: the loop reads it
    for (const DirectParam& param : *params) {
      if (param.name == name) return true;
      if (param.pattern == sema::kNoExpr) continue;
      const auto& entries = p_.expr(param.pattern).kids;
      if (std::any_of(entries.begin(), entries.end(), [&](SemaId k) { return p_.expr(k).name == name; })) return true;
    }
    return false;
  }

  // The module function a call names with all its arguments, none spread,
  // as the module's functions are named (whatever a name in the body may
  // hide: a caller checks its own).
  std::optional<std::uint32_t> callee_by_name(const CallShape& shape) const {
    const sema::Expr& callee = p_.expr(shape.callee);
    if (shape.partial || callee.kind != ExprKind::Atom || callee.name.empty()) return std::nullopt;
    const auto found = function_of_.find(std::string(callee.name));
    if (found == function_of_.end() || found->second >= facts_.lendable_walks.size()) return std::nullopt;
    const std::uint32_t g = found->second;
    if (facts_.lendable_walks[g].size() != shape.args.size()) return std::nullopt;
    for (SemaId arg : shape.args) {
      if (is_spread(p_.expr(arg))) return std::nullopt;
    }
    return g;
  }

  // On entry to a function that takes a walk's argument as a sign::Value:
  // where every such argument is text (a walk that tests its characters
  // against text) or a List of Ints (any other walk), the twin that is lent
  // it as Chars or Elements carries on (one test per call, not per step) —
  // the one over Ints too where its plain arguments are Ints (`count |s| 0
  // s`, |s| a Value).
  void dispatch_walks(std::uint32_t index, std::uint32_t original) {
    if (!specialize_ || handed_over_.count(index)) return;
    const Function& f = m_.functions[index];
    const std::vector<CType> types = twin_key(f).second;
    std::vector<CType> lent = types;
    std::vector<ExprId> tests;
    std::vector<ExprId> test_of(f.param_count);  // each lent parameter's test
    bool text = false;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (!lendable_walk(original, i) || types[i] != CType::Value) continue;
      const bool chars = facts_.reads_characters[original][i];
      text = text || chars;
      lent[i] = chars ? CType::Chars : CType::Elements;
      test_of[i] = call(CType::Bool, chars ? "sign::impl::is_text" : "sign::impl::is_int_list", {local(i)});
      tests.push_back(test_of[i]);
    }
    if (tests.empty()) return;
    dispatch_lent(index, original, lent, tests, text ? "a String" : "a List of Ints",
                  text ? "the twin that walks its text" : "the twin that walks its elements");
    // A String whose characters the body only compares, read by index,
    // lent as its ASCII text where it is not a List of Ints.
    std::vector<ExprId> ascii_tests;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (!indexed_text(original, i) || lent[i] != CType::Elements) continue;
      lent[i] = CType::AsciiText;
      ascii_tests.push_back(call(CType::Bool, "sign::impl::is_ascii_text", {local(i)}));
    }
    if (ascii_tests.empty()) return;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (lent[i] == CType::Elements || lent[i] == CType::Chars) ascii_tests.push_back(test_of[i]);
    }
    dispatch_lent(index, original, lent, ascii_tests, "ASCII text", "the twin that reads its bytes");
  }

  // dispatch_on_entry to the twin lent `lent` where `tests` hold — and
  // first to the one over Ints too where its plain arguments are Ints.
  void dispatch_lent(std::uint32_t index, std::uint32_t original, const std::vector<CType>& lent,
                     const std::vector<ExprId>& tests, const std::string& what, const std::string& twin) {
    const Function& f = m_.functions[index];
    std::vector<CType> ints = lent;
    const std::vector<CType> over_ints = int_signature(original);
    std::vector<ExprId> int_tests = tests;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      // (Not a parameter some call gives text: a String there would fail
      // the test, and the twin over the other Ints with it.)
      // (Nor one lent: a List is never an Int.)
      if (over_ints[i] != CType::Int64 || lent[i] != CType::Value || given_text(original, i)) continue;
      ints[i] = CType::Int64;
      int_tests.push_back(sign_is_int(local(i)));
    }
    // (An original with a twin over Ints has dispatched Ints to it already.)
    if (int_tests.size() > tests.size() && f.specialization < 0) {
      dispatch_on_entry(index, original, ints, int_tests, what + " and Ints: the twin over both");
    }
    dispatch_on_entry(index, original, lent, tests, what + ": " + twin);
  }

  // On entry to a self-recursive function given Values for parameters its
  // body only counts with (scalar_params: `pal s 0 (|s| - 2)`, |s| a
  // Value): where they hold Ints the twin over them carries on, its
  // comparisons and arithmetic on them C++ — one test per call, not per
  // step. The other parameters keep their types (a String it indexes).
  void dispatch_scalars(std::uint32_t index, std::uint32_t original) {
    if (!specialize_ || handed_over_.count(index) || original >= facts_.scalar_params.size()) return;
    const Function& f = m_.functions[index];
    const std::vector<bool>& scalar = facts_.scalar_params[original];
    if (scalar.size() != f.param_count) return;
    std::vector<CType> types;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      types.push_back(f.locals[i].type);
      // A walk lent as text or Elements first: that twin tests for the Ints (one twin fewer).
      if (types[i] == CType::Value && lendable_walk(original, i)) return;
    }
    std::vector<ExprId> tests;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (!scalar[i] || types[i] != CType::Value || given_text(original, i)) continue;
      types[i] = CType::Int64;
      tests.push_back(sign_is_int(local(i)));
    }
    // (An original whose plain parameters all are such has dispatched Ints to its twin already.)
    if (tests.empty() || (f.specialization >= 0 && types == int_signature(original))) return;
    dispatch_on_entry(index, original, types, tests, "Ints where the body counts: the twin over them");
  }

  // `if (tests...) return twin(...)`, made once on entry: the twin of
  // `original` over `types`, each argument the function's own parameter
  // made that type (a Value's text lent: the String stays this function's
  // argument while the twin walks it).
  void dispatch_on_entry(std::uint32_t index, std::uint32_t original, const std::vector<CType>& types,
                         const std::vector<ExprId>& tests, std::string comment) {
    const auto twin = twin_for(original, types);
    if (!twin) return;
    const Function& f = m_.functions[index];
    std::vector<ExprId> args;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      const bool boxed = f.locals[i].type == CType::Value;
      args.push_back(boxed && types[i] == CType::Chars      ? call(CType::Chars, "sign::impl::chars", {local(i)})
                     : boxed && types[i] == CType::Elements ? call(CType::Elements, "sign::impl::elements", {local(i)})
                     : boxed && types[i] == CType::AsciiText ? call(CType::AsciiText, "sign::impl::ascii_text", {local(i)})
                     : boxed && types[i] == CType::Int64    ? call(CType::Int64, "sign::impl::as_int", {local(i)})
                                                            : local(i));
    }
    Stmt test = stmt(Stmt::Kind::If);
    test.expr = all_of(tests);
    test.on_entry = true;
    test.comment = std::move(comment);
    std::vector<StmtId>* const outer = out_;
    out_ = &test.then_body;
    emit(returns(call_twin(*twin, std::move(args), true)));
    out_ = outer;
    emit(std::move(test));
  }

  // `[h ~t]`, `[a b ~t]`: names that take one element each, then a rest
  // without a default — the pattern of a walk along a List. (A pattern
  // without a rest takes the List itself, which it may build its result in.)
  bool splits_elements(const std::vector<SemaId>& entries) const {
    if (entries.empty()) return false;
    const sema::Expr& last = p_.expr(entries.back());
    if (!(last.flags & sema::kRest) || last.a != sema::kNoExpr || !last.kids.empty()) return false;
    return std::all_of(entries.begin(), entries.end() - 1, [&](SemaId entry) { return takes_an_element(entry); });
  }

  static TwinKey twin_key(const Function& twin) {
    std::vector<CType> types;
    for (std::uint32_t i = 0; i < twin.param_count; ++i) {
      types.push_back(i < twin.given.size() && twin.given[i] ? CType::Given : twin.locals[i].type);
    }
    return {static_cast<std::uint32_t>(twin.specializes), std::move(types)};
  }

  // The twin of `original` whose parameters have the C++ `types`, made if
  // need be; nothing if it may not have one.
  std::optional<std::uint32_t> twin_for(std::uint32_t original, const std::vector<CType>& types) {
    constexpr std::size_t kTwinsPerFunction = 16;  // each combination of parameter types is a C++ function
    const auto boxed = [](CType t) { return t == CType::Value; };
    if (!specialize_ || std::all_of(types.begin(), types.end(), boxed) || original >= function_form_.size()) {
      return std::nullopt;
    }
    const TwinKey key{original, types};
    const auto found = twin_of_.find(key);
    if (found != twin_of_.end()) {
      define_twin(found->second);
      return found->second;
    }
    if (facts_.makes_lambdas[original]) return std::nullopt;
    // twin_of_ is ordered by original first: its twins are one run.
    const auto made = std::distance(twin_of_.lower_bound({original, {}}), twin_of_.lower_bound({original + 1, {}}));
    if (static_cast<std::size_t>(made) == kTwinsPerFunction) return std::nullopt;
    const Function& fn = m_.functions[original];
    Function twin;
    name_twin(twin, fn, types, types == int_signature(original), facts_.known_functions);
    const std::string named = twin.cpp_name;  // a parameter called `pair` or `list` could make two alike
    for (int n = 2; function_names_.contains(twin.cpp_name); ++n) twin.cpp_name = named + "_" + std::to_string(n);
    function_names_.insert(twin.cpp_name);
    twin.line = fn.line;
    twin.param_count = fn.param_count;
    twin.arity = fn.arity;
    for (std::uint32_t i = 0; i < fn.param_count; ++i) {
      twin.locals.push_back({fn.locals[i].cpp_name, types[i] == CType::Given ? CType::Value : types[i]});
      twin.given.push_back(types[i] == CType::Given);
    }
    twin.rest_param = fn.rest_param;
    twin.bracket_params = fn.bracket_params;
    twin.destructures = fn.destructures;
    // A twin no earlier round made is assumed to return an Int in the first
    // round, a Value in later ones: a twin first asked for then is one whose
    // arguments changed type because another twin returned a Value, and
    // such a twin returned a Value in every module measured, so assuming an
    // Int cost a whole round more (lower_module). Either way a round settles
    // only on what its twins really return (the C++ of the conformance
    // programs, the benchmarks and three 1,000-line modules is unchanged).
    const auto learned = results_.find(key);
    twin.result = learned != results_.end() ? learned->second : results_.empty() ? CType::Int64 : CType::Value;
    twin.specializes = static_cast<int>(original);
    const auto index = static_cast<std::uint32_t>(m_.functions.size());
    m_.functions.push_back(std::move(twin));
    calls_.emplace_back();  // calls_ stays indexed like m_.functions (a twin calls what its original calls)
    twin_of_.emplace(key, index);
    if (handing_over_) handed_over_.insert(index);
    twins_.push_back(index);
    twin_state_.push_back(TwinState::Undefined);
    define_twin(index);
    return index;
  }

  // `f_int`: the twin over Ints in every plain parameter. `loop_int_pair`,
  // `place_int_int_list`: every parameter specialised, named by type in
  // order. Otherwise the parameters that are not Values are named:
  // `word_int_k_t` (Ints k and t), `walk_pair_p`, `step_int_n_list_xs`.
  // A known function is named as itself: `fold_run_lambda_1_int_int`,
  // `map_lambda_1_list_t`.
  static void name_twin(Function& twin, const Function& fn, const std::vector<CType>& types, bool over_ints,
                        const std::vector<KnownFunction>& known) {
    // A parameter is an IntList or Elements by its pattern, never either: both are "list".
    // What a C++ name and a comment call a parameter of the type.
    struct KindWords {
      const char* name;
      const char* description;
    };
    const auto words = [](CType t) -> KindWords {
      if (t == CType::Int64) return {"int", "Ints "};
      if (t == CType::Double) return {"float", "Floats "};
      if (t == CType::IntPair) return {"pair", "Int pairs "};
      if (t == CType::Char) return {"char", "characters "};
      if (t == CType::Chars) return {"text", "Strings walked as text "};
      if (t == CType::AsciiText) return {"ascii", "ASCII Strings read by index "};
      if (t == CType::Given) return {"given", "values given never __ "};
      if (is_int_dict(t)) return {"dict", "Dicts of Ints "};
      return {"list", "Lists of Ints "};
    };
    const auto kind_name = [&](CType t) { return words(t).name; };
    const auto kind_description = [&](CType t) { return words(t).description; };
    twin.cpp_name = fn.cpp_name;
    twin.sign_name = fn.sign_name + " over ";
    if (over_ints) {
      twin.cpp_name += "_int";
      twin.sign_name += "Ints";
      return;
    }
    const bool every = std::none_of(types.begin(), types.end(), [](CType t) { return t == CType::Value; });
    std::string description;
    const auto same_kind = [](CType t, CType kind) {
      return t == kind || (kind == CType::IntList && t == CType::Elements) || (kind == CType::FirstIntDict && is_int_dict(t));
    };
    for (const CType kind :
         {CType::Int64, CType::Double, CType::IntPair, CType::IntList, CType::Char, CType::Chars, CType::AsciiText,
          CType::FirstIntDict, CType::Given}) {
      std::string names;
      for (std::uint32_t i = 0; i < fn.param_count; ++i) {
        if (!same_kind(types[i], kind)) continue;
        if (!every) twin.cpp_name += (names.empty() ? "_" + std::string(kind_name(kind)) + "_" : "_") + fn.locals[i].cpp_name;
        names += (names.empty() ? "" : ", ") + fn.locals[i].cpp_name;
      }
      if (!names.empty()) description += (description.empty() ? "" : "; ") + std::string(kind_description(kind)) + names;
    }
    std::string passed;
    for (std::uint32_t i = 0; i < fn.param_count; ++i) {
      if (!is_known_function(types[i])) continue;
      const KnownFunction& k = known[known_function_index(types[i])];
      if (!every) twin.cpp_name += "_" + k.cpp_name;
      const bool ints = std::any_of(k.capture_types.begin(), k.capture_types.end(), [](CType t) { return t == CType::Int64; });
      passed += (passed.empty() ? "" : ", ") + k.cpp_name + (ints ? " (capturing Ints)" : "") + " as " + fn.locals[i].cpp_name;
    }
    if (every) {
      for (const CType t : types) {
        twin.cpp_name += "_" + (is_known_function(t) ? known[known_function_index(t)].cpp_name : std::string(kind_name(t)));
      }
    }
    if (!passed.empty()) description += (description.empty() ? "" : "; ") + passed;
    twin.sign_name += description;
  }

  // A function nothing calls (every call went to a twin, or was written
  // into its caller's loop, or there was none) is not emitted: no dead code
  // in the output. Reachability from load(), which makes the exports too.
  void drop_unreached_functions() {
    std::vector<bool> used(m_.functions.size(), false);
    std::vector<std::uint32_t> work;
    const auto use = [&](std::uint32_t f) {
      if (!used[f]) {
        used[f] = true;
        work.push_back(f);
      }
    };
    std::vector<StmtId> stmts;
    std::vector<ExprId> exprs;
    const auto scan_body = [&](const std::vector<StmtId>& body) {
      stmts.assign(body.begin(), body.end());
      while (!stmts.empty()) {
        const Stmt& st = m_.stmts[stmts.back()];
        stmts.pop_back();
        if (st.kind == Stmt::Kind::Dispatch) use(st.index);
        if (has_expr(st)) exprs.push_back(st.expr);
        stmts.insert(stmts.end(), st.then_body.begin(), st.then_body.end());
        stmts.insert(stmts.end(), st.else_body.begin(), st.else_body.end());
      }
      while (!exprs.empty()) {
        const Expr& e = m_.exprs[exprs.back()];
        exprs.pop_back();
        if (e.kind == Expr::Kind::DirectCall || e.kind == Expr::Kind::FunctionValue || e.kind == Expr::Kind::MakeClosure) {
          use(e.index);
        }
        exprs.insert(exprs.end(), e.args.begin(), e.args.end());
      }
    };
    scan_body(m_.load.body);
    while (!work.empty()) {
      const std::uint32_t f = work.back();
      work.pop_back();
      scan_body(m_.functions[f].body);
    }
    for (std::uint32_t f = 0; f < m_.functions.size(); ++f) m_.functions[f].emitted = used[f];
  }

  // True if `id` contains a call `name args...` (not just a mention of name).
  bool applies_name(SemaId id, std::string_view name) const {
    if (id == sema::kNoExpr) return false;
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Infix && e.op == Op::Apply) {
      SemaId base = e.a;
      while (p_.expr(base).kind == ExprKind::Infix && p_.expr(base).op == Op::Apply) base = p_.expr(base).a;
      if (p_.expr(base).kind == ExprKind::Atom && p_.expr(base).name == name) return true;
    }
    for (SemaId k : {e.a, e.b, e.c}) {
      if (applies_name(k, name)) return true;
    }
    for (SemaId k : e.kids) {
      if (applies_name(k, name)) return true;
    }
    return false;
  }

  bool contains_lambda(SemaId id, bool top) const {
    if (id == sema::kNoExpr) return false;
    const sema::Expr& e = p_.expr(id);
    if (!top && (e.kind == ExprKind::Lambda || e.kind == ExprKind::Section)) return true;
    for (SemaId k : {e.a, e.b, e.c}) {
      if (contains_lambda(k, top && e.kind == ExprKind::Lambda && k == e.a)) return true;
    }
    for (SemaId k : e.kids) {
      if (contains_lambda(k, false)) return true;
    }
    return false;
  }

  // A twin is defined when a call first asks for it, before the call reads
  // what it returns: its callers then know that in the same round, not a
  // round later (lower_module). Where it returns another type than it was
  // assumed to, it is lowered again assuming that; if a twin lowered
  // meanwhile read the assumption (twins that call each other), those are
  // lowered again too, when it asks for them; where nothing read it, only
  // its returns change (retype_returns). Twins made before any body is
  // lowered (declare_specializations) wait for a call, or for their
  // original's dispatch (define_wanted_functions).
  void define_twin(std::uint32_t index) {
    if (frame_ == nullptr) return;  // declaring: no body is lowered yet
    // By position, not by reference: lowering makes twins, and twin_state_ grows.
    const std::size_t position = twin_position(index);
    TwinState& state = twin_state_[position];
    if (state == TwinState::Defined) return;
    if (state != TwinState::Undefined) {
      if (frame_->fn != &m_.functions[index]) {
        state = TwinState::ReadWhileLowered;
      } else if (state == TwinState::Lowering) {
        state = TwinState::ReadByItself;
      }
      return;
    }
    constexpr int kLowerings = 4;  // then it is left to the next round
    std::vector<std::uint32_t> inlining;
    inlining.swap(inlining_);  // another function's body: nothing is being written into it
    Frame* const caller = frame_;
    frame_ = &module_frame_;
    const TwinKey key = twin_key(m_.functions[index]);
    for (int lowering = 1;; ++lowering) {
      const std::size_t before = defined_twins_.size();
      Function& f = m_.functions[index];
      returned_.erase(key);
      f.locals.resize(f.param_count);
      f.tail_callees.clear();
      f.loops = f.defers = false;
      twin_state_[position] = TwinState::Lowering;
      define_specialization(index);
      const TwinState read = std::exchange(twin_state_[position], TwinState::Defined);
      const auto came = returned_.find(key);
      // Twins that call each other in a long cycle could take that many
      // lowerings at each step of it: past a budget, the next round settles them.
      const bool spent = ++twin_lowerings_ > kLowerings * twins_.size();
      const bool settled = came == returned_.end() || came->second == f.result || lowering == kLowerings || spent;
      if (settled || read == TwinState::Lowering) {
        if (!settled) retype_returns(f, came->second);  // nothing read what it returns: only its returns change
        defined_twins_.push_back(index);
        break;
      }
      f.result = came->second;
      if (read == TwinState::ReadWhileLowered) {
        for (std::size_t i = before; i < defined_twins_.size(); ++i) {
          twin_state_[twin_position(defined_twins_[i])] = TwinState::Undefined;
        }
        defined_twins_.resize(before);
      }
    }
    frame_ = caller;
    inlining_.swap(inlining);
  }

  // Twin `f`'s returns made to return a `result` C++ type: what lowering
  // them for another one would give.
  void retype_returns(Function& f, CType result) {
    f.result = result;
    std::vector<StmtId> work(f.body.begin(), f.body.end());
    while (!work.empty()) {
      Stmt& s = m_.stmts[work.back()];
      work.pop_back();
      work.insert(work.end(), s.then_body.begin(), s.then_body.end());
      work.insert(work.end(), s.else_body.begin(), s.else_body.end());
      if (s.kind != Stmt::Kind::Return) continue;
      const auto boxed = returned_values_.find(s.expr);
      const ExprId e = boxed == returned_values_.end() ? s.expr : boxed->second;
      if (type_of(e) == result) {
        s.expr = e;
      } else if (result == CType::Char && is_char_literal(e)) {
        s.expr = *char_constant(e);
      } else if (boxed == returned_values_.end()) {
        s.expr = coerce(e, CType::Value);
      }
    }
  }

  // The functions something lowered calls or takes as a value, in the
  // order of the program, until lowering them wants no more: a function
  // every call of which went to a twin (or nothing calls) is never lowered,
  // as it is never written out. Twins a call asked for are lowered by then;
  // those left are the ones an original dispatches to.
  void define_wanted_functions() {
    std::vector<bool> defined(function_form_.size(), false);
    for (bool more = true; more;) {
      more = false;
      for (std::size_t f = 0; f < function_form_.size(); ++f) {
        if (defined[f] || !wanted(static_cast<std::uint32_t>(f))) continue;
        defined[f] = more = true;
        define_function(f);
      }
      for (std::size_t i = 0; i < twins_.size(); ++i) {
        if (twin_state_[i] != TwinState::Undefined || !wanted(twins_[i])) continue;
        more = true;
        define_twin(twins_[i]);
      }
    }
  }

  void want(std::uint32_t f) {
    if (f >= wanted_.size()) wanted_.resize(m_.functions.size());
    wanted_[f] = true;
  }
  bool wanted(std::uint32_t f) const { return f < wanted_.size() && wanted_[f]; }

  // Where twin `index` is in twins_ (the order twins were made in).
  std::size_t twin_position(std::uint32_t index) const {
    return static_cast<std::size_t>(std::lower_bound(twins_.begin(), twins_.end(), index) - twins_.begin());
  }

  void define_specialization(std::uint32_t index) {
    Function& f = m_.functions[index];
    const auto original = static_cast<std::uint32_t>(f.specializes);
    const SemaId lambda = p_.expr(function_form_[original]).b;
    Frame frame;
    frame.fn = &f;
    frame.index = static_cast<int>(index);
    frame.self = static_cast<int>(original);
    in_frame(frame, line_of(function_form_[original]), [&] {
      dispatch_walks(index, original);
      dispatch_scalars(index, original);
      read_captures(index, original);
      bind_direct_parameters(f, lambda, parameter_slots(f));  // an Int is never __: no collapse guard for one
      tail(p_.expr(lambda).b);
    });
  }

  // The call of a twin of `original` with `args`, where some are Ints or
  // Int pairs it may take as such.
  std::optional<ExprId> twin_call(std::uint32_t original, std::vector<ExprId> args, bool tail) {
    const auto twin = twin_for(original, twin_signature(original, args));
    if (!twin) return std::nullopt;
    return call_twin(*twin, std::move(args), tail);
  }

  // `f(args...)`, each argument made the type f takes (a twin's, or a Value).
  ExprId call_twin(std::uint32_t f, std::vector<ExprId> args, bool tail) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const CType param = m_.functions[f].locals[i].type;
      // The List the argument is outlives the call: its elements are lent for it.
      const bool lend = param == CType::Elements && type_of(args[i]) == CType::IntList;
      args[i] = lend ? call(param, "sign::impl::elements", {args[i]}) : coerce(args[i], param);
    }
    return direct_call(f, std::move(args), tail);
  }

  // A twin given known lambdas reads what their closures captured once, on
  // entry, into the locals their bodies see where they are applied
  // (Frame::captures_of). Where captured Values all hold Ints, the twin for
  // the lambdas capturing Ints carries on: the arithmetic on them is C++.
  void read_captures(std::uint32_t index, std::uint32_t original) {
    const Function& f = m_.functions[index];
    std::vector<CType> ints = twin_key(f).second;
    std::vector<ExprId> tests;
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (!is_known_function(f.locals[i].type)) continue;
      KnownFunction k = facts_.known_functions[known_function_index(f.locals[i].type)];  // known_function may grow them
      std::vector<ExprId> holds;
      for (std::size_t j = 0; j < k.capture_types.size(); ++j) {
        if (k.capture_types[j] != CType::Value) continue;
        holds.push_back(sign_is_int(captured(local(i), j)));
        k.capture_types[j] = CType::Int64;
        if (holds.size() == 1) k.cpp_name += "_ints";
      }
      const auto typed = holds.empty() ? std::nullopt : known_function(std::move(k));
      if (!typed) continue;
      ints[i] = *typed;
      tests.insert(tests.end(), holds.begin(), holds.end());
    }
    if (!tests.empty()) dispatch_on_entry(index, original, ints, tests, "captured Ints: the twin reading them as such");
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (is_known_function(f.locals[i].type)) frame_->captures_of[i] = captures_held(i, true);
    }
  }

  // Locals holding what known function local `fn` captured, each of the
  // type the known function says (`on_entry`: made once, before a loop).
  std::vector<std::uint32_t> captures_held(std::uint32_t fn, bool on_entry) {
    const KnownFunction& k = facts_.known_functions[known_function_index(frame_->fn->locals[fn].type)];
    std::vector<std::uint32_t> held;
    for (std::size_t j = 0; j < k.captures.size(); ++j) {
      const ExprId v = captured(local(fn), j);
      held.push_back(let_typed(cpp_identifier(k.captures[j]),
                               k.capture_types[j] == CType::Int64 ? call(CType::Int64, "sign::impl::as_int", {v}) : v));
      m_.stmts[out_->back()].on_entry = on_entry;
    }
    return held;
  }
  ExprId captured(ExprId fn, std::size_t j) {
    return call(CType::Value, "sign::impl::captured", {fn, int_lit(static_cast<std::int64_t>(j))});
  }

  // True if `args` have the C++ types `twin` takes where it takes no Value
  // (a character literal fits a char32_t: coerce makes it one).
  bool fits_twin(const Function& twin, const std::vector<ExprId>& args) const {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const CType takes = twin.locals[i].type;
      if (takes == CType::Char && is_char_literal(args[i])) continue;
      if (takes != CType::Value && type_of(args[i]) != takes) return false;
    }
    return true;
  }

  // `f(args...)` of module function f; in tail position (outside load()) it
  // is one of the caller's tail callees, whose deferred tail calls it passes on.
  ExprId direct_call(std::uint32_t f, std::vector<ExprId> args, bool tail) {
    want(f);
    Expr e = node(Expr::Kind::DirectCall, m_.functions[f].result);
    e.index = f;
    e.args = std::move(args);
    e.tail = tail && frame_->fn != &m_.load;
    if (e.tail) frame_->fn->tail_callees.push_back(f);
    return add(std::move(e));
  }

  // A function that returns the result of a deferring function from tail
  // position hands that tail call on: it defers too (to a fixed point).
  void propagate_defers() {
    for (bool changed = true; changed;) {
      changed = false;
      for (Function& f : m_.functions) {
        if (f.defers) continue;
        for (std::uint32_t g : f.tail_callees) {
          if (m_.functions[g].defers) {
            f.defers = changed = true;
            break;
          }
        }
      }
    }
  }

  void collect_lambda_names(SemaId id, bool inside) {
    if (id == sema::kNoExpr) return;
    const sema::Expr& e = p_.expr(id);
    inside = inside || e.kind == ExprKind::Lambda;
    if (inside && e.kind == ExprKind::Atom && !e.name.empty()) facts_.read_by_functions.emplace(e.name);
    // A variable whose address is taken (`$x`) is a sign::Value an Address can point to.
    if (e.kind == ExprKind::Prefix && e.op == Op::Address && e.a != sema::kNoExpr && !p_.expr(e.a).name.empty()) {
      facts_.read_by_functions.emplace(p_.expr(e.a).name);
      facts_.address_taken.emplace(p_.expr(e.a).name);
    }
    for (SemaId k : {e.a, e.b, e.c}) collect_lambda_names(k, inside);
    for (SemaId k : e.kids) collect_lambda_names(k, inside);
  }

  void collect_names(SemaId id, std::unordered_set<std::string_view>& out) const {
    if (id == sema::kNoExpr) return;
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Atom && !e.name.empty()) out.emplace(e.name);
    for (SemaId k : {e.a, e.b, e.c}) collect_names(k, out);
    for (SemaId k : e.kids) collect_names(k, out);
  }

  // Which module functions each one may call (by the names its body reads),
  // and which it may call in tail position: every name it reads but those
  // only in a call's arguments or an operand of arithmetic or a comparison,
  // which are evaluated before anything is returned. A tail call goes
  // through the trampoline, or is written in place, only where the callee
  // can call back by tail calls alone: a chain of tail calls that comes
  // back through a plain call (`acc + (solve (n + 1) qs~ c)`) is recursion
  // the stack holds anyway, one frame more per turn, not a loop.
  void build_call_graph() {
    facts_.calls.resize(m_.functions.size());
    facts_.tail_calls.resize(m_.functions.size());
    const auto add_functions = [&](const std::unordered_set<std::string_view>& names, std::vector<std::uint32_t>& out) {
      for (const std::string_view n : names) {
        const auto it = function_of_.find(std::string(n));
        if (it != function_of_.end()) out.push_back(it->second);
      }
    };
    for (std::size_t f = 0; f < function_form_.size(); ++f) {
      std::unordered_set<std::string_view> names, tail_names;
      collect_names(p_.expr(function_form_[f]).b, names);
      collect_tail_names(p_.expr(function_form_[f]).b, tail_names);
      add_functions(names, facts_.calls[f]);
      add_functions(tail_names, facts_.tail_calls[f]);
    }
  }

  // collect_names but for a function called outside tail position: in a
  // call's arguments or an operand of arithmetic or a comparison (`tail`
  // false), a call is made before anything is returned. A name read there
  // as a value counts (`g (n - 1) $h`: g may apply h in its tail, even
  // call it directly, as a known function).
  void collect_tail_names(SemaId id, std::unordered_set<std::string_view>& out, bool tail = true) const {
    if (id == sema::kNoExpr) return;
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Infix && (e.op == Op::Apply || e.op == Op::PartialApply)) {
      if (tail || p_.expr(e.a).kind != ExprKind::Atom) collect_tail_names(e.a, out, tail);
      return collect_tail_names(e.b, out, false);
    }
    const bool operands = e.kind == ExprKind::Infix && (arithmetic(e.op) != nullptr || comparison_fn(e.op, false) != nullptr ||
                                                        e.op == Op::NotEqual);
    if (e.kind == ExprKind::Atom && !e.name.empty()) out.emplace(e.name);
    for (SemaId k : {e.a, e.b, e.c}) collect_tail_names(k, out, tail && !operands);
    for (SemaId k : e.kids) collect_tail_names(k, out, tail && !operands);
  }

  bool reaches(std::uint32_t from, std::uint32_t to) const { return reaches(calls_, from, to); }
  // Whether `from` may call `to` back by tail calls alone (build_call_graph).
  bool tail_reaches(std::uint32_t from, std::uint32_t to) const { return reaches(facts_.tail_calls, from, to); }
  static bool reaches(const std::vector<std::vector<std::uint32_t>>& calls, std::uint32_t from, std::uint32_t to) {
    if (from >= calls.size()) return false;
    std::vector<bool> seen(calls.size());
    std::vector<std::uint32_t> work{from};
    while (!work.empty()) {
      const std::uint32_t f = work.back();
      work.pop_back();
      for (std::uint32_t g : calls[f]) {
        if (g == to) return true;
        if (!seen[g]) {
          seen[g] = true;
          work.push_back(g);
        }
      }
    }
    return false;
  }

  std::int32_t lambda_arity(SemaId lambda) const {
    const sema::Expr& l = p_.expr(lambda);
    if (l.a == sema::kNoExpr) return 0;
    const sema::Expr& params = p_.expr(l.a);
    if (params.kind != ExprKind::Params) return 1;
    if (params.flags & sema::kBracketParams) return 1;
    for (SemaId entry : params.kids) {
      if (p_.expr(entry).flags & sema::kRest) return -1;
    }
    return static_cast<std::int32_t>(params.kids.size());
  }

  void define_function(std::size_t index) {
    Function& f = m_.functions[index];
    const SemaId lambda = p_.expr(function_form_[index]).b;
    Frame frame;
    frame.fn = &f;
    frame.index = static_cast<int>(index);
    frame.self = static_cast<int>(index);
    in_frame(frame, line_of(function_form_[index]), [&] {
      if (f.generic) {
        bind_parameters(lambda);
      } else {
        if (f.specialization >= 0) {
          Stmt dispatch = stmt(Stmt::Kind::Dispatch);
          dispatch.index = static_cast<std::uint32_t>(f.specialization);
          dispatch.comment = "Int arguments: the twin over std::int64_t";
          want(dispatch.index);
          emit(std::move(dispatch));
          f.tail_callees.push_back(static_cast<std::uint32_t>(f.specialization));
        }
        dispatch_walks(static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(index));
        dispatch_scalars(static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(index));
        bind_direct_parameters(f, lambda, parameter_slots(f));
      }
      tail(p_.expr(lambda).b);
    });
  }

  // The parameters of direct function `f`, held in the current function's
  // locals `slots`, as its body sees them: named, a __ Value collapsing the
  // call, patterns destructured.
  void bind_direct_parameters(const Function& f, SemaId lambda, std::vector<std::uint32_t> slots) {
    const auto params = *direct_parameters(p_, lambda);
    const bool entry = &f == frame_->fn;  // else f's body is written into the function being lowered
    if (entry) hold_text_accumulators(slots);
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (!params[i].name.empty()) frame_->names.emplace_back(params[i].name, slots[i]);
    }
    std::string comment = "a __ argument collapses the call";
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      // A bracket list binds its entries from whatever the argument
      // holds; a rest parameter is a List, never __; an Int never is.
      const CType type = frame_->fn->locals[slots[i]].type;
      if (f.bracket_params || params[i].rest || (type != CType::Value && type != CType::Text)) continue;
      auto& guarded = frame_->guarded;
      if (entry && i < f.given.size() && f.given[i]) {  // every caller's own parameter, past its guard
        guarded.push_back(slots[i]);
        continue;
      }
      if (std::find(guarded.begin(), guarded.end(), slots[i]) != guarded.end()) continue;  // checked on entry
      collapse_if_unit(slots[i], std::move(comment));
      comment.clear();
      if (entry) guarded.push_back(slots[i]);
    }
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      if (params[i].pattern == sema::kNoExpr) continue;
      const std::vector<SemaId>& entries = p_.expr(params[i].pattern).kids;
      if (frame_->fn->locals[slots[i]].type == CType::Elements || frame_->fn->locals[slots[i]].type == CType::Chars) {
        bind_lent(entries, slots[i]);
        continue;
      }
      if (frame_->fn->locals[slots[i]].type == CType::IntPair && binds_two_names(entries)) {
        for (std::size_t k = 0; k < 2; ++k) {
          const std::string name(p_.expr(entries[k]).name);
          frame_->names.emplace_back(name, let_typed(cpp_identifier(name), pair_element(local(slots[i]), k == 1)));
        }
        continue;
      }
      // An Int destructures too; a body that builds a List may build it in this one.
      const CType type = frame_->fn->locals[slots[i]].type;
      bind_pattern(entries, coerce(local(slots[i]), CType::Value), builds_product(p_.expr(lambda).b),
                   type == CType::IntList || type == CType::IntPair);
    }
  }

  // A text accumulator parameter (a sign::Value) is held in the body as
  // the TextBuffer `<name>_text`, made on entry: the body's name is that
  // local, and self tail calls give it their values (self_tail_call).
  void hold_text_accumulators(std::vector<std::uint32_t>& slots) {
    Function* fn = frame_->fn;
    const auto original = static_cast<std::uint32_t>(frame_->self);
    frame_->accumulators.assign(fn->param_count, -1);
    for (std::uint32_t i = 0; i < fn->param_count; ++i) {
      if (!specialize_ || fn->locals[slots[i]].type != CType::Value || !text_accumulator(original, i)) continue;
      // The parameter is not read again (the body reads the accumulator),
      // though a loop carries it: it is moved in here, not left to last_use.
      const ExprId argument = local(slots[i]);
      m_.exprs[argument].moved = true;
      const std::uint32_t text = let_typed(fn->locals[slots[i]].cpp_name + "_text", coerce(argument, CType::Text));
      m_.stmts[out_->back()].on_entry = true;  // once, before the loop
      frame_->accumulators[i] = static_cast<int>(text);
      slots[i] = text;
    }
  }

  // `[a b ~t]` over lent Elements of a List of Ints or a String's lent
  // Chars: fewer elements or characters than names collapse the call (a
  // name would be __); the names are the first ones (std::int64_t,
  // char32_t), t the Elements or Chars after them.
  void bind_lent(const std::vector<SemaId>& entries, std::uint32_t slot) {
    const bool chars = frame_->fn->locals[slot].type == CType::Chars;
    const bool rest = !entries.empty() && (p_.expr(entries.back()).flags & sema::kRest);
    const std::size_t heads = entries.size() - (rest ? 1 : 0);
    if (heads > 0) {
      const ExprId enough = call(CType::Bool, chars ? "sign::impl::has_chars" : "sign::impl::has_elements",
                                 {local(slot), int_lit(static_cast<std::int64_t>(heads))});
      when("enough", enough, false, [&] { emit(returns(unit())); },
           chars ? "a name without a character collapses the call" : "a name without an element collapses the call");
    }
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const std::string name(p_.expr(entries[k]).name);
      const ExprId at = int_lit(static_cast<std::int64_t>(k));
      const ExprId v = k < heads ? (chars ? call(CType::Char, "sign::impl::char_element", {local(slot), at})
                                          : call(CType::Int64, "sign::impl::int_element", {local(slot), at}))
                                 : call(frame_->fn->locals[slot].type, chars ? "sign::impl::chars_from" : "sign::impl::elements_from",
                                        {local(slot), at});
      frame_->names.emplace_back(name, let_typed(cpp_identifier(name), v));
    }
  }

  // `[a b]`: two names, no default, rest or nested pattern; an Int pair
  // binds them to its elements.
  bool binds_two_names(const std::vector<SemaId>& entries) const {
    return entries.size() == 2 && takes_an_element(entries[0]) && takes_an_element(entries[1]);
  }

  static std::vector<std::uint32_t> parameter_slots(const Function& f) {
    std::vector<std::uint32_t> slots(f.param_count);
    for (std::uint32_t i = 0; i < f.param_count; ++i) slots[i] = i;
    return slots;
  }

  // Runs `body` with `frame` as the function being lowered, its statements
  // going to the frame's function body.
  template <class Body>
  void in_frame(Frame& frame, std::uint32_t line, Body body) {
    Frame* const outer_frame = frame_;
    std::vector<StmtId>* const outer_out = out_;
    const std::uint32_t outer_line = line_;
    frame.outer = outer_frame;
    frame_ = &frame;
    std::vector<StmtId> stmts;
    out_ = &stmts;
    line_ = line;
    body();
    frame.fn->body = std::move(stmts);
    frame_ = outer_frame;
    out_ = outer_out;
    line_ = outer_line;
  }

  //=== parameters of generic functions ===========================================

  ExprId args_ref() {
    frame_->fn->uses_args = true;
    return add(node(Expr::Kind::ArgsRef, CType::Value));
  }

  // Binds `name` to a new local holding `v`; a __ value takes the default
  // (evaluated let*-style, seeing the parameters before it) or collapses the
  // call (type_system.md §3.4).
  void bind_entry(SemaId entry, ExprId v) { finish_entry(entry, entry_local(entry, coerce(v, CType::Value))); }

  // The local a parameter entry binds: named after it (`suffix` appended),
  // or a `pattern` temporary for an entry that is itself destructured
  // (`f : a [h ~t] ? ...`).
  std::uint32_t entry_local(SemaId entry, ExprId v, std::string_view suffix = {}) {
    const sema::Expr& e = p_.expr(entry);
    if (!e.kids.empty()) return let("pattern", v);
    return let_named(cpp_identifier(std::string(e.name)) + std::string(suffix), v);
  }

  // An entry that takes one element as it is: a name without a default or
  // a pattern of its own, not the rest.
  bool takes_an_element(SemaId entry) const {
    const sema::Expr& e = p_.expr(entry);
    return e.kids.empty() && e.a == sema::kNoExpr && !(e.flags & sema::kRest) && !e.name.empty();
  }

  // The default, the collapse on __ and the nested pattern of an entry whose
  // local holds its value.
  void finish_entry(SemaId entry, std::uint32_t local) {
    const sema::Expr& e = p_.expr(entry);
    if (!e.kids.empty()) {
      collapse_if_unit(local);
      bind_pattern(e.kids, this->local(local));
      return;
    }
    if (e.a != sema::kNoExpr) {
      if_unit(local, false, [&] { set(local, value(e.a)); }, "default");
    } else if (!(e.flags & sema::kRest)) {
      collapse_if_unit(local);
    }
    frame_->names.emplace_back(std::string(e.name), local);
  }

  // The completeness axiom (type_system.md §3.4): a Unit argument for a
  // parameter without default collapses the call to __.
  void collapse_if_unit(std::uint32_t local, std::string comment = {}) {
    Stmt guard = stmt(Stmt::Kind::IfUnit);
    guard.index = local;
    guard.then_body = {add_stmt(returns(unit()))};
    guard.comment = std::move(comment);
    emit(std::move(guard));
  }

  // `[a b ~rest c]`: sign::impl::destructure splits `source` straight into
  // the entries' locals (no List of the parts is made).
  // `reusable`: a direct function's parameter, whose List (without a rest
  // entry) the body may build its result in (Frame::reuse).
  // `ints`: the source is a List of Ints: an element an entry takes is a
  // std::int64_t once it is known not __, the rest a List of Ints.
  void bind_pattern(const std::vector<SemaId>& entries, ExprId source, bool reusable = false, bool ints = false) {
    std::int64_t rest_at = -1;
    std::vector<ExprId> names;
    std::vector<std::uint32_t> slots;
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (p_.expr(entries[k]).flags & sema::kRest) rest_at = static_cast<std::int64_t>(k);
      names.push_back(text_lit(std::string(p_.expr(entries[k]).name)));
      slots.push_back(entry_local(entries[k], unit(), ints && takes_an_element(entries[k]) ? "_value" : ""));
    }
    std::vector<ExprId> addresses;
    for (std::uint32_t slot : slots) addresses.push_back(address_of(local(slot)));
    std::vector<ExprId> args{source, initializer(std::move(names)), int_lit(rest_at), initializer(std::move(addresses))};
    if (reusable && rest_at < 0 && m_.exprs[source].kind == Expr::Kind::Local) {
      frame_->reuse = static_cast<int>(let("reuse", unit()));
      args.push_back(address_of(local(static_cast<std::uint32_t>(frame_->reuse))));
    }
    perform(call(CType::Value, "sign::impl::destructure", std::move(args)));
    for (std::size_t k = 0; k < entries.size(); ++k) finish_entry(entries[k], slots[k]);
    if (!ints) return;
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const sema::Expr& e = p_.expr(entries[k]);
      if ((e.flags & sema::kRest) && e.a == sema::kNoExpr) frame_->fn->locals[slots[k]].type = CType::IntList;
      if (!takes_an_element(entries[k])) continue;
      const ExprId element = call(CType::Int64, "sign::impl::as_int", {local(slots[k])});  // not __: checked above
      frame_->names.emplace_back(std::string(e.name), let_typed(cpp_identifier(std::string(e.name)), element));
    }
  }

  void bind_parameters(SemaId lambda) {
    const sema::Expr& l = p_.expr(lambda);
    if (l.a == sema::kNoExpr) return;
    const sema::Expr& params = p_.expr(l.a);
    if (params.kind == ExprKind::Atom) {
      const std::string name(params.name);
      const std::uint32_t local = let_named(cpp_identifier(name), call(CType::Value, "sign::impl::arg", {args_ref(), int_lit(0)}));
      collapse_if_unit(local);
      frame_->names.emplace_back(name, local);
      return;
    }
    if (params.flags & sema::kBracketParams) {
      // One argument is destructured; several are bound in order, as if
      // the brackets were not there.
      bind_pattern(params.kids, call(CType::Value, "sign::impl::pattern_source", {args_ref()}));
      return;
    }
    for (std::size_t i = 0; i < params.kids.size(); ++i) {
      const SemaId entry = params.kids[i];
      const auto index = int_lit(static_cast<std::int64_t>(i));
      if (p_.expr(entry).flags & sema::kRest) {
        bind_entry(entry, call(CType::Value, "sign::impl::rest_args", {args_ref(), index}));
      } else {
        bind_entry(entry, call(CType::Value, "sign::impl::arg", {args_ref(), index}));
      }
    }
  }

  //=== names ======================================================================

  NameRef lookup(Frame& frame, const std::string& name) {
    for (auto it = frame.names.rbegin(); it != frame.names.rend(); ++it) {
      if (it->first == name) return {NameRef::Kind::Local, it->second};
    }
    auto& captures = frame.fn->captures;
    for (std::uint32_t i = 0; i < captures.size(); ++i) {
      if (captures[i] == name) return {NameRef::Kind::Capture, i};
    }
    if (frame.outer != nullptr) {
      const NameRef outer = lookup(*frame.outer, name);
      if (outer.kind == NameRef::Kind::Local || outer.kind == NameRef::Kind::Capture) {
        captures.push_back(name);
        return {NameRef::Kind::Capture, static_cast<std::uint32_t>(captures.size() - 1)};
      }
      return outer;
    }
    if (frame.fn != &m_.load) {  // a module function: module state
      const auto fn = function_of_.find(name);
      if (fn != function_of_.end()) return {NameRef::Kind::Function, fn->second};
      const auto g = first_global_.find(name);
      if (g != first_global_.end()) return {NameRef::Kind::Global, g->second};
      return {};
    }
    const auto it = visible_.find(name);
    if (it != visible_.end()) return {NameRef::Kind::Global, it->second};
    const auto fn = function_of_.find(name);
    if (fn != function_of_.end()) return {NameRef::Kind::Function, fn->second};
    // A twin lowered while load() is reads a variable a later line defines.
    if (loading_ && &frame == &module_frame_ && facts_.global_cpp_names.count(name)) return {NameRef::Kind::Global, kLaterGlobal};
    return {};
  }

  ExprId name(SemaId id) {
    const std::string n(p_.expr(id).name);
    const NameRef ref = lookup(*frame_, n);
    switch (ref.kind) {
      case NameRef::Kind::Local: return read_local(ref.index);
      case NameRef::Kind::Capture: {
        Expr e = node(Expr::Kind::Capture, CType::Value);
        e.index = ref.index;
        return add(std::move(e));
      }
      case NameRef::Kind::Global: return ref.index == kLaterGlobal ? later_global(n) : global(ref.index);
      case NameRef::Kind::Function:
        if (frame_->fn == &m_.load && frame_->outer == nullptr && defined_after(ref.index)) {
          // Load time, before the definition ran: the prebound placeholder
          // (memory-model.md §3), which is __ — as in the reference.
          diags_.warning(*p_.file, p_.expr(id).span,
                         "'" + n + "' is read before its definition; its placeholder evaluates to __");
          return unit();
        }
        return function_value(ref.index);
      case NameRef::Kind::Undefined: break;
    }
    if (frame_->fn == &m_.load && frame_->outer == nullptr && p_.scopes[p_.file_scope].names.count(n)) {
      diags_.warning(*p_.file, p_.expr(id).span, "'" + n + "' is read before its definition; its placeholder evaluates to __");
    }
    return unit();  // an undefined name is __ (unit.md §0.1)
  }

  // True if module function f is defined by a top-level line after the one
  // being loaded.
  bool defined_after(std::uint32_t f) const { return function_position_[f] >= form_index_; }

  ExprId function_value(std::uint32_t f) {
    want(f);
    if (!m_.functions[f].generic) m_.functions[f].needs_entry = true;
    Expr e = node(Expr::Kind::FunctionValue, CType::Value);
    e.index = f;
    return add(std::move(e));
  }

  //=== top level ================================================================

  void top_level(SemaId form, bool last) {
    frame_ = &load_frame_;
    out_ = &m_.load.body;
    line_ = line_of(form);
    const sema::Expr& e = p_.expr(form);
    if (is_define(p_, form) && p_.expr(e.a).kind == ExprKind::Atom) {
      const std::string name(p_.expr(e.a).name);
      const auto fn = function_of_.find(name);
      if (fn != function_of_.end()) {
        if (e.exported != 0) evaluate(export_value(name, e.exported, function_value(fn->second)));
        if (last) emit_result(function_value(fn->second));
        return;
      }
      ExprId v = load_time_value(name, e.b);
      if (is_module_constant(form, v)) {
        m_.globals.push_back({cpp_fresh_name(name, ++versions_[name]), name, type_of(v), line_, v});
        visible_[name] = static_cast<std::uint32_t>(m_.globals.size() - 1);
        first_global_.try_emplace(name, visible_[name]);
        if (last) emit_result(global(visible_[name]));
        return;
      }
      if (e.exported != 0) v = export_value(name, e.exported, v);
      // A pair is kept as its List: the module's variables are Ints, Floats or Values.
      const bool number = type_of(v) == CType::Int64 || type_of(v) == CType::Double;
      const CType type = facts_.read_by_functions.count(name) || !number ? CType::Value : type_of(v);
      const std::uint32_t version = ++versions_[name];
      // A name functions read is one variable that each definition assigns:
      // like the reference's environment, a call sees the latest definition.
      const bool shared = facts_.read_by_functions.count(name) && version > 1;
      if (!shared) m_.globals.push_back({cpp_fresh_name(name, version), name, type, line_, std::nullopt});
      const auto g = shared ? visible_.at(name) : static_cast<std::uint32_t>(m_.globals.size() - 1);
      first_global_.try_emplace(name, g);
      Stmt assign = stmt(Stmt::Kind::Assign);
      assign.index = g;
      assign.expr = coerce(v, type);
      emit(std::move(assign));
      visible_[name] = g;
      if (last) emit_result(global(g));
      return;
    }
    const ExprId v = value(form);
    if (last) {
      emit_result(v);
    } else {
      evaluate(v);  // for its effects
    }
  }

  // `N : 10` as the only definition of N, not exported, its address never
  // taken, with nothing but function and literal definitions before it: no
  // code runs before it is set, so every read sees the literal and functions
  // may read it as the C++ constant it is.
  bool is_module_constant(SemaId form, ExprId v) const {
    const sema::Expr& e = p_.expr(form);
    const Expr::Kind kind = m_.exprs[v].kind;
    if (e.exported != 0 || (kind != Expr::Kind::IntLit && kind != Expr::Kind::FloatLit)) return false;
    const std::string name(p_.expr(e.a).name);
    if (facts_.address_taken.count(name) || p_.exports.count(name)) return false;
    return facts_.definitions.at(name) == 1 && form_index_ <= facts_.quiet_forms;
  }

  // How many of the first top-level lines run no code: definitions of
  // functions and of literals.
  std::size_t count_quiet_forms() const {
    std::size_t n = 0;
    for (; n < p_.forms.size() && is_define(p_, p_.forms[n]); ++n) {
      const sema::Expr& rhs = p_.expr(p_.expr(p_.forms[n]).b);
      if (rhs.kind != ExprKind::Lambda && !(rhs.kind == ExprKind::Atom && rhs.name.empty())) break;
    }
    return n;
  }

  // The right-hand side of a top-level definition (memory-model.md §3):
  // `name : #e`, `## e`, `### e` allocate a ref cell holding e's value in
  // the module's arena, the Shared-Heap (registered as `module:name`) or the
  // Pinned-Area; anything else is the plain value.
  ExprId load_time_value(const std::string& name, SemaId rhs) {
    const sema::Expr& r = p_.expr(rhs);
    if (r.kind != ExprKind::Prefix) return value(rhs);
    switch (r.op) {
      case Op::ExportInternal: return call_value("module_.arena_ref", {coerce(value(r.a), CType::Value)});
      case Op::ExportExternal: return call_value("module_.shared_ref", {text_lit(name), coerce(value(r.a), CType::Value)});
      case Op::ExportPinned: return call_value("module_.pinned_ref", {text_lit(name), coerce(value(r.a), CType::Value)});
      default: return value(rhs);
    }
  }

  // `#name : e` (and ##, ###): the value itself, recorded as an export.
  ExprId export_value(const std::string& name, std::uint8_t marker, ExprId v) {
    static constexpr const char* kRegion[] = {"", "sign::impl::Region::Arena", "sign::impl::Region::Shared",
                                              "sign::impl::Region::Pinned"};
    return call_value("module_.export_value", {text_lit(name), constant(kRegion[marker]), coerce(v, CType::Value)});
  }

  // The modules the program imports (for the #includes) and the names it
  // exports (for the header), both sorted so the output is deterministic.
  void collect_imports_and_exports() {
    std::map<std::string, ImportTarget> by_header;
    for (const auto& [id, target] : context_.imports) {
      if (!target.builtin) by_header.emplace(target.header, target);
    }
    for (auto& [header, target] : by_header) m_.imports.push_back(target);
    for (const auto& [name, info] : p_.exports) {
      const auto bid = p_.scopes[p_.file_scope].names.find(name);
      if (bid == p_.scopes[p_.file_scope].names.end()) continue;
      const sema::Binding& b = p_.bindings[bid->second];
      std::string marker(b.exported, '#');
      if (b.exported == 0 && b.value != sema::kNoExpr) {
        marker = p_.expr(b.value).op == Op::ExportExternal ? "## ref" : "### ref";
      }
      m_.exports.push_back({name, cpp_identifier(name), marker});
    }
  }

  ExprId import(SemaId id) {
    const auto it = context_.imports.find(id);
    if (it == context_.imports.end()) {
      diags_.error(*p_.file, p_.expr(id).span, "this import was not resolved to a module");
      return unit();
    }
    if (it->second.builtin) return call_value("sign::impl::module_binding", {constant("module_")});
    const std::string ns = it->second.cpp_module + "::";
    return call_value("module_.import", {constant(ns + "module_state()"), constant("&" + ns + "load")});
  }

  // An expression whose value nobody reads: emitted only when evaluating it
  // can have an effect (a call, a store); constants and names are dropped.
  void evaluate(ExprId v) {
    const Expr::Kind k = m_.exprs[v].kind;
    if (is_int_pair(v)) {
      for (const ExprId part : std::vector<ExprId>(m_.exprs[v].args)) evaluate(part);
      return;
    }
    if (k != Expr::Kind::Call && k != Expr::Kind::DirectCall) return;
    Stmt s = stmt(Stmt::Kind::Evaluate);
    s.expr = v;
    emit(std::move(s));
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
  // `call;`, a runtime call made for what it does.
  void perform(ExprId call) {
    Stmt s = stmt(Stmt::Kind::Perform);
    s.expr = call;
    emit(std::move(s));
  }
  Stmt returns(ExprId e) {
    Stmt s = stmt(Stmt::Kind::Return);
    const Function* fn = frame_->fn;
    e = reusing(e);
    if (fn->specializes >= 0) {
      // A twin that returns another type than assumed is lowered again,
      // assuming what came here (lower_module); this round's output is discarded.
      // One that returns only characters — its own, one-character
      // literals — returns a char32_t (`shift` mapping a letter).
      // So does one that returns a Dict of Ints it was given (`d`, read boxed).
      if (const ExprId bare = unboxed(e); type_of(bare) == CType::Char || is_int_dict(type_of(bare))) e = bare;
      const CType t = type_of(e);
      const bool kept = t == CType::Int64 || t == CType::Double || t == CType::IntPair || t == CType::IntList ||
                        t == CType::Char || is_int_dict(t);
      const CType came = kept ? t : is_char_literal(e) ? CType::Char : CType::Value;
      const auto [seen, first] = returned_.emplace(twin_key(*fn), came);
      if (!first && seen->second != came) seen->second = CType::Value;
      if (fn->result == CType::Char && is_char_literal(e)) e = *char_constant(e);
    }
    s.expr = type_of(e) == fn->result ? e : coerce(e, CType::Value);
    if (fn->specializes >= 0 && s.expr != e) returned_values_.emplace(s.expr, e);  // for retype_returns
    return s;
  }

  // A List built as the result, in the List a `[a b]` parameter came in
  // when nothing else holds that one (runtime: product_reusing).
  ExprId reusing(ExprId e) {
    const Expr& built = m_.exprs[e];
    if (frame_->reuse < 0 || built.kind != Expr::Kind::Call) return e;
    std::vector<ExprId> operands;
    if (built.callee == "sign::impl::product") {
      operands = built.args;
    } else if (built.callee == "sign::impl::product_of") {
      operands = m_.exprs[built.args[0]].args;
    } else {
      return e;
    }
    return call(type_of(e), "sign::impl::product_reusing",
                {local(static_cast<std::uint32_t>(frame_->reuse)), initializer(std::move(operands))});
  }

  // A fresh temporary of the current function: name + per-function counter.
  std::uint32_t temp(std::string_view stem, CType type) {
    Function* fn = frame_->fn;
    const auto n = static_cast<std::uint32_t>(fn->locals.size() - fn->param_count + 1);
    fn->locals.push_back({std::string(stem) + "_" + std::to_string(n), type});
    return static_cast<std::uint32_t>(fn->locals.size() - 1);
  }
  std::uint32_t let(std::string_view stem, ExprId value) {
    const std::uint32_t t = temp(stem, type_of(value));
    Stmt s = stmt(Stmt::Kind::Let);
    s.index = t;
    s.expr = value;
    emit(std::move(s));
    return t;
  }
  // A local named after a Sign parameter (renamed if the name is taken).
  std::uint32_t let_named(const std::string& cpp_name, ExprId value) { return let_typed(cpp_name, coerce(value, CType::Value)); }

  // The same, of the value's own C++ type.
  std::uint32_t let_typed(const std::string& cpp_name, ExprId value) {
    Function* fn = frame_->fn;
    std::string unique = cpp_name;
    for (int n = 2;; ++n) {
      bool taken = unique == "self" || unique == "args";
      for (const auto& l : fn->locals) taken = taken || l.cpp_name == unique;
      taken = taken || facts_.global_cpp_name_set.count(unique);  // would hide a module variable from later reads
      if (!taken) break;
      unique = cpp_name + "_" + std::to_string(n);
    }
    fn->locals.push_back({unique, type_of(value)});
    const auto t = static_cast<std::uint32_t>(fn->locals.size() - 1);
    Stmt s = stmt(Stmt::Kind::Let);
    s.index = t;
    s.expr = value;
    emit(std::move(s));
    return t;
  }
  void set(std::uint32_t local, ExprId value) {
    Stmt s = stmt(Stmt::Kind::Set);
    s.index = local;
    s.expr = coerce(value, frame_->fn->locals[local].type);
    emit(std::move(s));
  }
  // Emits `if (t.is_unit() [negated]) { body() } else { otherwise() }`.
  template <class Body, class Otherwise>
  void if_unit_else(std::uint32_t t, bool negated, Body body, Otherwise otherwise, std::string comment = {}) {
    Stmt s = stmt(Stmt::Kind::IfUnit);
    s.index = t;
    s.negated = negated;
    s.comment = std::move(comment);
    std::vector<StmtId>* const outer = out_;
    out_ = &s.then_body;
    body();
    out_ = &s.else_body;
    otherwise();
    out_ = outer;
    emit(std::move(s));
  }
  template <class Body>
  void if_unit(std::uint32_t t, bool negated, Body body, std::string comment = {}) {
    if_unit_else(t, negated, body, [] {}, std::move(comment));
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
  // A module variable load() has not reached yet: a sign::Value (functions
  // read it: module constants come before any call), its index set once
  // every top-level line is lowered.
  ExprId later_global(const std::string& name) {
    const ExprId e = add(node(Expr::Kind::Global, CType::Value));
    later_globals_.emplace_back(e, name);
    return e;
  }
  void resolve_later_globals() {
    for (const auto& [e, name] : later_globals_) {
      const std::uint32_t g = visible_.at(name);
      if (m_.globals[g].type != CType::Value) throw std::logic_error("lower: a variable read before its line is not a sign::Value");
      m_.exprs[e].index = g;
    }
  }
  ExprId local(std::uint32_t l) {
    Expr e = node(Expr::Kind::Local, frame_->fn->locals[l].type);
    e.index = l;
    return add(std::move(e));
  }
  ExprId call(CType type, std::string_view callee, std::vector<ExprId> args) {
    Expr e = node(Expr::Kind::Call, type);
    e.callee = m_.text(callee);
    e.args = std::move(args);
    return add(std::move(e));
  }
  ExprId call_value(std::string_view callee, std::vector<ExprId> args) {
    for (ExprId& a : args) a = coerce(a, CType::Value);
    return call(CType::Value, callee, std::move(args));
  }
  ExprId int_lit(std::int64_t v) {
    Expr lit = node(Expr::Kind::IntLit, CType::Int64);
    lit.int_value = v;
    return add(std::move(lit));
  }
  // A C++ constant spelled as is: true, an enumerator.
  // A local as a Sign name reads it: a character, lent text or Int Dict
  // boxed, as all but a condition, `d ' slot` or a direct call need it
  // (unboxed() gives it back).
  static bool boxed_on_read(CType t) {
    return t == CType::Char || t == CType::Chars || t == CType::Text || is_int_dict(t);
  }
  // A known function reads as a plain sign::Value too: only a direct call
  // passes it on as known (unboxed), and `@f x` looks it up itself.
  ExprId read_local(std::uint32_t slot) {
    const ExprId v = local(slot);
    return boxed_on_read(type_of(v)) || is_known_function(type_of(v)) ? coerce(v, CType::Value) : v;
  }
  // What a read boxed (read_local), else v itself.
  ExprId unboxed(ExprId v) {
    const Expr& e = m_.exprs[v];
    if (e.kind == Expr::Kind::Local && e.type == CType::Value && is_known_function(frame_->fn->locals[e.index].type)) {
      Expr known = e;
      known.type = frame_->fn->locals[e.index].type;
      return add(std::move(known));
    }
    if (e.kind != Expr::Kind::Call || e.args.size() != 1) return v;
    const CType inner = type_of(e.args[0]);
    return boxed_on_read(inner) && e.callee == boxing_function(inner) ? e.args[0] : v;
  }

  ExprId constant(std::string_view text) {
    Expr e = node(Expr::Kind::Constant, CType::Value);
    e.callee = m_.text(text);
    return add(std::move(e));
  }
  ExprId bool_lit(bool v) { return constant(v ? "true" : "false"); }
  ExprId string_lit(std::string_view text) {
    Expr e = node(Expr::Kind::StringLit, CType::Value);
    e.callee = m_.text(text);
    return add(std::move(e));
  }
  CType type_of(ExprId id) const { return m_.exprs[id].type; }

  // `[l, r]` of two Ints, unboxed.
  ExprId int_pair(ExprId l, ExprId r) { return call(CType::IntPair, "sign::impl::IntPair", {l, r}); }
  bool is_int_pair(ExprId id) const {
    return m_.exprs[id].kind == Expr::Kind::Call && m_.exprs[id].callee == "sign::impl::IntPair";
  }
  // `pair.first` or `pair.second`; of `[a, b]` itself, a or b when the
  // other needs no evaluating.
  ExprId pair_element(ExprId pair, bool second) {
    if (is_int_pair(pair)) {
      const Expr::Kind other = m_.exprs[m_.exprs[pair].args[second ? 0 : 1]].kind;
      if (other == Expr::Kind::IntLit || other == Expr::Kind::Local || other == Expr::Kind::Global) {
        return m_.exprs[pair].args[second ? 1 : 0];
      }
    }
    Expr e = node(Expr::Kind::Field, CType::Int64);
    e.callee = m_.text(second ? "second" : "first");
    e.args = {pair};
    return add(std::move(e));
  }

  // Converts an expression to `to`; only widening conversions happen: a
  // value to a sign::Value, an Int to a double.
  ExprId coerce(ExprId id, CType to) {
    const CType from = type_of(id);
    if (from == to) return id;
    // The same sign::Value, known less about — or, for a known function a
    // call gives a twin, more (known_function_of_argument made sure).
    if ((from == CType::IntList && to == CType::Value) || (is_known_function(from) && to == CType::Value) ||
        (in_sign_value(from) && from != CType::IntList && is_known_function(to))) {
      Expr same = m_.exprs[id];
      same.type = CType::Value;
      return add(std::move(same));
    }
    if (to == CType::Value) return call(CType::Value, boxing_function(from), {id});
    // A loop's text accumulator takes any value: a String's text, anything else as it is.
    if (to == CType::Text) return call(CType::Text, "sign::impl::text_buffer", {coerce(id, CType::Value)});
    if (to == CType::Char && is_char_literal(id)) return *char_constant(id);  // `f \a`, f's twin over a character
    if (to != CType::Double || from != CType::Int64) {
      throw std::logic_error("lower: no conversion from " + std::string(ctype_spelling(from)) + " to " +
                             std::string(ctype_spelling(to)));
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
    if (p_.type_of[id] == Type::Unit && e.kind != ExprKind::Block && e.kind != ExprKind::Lambda) return unit();
    switch (e.kind) {
      case ExprKind::Atom: return atom(id);
      case ExprKind::Infix: return infix(id);
      case ExprKind::ChainCompare: return chain(id);
      case ExprKind::Prefix: return prefix(id);
      case ExprKind::Postfix:
        if (e.op == Op::Factorial) return call_value("sign::impl::factorial", {value(e.a)});
        if (e.op == Op::Expand) return call_value("sign::impl::flatten", {value(e.a)});
        if (e.op == Op::Import) return import(id);
        return unsupported(id);
      case ExprKind::Block: return block_value(id);
      case ExprKind::Lambda: return closure(id);
      case ExprKind::Section: return section(id);
      default: return unsupported(id);
    }
  }

  ExprId prefix(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    switch (e.op) {
      case Op::Negate: {
        const ExprId v = value(e.a);
        if (type_of(v) == CType::Int64) return call(CType::Int64, "sign::impl::sub_wrap", {int_lit(0), v});
        if (type_of(v) == CType::Double) return call(CType::Double, "-", {v});
        return call_value("sign::impl::negate", {v});
      }
      case Op::Not: return call_value("sign::impl::logic_not", {value(e.a)});
      // `$x` on a module variable is its address; on anything else (a
      // parameter, `$f` passing a function) the value itself, which `@`
      // gives back unchanged.
      case Op::Address: {
        const sema::Expr& operand = p_.expr(e.a);
        if (!operand.name.empty()) {
          const NameRef ref = lookup(*frame_, std::string(operand.name));
          if (ref.kind == NameRef::Kind::Global && ref.index == kLaterGlobal) {
            return call(CType::Value, "sign::make_address", {address_of(later_global(std::string(operand.name)))});
          }
          if (ref.kind == NameRef::Kind::Global && m_.globals[ref.index].type == CType::Value) {
            return call(CType::Value, "sign::make_address", {address_of(global(ref.index))});
          }
        }
        return value(e.a);
      }
      case Op::Input:
        return call_value(context_.volatile_access ? "sign::impl::input_volatile" : "sign::impl::input", {value(e.a)});
      case Op::Continuous:
      case Op::ExportInternal:
      case Op::ExportExternal:
      case Op::ExportPinned: return value(e.a);
      default: return unsupported(id);
    }
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
      case syntax::AtomKind::String:
      case syntax::AtomKind::Char: return string_lit(std::string(literal_of(e)));
      case syntax::AtomKind::Address:
      case syntax::AtomKind::Register:  // 0x1F, 0rFF, 0b101: the digits after the prefix
        return int_lit(static_cast<std::int64_t>(prefixed_digits(e.text)));
      case syntax::AtomKind::Codepoint: {
        const auto cp = static_cast<std::uint32_t>(prefixed_digits(e.text));
        if (cp == 0) return unit();  // U+0000 is __ (value_representation.md §3)
        return string_lit(utf8(cp));
      }
      default: return unsupported(id);
    }
  }

  // The value of a literal with a two-character prefix: binary after `0b`,
  // hexadecimal otherwise (the lexer has checked the digits).
  static std::uint64_t prefixed_digits(std::string_view text) {
    const std::uint64_t base = text.size() > 1 && text[1] == 'b' ? 2 : 16;
    std::uint64_t v = 0;
    for (char c : text.substr(2)) {
      const int d = c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0';
      v = v * base + static_cast<std::uint64_t>(d);
    }
    return v;
  }

  static std::string utf8(std::uint32_t cp) {
    std::string out;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
  }

  // `l != r` as a Value: where the language types l as a number (or not at
  // all), a 0 or 1 there that differs from r yields r.
  ExprId not_equal_value(SemaId id, ExprId l, ExprId r) {
    return call_value(numeric_left(id) ? "sign::impl::not_equal" : comparison_yielding_left_fn(Op::NotEqual), {l, r});
  }

  // `a & b`'s value, a's condition c lowered: __ where c does not hold, else
  // b's value (right() lowers it), evaluated only there.
  template <class Right>
  ExprId and_value(ExprId c, Right right) {
    if (type_of(c) == CType::Bool) {  // a comparison's value is not needed, only whether it holds
      const std::uint32_t t = let("all", unit());
      when("all", c, true, [&] { set(t, coerce(right(), CType::Value)); });
      return local(t);
    }
    const std::uint32_t t = let("all", coerce(c, CType::Value));  // a copy: it is assigned below
    if_unit(t, true, [&] { set(t, right()); });
    return local(t);
  }

  ExprId infix(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    if (const OpNames* ops = arithmetic(e.op)) return arithmetic_value(id, *ops);
    if (comparison_fn(e.op, false)) return comparison(id, value(e.a));
    switch (e.op) {
      case Op::NotEqual: return not_equal_value(id, value(e.a), value(e.b));
      case Op::Equal: return call_value("sign::impl::structural_equal", {value(e.a), value(e.b)});
      case Op::NotSame: return call_value("sign::impl::not_same", {value(e.a), value(e.b)});
      case Op::Pow: return whole_if_typed_whole(id, call_value("sign::impl::pow", {value(e.a), value(e.b)}));
      case Op::And: return and_value(condition(e.a), [&] { return value(e.b); });
      case Op::Or: {  // the left unless it is __
        const std::uint32_t t = let("any", coerce(value(e.a), CType::Value));  // a copy: it is assigned below
        if_unit(t, false, [&] { set(t, value(e.b)); });
        return local(t);
      }
      case Op::Xor: return call_value("sign::impl::logic_xor", {value(e.a), value(e.b)});
      case Op::Apply:
      case Op::PartialApply: return call_expr(id, false);
      case Op::Compose: return call_value("sign::impl::compose", {value(e.a), value(e.b)});
      case Op::Construct:
      case Op::Concat: {
        const ExprId left = value(e.a);
        const sema::Expr& right = p_.expr(e.b);
        if (right.kind == ExprKind::Postfix && right.op == Op::Expand) {  // `x xs~`: in front of xs in place
          const ExprId rest = value(right.a);
          if (type_of(rest) == CType::Elements) {  // `acc~ a bs~`: bs's Ints, with no List made of them
            return call(CType::Value, "sign::impl::construct_expanded", {coerce(left, CType::Value), rest});
          }
          return call_value("sign::impl::construct_expanded", {left, rest});
        }
        const ExprId r = value(e.b);
        // `h acc` with h a twin's character: put in front of acc without a String for h
        if (type_of(unboxed(left)) == CType::Char && type_of(unboxed(r)) != CType::Text) {
          return call(CType::Value, "sign::impl::char_in_front", {unboxed(left), coerce(r, CType::Value)});
        }
        // Appended to a loop's text accumulator: the accumulator, longer (TextBuffer overloads).
        const bool text = type_of(unboxed(left)) == CType::Text;
        const ExprId l = text ? unboxed(left) : coerce(left, CType::Value);
        const CType made = text ? CType::Text : CType::Value;
        // `s `text``: the literal's bytes appended, without its String
        if (const auto literal = literal_text(r)) return call(made, "sign::impl::construct_text", {l, text_lit(*literal)});
        // `s (xs ' i)`: the element appended where it is read
        const Expr& read = m_.exprs[r];
        if (read.kind == Expr::Kind::Call && read.callee == "sign::impl::get_index") {
          return call(made, "sign::impl::construct_element", {l, read.args[0], read.args[1]});
        }
        // `w h` with h a twin's character: appended without its String
        if (type_of(unboxed(r)) == CType::Char) return call(made, "sign::impl::construct_char", {l, unboxed(r)});
        // `d acc` with d a twin's Int: its digits put in front of acc, in place
        // where acc is a String nothing else holds (a number written from its end)
        if (!text && type_of(left) == CType::Int64 && type_of(r) != CType::Int64) {
          return call(CType::Value, "sign::impl::int_in_front", {left, coerce(r, CType::Value)});
        }
        // `s i` with i a twin's Int: appended unboxed (the runtime's int64_t overload)
        if (type_of(r) == CType::Int64) return call(made, "sign::impl::construct", {l, r});
        return call(made, "sign::impl::construct", {l, coerce(r, CType::Value)});
      }
      case Op::Push: return call_value("sign::impl::push_front", {value(e.a), value(e.b)});
      case Op::Unshift: return call_value("sign::impl::push_back", {value(e.a), value(e.b)});
      case Op::Product: {
        // `a , b , c`: one List of all the operands, not a nest of pairs
        std::vector<SemaId> operands{e.b};
        SemaId left = e.a;
        for (; p_.expr(left).kind == ExprKind::Infix && p_.expr(left).op == Op::Product; left = p_.expr(left).a) {
          operands.push_back(p_.expr(left).b);
        }
        operands.push_back(left);
        std::reverse(operands.begin(), operands.end());
        if (operands.size() == 2) {
          const ExprId l = value(operands[0]);
          const ExprId r = value(operands[1]);
          // Two Ints (never __): a List of exactly both, which a twin carries unboxed.
          if (type_of(l) == CType::Int64 && type_of(r) == CType::Int64) return int_pair(l, r);
          return call_value("sign::impl::product", {l, r});
        }
        std::vector<ExprId> values;
        bool ints = true;  // Ints are never __: a List of every one
        for (SemaId operand : operands) {
          const ExprId v = value(operand);
          ints = ints && type_of(v) == CType::Int64;
          values.push_back(coerce(v, CType::Value));
        }
        return call(ints ? CType::IntList : CType::Value, "sign::impl::product_of", {initializer(std::move(values))});
      }
      case Op::Range: return range(id);
      case Op::GetProp: return get_prop(id);
      case Op::Define: return inner_definition(id);
      case Op::Output: {
        const ExprId target = value(e.a);
        return call_value(context_.volatile_access ? "sign::impl::store_volatile" : "sign::impl::store",
                          {target, value(e.b)});
      }
      default: return unsupported(id);
    }
  }

  // `name : v` inside an expression (`[foo : 1, bar : 2]`): its value is v,
  // and later reads of `name` in the same function see it.
  ExprId inner_definition(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const sema::Expr& target = p_.expr(e.a);
    // `:` groups to the left, so `[a : 1, b : 2]` is `(a : (1, b)) : 2`: the
    // reference binds nothing for a left side that is not a name and yields
    // the right side, without evaluating the left.
    if (target.kind != ExprKind::Atom || target.name.empty()) return value(e.b);
    const std::string key(target.name);
    const std::uint32_t slot = let_named(cpp_identifier(key), value(e.b));
    frame_->names.emplace_back(key, slot);
    return local(slot);
  }

  ExprId range(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const sema::Expr& l = p_.expr(e.a);
    const char* step = range_step_of(l);
    if (step == nullptr) return call_value("sign::impl::range", {value(e.a), value(e.b)});
    const ExprId start = value(l.a);
    const ExprId by = value(l.b);
    return call_value("sign::impl::range_step", {start, constant(step), by, value(e.b)});
  }

  ExprId get_prop(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const ExprId l = value(e.a);
    const sema::Expr& r = p_.expr(e.b);
    // Lent Elements or ASCII text: a List or a String, so a name is an index.
    if ((type_of(l) == CType::Elements || type_of(l) == CType::AsciiText) && !is_spread(r)) {
      const bool named = r.kind == ExprKind::Atom && !r.name.empty();
      ExprId index = named ? name(e.b) : value(e.b);
      if (type_of(index) != CType::Int64) index = coerce(index, CType::Value);
      return call(CType::Value, type_of(l) == CType::Elements ? "sign::impl::element_at" : "sign::impl::ascii_value_at",
                  {l, index});
    }
    if (r.kind == ExprKind::Atom && !r.name.empty()) {  // `d ' key`: a slot name, or a variable holding an index
      if (const auto slot = int_dict_slot(unboxed(l), r.name)) return *slot;
      return call_value("sign::impl::get_named", {coerce(l, CType::Value), text_lit(std::string(r.name)), name(e.b)});
    }
    if (r.kind == ExprKind::Postfix && r.op == Op::Expand) {  // `xs ' 2~`
      return call_value("sign::impl::get_rest", {l, value(r.a)});
    }
    if (const SemaId bounds = inside_brackets(e.b); p_.expr(e.b).kind == ExprKind::Block && bounds != e.b) {
      const sema::Expr& range = p_.expr(bounds);
      if (range.kind == ExprKind::Infix && range.op == Op::Range && range_step_of(p_.expr(range.a)) == nullptr) {
        return call_value("sign::impl::get_index_range", {l, value(range.a), value(range.b)});  // `xs ' [a ~ b]`
      }
    }
    if (type_of(l) == CType::IntPair) {  // `p ' 0`, `p ' -1`: the element itself
      const auto k = int_literal(e.b);
      if (k && *k >= -2 && *k <= 1) return pair_element(l, *k == 1 || *k == -1);
    }
    return call_value("sign::impl::get_index", {l, value(e.b)});
  }

  // `d ' x` of an Int Dict d with a slot x: the member itself.
  std::optional<ExprId> int_dict_slot(ExprId d, std::string_view slot) {
    if (!is_int_dict(type_of(d))) return std::nullopt;
    const IntDictShape& shape = facts_.int_dicts[int_dict_shape(type_of(d))];
    const auto at = std::find(shape.slots.begin(), shape.slots.end(), slot);
    if (at == shape.slots.end()) return std::nullopt;
    Expr e = node(Expr::Kind::Field, CType::Int64);
    e.callee = m_.text(shape.members[static_cast<std::size_t>(at - shape.slots.begin())]);
    e.args = {d};
    return add(std::move(e));
  }

  // `(x)`, `[x]`: x.
  SemaId inside_brackets(SemaId id) const {
    for (;;) {
      const sema::Expr& e = p_.expr(id);
      if (e.kind != ExprKind::Block || e.block == syntax::BlockKind::Abs || e.kids.size() != 1 || is_define(p_, e.kids[0])) {
        return id;
      }
      id = e.kids[0];
    }
  }

  // The value of an Int literal, `7` or `-7`.
  std::optional<std::int64_t> int_literal(SemaId id) const {
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Atom && e.name.empty() && e.atom == syntax::AtomKind::Int) return e.int_value;
    if (e.kind == ExprKind::Prefix && e.op == Op::Negate) {
      const auto v = int_literal(e.a);
      if (v) return static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(*v));
    }
    return std::nullopt;
  }

  ExprId address_of(ExprId variable) {
    Expr e = node(Expr::Kind::AddressOf, CType::Value);
    e.args = {variable};
    return add(std::move(e));
  }

  ExprId text_lit(std::string_view text) {
    Expr e = node(Expr::Kind::TextLit, CType::Value);
    e.callee = m_.text(text);
    return add(std::move(e));
  }

  // No calls, no blocks, no short-circuit: evaluating it has no effect and
  // costs next to nothing, so it may be evaluated unconditionally.
  bool pure(SemaId id) const {
    const sema::Expr& e = p_.expr(id);
    switch (e.kind) {
      case ExprKind::Atom: return true;
      case ExprKind::Prefix: return e.op == Op::Negate && pure(e.a);
      case ExprKind::Infix:
        return (arithmetic(e.op) != nullptr || comparison_fn(e.op, false) != nullptr || e.op == Op::NotEqual) &&
               pure(e.a) && pure(e.b);
      default: return false;
    }
  }

  // Whether the language types the left operand of comparison `id` as a
  // number or not at all: then, where it holds, a 0 or 1 there yields the
  // right operand (comparison.md §2.1).
  bool numeric_left(SemaId id) const {
    const AtomType t = p_.atom_type[p_.expr(id).a];
    return t == AtomType::Unknown || sema::is_numeric(t);
  }

  // `l < r` (any one comparison) as a Value, its left operand `l` lowered.
  ExprId comparison(SemaId id, ExprId l) {
    const sema::Expr& e = p_.expr(id);
    const char* fn = numeric_left(id) ? comparison_fn(e.op, false) : comparison_yielding_left_fn(e.op);
    // The left operand absorbs: with a __ on the left the right operand is
    // not evaluated. When the right one is pure and cheap (or the left one
    // an Int, never __) that cannot be observed, and the runtime function
    // absorbs the __ by itself.
    if (pure(e.b) || type_of(l) == CType::Int64) return call_value(fn, {l, value(e.b)});
    const std::uint32_t t = let("cmp", coerce(l, CType::Value));
    if_unit(t, true, [&] { set(t, call_value(fn, {local(t), value(e.b)})); });
    return local(t);
  }

  // A tested expression: a C++ bool for a comparison (which holds exactly
  // when the Sign comparison is not __) — of two Ints in C++, of other
  // values by the runtime —, else its Value.
  ExprId condition(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    if (e.kind != ExprKind::Infix || p_.type_of[id] == Type::Unit) return value(id);
    if (e.op == Op::And && pure(e.b)) return both_hold(id);
    if (e.op == Op::NotEqual) return differs(id);
    if (!comparison_fn(e.op, false)) return value(id);
    const ExprId l = value(e.a);
    // A __ on the left leaves the right unevaluated: a test evaluates both
    // (a read by index has no effect: `s ' i = s ' j` of lent text too).
    if (type_of(l) != CType::Int64 && !pure(e.b) && !(is_ascii_read(l) && pure_index_read(e.b))) return comparison(id, l);
    const ExprId r = value(e.b);
    if (const auto test = char_comparison(e.op, l, r)) return *test;
    if (const auto test = int_or_unit_comparison(e.op, l, r)) return *test;
    if (e.op == Op::Eq) {
      if (const auto test = equals_text(l, r)) return *test;
    }
    if (type_of(l) != CType::Int64 || type_of(r) != CType::Int64) {
      return call(CType::Bool, holds_fn(e.op), {coerce(l, CType::Value), coerce(r, CType::Value)});
    }
    return cpp_test(cpp_comparison(e.op), l, r);
  }

  // `l op r` of C++ bools or numbers, a bool: `==`, `<`, `&&`...
  ExprId cpp_test(std::string_view op, ExprId l, ExprId r) {
    Expr test = node(Expr::Kind::Infix, CType::Bool);
    test.callee = m_.text(op);
    test.args = {l, r};
    return add(std::move(test));
  }
  // The C++ operator of comparison `op` (Sign's `=` is `==`).
  static std::string_view cpp_comparison(Op op) { return sema::op_symbol(op) == "=" ? "==" : sema::op_symbol(op); }

  // `a & b` tested, b pure: whether both hold, as one C++ && where each is
  // a bool (b is then tested only where a holds, as `&` evaluates it).
  ExprId both_hold(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const ExprId a = condition(e.a);
    if (type_of(a) != CType::Bool) return and_value(a, [&] { return value(e.b); });
    const ExprId b = condition(e.b);  // pure: lowering it emits no statement
    if (type_of(b) == CType::Bool) return all_of({a, b});
    return and_value(a, [&] { return b; });
  }

  // `l != r` tested: of two Ints, or of characters, in C++ (neither is ever
  // __, so it holds exactly where they differ); else its Value.
  ExprId differs(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const ExprId l = value(e.a);
    const ExprId r = value(e.b);
    if (const auto test = char_comparison(Op::NotEqual, l, r)) return *test;
    if (const auto test = int_or_unit_comparison(Op::NotEqual, l, r)) return *test;
    if (type_of(l) != CType::Int64 || type_of(r) != CType::Int64) return not_equal_value(id, l, r);
    return cpp_test("!=", l, r);
  }

  // `h = \a`, `h < c` tested, of characters a walk read from a String's
  // text (at least one a char32_t, the other one too or a one-character
  // literal): compared in C++ as code points, which order as their UTF-8
  // text does — as the runtime compares Strings.
  //
  // A character read by index from lent ASCII text (`s ' i`, i an Int) is
  // its char32_t here too, sign::impl::kNoChar past either end: `!=` holds
  // where C++'s does (for __ and a character, not for two __s), `=` of two
  // reads only where neither is __ (same_char); other comparisons of a read
  // stay with the runtime.
  std::optional<ExprId> char_comparison(Op op, ExprId l, ExprId r) {
    const ExprId lc = unboxed(l), rc = unboxed(r);
    const auto read_l = ascii_char_read(lc), read_r = ascii_char_read(rc);
    if (type_of(lc) != CType::Char && type_of(rc) != CType::Char && !read_l && !read_r) return std::nullopt;
    if ((read_l || read_r) && op != Op::Eq && op != Op::NotEqual) return std::nullopt;
    const auto operand = [&](ExprId v, const std::optional<ExprId>& read) {
      return read ? read : type_of(v) == CType::Char ? std::optional(v) : char_constant(v);
    };
    const auto a = operand(lc, read_l), b = operand(rc, read_r);
    if (!a || !b) return std::nullopt;
    if (op == Op::Eq && read_l && read_r) return call(CType::Bool, "sign::impl::same_char", {*a, *b});
    return cpp_test(cpp_comparison(op), *a, *b);
  }

  // `qs ' i = c`, `qs ' i - c = n - i`, `c - qs ' i != d` tested, qs lent
  // Elements and i an Int: the read is an Int or the __ past either end
  // (sign::impl::IntOrUnit), and so is + - * of it and an Int, by the Unit
  // rules (a __ left operand absorbs; a __ right one is the identity, so
  // `c - qs ' i` is an Int); the comparison holds only of two Ints (`!=`
  // unless both are __ or the same Int). No sign::Value is made.
  std::optional<ExprId> int_or_unit_comparison(Op op, ExprId l, ExprId r) {
    const auto a = int_or_unit(l), b = int_or_unit(r);
    if (!a || !b) return std::nullopt;
    if (type_of(*a) == CType::Int64 && type_of(*b) == CType::Int64) return cpp_test(cpp_comparison(op), *a, *b);
    return call(CType::Bool, op == Op::NotEqual ? "sign::impl::holds_not_equal" : holds_fn(op), {*a, *b});
  }
  // v (a Value get_prop or arithmetic lowered) as an Int64 or IntOrUnit,
  // if it is made only of Ints, reads of lent Elements by an Int, and + - *
  // (sign::impl::whole of them, for a typed-whole result, changes nothing).
  std::optional<ExprId> int_or_unit(ExprId v) {
    if (type_of(v) == CType::Int64) return v;
    const Expr e = m_.exprs[v];  // a copy: call() below may move the nodes
    if (e.kind != Expr::Kind::Call) return std::nullopt;
    if (e.args.size() == 1 && type_of(e.args[0]) == CType::Int64 && e.callee == boxing_function(CType::Int64)) {
      return e.args[0];
    }
    if (e.args.size() == 1 && e.callee == "sign::impl::whole") return int_or_unit(e.args[0]);  // of no Float: as it is
    if (e.args.size() != 2) return std::nullopt;
    if (e.callee == "sign::impl::element_at") {
      if (type_of(e.args[1]) != CType::Int64) return std::nullopt;
      return call(CType::IntOrUnit, "sign::impl::int_or_unit_at", {e.args[0], e.args[1]});
    }
    const auto op = std::find_if(std::begin(kArithmetic), std::end(kArithmetic),
                                 [&](const OpNames& o) { return o.int_partial == nullptr && e.callee == o.dynamic_fn; });
    if (op == std::end(kArithmetic)) return std::nullopt;
    const auto a = int_or_unit(e.args[0]), b = int_or_unit(e.args[1]);
    if (!a || !b) return std::nullopt;
    if (type_of(*a) == CType::Int64 && type_of(*b) == CType::Int64) return call(CType::Int64, op->int_fn, {*a, *b});
    return call(type_of(*a), e.callee, {*a, *b});  // an Int left operand gives an Int
  }

  // `s ' i` of lent ASCII text with an Int i (get_prop's Value read): the
  // char32_t read (sign::impl::ascii_at) instead.
  std::optional<ExprId> ascii_char_read(ExprId v) {
    if (!is_ascii_read(v)) return std::nullopt;
    return call(CType::Char, "sign::impl::ascii_at", {m_.exprs[v].args[0], m_.exprs[v].args[1]});
  }
  bool is_ascii_read(ExprId v) const {
    const Expr& e = m_.exprs[v];
    return e.kind == Expr::Kind::Call && e.callee == "sign::impl::ascii_value_at" && type_of(e.args[1]) == CType::Int64;
  }
  // `name ' x`, x pure: reading it has no effect (a slot, an element, a
  // character, or __), so a test may evaluate it where a __ on the left
  // would not have.
  bool pure_index_read(SemaId id) const {
    const sema::Expr& e = p_.expr(id);
    return e.kind == ExprKind::Infix && e.op == Op::GetProp && p_.expr(e.a).kind == ExprKind::Atom &&
           !p_.expr(e.a).name.empty() && pure(e.b) && !is_spread(p_.expr(e.b));
  }

  // Whether v is a one-character literal (`\a`, `` `a` ``), which a
  // char32_t constant can stand for.
  bool is_char_literal(ExprId v) const {
    const Expr& e = m_.exprs[v];
    return e.kind == Expr::Kind::StringLit && !e.callee.empty() && single_code_point(e.callee).has_value();
  }
  // The char32_t constant (`U'a'`) for a one-character literal v.
  std::optional<ExprId> char_constant(ExprId v) {
    if (!is_char_literal(v)) return std::nullopt;
    Expr c = node(Expr::Kind::Constant, CType::Char);
    c.callee = m_.text(char_literal(*single_code_point(m_.exprs[v].callee)));
    return add(std::move(c));
  }

  // The code point of UTF-8 text that is exactly one character.
  static std::optional<char32_t> single_code_point(std::string_view text) {
    const auto lead = static_cast<unsigned char>(text[0]);
    const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (text.size() != n) return std::nullopt;
    char32_t cp = n == 1 ? lead : lead & (0xFFu >> (n + 1));
    for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3Fu);
    return cp;
  }

  // `U'a'`; `U'\x...'` for a character other than printable ASCII.
  static std::string char_literal(char32_t c) {
    if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') return std::string("U'") + static_cast<char>(c) + "'";
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (char32_t v = c; v != 0 || hex.empty(); v >>= 4) hex.insert(hex.begin(), kHex[v & 0xF]);
    return "U'\\x" + hex + "'";
  }

  // `x = `text`` tested, r a String literal that is not empty: a text
  // compare without the literal's String; `s ' i = \c`, i an Int, reads the
  // character in place. Nothing when r is something else.
  std::optional<ExprId> equals_text(ExprId l, ExprId r) {
    const auto text = literal_text(r);
    if (!text) return std::nullopt;
    const Expr left = m_.exprs[l];
    if (left.kind == Expr::Kind::Call && left.callee == "sign::impl::get_index") {
      const Expr& index = m_.exprs[left.args[1]];
      if (index.kind == Expr::Kind::Call && index.callee == boxing_function(CType::Int64)) {
        const ExprId at = index.args[0];
        return call(CType::Bool, "sign::impl::holds_char_at", {left.args[0], at, text_lit(*text)});
      }
    }
    return call(CType::Bool, "sign::impl::holds_equal_text", {coerce(l, CType::Value), text_lit(*text)});
  }

  // The text of v when it is a String literal a C++ string literal can
  // spell: not empty (that one is __), no NUL (a C string would end there).
  std::optional<std::string_view> literal_text(ExprId v) const {
    const Expr& e = m_.exprs[v];
    if (e.kind != Expr::Kind::StringLit || e.callee.empty()) return std::nullopt;
    if (e.callee.find('\0') != std::string_view::npos) return std::nullopt;
    return e.callee;
  }

  // Runs `body` where condition `c` holds (is true, or is not __); `holds`
  // false: where it does not. A Value condition is kept in a `stem` temporary.
  template <class Body>
  void when(std::string_view stem, ExprId c, bool holds, Body body, std::string comment = {}) {
    if (type_of(c) != CType::Bool) return if_unit(as_local(stem, c), holds, body, std::move(comment));
    Stmt s = stmt(Stmt::Kind::If);
    s.expr = c;
    s.negated = !holds;
    s.comment = std::move(comment);
    std::vector<StmtId>* const outer = out_;
    out_ = &s.then_body;
    body();
    out_ = outer;
    emit(std::move(s));
  }

  // Binds a value to a temporary, unless it already is one; only for values
  // that are read afterwards, never assigned.
  std::uint32_t as_local(std::string_view stem, ExprId v) {
    if (m_.exprs[v].kind == Expr::Kind::Local && in_sign_value(type_of(v))) return m_.exprs[v].index;
    return let(stem, coerce(v, CType::Value));
  }

  ExprId chain(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const char* fn = comparison_fn(e.op, true);
    if (!fn) return unsupported(id);
    const std::uint32_t t = let("cmp", coerce(value(e.a), CType::Value));
    if_unit(t, true, [&] {
      const std::uint32_t c = let("mid", coerce(value(e.b), CType::Value));
      if_unit_else(c, true, [&] { set(t, call_value(fn, {local(t), local(c), value(e.c)})); },
                   [&] { set(t, unit()); });
    });
    return local(t);
  }

  // Whether the language types arithmetic `id` Int or Address: then a
  // result that is not whole rounds (type_system.md §3.2).
  bool typed_whole(SemaId id) const { return sema::rounds_to_whole(p_.atom_type[id]); }
  ExprId whole_if_typed_whole(SemaId id, ExprId v) {
    if (!typed_whole(id)) return v;
    if (type_of(v) == CType::Double) return call(CType::Double, "sign::impl::whole_float", {v});
    return type_of(v) == CType::Value ? call_value("sign::impl::whole", {v}) : v;
  }

  ExprId arithmetic_value(SemaId id, const OpNames& ops) {
    const sema::Expr& e = p_.expr(id);
    // An untyped or Scalar quotient of two Ints is exact, a Float where it is not whole.
    const bool exact = e.op == Op::Div && !typed_whole(id);
    const ExprId l = value(e.a);
    const Type lt = p_.type_of[e.a];
    const Type rt = p_.type_of[e.b];
    // Unit rules: a __ right operand is the identity. (A proven __ left one
    // made the whole expression __ above.)
    if (rt == Type::Unit) return l;
    // `n + (c & 1)`: n where c does not hold (the right operand is __),
    // else n + 1 — an Int either way.
    const sema::Expr& right = p_.expr(inside_brackets(e.b));
    if (type_of(l) == CType::Int64 && lt != Type::Address && ops.int_partial == nullptr && right.kind == ExprKind::Infix &&
        right.op == Op::And && int_literal(right.b)) {
      const std::uint32_t t = let("total", l);
      when("all", condition(right.a), true, [&] { set(t, call(CType::Int64, ops.int_fn, {local(t), value(right.b)})); });
      return local(t);
    }
    const ExprId r = value(e.b);
    if ((lt == Type::Address || rt == Type::Address) && (e.op == Op::Add || e.op == Op::Sub || e.op == Op::Mul)) {
      // `0x` addresses collapse to __ on overflow instead of wrapping.
      const char* fn = e.op == Op::Add ? "sign::impl::address_add" : e.op == Op::Sub ? "sign::impl::address_sub" : "sign::impl::address_mul";
      return call_value(fn, {l, r});
    }
    const CType lc = type_of(l), rc = type_of(r);
    // C++ types decide: a parameter of an Int twin is Dynamic to pass 3 but
    // a std::int64_t here.
    const auto number = [](CType c) { return c == CType::Int64 || c == CType::Double; };
    if (!number(lc) || !number(rc)) {
      return whole_if_typed_whole(id, call_value(exact ? "sign::impl::div_exact" : ops.dynamic_fn, {l, r}));
    }
    if (lc == CType::Int64 && rc == CType::Int64) {
      if (exact) return call(CType::Value, "sign::impl::div_exact_int", {l, r});
      // `/` and `%` give an Int unless the divisor is 0: total for a non-zero literal.
      const bool nonzero_literal = m_.exprs[r].kind == Expr::Kind::IntLit && m_.exprs[r].int_value != 0;
      const bool total = ops.int_partial == nullptr || p_.type_of[id] == Type::Int || nonzero_literal;
      return total ? call(CType::Int64, ops.int_fn, {l, r}) : call(CType::Value, ops.int_partial, {l, r});
    }
    const ExprId fl = coerce(l, CType::Double);
    const ExprId fr = coerce(r, CType::Double);
    if (ops.float_fn) return whole_if_typed_whole(id, call(CType::Double, ops.float_fn, {fl, fr}));
    Expr inf = node(Expr::Kind::Infix, CType::Double);
    inf.callee = m_.text(sema::op_symbol(e.op));
    inf.args = {fl, fr};
    return whole_if_typed_whole(id, add(std::move(inf)));
  }

  //=== calls ======================================================================

  CallShape call_shape(SemaId id) const {
    CallShape shape;
    shape.partial = p_.expr(id).op == Op::PartialApply;
    SemaId base = id;
    while (p_.expr(base).kind == ExprKind::Infix &&
           (p_.expr(base).op == Op::Apply || (base == id && p_.expr(base).op == Op::PartialApply))) {
      shape.args.insert(shape.args.begin(), p_.expr(base).b);
      base = p_.expr(base).a;
    }
    shape.callee = base;
    return shape;
  }

  static bool is_spread(const sema::Expr& arg) { return arg.kind == ExprKind::Postfix && arg.op == Op::Expand; }

  // `f a b` where f is a direct function of this module called with all its
  // arguments: its index.
  std::optional<std::uint32_t> direct_callee(const CallShape& shape) {
    if (shape.partial) return std::nullopt;
    const sema::Expr& callee = p_.expr(shape.callee);
    if (callee.kind != ExprKind::Atom || callee.name.empty()) return std::nullopt;
    const NameRef ref = lookup(*frame_, std::string(callee.name));
    if (ref.kind != NameRef::Kind::Function) return std::nullopt;
    if (frame_->fn == &m_.load && frame_->outer == nullptr && defined_after(ref.index)) return std::nullopt;
    const Function& f = m_.functions[ref.index];
    if (f.generic) return std::nullopt;
    // The arguments after the plain parameters, spread or not, are the rest.
    const std::size_t plain = f.param_count - (f.rest_param ? 1 : 0);
    if (f.rest_param ? shape.args.size() < plain : shape.args.size() != plain) return std::nullopt;
    // `f xs~` spreads a list; a bracket function takes the elements as the
    // List it destructures, which is xs itself.
    for (std::size_t i = 0; i < plain; ++i) {
      if (is_spread(p_.expr(shape.args[i])) && !f.bracket_params) return std::nullopt;
    }
    return ref.index;
  }

  // The C++ arguments of a direct call of `f`: one per parameter, the
  // arguments from the rest parameter's position on made into its List.
  std::vector<ExprId> direct_arguments(const Function& f, const std::vector<SemaId>& args) {
    const std::size_t plain = f.param_count - (f.rest_param ? 1 : 0);
    std::vector<ExprId> values;
    if (f.bracket_params && is_spread(p_.expr(args[0]))) {
      return {call(CType::Value, "sign::impl::spread_pattern", {coerce(value(p_.expr(args[0]).a), CType::Value)})};
    }
    // (Not in a body written in place: its names are its own function's.)
    const bool self =
        frame_->self >= 0 && inlining_.empty() && &f == &m_.functions[static_cast<std::uint32_t>(frame_->self)];
    for (std::size_t i = 0; i < plain; ++i) {
      // A lent walk given back as it came (`b bs~`): the caller's view, unchanged.
      const CType lent = self && i < frame_->fn->param_count ? frame_->fn->locals[i].type : CType::Value;
      if ((lent == CType::Elements || lent == CType::Chars) && puts_back_head(args[i], static_cast<std::uint32_t>(frame_->self), i)) {
        values.push_back(local(static_cast<std::uint32_t>(i)));
        continue;
      }
      values.push_back(unboxed(value(args[i])));
    }
    if (!f.rest_param) return values;
    if (args.size() == plain + 1 && is_spread(p_.expr(args[plain]))) {
      // `f a xs~`: the List itself, shared, not its elements copied out
      // (a List of Ints is that List already: an empty one is no different)
      const ExprId list = value(p_.expr(args[plain]).a);
      const bool as_is = type_of(list) == CType::IntList || type_of(list) == CType::Elements;  // lent: passed on
      values.push_back(as_is ? list : call_value("sign::impl::spread_rest", {list}));
      return values;
    }
    // Ints, and the elements of Lists of Ints spread: a List of Ints.
    bool ints = true;
    std::vector<ExprId> rest;
    std::uint64_t spread = 0;
    for (std::size_t i = plain; i < args.size(); ++i) {
      const sema::Expr& a = p_.expr(args[i]);
      const bool spreads = is_spread(a) && i - plain < 64;  // as call_expr: 64 spread arguments at most
      if (spreads) spread |= std::uint64_t{1} << (i - plain);
      const ExprId v = value(spreads ? a.a : args[i]);
      ints = ints && type_of(v) == (spreads ? CType::IntList : CType::Int64);
      rest.push_back(coerce(v, CType::Value));
    }
    values.push_back(call(ints ? CType::IntList : CType::Value, "sign::impl::rest_list",
                          {initializer(std::move(rest)), int_lit(static_cast<std::int64_t>(spread))}));
    return values;
  }

  // A call; in tail position (`tail`) a call that may recurse is handed to
  // the caller's trampoline instead.
  ExprId call_expr(SemaId id, bool tail) {
    const CallShape shape = call_shape(id);
    return call_expr(shape, direct_callee(shape), tail);
  }

  // `direct`: the module function the call names with all its arguments, if any.
  ExprId call_expr(const CallShape& shape, std::optional<std::uint32_t> direct, bool tail) {
    const bool may_recurse =
        direct && tail && frame_->self >= 0 && tail_reaches(*direct, static_cast<std::uint32_t>(frame_->self));
    // A tail call through the trampoline goes to the function value, which
    // takes the arguments as they are written.
    if (may_recurse && m_.functions[*direct].rest_param) direct.reset();
    if (direct) {
      std::vector<ExprId> args = direct_arguments(m_.functions[*direct], shape.args);
      if (!may_recurse) {
        if (const auto twin = twin_call(*direct, args, tail)) return *twin;
      }
      for (ExprId& a : args) a = coerce(a, CType::Value);
      if (may_recurse) {
        frame_->fn->defers = true;
        std::vector<ExprId> call_args{function_value(*direct)};
        call_args.push_back(initializer(std::move(args)));
        return call(CType::Value, "sign::impl::tail_call", std::move(call_args));
      }
      return direct_call(*direct, std::move(args), tail);
    }
    if (const auto fused = section_pipeline(shape)) return *fused;
    if (const auto known = known_application(shape, tail)) return *known;
    const ExprId f = coerce(value(shape.callee), CType::Value);
    std::vector<ExprId> args;
    std::uint64_t spread = 0;
    for (std::size_t i = 0; i < shape.args.size(); ++i) {
      const sema::Expr& a = p_.expr(shape.args[i]);
      if (is_spread(a) && i < 64) {
        spread |= std::uint64_t{1} << i;
        args.push_back(coerce(value(a.a), CType::Value));
      } else {
        args.push_back(coerce(value(shape.args[i]), CType::Value));
      }
    }
    if (shape.partial) return call(CType::Value, "sign::impl::partial", {f, initializer(std::move(args))});
    const bool defer = tail && frame_->fn != &m_.load;
    if (defer) frame_->fn->defers = true;
    if (spread == 1 && args.size() == 1 && !defer) {
      return call(CType::Value, "sign::impl::apply_spread_list", {f, args[0]});  // `f xs~`
    }
    if (spread != 0) {
      return call(CType::Value, defer ? "sign::impl::tail_call_spread" : "sign::impl::apply_spread",
                  {f, initializer(std::move(args)), int_lit(static_cast<std::int64_t>(spread))});
    }
    return call(CType::Value, defer ? "sign::impl::tail_call" : "sign::impl::apply", {f, initializer(std::move(args))});
  }

  //=== applying known functions ====================================================

  // `@f x` where f holds a known function (a twin's parameter): its
  // lambda's body written here over the arguments, or its module function
  // called directly — no closure call, no boxed arguments.
  std::optional<ExprId> known_application(const CallShape& shape, bool tail) {
    const SemaId name = applied_name(p_.expr(shape.callee));
    if (shape.partial || name == sema::kNoExpr || context_.volatile_access) return std::nullopt;
    const NameRef ref = lookup(*frame_, std::string(p_.expr(name).name));
    if (ref.kind != NameRef::Kind::Local || !is_known_function(frame_->fn->locals[ref.index].type)) return std::nullopt;
    CallShape applied = shape;
    if (applied.args.size() == 1 && is_spread(p_.expr(applied.args[0]))) {
      const auto pair = pair_elements(p_.expr(applied.args[0]).a);
      if (!pair) return std::nullopt;
      applied.args = *pair;
    }
    if (std::any_of(applied.args.begin(), applied.args.end(), [&](SemaId a) { return is_spread(p_.expr(a)); })) {
      return std::nullopt;
    }
    const KnownFunction& k = facts_.known_functions[known_function_index(frame_->fn->locals[ref.index].type)];
    if (k.lambda == sema::kNoExpr) {
      const Function& g = m_.functions[k.function];
      if (g.rest_param || applied.args.size() != g.param_count) return std::nullopt;  // a List of the extra arguments, a partial call
      return call_expr(applied, k.function, tail);
    }
    const auto params = *direct_parameters(p_, k.lambda);
    if (applied.args.size() != params.size() || !reads_clear_of_locals(k)) return std::nullopt;
    // In tail position a call the lambda makes would be the caller's tail
    // call (through the trampoline, constant stack however it recurses):
    // there only a body that calls nothing is written in place.
    if (tail && makes_calls(p_.expr(k.lambda).b)) return std::nullopt;
    std::vector<ExprId> values;
    for (SemaId a : applied.args) values.push_back(unboxed(value(a)));
    return written_lambda(k, ref.index, values);
  }

  // `[x, y]`: x and y, which spread (`@f [x, y]~`) are two arguments — or
  // one, or none, where a __ is left out, and then the function's last
  // parameter is __ as the one given __ would be: the call collapses
  // either way.
  std::optional<std::vector<SemaId>> pair_elements(SemaId id) const {
    const sema::Expr& list = p_.expr(id);
    if (list.kind != ExprKind::Block || list.block != syntax::BlockKind::Bracket || list.kids.size() != 1) return std::nullopt;
    const sema::Expr& product = p_.expr(list.kids[0]);
    if (product.kind != ExprKind::Infix || product.op != Op::Product) return std::nullopt;
    for (SemaId element : {product.a, product.b}) {
      const sema::Expr& e = p_.expr(element);
      if ((e.kind == ExprKind::Infix && e.op == Op::Product) || is_spread(e)) return std::nullopt;
    }
    return std::vector<SemaId>{product.a, product.b};
  }

  // Known lambda k applied to `values` where it is: its body lowered here,
  // seeing only its parameters and what its closure (in local `fn`)
  // captured, as the lambda itself would. A __ argument gives __, as it
  // collapses the lambda's call; a pair parameter `[a x]` takes an Int pair
  // as its two Ints, anything else goes to the closure.
  ExprId written_lambda(const KnownFunction& k, std::uint32_t fn, std::vector<ExprId> values) {
    const auto params = *direct_parameters(p_, k.lambda);
    if (params[0].pattern != sema::kNoExpr && type_of(values[0]) != CType::IntPair) {
      return call(CType::Value, "sign::impl::apply", {coerce(local(fn), CType::Value), initializer({coerce(values[0], CType::Value)})});
    }
    const auto held = frame_->captures_of.find(fn);
    const std::vector<std::uint32_t> captures = held != frame_->captures_of.end() ? held->second : captures_held(fn, false);
    std::vector<std::pair<std::string, std::uint32_t>> names;
    for (std::size_t j = 0; j < captures.size(); ++j) names.emplace_back(k.captures[j], captures[j]);
    std::vector<std::uint32_t> maybe_unit;
    if (params[0].pattern != sema::kNoExpr) {
      const Expr& pair = m_.exprs[values[0]];
      const auto simple = [&](ExprId a) { return m_.exprs[a].kind == Expr::Kind::IntLit || m_.exprs[a].kind == Expr::Kind::Local; };
      const bool as_is = pair.kind == Expr::Kind::Local || (is_int_pair(values[0]) && simple(pair.args[0]) && simple(pair.args[1]));
      const ExprId source = as_is ? values[0] : local(let("pair", values[0]));
      const std::vector<SemaId>& entries = p_.expr(params[0].pattern).kids;
      for (std::size_t e = 0; e < 2; ++e) {
        const std::string name(p_.expr(entries[e]).name);
        names.emplace_back(name, let_typed(cpp_identifier(name), pair_element(source, e == 1)));
      }
    } else {
      for (std::size_t i = 0; i < params.size(); ++i) {
        const CType type = type_of(values[i]);
        const bool typed = type == CType::Int64 || type == CType::Double || type == CType::Char || type == CType::IntPair ||
                           type == CType::IntList;
        const std::uint32_t slot = let_typed(cpp_identifier(params[i].name), typed ? values[i] : coerce(values[i], CType::Value));
        names.emplace_back(params[i].name, slot);
        if (!typed) maybe_unit.push_back(slot);
      }
    }
    std::vector<std::pair<std::string, std::uint32_t>> outer = std::exchange(frame_->names, std::move(names));
    const SemaId body = p_.expr(k.lambda).b;
    ExprId result;
    if (maybe_unit.empty()) {
      result = value(body);
    } else {
      const std::uint32_t applied = let("applied", unit());
      const auto unless_unit = [&](const auto& self, std::size_t i) -> void {
        if (i == maybe_unit.size()) return set(applied, value(body));
        if_unit(maybe_unit[i], true, [&] { self(self, i + 1); }, i == 0 ? "a __ argument collapses the lambda's call" : "");
      };
      unless_unit(unless_unit, 0);
      result = local(applied);
    }
    frame_->names = std::move(outer);
    return result;
  }

  bool makes_calls(SemaId id) const {
    return any_node(id, [&](const sema::Expr& e) {
      return e.kind == ExprKind::Infix && (e.op == Op::Apply || e.op == Op::PartialApply);
    });
  }

  // The names the body of `lambda` reads that are neither its parameters
  // (nor their patterns' names) nor `captures`: the module's names.
  std::unordered_set<std::string_view> lambda_module_names(SemaId lambda, const std::vector<std::string>& captures) const {
    std::unordered_set<std::string_view> names;
    collect_names(p_.expr(lambda).b, names);
    for (const std::string& captured : captures) names.erase(captured);
    const auto params = *direct_parameters(p_, lambda);  // held: the loop reads it
    for (const DirectParam& param : params) {
      names.erase(param.name);
      if (param.pattern == sema::kNoExpr) continue;
      for (SemaId entry : p_.expr(param.pattern).kids) names.erase(p_.expr(entry).name);
    }
    return names;
  }

  // True if no local of the function being lowered hides in C++ a module
  // function or variable the body of known lambda k reads (both `n`).
  bool reads_clear_of_locals(const KnownFunction& k) const {
    for (const std::string_view name : lambda_module_names(k.lambda, k.captures)) {
      std::vector<std::string> module_names{cpp_identifier(name)};
      const auto globals = facts_.global_cpp_names.find(name);
      if (globals != facts_.global_cpp_names.end()) module_names.insert(module_names.end(), globals->second.begin(), globals->second.end());
      for (const Local& l : frame_->fn->locals) {
        if (std::find(module_names.begin(), module_names.end(), l.cpp_name) != module_names.end()) return false;
      }
    }
    return true;
  }

  //=== section pipelines ============================================================

  // `[+] ([* 2,] ([< 9,] [1 ~ n]~)~)~`: sections applied in turn to a range,
  // each to the List the one before made, are one loop over the range's
  // numbers (sign/impl/pipeline.hpp) — no List in between, and none at all
  // when a fold ends the chain; a chain a fold ends over another List is one
  // loop over its elements. A composition of sections (`[* 2,] [< 9,] xs~`,
  // the left applied first) is the same chain written without the spreads.
  std::optional<ExprId> section_pipeline(const CallShape& shape) {
    std::vector<SemaId> applied;  // the outer call's sections, first applied first
    if (!spread_sections(shape, applied)) return std::nullopt;
    const sema::Expr& last = p_.expr(applied.back());
    const bool folds = !(last.flags & sema::kPointfreeMap) && last.a == sema::kNoExpr && last.b == sema::kNoExpr &&
                       (last.op == Op::Add || last.op == Op::Sub || last.op == Op::Mul);
    if (folds) applied.pop_back();
    std::vector<SemaId> stages;  // the mapping sections, outermost (last applied) first
    const auto take_stages = [&](const std::vector<SemaId>& sections) {
      for (auto it = sections.rbegin(); it != sections.rend(); ++it) {
        if (!fusable_map(p_.expr(*it))) return false;
        stages.push_back(*it);
      }
      return true;
    };
    if (!take_stages(applied)) return std::nullopt;
    SemaId source = inside_brackets(p_.expr(shape.args[0]).a);
    while (p_.expr(source).kind == ExprKind::Infix && p_.expr(source).op == Op::Apply) {
      const CallShape inner = call_shape(source);
      std::vector<SemaId> inner_sections;
      if (!spread_sections(inner, inner_sections) || !take_stages(inner_sections)) return std::nullopt;
      source = inside_brackets(p_.expr(inner.args[0]).a);
    }
    const sema::Expr& range = p_.expr(source);
    const bool ranges = range.kind == ExprKind::Infix && range.op == Op::Range && range_step_of(p_.expr(range.a)) == nullptr;
    // Over another List only a fold gains: a map reuses a List it solely owns.
    if (!ranges && !folds) return std::nullopt;
    std::vector<ExprId> args = ranges ? std::vector<ExprId>{value(range.a), value(range.b)}
                                      : std::vector<ExprId>{value(source)};
    // The List a map ends with holds only Ints when the ends and bounds are
    // Ints and no stage takes the remainder by what may be 0 (x % 0 is a Float).
    bool ints = ranges && type_of(args[0]) == CType::Int64 && type_of(args[1]) == CType::Int64;
    for (auto it = stages.rbegin(); it != stages.rend(); ++it) {  // innermost first, as the loop applies them
      const sema::Expr& stage = p_.expr(*it);
      const ExprId bound = value(stage.b);
      ints = ints && type_of(bound) == CType::Int64 && (stage.op != Op::Mod || int_literal(stage.b).value_or(0) != 0);
      args.push_back(call_value(std::string("sign::impl::map_stage<sign::impl::SectionOp::") + section_op(stage.op) + ">",
                                {bound}));
    }
    if (folds) {
      return call_value(std::string(ranges ? "sign::impl::fold_range" : "sign::impl::fold_list") +
                            "<sign::impl::SectionOp::" + section_op(last.op) + ">",
                        std::move(args));
    }
    for (ExprId& a : args) a = coerce(a, CType::Value);
    return call(ints ? CType::IntList : CType::Value, "sign::impl::map_range", std::move(args));
  }

  // The sections of `[…] xs~`, a call with one spread List of a section or of
  // a composition of sections (`[* 2,] [< 9,]`), in the order they apply;
  // false for any other call.
  bool spread_sections(const CallShape& shape, std::vector<SemaId>& applied) const {
    if (shape.partial || shape.args.size() != 1 || !is_spread(p_.expr(shape.args[0]))) return false;
    return composed_sections(shape.callee, applied);
  }
  bool composed_sections(SemaId id, std::vector<SemaId>& applied) const {
    const SemaId inner = inside_brackets(id);
    const sema::Expr& e = p_.expr(inner);
    if (e.kind == ExprKind::Infix && e.op == Op::Compose) {
      return composed_sections(e.a, applied) && composed_sections(e.b, applied);
    }
    if (e.kind != ExprKind::Section) return false;
    applied.push_back(inner);
    return true;
  }

  // `[op b,]` with an operator the fused loop applies to Ints (others take
  // the general path there too, but gain nothing from the loop).
  static bool fusable_map(const sema::Expr& section) {
    if (!(section.flags & sema::kPointfreeMap) || section.a != sema::kNoExpr || section.b == sema::kNoExpr) return false;
    switch (section.op) {  // not `/`: a section's quotient is exact, a Float where it is not whole
      case Op::Add: case Op::Sub: case Op::Mul: case Op::Mod:
      case Op::Less: case Op::LessEqual: case Op::Eq: case Op::MoreEqual: case Op::More:
      case Op::Equal: case Op::NotEqual:
        return true;
      default:
        return false;
    }
  }

  // The step operator of `a ~+ s`, the start of a range `a ~+ s ~ b` with a
  // step; nullptr for a start without one.
  static const char* range_step_of(const sema::Expr& start) {
    if (start.kind != ExprKind::Infix) return nullptr;
    switch (start.op) {
      case Op::RangeArith: return "sign::impl::RangeStep::Add";
      case Op::RangeArithRev: return "sign::impl::RangeStep::Sub";
      case Op::RangeGeom: return "sign::impl::RangeStep::Mul";
      case Op::RangeGeomRev: return "sign::impl::RangeStep::Div";
      case Op::RangePow: return "sign::impl::RangeStep::Pow";
      default: return nullptr;
    }
  }

  // `{a, b, c}`: a braced list of Values.
  ExprId initializer(std::vector<ExprId> items) {
    Expr e = node(Expr::Kind::Braced, CType::Value);
    e.args = std::move(items);
    return add(std::move(e));
  }

  //=== functions as values ==========================================================

  // A lambda: a generic function of the module, and the closure that
  // captures the values of the enclosing function's names it reads.
  ExprId closure(SemaId id) {
    Function f;
    const std::string base = frame_->fn == &m_.load ? std::string("lambda") : frame_->fn->cpp_name + "_lambda";
    f.cpp_name = base + "_" + std::to_string(++lambda_count_[base]);
    f.sign_name = "a lambda";
    f.line = line_of(id);
    f.generic = true;
    f.arity = lambda_arity(id);
    function_names_.insert(f.cpp_name);
    m_.functions.push_back(std::move(f));
    calls_.emplace_back();
    const auto index = static_cast<std::uint32_t>(m_.functions.size() - 1);
    lambda_of_.emplace(index, id);
    Function& fn = m_.functions[index];
    Frame frame;
    frame.fn = &fn;
    frame.index = static_cast<int>(index);
    in_frame(frame, fn.line, [&] {
      bind_parameters(id);
      tail(p_.expr(id).b);
    });
    // Capture in the enclosing function: may itself capture from further out.
    std::vector<ExprId> captured;
    for (std::size_t i = 0; i < fn.captures.size(); ++i) {
      const NameRef ref = lookup(*frame_, fn.captures[i]);
      if (ref.kind == NameRef::Kind::Local) {
        captured.push_back(local(ref.index));
      } else {
        Expr c = node(Expr::Kind::Capture, CType::Value);
        c.index = ref.index;
        captured.push_back(add(std::move(c)));
      }
    }
    Expr e = node(Expr::Kind::MakeClosure, CType::Value);
    e.index = index;
    e.args = std::move(captured);
    return add(std::move(e));
  }

  ExprId section(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    const char* op = section_op(e.op);
    if (op == nullptr) return unsupported(id);
    const ExprId op_id = constant(std::string("sign::impl::SectionOp::") + op);
    if (e.op >= Op::ExportInternal) return call_value("sign::impl::section", {op_id, constant("sign::impl::SectionForm::Unary")});
    if (e.op == Op::GetProp && e.b != sema::kNoExpr && p_.expr(e.b).kind == ExprKind::Atom && !p_.expr(e.b).name.empty()) {
      return call_value("sign::impl::field_section", {text_lit(std::string(p_.expr(e.b).name)), name(e.b)});
    }
    if (e.flags & sema::kPointfreeMap) {
      return call_value("sign::impl::section", {op_id, constant("sign::impl::SectionForm::Map"), e.b == sema::kNoExpr ? unit() : value(e.b)});
    }
    if (e.a == sema::kNoExpr && e.b == sema::kNoExpr) return call_value("sign::impl::section", {op_id, constant("sign::impl::SectionForm::Fold")});
    if (e.a == sema::kNoExpr) return call_value("sign::impl::section", {op_id, constant("sign::impl::SectionForm::RightBound"), value(e.b)});
    return call_value("sign::impl::section", {op_id, constant("sign::impl::SectionForm::LeftBound"), value(e.a)});
  }

  static const char* section_op(Op op) {
    switch (op) {
      case Op::Add: return "Add";
      case Op::Sub: return "Sub";
      case Op::Mul: return "Mul";
      case Op::Div: return "Div";
      case Op::Mod: return "Mod";
      case Op::Pow: return "Pow";
      case Op::Less: return "Less";
      case Op::LessEqual: return "LessEqual";
      case Op::Eq: return "Eq";
      case Op::MoreEqual: return "MoreEqual";
      case Op::More: return "More";
      case Op::Equal: return "Equal";
      case Op::NotEqual: return "NotEqual";
      case Op::NotSame: return "NotSame";
      case Op::And: return "And";
      case Op::Or: return "Or";
      case Op::Xor: return "Xor";
      case Op::GetProp: return "GetProp";
      case Op::Not: return "Not";
      case Op::Negate: return "Negate";
      case Op::Factorial: return "Factorial";
      case Op::Expand: return "Flatten";
      case Op::Input: return "Input";
      default: return nullptr;
    }
  }

  //=== blocks =========================================================================

  bool is_field_line(SemaId line) const {
    const sema::Expr& e = p_.expr(line);
    if (is_define(p_, line)) return p_.expr(e.a).kind == ExprKind::Atom && !p_.expr(e.a).name.empty();
    return e.kind == ExprKind::Atom && !e.name.empty();
  }

  // `[x : 1 / y : 2]`: named slots (every line `name : value`, or two or more
  // lines of which some are shorthand `name`). A function body never is one.
  bool is_struct(const sema::Expr& block) const {
    if (block.flags & sema::kFunctionBody || block.kids.empty()) return false;
    bool all_defines = true, all_fields = true;
    for (SemaId line : block.kids) {
      all_defines = all_defines && is_define(p_, line) && is_field_line(line);
      all_fields = all_fields && is_field_line(line);
    }
    return all_defines || (block.kids.size() >= 2 && all_fields);
  }

  ExprId block_value(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    if (e.block == syntax::BlockKind::Abs) {
      ExprId inner = unit();
      for (SemaId line : e.kids) inner = value(line);
      // |x| of __ is 0 where the language types x as a List or a String (`|[]|`, the
      // rest of `[h ~t]` whose h is typed), else __ (unit.md).
      const AtomType t = e.kids.empty() ? AtomType::List : p_.atom_type[e.kids.back()];
      const ExprId collection = bool_lit(t == AtomType::List || t == AtomType::String);
      // A loop's text accumulator is counted where it is (a TextBuffer overload).
      if (type_of(unboxed(inner)) == CType::Text) return call(CType::Value, "sign::impl::absolute", {unboxed(inner), collection});
      return call_value("sign::impl::absolute", {inner, collection});
    }
    if (e.kids.empty()) return call_value("sign::make_list", {initializer({})});
    if (is_struct(e)) return struct_value(e);
    const bool brackets = e.block != syntax::BlockKind::Indent;
    if (brackets && e.kids.size() == 1 && !is_define(p_, e.kids[0])) return value(e.kids[0]);
    // A block of lines: match_case arms and plain lines, the value of the arm
    // that fires or of the last line.
    const std::uint32_t result = temp("block", CType::Value);
    Stmt decl = stmt(Stmt::Kind::Let);
    decl.index = result;
    decl.expr = unit();
    emit(std::move(decl));
    block_lines(e, 0, result);
    return local(result);
  }

  void block_lines(const sema::Expr& block, std::size_t i, std::uint32_t result) {
    for (; i < block.kids.size(); ++i) {
      const SemaId line = block.kids[i];
      line_ = line_of(line);
      const bool last = i + 1 == block.kids.size();
      if (is_define(p_, line)) {
        const std::uint32_t c = as_local("arm", coerce(value(p_.expr(line).a), CType::Value));
        if_unit_else(c, true, [&] { set(result, value(p_.expr(line).b)); },
                     [&] { block_lines(block, i + 1, result); });
        return;
      }
      const ExprId v = value(line);
      if (last) {
        set(result, v);
      } else {
        evaluate(v);
      }
    }
  }

  // `[x : 1 / y : 2]`: a Dict — in a module function, of a struct type
  // while every slot is a proven Int (an Int Dict: no Dict is made until
  // something needs the Value).
  ExprId struct_value(const sema::Expr& block) {
    // Slots see the slots before them (let*), then go out of scope.
    const std::size_t scope_mark = frame_->names.size();
    std::vector<std::string> keys;
    std::vector<std::uint32_t> slots;
    bool ints = frame_->fn != &m_.load;
    for (SemaId line : block.kids) {
      const bool define = is_define(p_, line);
      const SemaId name_atom = define ? p_.expr(line).a : line;
      const std::string key(p_.expr(name_atom).name);
      const ExprId v = define ? value(p_.expr(line).b) : name(line);
      ints = ints && type_of(v) == CType::Int64;
      const std::uint32_t slot = ints ? let_typed(cpp_identifier(key), v) : let_named(cpp_identifier(key), v);
      frame_->names.emplace_back(key, slot);
      keys.push_back(key);
      slots.push_back(slot);
    }
    frame_->names.resize(scope_mark);
    if (const auto type = ints ? int_dict_for(keys) : std::nullopt) {
      Expr made = node(Expr::Kind::Braced, *type);
      made.callee = m_.text(facts_.int_dicts[int_dict_shape(*type)].cpp_name);
      for (std::uint32_t slot : slots) made.args.push_back(local(slot));
      return add(std::move(made));
    }
    std::vector<ExprId> entries;
    for (std::size_t k = 0; k < keys.size(); ++k) {
      entries.push_back(call(CType::Value, "sign::Dict::Entry", {text_lit(keys[k]), coerce(local(slots[k]), CType::Value)}));
    }
    return call(CType::Value, "sign::dict_of", std::move(entries));
  }

  //=== tail position (inside functions) =========================================

  // Emits statements that return the value of `id` — or loop, for a call of
  // the function itself (impl/core/tco.md: arms of a match_case, the last
  // line of a body, and the right operands of & and | are tail positions).
  void tail(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    line_ = line_of(id);
    if (e.kind == ExprKind::Block && e.block == syntax::BlockKind::Indent && !is_struct(e)) return tail_block(id);
    if (e.kind == ExprKind::Block && e.block != syntax::BlockKind::Abs && e.kids.size() == 1 && !is_define(p_, e.kids[0])) {
      return tail(e.kids[0]);
    }
    if (e.kind == ExprKind::Infix && e.op == Op::And) {
      when("all", condition(e.a), false, [&] { emit(returns(unit())); });
      return tail(e.b);
    }
    if (e.kind == ExprKind::Infix && e.op == Op::Or) {
      if (return_unless_unit(e.a)) return;
      return tail(e.b);
    }
    if (e.kind == ExprKind::Infix && e.op == Op::Apply) {
      const CallShape shape = call_shape(id);
      const auto target = direct_callee(shape);
      if (target && static_cast<int>(*target) == frame_->self) {
        return self_tail_call(direct_arguments(m_.functions[*target], shape.args));
      }
      if (target && inlines_tail_call(*target)) return inline_tail_call(*target, shape.args);
      emit(returns(call_expr(shape, target, true)));
      return;
    }
    emit(returns(value(id)));
  }

  // A tail call of a function that may call this one back (`count` ↔
  // `tally`) is the callee's body written here: its tail call back becomes
  // this function's loop, so mutual tail calls run in constant stack
  // without the trampoline, one loop over the functions' bodies.
  bool inlines_tail_call(std::uint32_t g) const {
    constexpr std::size_t kInlineDepth = 3;  // a cycle of up to 4 functions becomes one loop
    if (frame_->self < 0 || g >= function_form_.size() || m_.functions[g].generic) return false;
    if (inlining_.size() == kInlineDepth || std::find(inlining_.begin(), inlining_.end(), g) != inlining_.end()) return false;
    const auto self = static_cast<std::uint32_t>(frame_->self);
    return g != self && tail_reaches(g, self) && !facts_.makes_lambdas[g] &&
           !reads_shadowed_global(g) && node_count(p_.expr(function_form_[g]).b) <= frame_->inline_budget;
  }

  bool builds_product(SemaId id) const {
    if (id == sema::kNoExpr) return false;
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Lambda || e.kind == ExprKind::Section) return false;  // another function's result
    if (e.kind == ExprKind::Infix && e.op == Op::Product) return true;
    for (SemaId k : {e.a, e.b, e.c}) {
      if (builds_product(k)) return true;
    }
    return std::any_of(e.kids.begin(), e.kids.end(), [&](SemaId k) { return builds_product(k); });
  }

  // The size of a body, for the inlining budget: a cycle of many large
  // functions keeps its trampoline rather than multiplying its code.
  std::size_t node_count(SemaId id) const {
    if (id == sema::kNoExpr) return 0;
    const sema::Expr& e = p_.expr(id);
    std::size_t n = 1 + node_count(e.a) + node_count(e.b) + node_count(e.c);
    for (SemaId k : e.kids) n += node_count(k);
    return n;
  }

  // True if g's body reads a module variable that a parameter of the
  // function being lowered hides in C++ (both `x`). Its other locals never
  // do: let_typed names them clear of the module's variables.
  bool reads_shadowed_global(std::uint32_t g) const {
    std::unordered_set<std::string_view> names;
    collect_names(p_.expr(function_form_[g]).b, names);
    for (const std::string_view name : names) {
      const auto globals = facts_.global_cpp_names.find(name);
      if (globals == facts_.global_cpp_names.end()) continue;
      for (const std::string& cpp_name : globals->second) {
        for (std::uint32_t i = 0; i < frame_->fn->param_count; ++i) {
          if (frame_->fn->locals[i].cpp_name == cpp_name) return true;
        }
      }
    }
    return false;
  }


  void inline_tail_call(std::uint32_t g, const std::vector<SemaId>& args) {
    const Function& callee = m_.functions[g];
    const SemaId lambda = p_.expr(function_form_[g]).b;
    frame_->inline_budget -= node_count(lambda);
    std::vector<std::uint32_t> slots;
    for (const ExprId v : direct_arguments(callee, args)) {
      // A local passed as it is needs no copy: nothing assigns it before the body's tail call.
      const bool local = m_.exprs[v].kind == Expr::Kind::Local;
      slots.push_back(local ? m_.exprs[v].index : let_typed(callee.locals[slots.size()].cpp_name, v));
    }
    // The callee sees its parameters and the module, not the caller's names.
    std::vector<std::pair<std::string, std::uint32_t>> caller_names;
    caller_names.swap(frame_->names);
    inlining_.push_back(g);
    const int caller_reuse = frame_->reuse;  // a List the callee takes apart is in scope in its body only
    bind_direct_parameters(callee, lambda, slots);
    tail(p_.expr(lambda).b);
    frame_->reuse = caller_reuse;
    inlining_.pop_back();
    frame_->names.swap(caller_names);
  }

  // `x | ...` in tail position: returns x unless it is __. For `c & x`
  // that is: where c holds, x unless it is __. True if it always returns
  // (x is an Int or a Float: never __).
  bool return_unless_unit(SemaId id) {
    const sema::Expr& e = p_.expr(id);
    if (e.kind == ExprKind::Infix && e.op == Op::And) {
      when("all", condition(e.a), true, [&] { return_unless_unit(e.b); });
      return false;
    }
    const ExprId v = value(id);
    if (type_of(v) != CType::Value && type_of(v) != CType::Text) {  // never __
      emit(returns(v));
      return true;
    }
    const std::uint32_t t = as_local("any", v);
    if_unit(t, true, [&] { emit(returns(local(t))); });
    return false;
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
        when("arm", condition(p_.expr(line).a), true, [&] { tail(p_.expr(line).b); }, i == 0 ? "match_case arm" : "");
        if (last) emit(returns(unit()));
        continue;
      }
      if (last) return tail(line);
      evaluate(value(line));  // an earlier plain line is evaluated for its effects
    }
  }

  // A self tail call: the arguments are evaluated first, then become the
  // parameters of the next iteration of the function's loop.
  void self_tail_call(std::vector<ExprId> values) {
    Function* fn = frame_->fn;
    if (fn->specializes >= 0 && !fits_twin(*fn, values)) return twin_tail_call(std::move(values));
    // Where the next iteration finds parameter i: itself, or the text
    // accumulator the body holds it in.
    const auto target = [&](std::size_t i) {
      const bool held = i < frame_->accumulators.size() && frame_->accumulators[i] >= 0;
      return held ? static_cast<std::uint32_t>(frame_->accumulators[i]) : static_cast<std::uint32_t>(i);
    };
    // A parameter passed on as it is keeps its value: no temporary, no store.
    const auto unchanged = [&](std::size_t i) {
      const Expr& v = m_.expr(unboxed(values[i]));
      return v.kind == Expr::Kind::Local && v.index == target(i);
    };
    // A String literal given to a Value parameter (or accumulator): the
    // String it held, dead once the loop goes on, takes the literal's text
    // in place.
    const auto literal = [&](std::size_t i) {
      const CType type = fn->locals[target(i)].type;
      return m_.expr(values[i]).kind == Expr::Kind::StringLit && (type == CType::Value || type == CType::Text);
    };
    // Appends to a text accumulator no later argument reads are made to it
    // in place, where its value would have been computed.
    const auto appended_in_place = [&](std::size_t i) {
      const std::uint32_t to = target(i);
      std::vector<ExprId> appends;
      if (fn->locals[to].type != CType::Text || !append_chain(values[i], to, appends)) return false;
      for (std::size_t j = i + 1; j < values.size(); ++j) {
        if (reads_local(values[j], to)) return false;
      }
      for (const ExprId append : appends) append_in_place(to, append);
      return true;
    };
    std::vector<std::uint32_t> next(values.size());
    std::vector<bool> done(values.size(), false);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (unchanged(i) || literal(i)) continue;
      done[i] = appended_in_place(i);
      if (!done[i]) next[i] = let("next_" + fn->locals[i].cpp_name, coerce(values[i], fn->locals[target(i)].type));
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      const std::uint32_t to = target(i);
      if (literal(i) && fn->locals[to].type == CType::Text) {
        perform(call(CType::Value, "sign::impl::assign_text", {local(to), values[i]}));
      } else if (literal(i)) {
        set(to, call_value("sign::impl::literal_reusing", {local(to), values[i]}));
      } else if (!unchanged(i) && !done[i]) {
        set(to, local(next[i]));
      }
    }
    Stmt loop = stmt(Stmt::Kind::Continue);
    loop.comment = "self tail call";
    emit(std::move(loop));
    fn->loops = true;
  }

  // The appends `v` makes to text accumulator `text` (`w h`, `s ` ` x`),
  // innermost first, into `appends`; false if v is not such a chain or an
  // appended value reads the accumulator.
  bool append_chain(ExprId v, std::uint32_t text, std::vector<ExprId>& appends) const {
    const Expr& e = m_.exprs[v];
    if (e.kind == Expr::Kind::Local) return e.index == text;
    if (e.kind != Expr::Kind::Call || e.type != CType::Text || in_place_append(e.callee).empty()) return false;
    if (!append_chain(e.args[0], text, appends)) return false;
    for (std::size_t k = 1; k < e.args.size(); ++k) {
      if (reads_local(e.args[k], text)) return false;
    }
    appends.push_back(v);
    return true;
  }
  // The runtime's in-place append for a TextBuffer operation that returns the longer one.
  static std::string_view in_place_append(std::string_view callee) {
    if (callee == "sign::impl::construct_char") return "sign::impl::append_char";
    if (callee == "sign::impl::construct_text") return "sign::impl::append_text";
    if (callee == "sign::impl::construct_element") return "sign::impl::append_element";
    if (callee == "sign::impl::construct") return "sign::impl::append";
    return {};
  }
  void append_in_place(std::uint32_t text, ExprId append) {
    std::vector<ExprId> args = m_.exprs[append].args;
    args[0] = local(text);
    perform(call(CType::Value, in_place_append(m_.exprs[append].callee), std::move(args)));
  }
  bool reads_local(ExprId v, std::uint32_t l) const {
    const Expr& e = m_.exprs[v];
    if (e.kind == Expr::Kind::Local && e.index == l) return true;
    return std::any_of(e.args.begin(), e.args.end(), [&](ExprId a) { return reads_local(a, l); });
  }

  // A self tail call of a twin whose arguments do not all have the types
  // it takes. A Value where it takes an Int loops on if it is an Int when
  // it comes. Otherwise a twin with those parameters Values carries on (the
  // original, if none may be made): each such hand-over leaves fewer
  // parameters typed, and an original dispatches to a twin only on entry,
  // so functions never call each other back and forth and the stack stays
  // flat.
  void twin_tail_call(std::vector<ExprId> values) {
    Function* fn = frame_->fn;
    std::vector<CType> fallback = twin_key(*fn).second;  // the parameters of the twin that carries on
    std::vector<std::uint32_t> checked;                 // Ints the arguments may turn out to be
    bool never = false;                                  // an argument never has its parameter's type
    for (std::size_t i = 0; i < values.size(); ++i) {
      const CType param = fn->locals[i].type;
      const CType arg = type_of(values[i]);
      if (param == CType::Value || arg == param) continue;
      // A Float where an Int was goes on in the twin over a Float there;
      // anything else in a twin over a Value. Each hand-over moves a
      // parameter up Int -> Float -> Value, so a chain of them is short.
      fallback[i] = param == CType::Int64 && arg == CType::Double ? CType::Double : CType::Value;
      if (param != CType::Int64 || arg != CType::Value) {  // a Float, a pair, a List: never an Int
        never = true;
        continue;
      }
      values[i] = local(let("next_" + fn->locals[i].cpp_name, values[i]));
      checked.push_back(static_cast<std::uint32_t>(i));
    }
    const auto hand_over = [&] {
      std::vector<ExprId> args = values;
      for (ExprId& v : args) {
        // A node of its own: a local read on one path only may be moved (last_use.cpp).
        if (m_.exprs[v].kind == Expr::Kind::Local) v = local(m_.exprs[v].index);
      }
      const auto original = static_cast<std::uint32_t>(fn->specializes);
      // What is handed over was not text or a List of Ints where the twin
      // walks a Value: the twin carrying on does not test for either.
      const bool outer = handing_over_;
      handing_over_ = true;
      const auto twin = twin_for(original, fallback);
      handing_over_ = outer;
      emit(returns(twin ? call_twin(*twin, std::move(args), true) : call_twin(original, std::move(args), true)));
    };
    if (never) return hand_over();
    std::vector<ExprId> tests;
    for (std::uint32_t i : checked) tests.push_back(sign_is_int(values[i]));
    when("ints", all_of(tests), false, hand_over, "not all Ints: a twin over fewer carries on");
    for (std::uint32_t i : checked) values[i] = call(CType::Int64, "sign::impl::as_int", {values[i]});
    self_tail_call(std::move(values));
  }

  ExprId sign_is_int(ExprId v) { return call(CType::Bool, "sign::impl::is_int", {v}); }

  // `a && b && ...` of C++ bool tests (at least one).
  ExprId all_of(const std::vector<ExprId>& tests) {
    ExprId all = tests[0];
    for (std::size_t k = 1; k < tests.size(); ++k) all = cpp_test("&&", all, tests[k]);
    return all;
  }

  const sema::Program& p_;
  Diagnostics& diags_;
  ProgramFacts& facts_;
  Module m_;
  Frame load_frame_;
  Frame* frame_ = nullptr;
  std::vector<StmtId>* out_ = nullptr;
  std::uint32_t line_ = 0;
  std::unordered_map<std::string, std::uint32_t> function_of_;
  std::vector<SemaId> function_form_;
  std::vector<std::size_t> function_position_;  // per function: its line's index in the program's forms
  std::vector<std::vector<std::uint32_t>> calls_;  // module function -> functions its body names
  std::unordered_map<std::string, std::uint32_t> versions_;
  const Context& context_;
  std::size_t form_index_ = 0;  // the top-level line load() is at
  const TwinResults& results_;
  const bool specialize_;
  TwinResults returned_;
  bool settled_ = true;
  std::map<TwinKey, std::uint32_t> twin_of_;     // every twin made so far
  std::unordered_set<std::string> function_names_;  // the cpp_name of each of m_.functions
  std::vector<std::uint32_t> inlining_;          // the functions whose bodies are being written into this one
  // Twins in the order they were made, and how far each is defined.
  // ReadByItself: its own body read what it returns (a call that is not a
  // tail call); ReadWhileLowered: another twin's did.
  enum class TwinState : std::uint8_t { Undefined, Lowering, ReadByItself, ReadWhileLowered, Defined };
  std::vector<std::uint32_t> twins_;
  std::vector<TwinState> twin_state_;
  std::vector<std::uint32_t> defined_twins_;  // in the order their lowering ended
  std::size_t twin_lowerings_ = 0;
  std::vector<bool> wanted_;  // by function: see define_wanted_functions
  std::unordered_map<ExprId, ExprId> returned_values_;  // a twin's boxed return value -> the value
  bool handing_over_ = false;                   // twin_tail_call is making the twin that carries on
  std::unordered_set<std::uint32_t> handed_over_;  // twins first made to carry on another's loop
  bool loading_ = false;  // load()'s top-level lines are being lowered
  Frame module_frame_;    // what a module function's body sees around it: the module's names
  static constexpr std::uint32_t kLaterGlobal = UINT32_MAX;  // NameRef: a variable a later line defines
  std::vector<std::pair<ExprId, std::string>> later_globals_;
  std::unordered_map<std::string, std::uint32_t> visible_;  // name -> global of its latest definition
  std::unordered_map<std::string, std::uint32_t> first_global_;  // name -> global of its first definition
  std::unordered_map<std::string, std::uint32_t> lambda_count_;
  std::unordered_map<std::uint32_t, SemaId> lambda_of_;  // a lambda's generic function -> the lambda
};

}  // namespace

std::string_view ctype_spelling(CType type) {
  switch (type) {
    case CType::Int64: return "std::int64_t";
    case CType::Double: return "double";
    case CType::Value: return "sign::Value";
    case CType::Bool: return "bool";
    case CType::IntPair: return "sign::impl::IntPair";
    case CType::IntList: return "sign::Value";
    case CType::Elements: return "sign::impl::Elements";
    case CType::Char: return "char32_t";
    case CType::Chars: return "sign::impl::Chars";
    case CType::Text: return "sign::impl::TextBuffer";
    case CType::AsciiText: return "sign::impl::AsciiText";
    case CType::IntOrUnit: return "sign::impl::IntOrUnit";
    case CType::Given: return "sign::Value";
    case CType::FirstIntDict:
    case CType::FirstKnownFunction: break;
  }
  if (is_known_function(type)) return "sign::Value";  // the closure itself
  return is_int_dict(type) ? "an Int Dict's struct" : "?";
}

std::string_view boxing_function(CType type) {
  switch (type) {
    case CType::Int64: return "sign::Value::from_int";
    case CType::Double: return "sign::Value::from_float";
    case CType::IntPair: return "sign::impl::from_int_pair";
    case CType::Elements: return "sign::impl::from_elements";
    case CType::Char: return "sign::impl::from_char";
    case CType::Chars: return "sign::impl::from_chars";
    case CType::Text: return "sign::impl::from_text_buffer";
    case CType::AsciiText: return "sign::impl::from_chars";  // ASCII: valid UTF-8 as it is
    case CType::FirstIntDict:
    case CType::FirstKnownFunction: break;
    case CType::Value:
    case CType::IntList:
    case CType::IntOrUnit:  // only tested
    case CType::Given:      // only in a twin's key
    case CType::Bool: break;
  }
  if (is_int_dict(type)) return "dicts_::value";  // one overload per struct (emit)
  throw std::logic_error("lower: a " + std::string(ctype_spelling(type)) + " is never made a sign::Value");
}

Module lower_module(const sema::Program& program, std::string_view module_name, Diagnostics& diags,
                    const Context& context) {
  // Rounds: each twin is assumed to return what it returned in the round
  // before (an Int at first). Most modules need one round: a twin is
  // lowered before its callers read what it returns, and lowered again at
  // once where it returned another type than assumed (define_twin). Twins
  // that call each other read each other's assumptions, so a type may
  // settle a round later.
  // After a few rounds a twin that returned two types returns a Value: a
  // type can then only move up (an Int, a pair or a List of Ints, then a
  // Value), so this ends.
  // Quiet rounds; the first that settles (or fails) is the result, since a
  // round is a function of the results it starts from. Only a module that
  // never settles is lowered once more, without twins.
  constexpr int kRoundsTaking = 6;  // rounds that take the last round's types as they are
  TwinResults results;
  ProgramFacts facts;
  for (int round = 0;; ++round) {
    Diagnostics quiet;
    Lowerer lowerer(program, quiet, context, facts, results, true);
    Module lowered = lowerer.run(module_name);
    if (lowerer.settled() || quiet.has_errors()) {
      diags.append(std::move(quiet));
      hoist_entry_guards(lowered);  // only the round kept needs these
      mark_last_uses(lowered);
      return lowered;
    }
    for (const auto& [twin, came] : lowerer.returned()) {
      const auto [known, first] = results.emplace(twin, came);
      if (!first && known->second != came) known->second = round < kRoundsTaking ? came : CType::Value;
    }
    if (round == 16) {
      Module unspecialized = Lowerer(program, diags, context, facts, results, false).run(module_name);
      hoist_entry_guards(unspecialized);
      mark_last_uses(unspecialized);
      return unspecialized;
    }
  }
}

}  // namespace signc::lower
