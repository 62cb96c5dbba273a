// SPDX-License-Identifier: MIT
// sema stage: names and static types over a syntax tree.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/syntax.hpp"

namespace signc::sema {

// Static types of pass 3. Dynamic means "not proven": the value is carried as
// a sign::Value and checked at run time.
enum class Type : std::uint8_t { Unit, Int, Float, Dynamic };
std::string_view type_name(Type type);

enum class BindingKind : std::uint8_t { Value };

// One top-level definition. A name defined twice has two bindings; a
// reference sees the latest one before it.
struct Binding {
  std::string name;
  BindingKind kind = BindingKind::Value;
  syntax::NodeId define = syntax::kNoNode;
  std::uint32_t version = 1;  // 1 for the first definition of the name, then 2, 3, ...
  Type type = Type::Dynamic;
};

inline constexpr std::int32_t kUnbound = -1;

struct Program {
  const SourceFile* file = nullptr;
  const syntax::SyntaxTree* tree = nullptr;
  std::vector<Binding> bindings;       // pass 1 identifier table, file order
  std::vector<std::int32_t> binding_of;  // per node: the binding a Name reads, or kUnbound
  std::vector<Type> type_of;           // per node: pass 3 type

  const syntax::Node& node(syntax::NodeId id) const { return tree->at(id); }
};

// Runs every front-end pass. The Program refers to `file` and `tree`, which
// must outlive it.
Program analyze(const SourceFile& file, const syntax::SyntaxTree& tree, Diagnostics& diags);

// Passes, exposed for tests and --emit dumps.
void resolve_identifiers(Program& program, Diagnostics& diags);
void propagate_types(Program& program);

// The identifier table and the type of every top-level form (--emit=types).
void dump_types(std::ostream& out, const Program& program);

}  // namespace signc::sema
