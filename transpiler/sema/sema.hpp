// SPDX-License-Identifier: MIT
// sema stage: the grammar-shaped syntax tree → a resolved binary tree with an
// identifier table and static types (impl/core/compiler_pipeline.md, Pass 1–3).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/syntax.hpp"

namespace signc::sema {

//=== operators ================================================================
// Every operator of guide/operator_table.md by role, plus the five meanings
// pass 2 gives whitespace (the coproduct). Names follow the operator table.
enum class Op : std::uint8_t {
  None,
  // infix, by tier (low to high)
  Define, Output, Xor, Or, And, Same, Equal, NotSame, Product,
  Range, RangeArith, RangeArithRev, RangeGeom, RangeGeomRev, RangePow,
  Less, LessEqual, Eq, MoreEqual, More, NotEqual,
  Add, Sub, Mul, Div, Mod, Pow, GetProp, GetAt, ShiftLeft, ShiftRight, BitOr, BitXor, BitAnd,
  // whitespace, as resolved by pass 2 (coproduct_resolver.md)
  Apply, PartialApply, Compose, Construct, Push, Unshift, Concat,
  // prefix
  ExportInternal, ExportExternal, ExportPinned, Continuous, Not, Address, Input, BitNot, Negate,
  // postfix
  Factorial, Expand, Import,
};

std::string_view op_name(Op op);    // "add", "apply", "export_internal", ...
std::string_view op_symbol(Op op);  // "+", " ", "#", ...
// Infix tier of an operator spelling (12..22 bind tighter), or 0.
int infix_tier(std::string_view symbol);
Op infix_op(std::string_view symbol);
Op prefix_op(std::string_view symbol);
Op postfix_op(std::string_view symbol);

//=== resolved tree ============================================================

using ExprId = std::uint32_t;
using ScopeId = std::uint32_t;
using BindingId = std::uint32_t;
inline constexpr ExprId kNoExpr = UINT32_MAX;
inline constexpr ScopeId kNoScope = UINT32_MAX;
inline constexpr BindingId kNoBinding = UINT32_MAX;

enum class ExprKind : std::uint8_t {
  Atom,          // a literal, __ or _ (syntax: its syntax node) or a name (name)
  Prefix,        // op a
  Postfix,       // a op
  Infix,         // a op b (including the resolved coproduct: apply, compose, ...)
  ChainCompare,  // a op b op c: `1 < x < 9`
  Section,       // an operator missing operands: [+] [+ 1] [7 -] [* 2,] [!_] [_!]; a/b may be kNoExpr
  Lambda,        // params ? body: a = params (Params or a single-name Atom, or kNoExpr), b = body
  Params,        // kids: Param entries; flag kBracketParams for `[x ~xs] ? ...`
  Param,         // name; a = default expression or kNoExpr; kids = pattern entries; flag kRest
  Block,         // kids: lines; block = bracket kind
};

// Expr::flags
inline constexpr std::uint8_t kPointfreeMap = 1;  // `[* 2,]`
inline constexpr std::uint8_t kRest = 2;          // `~rest` parameter
inline constexpr std::uint8_t kBracketParams = 4; // `[x ~xs] ? ...`
inline constexpr std::uint8_t kHoleLambda = 8;    // lambda made from `_` holes
inline constexpr std::uint8_t kFunctionBody = 16; // indented block that is a lambda body

struct Expr {
  ExprKind kind = ExprKind::Atom;
  Op op = Op::None;
  std::uint8_t flags = 0;
  std::uint8_t exported = 0;  // Define only: 0, or 1/2/3 for #name, ##name, ###name
  syntax::BlockKind block = syntax::BlockKind::Paren;
  Span span;
  // Atoms carry their literal themselves (kind, text as written, value), so a
  // tree read from S-expressions needs no syntax tree.
  // Text is a slice of the source, or of Program::strings for names signc
  // makes up and for S-expression input.
  syntax::AtomKind atom = syntax::AtomKind::Unit;
  std::string_view text;  // literal text as written: "`abc`", "0x1F", "\\c", "2.5"
  std::string_view name;  // identifiers (atom == Identifier), Param names
  union {
    std::int64_t int_value = 0;  // Int atoms
    double float_value;          // Float atoms
  };
  ExprId a = kNoExpr, b = kNoExpr, c = kNoExpr;
  std::vector<ExprId> kids;
  ScopeId scope = kNoScope;  // Lambda, Block: the scope their body is resolved in
};

//=== identifier table (pass 1) ================================================

// Pass 1's Layer-1 category: whether a name denotes a function (Lambda) or a
// value (Atom). Whitespace between two terms is resolved from these.
enum class Category : std::uint8_t { Atom, Lambda };

inline constexpr std::int32_t kUnbounded = INT32_MAX;  // arity with a ~rest parameter

struct Binding {
  std::string_view name;
  ScopeId scope = kNoScope;
  syntax::NodeId line = syntax::kNoNode;  // the defining line (kNoNode for parameters)
  bool is_parameter = false;
  std::uint8_t exported = 0;
  bool bare_rest = false;  // `f : x ~xs ? ...`: a List argument must be spread with ~
  // Known once the right-hand side has been resolved (lazily, on first use).
  bool resolved = false;
  bool resolving = false;
  Category category = Category::Atom;
  std::int32_t arity = -1;           // -1: unknown
  std::int32_t required_arity = -1;  // parameters without default or rest
  ExprId value = kNoExpr;            // the resolved right-hand side
};

// A scope holds the names defined by `name : ...` lines directly in it; later
// lines of the same name replace earlier ones, as in the reference.
struct Scope {
  ScopeId parent = kNoScope;
  std::unordered_map<std::string_view, BindingId> names;
};

//=== types (pass 3) ===========================================================

// Static types (impl/type/type_system.md §2): the Layer-2 atom subtypes pass 3
// can prove from syntax, plus Lambda from Layer 1. Chars are Strings of one
// character. Dynamic means "not proven": the value is carried as a sign::Value.
enum class Type : std::uint8_t { Unit, Int, Float, String, Address, List, Lambda, Dynamic };
std::string_view type_name(Type type);

// The Layer-2 atom type the language's own pass 3 writes on each node
// (impl/type/type_system.md §3.2, §7.1): computed by its rules, not proven —
// a parameter is typed by the literal it meets, a function by its arms. The
// language decides by it whether a result that is not whole rounds (Int,
// Address), whether a comparison with 0 or 1 on its left yields its right
// operand (a numeric left, or one not typed), and whether |x| of __ is 0
// (List, String). Unknown is the language's "not typed". See atom_types.cpp.
enum class AtomType : std::uint8_t {
  Unknown, Int, Address, Float, Vector, String, List, Struct, Unit, Scalar, Atom, Implicit, Iterator, Union,
};
std::string_view atom_type_name(AtomType type);
inline bool is_numeric(AtomType t) {
  return t == AtomType::Int || t == AtomType::Address || t == AtomType::Float || t == AtomType::Vector;
}
// A result of this type that is not whole rounds half away from zero.
inline bool rounds_to_whole(AtomType t) { return t == AtomType::Int || t == AtomType::Address; }

//=== module interfaces ========================================================

// What an importer knows of an imported module when it is compiled: each
// export's category and arity (the module's public symbol file,
// memory-model.md §3), so `lib@ ' greet 2` resolves to an application.
struct ExportInfo {
  Category category = Category::Atom;
  std::int32_t arity = -1;  // -1: unknown
  std::int32_t required_arity = -1;
};
using ModuleInterface = std::map<std::string, ExportInfo, std::less<>>;
// The interface of an import given as written (`lib` for `lib@`,
// `util/x.sign` for `` `util/x.sign`@ ``), or null when it is unknown.
using InterfaceLookup = std::function<const ModuleInterface*(std::string_view spec)>;


//=== the program ==============================================================

struct Program {
  const SourceFile* file = nullptr;
  std::deque<std::string> strings;  // storage for names that are not in the source (stable addresses)
  const syntax::SyntaxTree* tree = nullptr;
  ScratchVector<Expr> exprs;
  std::vector<Scope> scopes;
  std::vector<Binding> bindings;
  std::vector<ExprId> forms;  // resolved top-level lines, file order
  ScopeId file_scope = kNoScope;
  std::vector<Type> type_of;  // per expr
  std::vector<AtomType> atom_type;  // per expr
  ModuleInterface exports;    // the module's own exports (Sign source only)

  const Expr& expr(ExprId id) const { return exprs[id]; }
  // Keeps a string for the program's lifetime.
  std::string_view keep(std::string s) { return strings.emplace_back(std::move(s)); }
  bool is_atom(ExprId id, syntax::AtomKind kind) const {
    return id != kNoExpr && exprs[id].kind == ExprKind::Atom && exprs[id].atom == kind;
  }
};

// The import an expression denotes, as written, if it is `name@` or
// `` `path`@ `` (the spec InterfaceLookup takes).
std::optional<std::string_view> import_spec(const Program& program, ExprId id);

// The binding `name` refers to from `scope`: the innermost scope defining it.
std::optional<BindingId> lookup(const Program& program, std::string_view name, ScopeId scope);

struct Options {
  // Allocation prefixes (# ## ###) inside an expression are ignored with a
  // warning (memory-model.md §3); strict makes them an error.
  bool strict_alloc = false;
  // The module's hardware capability layer (option.ms `layer`, 0..4;
  // build_system.md §4): layer 0 forbids the allocation prefixes everywhere,
  // layers 0 and 1 forbid Float literals.
  int layer = 4;
  // Interfaces of the modules this one imports, asked for while resolving
  // (the driver translates the imported module then); empty: none known.
  InterfaceLookup imports;
};

// Runs pass 1, pass 2 and pass 3. The Program refers to `file` and `tree`,
// which must outlive it.
Program analyze(const SourceFile& file, const syntax::SyntaxTree& tree, Diagnostics& diags, const Options& options = {});

// Pass 3 and the allocation-prefix check over an already resolved program
// (the S-expression reader enters the pipeline here).
void finish_analysis(Program& program, Diagnostics& diags, const Options& options = {});

// The resolved tree as an indented S-expression (--emit=sema).
void dump_tree(std::ostream& out, const Program& program);
// The identifier table of the file scope and the type of every top-level form.
void dump_types(std::ostream& out, const Program& program);

}  // namespace signc::sema
