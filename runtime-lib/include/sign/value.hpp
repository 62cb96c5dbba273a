// SPDX-License-Identifier: MIT
// sign::Value — the dynamic representation of a Sign value, used wherever
// pass 3 cannot prove a static type (DESIGN "Generated code").
//
// Calling convention, stated once (Lean's lean.h does the same): an owned
// argument is `sign::Value` by value, a borrowed one `const sign::Value&`,
// results are always owned. Scalars live in the Value itself; Strings, Lists,
// Dicts and Functions are heap objects with an intrusive, non-atomic
// reference count (sign/heap.hpp): a program's values belong to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <utility>

namespace sign {

// The kinds a Value can hold. Unit is Sign's `__`: the empty coproduct,
// "none" and "false" at once. Chars are Strings of one character, as in the
// language (String ≅ List(0u)).
enum class Kind : std::uint8_t {
  Unit, Int, Float,
  // heap kinds (sign/heap.hpp)
  String, List, Dict, Function,
  // `$x` on a module variable: reads and writes the variable (`@a`, `a # v`).
  Address,
  // Internal: a tail call handed to the caller's trampoline (sign/impl/call.hpp);
  // never stored, printed or seen by Sign code.
  TailCall,
};

class HeapObject;
class String;
class List;
class Dict;
class Function;
class Address;

class Value {
 public:
  constexpr Value() noexcept : kind_(Kind::Unit), int_(0) {}
  Value(const Value& other) noexcept : kind_(other.kind_), int_(other.int_) {
    if (is_heap()) retain();
  }
  Value(Value&& other) noexcept : kind_(other.kind_), int_(other.int_) { other.kind_ = Kind::Unit; }
  Value& operator=(const Value& other) noexcept {
    Value copy(other);
    swap(copy);
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    Value moved(std::move(other));
    swap(moved);
    return *this;
  }
  constexpr ~Value() {
    if (is_heap()) release();
  }
  void swap(Value& other) noexcept {
    std::swap(kind_, other.kind_);
    std::swap(int_, other.int_);
  }

  static constexpr Value unit() noexcept { return Value(); }
  static constexpr Value from_int(std::int64_t v) noexcept { return Value(Kind::Int, v); }
  static constexpr Value from_float(double v) noexcept { return Value(v); }
  // The marker a function returns to hand a tail call to its caller's
  // trampoline (sign/impl/call.hpp).
  static constexpr Value tail_call_marker() noexcept { return Value(Kind::TailCall, std::int64_t{0}); }
  // Takes over one reference to `object`, whose kind is `kind`.
  static Value adopt(Kind kind, HeapObject* object) noexcept { return Value(kind, object); }

  constexpr Kind kind() const noexcept { return kind_; }
  // Unit, and the values the language identifies with it: the empty List and
  // the empty String (impl/core/unit.md: `__ = []`).
  bool is_unit() const noexcept;
  constexpr bool is_int() const noexcept { return kind_ == Kind::Int; }
  constexpr bool is_float() const noexcept { return kind_ == Kind::Float; }
  constexpr bool is_number() const noexcept { return kind_ == Kind::Int || kind_ == Kind::Float; }
  constexpr bool is_string() const noexcept { return kind_ == Kind::String; }
  constexpr bool is_list() const noexcept { return kind_ == Kind::List; }
  constexpr bool is_dict() const noexcept { return kind_ == Kind::Dict; }
  constexpr bool is_function() const noexcept { return kind_ == Kind::Function; }
  constexpr bool is_address() const noexcept { return kind_ == Kind::Address; }
  constexpr bool is_heap() const noexcept { return kind_ >= Kind::String && kind_ <= Kind::Address; }

  // Preconditions: the matching is_*() holds.
  constexpr std::int64_t as_int() const noexcept { return int_; }
  constexpr double as_float() const noexcept { return float_; }
  double to_double() const noexcept { return is_int() ? static_cast<double>(int_) : float_; }
  const String& as_string() const noexcept;
  const List& as_list() const noexcept;
  const Dict& as_dict() const noexcept;
  const Function& as_function() const noexcept;
  const Address& as_address() const noexcept;
  HeapObject* object() const noexcept { return object_; }
  // Where in a Value an Int's int64 lies (sign::impl::Elements reads the
  // Ints of a List of Values in place).
  static constexpr std::size_t int_offset() noexcept { return offsetof(Value, int_); }

 private:
  constexpr Value(Kind k, std::int64_t v) noexcept : kind_(k), int_(v) {}
  constexpr explicit Value(double v) noexcept : kind_(Kind::Float), float_(v) {}
  Value(Kind k, HeapObject* o) noexcept : kind_(k), object_(o) {}
  void retain() const noexcept;
  void release() noexcept;

  Kind kind_;
  union {
    std::int64_t int_;
    double float_;
    HeapObject* object_;
  };
};

// Sign literal form: `42`, `2.5`, `3.0`, `__`, `` `text` ``, `[1 2 3]`.
void write_literal(std::ostream& out, const Value& v);
// One JSON value in the sign-oracle convention: Unit and the empty List ->
// null, numbers -> numbers (non-finite floats as "NaN", "Infinity",
// "-Infinity"), Strings -> strings, Lists -> arrays, Dicts -> objects,
// Functions -> "<function>", Addresses -> "<address>".
void write_json(std::ostream& out, const Value& v);

}  // namespace sign

#include <sign/heap.hpp>
