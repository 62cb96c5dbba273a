// SPDX-License-Identifier: MIT
// lower stage: typed tree → C++-shaped IR.
#pragma once

#include <cstdint>
#include <deque>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sema/sema.hpp"

namespace signc::lower {

// The C++ type an IR value has.
// Bool: only a condition (Stmt::Kind::If), never a Sign value.
// IntPair: a List of exactly two Ints, unboxed (sign::impl::IntPair).
// IntList: a sign::Value known to hold a List whose elements are all Ints.
// Elements: the elements of an IntList a caller holds, lent to a twin
// (sign::impl::Elements); made only for a twin's argument.
// Char: one character of a String, as its code point (char32_t).
// Chars: the text of a String a caller holds, lent to a twin that walks it
// by `[h ~t]` (sign::impl::Chars); made only for a twin's argument.
// Text: a text accumulator of a loop (sign::impl::TextBuffer): the
// parameter a self tail call appends to, held as a std::string while it is
// text (any other value as it is); made only from a Value parameter on
// entry, boxed wherever a sign::Value is needed.
// AsciiText: the text of an all-ASCII String a caller holds, lent to a twin
// that only reads it by index (`s ' i`) and compares the characters
// (sign::impl::AsciiText): one byte per character; made only for a twin's
// argument. A read is a sign::Value, or a char32_t where a comparison
// tests it (sign::impl::kNoChar standing for __ past either end).
// Given: only in a twin's key, never a value's type: a sign::Value parameter
// every call gives a value known not to be __ (Function::given).
// IntOrUnit: an element read by an Int index from lent Elements, or + - *
// on one, where a comparison tests it (sign::impl::IntOrUnit): an Int, or
// the __ of a read past either end; never a Sign value of its own.
// Int Dict k (from FirstIntDict on): a Dict literal whose slots are all
// proven Ints (`[x : 1, y : 2]`), unboxed as a C++ struct of std::int64_t;
// which slots, in order, is Module::int_dicts[k] (one type per shape).
// Known function k (from FirstKnownFunction on): a sign::Value holding the
// closure of one lambda literal, or one module function, that a twin of a
// higher-order function was made for; `@f x` there is that lambda's body
// written in place, or a direct call (the lowerer keeps what k is).
// A Char, Chars or Int Dict local reads as a sign::Value (boxed) wherever
// the typed value is not asked for: conditions, `d ' slot` and direct calls
// take it as is; a known function reads as the sign::Value it is.
enum class CType : std::uint8_t {
  Int64, Double, Value, Bool, IntPair, IntList, Elements, Char, Chars, Text, AsciiText, IntOrUnit, Given,
  FirstIntDict = 32,
  FirstKnownFunction = 128,
};
constexpr std::size_t kIntDictTypes =
    static_cast<std::size_t>(CType::FirstKnownFunction) - static_cast<std::size_t>(CType::FirstIntDict);
constexpr std::size_t kKnownFunctionTypes = 256 - static_cast<std::size_t>(CType::FirstKnownFunction);
constexpr bool is_int_dict(CType type) { return type >= CType::FirstIntDict && type < CType::FirstKnownFunction; }
constexpr bool is_known_function(CType type) { return type >= CType::FirstKnownFunction; }
constexpr CType known_function_type(std::size_t k) {
  return static_cast<CType>(static_cast<std::size_t>(CType::FirstKnownFunction) + k);
}
constexpr std::size_t known_function_index(CType type) {
  return static_cast<std::size_t>(type) - static_cast<std::size_t>(CType::FirstKnownFunction);
}
constexpr CType int_dict_type(std::size_t shape) {
  return static_cast<CType>(static_cast<std::size_t>(CType::FirstIntDict) + shape);
}
constexpr std::size_t int_dict_shape(CType type) {
  return static_cast<std::size_t>(type) - static_cast<std::size_t>(CType::FirstIntDict);
}
// "std::int64_t", "double", "sign::Value", "bool", ...; an Int Dict's struct
// is named by its module (Module::spelling).
std::string_view ctype_spelling(CType type);
// Held in a sign::Value in C++ (Value, IntList, a known function): moved, not copied, at a last use.
constexpr bool in_sign_value(CType type) {
  return type == CType::Value || type == CType::IntList || is_known_function(type);
}
// Owns what it holds: moved, not copied, at a last use (last_use.cpp).
constexpr bool moved_at_last_use(CType type) { return in_sign_value(type) || type == CType::Text; }
// The runtime function that makes a sign::Value of a `type` (not Value or Bool).
std::string_view boxing_function(CType type);  // "sign::Value::from_int", ...

// The slots of an Int Dict type and the C++ struct that holds them.
struct IntDictShape {
  std::vector<std::string> slots;    // Sign names, in the literal's order
  std::vector<std::string> members;  // their C++ names
  std::string cpp_name;              // "dicts_::of_x_y"
  bool used = false;                 // some emitted code has this type
};

using ExprId = std::uint32_t;

struct Expr {
  enum class Kind : std::uint8_t {
    IntLit,    // int_value
    FloatLit,  // float_value
    UnitLit,   // sign::Value{}
    Global,    // index: Module::globals
    Local,     // index: the enclosing Function's locals (parameters first)
    Call,      // callee(args...): a runtime function, a constructor or a Sign function
    Infix,     // args[0] op args[1] on doubles: C++ operator, no UB to avoid
    Cast,      // static_cast<type>(args[0])
    StringLit,      // callee: the text of a String value
    TextLit,        // callee: a C++ string literal (a slot name)
    Constant,       // callee: a C++ constant spelled as is (true, an enumerator)
    Braced,         // callee{args...}: the arguments of a call, a List's items; an Int Dict's struct
    AddressOf,      // &args[0]: the address of a module variable
    Capture,        // index: a value the enclosing closure captured (self.captured(i))
    ArgsRef,        // the argument span of a generic function
    FunctionValue,  // index: Module::functions as a function value
    DirectCall,     // index: Module::functions called directly with args
    MakeClosure,    // index: a lambda of Module::functions, capturing args
    Field,          // args[0].callee: an element of an IntPair (first, second)
  };
  // (Members in this order leave no padding: a module has many of these.)
  std::int64_t int_value = 0;
  double float_value = 0;
  std::string_view callee;  // Call: qualified function; Infix: the operator; StringLit: the text (in Module::texts)
  std::vector<ExprId> args;
  std::uint32_t index = 0;
  Kind kind = Kind::UnitLit;
  CType type = CType::Value;
  bool tail = false;   // DirectCall: in tail position, a tail call it hands back is passed on
  bool moved = false;  // Local: its last use, by something that takes ownership (last_use.cpp)
};

// A module-level variable holding one top-level binding.
struct Global {
  std::string cpp_name;
  std::string sign_name;
  CType type = CType::Value;
  std::uint32_t line = 0;  // Sign source line of the definition
  // A module constant: defined once by an Int or Float literal before any
  // code can run, so no read can see it unset; emitted `constexpr`, its
  // value this literal, and never assigned.
  std::optional<ExprId> constant;
};

// A C++ local: a parameter or a temporary of one function.
struct Local {
  std::string cpp_name;
  CType type = CType::Value;
};

using StmtId = std::uint32_t;

struct Stmt {
  enum class Kind : std::uint8_t {
    Assign,    // globals[index] = expr;             (module load)
    Result,    // module_result_ = expr;             (module load)
    Let,       // type locals[index] = expr;
    Set,       // locals[index] = expr;
    IfUnit,    // if (locals[index].is_unit()) then_body else else_body   (negated: !is_unit)
    If,        // if (expr) then_body   (negated: !(expr)); expr: a Bool condition
    Return,    // return expr;
    Continue,  // continue;  the function's loop: a self tail call
    Evaluate,  // expr;  evaluated for its effects (a store, a call), the value dropped
    Dispatch,  // if (every Int parameter of the twin is_int()) return twin(...);  (index: the twin)
               // first in the body; a looping function makes it once, before its loop
    Perform,   // expr;  a runtime call made for what it does: it returns nothing
  };
  // (Members in this order leave the least padding.)
  std::vector<StmtId> then_body;
  std::vector<StmtId> else_body;
  std::string comment;  // a why-comment for a lowered construct whose shape is not obvious
  std::uint32_t line = 0;  // Sign source line the statement comes from
  std::uint32_t index = 0;
  ExprId expr = 0;
  Kind kind = Kind::Return;
  bool negated = false;
  // First in a function's body: made once, on entry, before the loop of a
  // looping function (as a Dispatch is) — an If testing the arguments,
  // the Let of a text accumulator (the TextBuffer a parameter is held in),
  // a __ guard no iteration needs again and the flag it leaves
  // (entry_guards.cpp).
  bool on_entry = false;
};

// Whether a statement's `expr` is one (IfUnit, Continue and Dispatch have none).
inline bool has_expr(const Stmt& s) {
  return s.kind != Stmt::Kind::IfUnit && s.kind != Stmt::Kind::Continue && s.kind != Stmt::Kind::Dispatch;
}

// One Sign function, lowered to one C++ function over sign::Value.
//
// A direct function takes its parameters as C++ parameters; it is a
// top-level definition with plain or destructuring parameters (the last
// may be a `~rest`), called by name. A generic function — a lambda, or a
// definition with defaults — has the signature of sign::Function::Code and binds its
// parameters from the argument span itself.
struct Function {
  std::string cpp_name;
  std::string sign_name;
  std::uint32_t line = 0;
  std::uint32_t param_count = 0;  // direct: locals[0, param_count) are the parameters
  std::int32_t arity = 0;         // as a function value; -1: any number (a ~rest parameter)
  std::vector<Local> locals;
  std::vector<StmtId> body;
  std::vector<std::string> captures;  // generic: the Sign names it captured, in order
  std::vector<std::uint32_t> tail_callees;  // direct calls in tail position (functions index)
  bool generic = false;
  bool loops = false;        // the body runs in `for (;;)`: it has self tail calls
  bool defers = false;       // may return a tail call for the caller's trampoline
  bool needs_entry = false;  // direct, used as a value: emit a Function::Code adapter
  bool uses_args = false;    // generic: reads its argument span
  bool destructures = false;    // direct: a parameter is a pattern it destructures
  bool bracket_params = false;  // direct: `f : [a b] ? ...`, the one parameter is the whole list
  bool rest_param = false;      // direct: `f : a ~rest ? ...`, the last parameter is a List of the rest
  // Int specialisation (issue 11): a self-recursive direct function gets a
  // twin over std::int64_t parameters, called wherever its arguments are
  // proven Ints (and by the original, when they turn out Ints at run time).
  CType result = CType::Value;   // the C++ result type
  int specializes = -1;          // the twin: the function it specialises
  int specialization = -1;       // the original: its twin
  bool emitted = true;           // false: an original or twin nothing calls (all calls went to the other)
  // Per parameter of a twin: a sign::Value every call gives it known not
  // to be __ (the caller's own parameter, past its guard), so the body has
  // no guard for it (CType::Given in the twin's key).
  std::vector<bool> given;
  // Per parameter: the body names it (last_use.cpp); emit leaves the others
  // unnamed (a twin for a lambda that captured nothing never reads it).
  std::vector<bool> named_params;
};

// A module another one imports (`lib@`), as the importer's C++ sees it.
struct ImportTarget {
  std::string stem;        // its file's stem
  std::string header;      // how the importer includes its header: the imported file's path relative
                           // to the directory the import was found in, as DIR/STEM.sign.hpp
  std::string cpp_module;  // its namespace below the root namespace
  bool builtin = false;    // `Module@`: the runtime's unloader binding, no file
};

// What lowering needs beyond the program itself.
struct Context {
  std::map<sema::ExprId, ImportTarget> imports;  // every `x@` of the program, resolved
  bool volatile_access = false;                  // layer 0: `@` and infix `#` are volatile
};

// An export of the module (memory-model.md §3), declared in its header.
struct Export {
  std::string sign_name;
  std::string cpp_name;
  std::string marker;  // "#", "##" or "###"; "## ref" / "### ref" for `name : ##e`
};

struct Module {
  std::string name;         // C++-safe module name: the namespace below sign_mod
  std::string registry_name;  // the module part of its `module:name` symbols: the file stem
  std::string source_name;  // file name of the .sign source, for comments
  std::vector<Global> globals;
  std::deque<Function> functions;  // stable addresses: lambdas are added while others are lowered
  std::vector<ImportTarget> imports;  // distinct imported modules, by stem
  std::vector<Export> exports;        // by name
  std::vector<IntDictShape> int_dicts;  // by int_dict_shape(type)
  Function load;            // the body of load(): top-level definitions in order
  std::vector<Expr> exprs;  // expression pool
  std::vector<Stmt> stmts;  // statement pool

  Module() = default;
  Module(Module&&) = default;  // the texts move with their nodes: callees still view them
  Module& operator=(Module&&) = default;
  Module(const Module&) = delete;  // a copy's callees would view this module's texts
  Module& operator=(const Module&) = delete;

  const Expr& expr(ExprId id) const { return exprs[id]; }
  // ctype_spelling, and an Int Dict's struct by name.
  std::string_view spelling(CType type) const {
    return is_int_dict(type) ? std::string_view(int_dicts[int_dict_shape(type)].cpp_name) : ctype_spelling(type);
  }
  const Stmt& stmt(StmtId id) const { return stmts[id]; }
  // `t` kept in texts (once): what an Expr::callee views.
  std::string_view text(std::string_view t) {
    const auto found = texts.find(t);
    return found != texts.end() ? std::string_view(*found) : std::string_view(*texts.emplace(t).first);
  }

 private:
  // A callee is mostly one of a few runtime functions: its text is kept
  // once per module, not in each expression.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view t) const { return std::hash<std::string_view>{}(t); }
  };
  std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
};

// `module_name` is the file's stem (before .sign/.sn); it is escaped as needed.
// Constructs code generation does not handle yet are reported in diags.
Module lower_module(const sema::Program& program, std::string_view module_name, Diagnostics& diags,
                    const Context& context = {});

void dump_ir(std::ostream& out, const Module& module);

// Marks the reads of each function's locals that are last uses handed to
// an owner (last_use.cpp); lower_module runs it once the module is lowered.
void mark_last_uses(Module& module);

// Moves a loop's __ guard of a parameter before the loop where no self
// tail call can give it __ (entry_guards.cpp); lower_module runs it.
void hoist_entry_guards(Module& module);

// C++ naming (names.cpp), exposed for tests.
std::string cpp_identifier(std::string_view sign_name);
std::string cpp_fresh_name(std::string_view sign_name, std::uint32_t version);
std::string cpp_module_name(std::string_view stem);

}  // namespace signc::lower
