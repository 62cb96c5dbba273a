// SPDX-License-Identifier: MIT
// sign::impl point-free sections — operators used as functions
// (guide/function_guide.md): `[+]` folds all its arguments, `[+ 1]` and
// `[1 -]` fill the missing operand, `[* 2,]` maps over its arguments and
// drops the __ results (so `[< 3,]` selects), `[!_]` applies a prefix operator.
#pragma once

#include <cstdint>
#include <string_view>

#include <sign/value.hpp>

namespace sign::impl {

enum class SectionOp : std::uint8_t {
  Add, Sub, Mul, Div, Mod, Pow,
  Less, LessEqual, Eq, MoreEqual, More,
  Equal, NotEqual, NotSame,
  And, Or, Xor,
  GetProp,
  Construct,
  // unary: `[!_]`, `[-_]`, `[_!]`, `[_~]`, `[@_]`
  Not, Negate, Factorial, Flatten, Input,
};

enum class SectionForm : std::uint8_t {
  Fold,        // `[+]`: both operands missing
  RightBound,  // `[+ 1]`
  LeftBound,   // `[1 -]`
  Map,         // `[* 2,]` (the right operand may be missing: `[+,]`)
  Unary,       // `[!_]`
};

[[nodiscard]] Value section(SectionOp op, SectionForm form, const Value& bound = Value());
// `[op b,] xs~` where only `xs` refers to the List: maps it in place (the
// List becomes the result). False, xs untouched, if f is not a mapping
// section or the List is shared.
[[nodiscard]] bool map_in_place(const Value& f, Value& xs);
// `[< p,] xs~`, `[+] xs~` over a packed List, with an Int bound: read
// from its int64s, a filter's result packed too, no element boxed (a
// quicksort's partitions of a slice, the sum of a List held elsewhere).
// Unit where f is no such section or xs no packed List.
[[nodiscard]] Value over_packed(const Value& f, const Value& xs);
// `[' name]`: the slot `name` of a Dict argument; for other arguments the
// value of the variable `name` (`name_value`) is the index.
[[nodiscard]] Value field_section(std::string_view name, const Value& name_value);

}  // namespace sign::impl
