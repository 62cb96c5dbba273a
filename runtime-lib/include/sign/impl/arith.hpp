// SPDX-License-Identifier: MIT
// sign::impl arithmetic — called only by generated code.
//
// Sign integers are 64-bit and wrap modulo 2^64 (impl/core/integer_overflow.md
// §1); C++ signed overflow is UB, so every operation goes through unsigned
// arithmetic. Division rounds half away from zero (type_system.md §3.2). A
// zero divisor does not trap: like the reference interpreter, x / 0 is the
// Float ±Infinity (NaN for 0 / 0) and x % 0 is NaN.
#pragma once

#include <cmath>
#include <cstdint>

#include <sign/value.hpp>

namespace sign::impl {

// An Int twin's loop carries on with a Value that turned out an Int.
[[nodiscard]] constexpr bool is_int(const Value& v) noexcept { return v.is_int(); }
[[nodiscard]] constexpr std::int64_t as_int(const Value& v) noexcept { return v.as_int(); }

[[nodiscard]] constexpr std::int64_t add_wrap(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
[[nodiscard]] constexpr std::int64_t sub_wrap(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
[[nodiscard]] constexpr std::int64_t mul_wrap(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

// Quotient rounded half away from zero. Precondition: b != 0.
[[nodiscard]] constexpr std::int64_t div_round(std::int64_t a, std::int64_t b) noexcept {
  if (b == -1) return sub_wrap(0, a);  // INT64_MIN / -1 wraps instead of trapping
  const std::int64_t q = a / b;
  const std::int64_t r = a % b;
  const std::uint64_t ur = r < 0 ? 0 - static_cast<std::uint64_t>(r) : static_cast<std::uint64_t>(r);
  const std::uint64_t ub = b < 0 ? 0 - static_cast<std::uint64_t>(b) : static_cast<std::uint64_t>(b);
  // ur < ub, so ub - ur cannot underflow; ur >= ub - ur  <=>  2|r| >= |b|.
  if (ur != 0 && ur >= ub - ur) return ((a < 0) == (b < 0)) ? q + 1 : q - 1;
  return q;
}
// Remainder with the sign of the dividend (C++ and the reference agree).
// Precondition: b != 0.
[[nodiscard]] constexpr std::int64_t mod_trunc(std::int64_t a, std::int64_t b) noexcept {
  return b == -1 ? 0 : a % b;
}

[[nodiscard]] inline Value div_int(std::int64_t a, std::int64_t b) noexcept {
  if (b == 0) return Value::from_float(static_cast<double>(a) / 0.0);
  return Value::from_int(div_round(a, b));
}
// The quotient of two Ints where the language has not typed the division
// Int (only an Int-typed one rounds, type_system.md §3.2): an Int when b
// divides a, else the Float quotient.
[[nodiscard]] inline Value div_exact_int(std::int64_t a, std::int64_t b) noexcept {
  if (b == -1) return Value::from_int(sub_wrap(0, a));  // INT64_MIN / -1 wraps instead of trapping
  if (b != 0 && a % b == 0) return Value::from_int(a / b);
  return Value::from_float(static_cast<double>(a) / static_cast<double>(b));
}
// A result the language types Int (or Address) that is not whole — of a
// Float operand, say — rounds half away from zero, as a division of Ints
// does; a non-finite one stays as it is.
[[nodiscard]] inline double whole_float(double v) noexcept {
  return std::isfinite(v) && v != std::trunc(v) ? std::round(v) : v;
}
[[nodiscard]] inline Value whole(const Value& v) noexcept {
  return v.is_float() ? Value::from_float(whole_float(v.as_float())) : v;
}
[[nodiscard]] inline Value mod_int(std::int64_t a, std::int64_t b) noexcept {
  if (b == 0) return Value::from_float(std::nan(""));
  return Value::from_int(mod_trunc(a, b));
}
[[nodiscard]] inline double mod_float(double a, double b) noexcept { return std::fmod(a, b); }

// `0x` Address arithmetic (integer_overflow.md §1): the operands are
// unsigned 64-bit addresses and a result out of that range collapses to __
// instead of wrapping — an overflowed address must never be dereferenced.
// Unit rules as for every arithmetic operator.
namespace detail {
template <class Op>
[[nodiscard]] inline Value address_arith(const Value& l, const Value& r, Op op) noexcept {
  if (l.is_unit()) return Value::unit();
  if (r.is_unit()) return l;
  if (!l.is_int() || !r.is_int()) return Value::unit();
  std::uint64_t out = 0;
  if (op(static_cast<std::uint64_t>(l.as_int()), static_cast<std::uint64_t>(r.as_int()), &out)) return Value::unit();
  return Value::from_int(static_cast<std::int64_t>(out));
}
}  // namespace detail
[[nodiscard]] inline Value address_add(const Value& l, const Value& r) noexcept {
  return detail::address_arith(l, r, [](std::uint64_t a, std::uint64_t b, std::uint64_t* o) { return __builtin_add_overflow(a, b, o); });
}
[[nodiscard]] inline Value address_sub(const Value& l, const Value& r) noexcept {
  return detail::address_arith(l, r, [](std::uint64_t a, std::uint64_t b, std::uint64_t* o) { return __builtin_sub_overflow(a, b, o); });
}
[[nodiscard]] inline Value address_mul(const Value& l, const Value& r) noexcept {
  return detail::address_arith(l, r, [](std::uint64_t a, std::uint64_t b, std::uint64_t* o) { return __builtin_mul_overflow(a, b, o); });
}

// Dynamic arithmetic, for operands pass 3 could not type. Unit rules of the
// operator table: a Unit left operand absorbs (`__ + 5` is `__`), a Unit right
// operand is the identity (`5 + __` is `5`); Int with Float promotes to Float.
// Int with Int is decided inline (the common case in untyped code: no call,
// no branch on kinds beyond two compares); everything else goes out of line.
[[nodiscard]] Value add_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value sub_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value mul_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value div_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value mod_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] inline Value add(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? Value::from_int(add_wrap(l.as_int(), r.as_int())) : add_dynamic(l, r);
}
[[nodiscard]] inline Value sub(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? Value::from_int(sub_wrap(l.as_int(), r.as_int())) : sub_dynamic(l, r);
}
[[nodiscard]] inline Value mul(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? Value::from_int(mul_wrap(l.as_int(), r.as_int())) : mul_dynamic(l, r);
}
[[nodiscard]] inline Value div(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? div_int(l.as_int(), r.as_int()) : div_dynamic(l, r);
}
[[nodiscard]] inline Value div_exact(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? div_exact_int(l.as_int(), r.as_int()) : div_dynamic(l, r);
}
[[nodiscard]] inline Value mod(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? mod_int(l.as_int(), r.as_int()) : mod_dynamic(l, r);
}

}  // namespace sign::impl
