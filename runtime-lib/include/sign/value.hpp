// SPDX-License-Identifier: MIT
// sign::Value — the dynamic representation of a Sign value, used wherever
// pass 3 cannot prove a static type (DESIGN "Generated code").
//
// Calling convention, stated once (Lean's lean.h does the same): an owned
// argument is `sign::Value` by value, a borrowed one `const sign::Value&`,
// results are always owned. Values of the scalar kinds below are trivially
// copyable; heap kinds (String, List, …) arrive with reference counting.
#pragma once

#include <cstdint>
#include <iosfwd>

namespace sign {

// The kinds a Value can hold. Unit is Sign's `__`: the empty coproduct,
// "none" and "false" at once.
enum class Kind : std::uint8_t { Unit, Int, Float };

class Value {
 public:
  constexpr Value() noexcept : kind_(Kind::Unit), int_(0) {}

  static constexpr Value unit() noexcept { return Value(); }
  static constexpr Value from_int(std::int64_t v) noexcept { return Value(Kind::Int, v); }
  static constexpr Value from_float(double v) noexcept { return Value(v); }

  constexpr Kind kind() const noexcept { return kind_; }
  constexpr bool is_unit() const noexcept { return kind_ == Kind::Unit; }
  constexpr bool is_int() const noexcept { return kind_ == Kind::Int; }
  constexpr bool is_float() const noexcept { return kind_ == Kind::Float; }
  // Preconditions: the matching is_*() holds.
  constexpr std::int64_t as_int() const noexcept { return int_; }
  constexpr double as_float() const noexcept { return float_; }

 private:
  constexpr Value(Kind k, std::int64_t v) noexcept : kind_(k), int_(v) {}
  constexpr explicit Value(double v) noexcept : kind_(Kind::Float), float_(v) {}

  Kind kind_;
  union {
    std::int64_t int_;
    double float_;
  };
};

// Sign literal form: `42`, `2.5`, `3.0`, `__`.
void write_literal(std::ostream& out, const Value& v);
// One JSON value: Unit -> null, numbers -> numbers (non-finite floats as the
// strings "NaN", "Infinity", "-Infinity", like the reference oracle).
void write_json(std::ostream& out, const Value& v);

}  // namespace sign
