// SPDX-License-Identifier: MIT
// sign::impl::IntOrUnit — an element read by index from lent Elements, and
// arithmetic on it, where a comparison tests the result (issue 11): the
// test `qs ' i - c = n - i` of n-queens makes no sign::Value.
#pragma once

#include <cstdint>

#include <sign/impl/arith.hpp>
#include <sign/impl/ops.hpp>

namespace sign::impl {

// An Int, or the __ a read past either end of a List gives.
struct IntOrUnit {
  std::int64_t value = 0;
  bool is_int = false;

  constexpr IntOrUnit() noexcept = default;
  constexpr IntOrUnit(std::int64_t v) noexcept : value(v), is_int(true) {}  // NOLINT(google-explicit-constructor): an Int is one
};

// `qs ' i`: element i (negative from the end), or __ past either end.
[[nodiscard]] inline IntOrUnit int_or_unit_at(Elements xs, std::int64_t i) noexcept {
  const auto size = static_cast<std::int64_t>(xs.size());
  if (i < 0) i += size;
  if (i < 0 || i >= size) return {};
  return xs[static_cast<std::size_t>(i)];
}

// Arithmetic by the Unit rules of the operator table: a __ left operand
// absorbs (`__ - 1` is __), a __ right one is the identity (`1 - __` is 1,
// so an Int on the left gives an Int); Ints wrap.
[[nodiscard]] constexpr IntOrUnit add(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int ? IntOrUnit(add_wrap(l.value, r.value)) : l;
}
[[nodiscard]] constexpr IntOrUnit sub(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int ? IntOrUnit(sub_wrap(l.value, r.value)) : l;
}
[[nodiscard]] constexpr IntOrUnit mul(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int ? IntOrUnit(mul_wrap(l.value, r.value)) : l;
}
[[nodiscard]] constexpr std::int64_t add(std::int64_t l, IntOrUnit r) noexcept { return r.is_int ? add_wrap(l, r.value) : l; }
[[nodiscard]] constexpr std::int64_t sub(std::int64_t l, IntOrUnit r) noexcept { return r.is_int ? sub_wrap(l, r.value) : l; }
[[nodiscard]] constexpr std::int64_t mul(std::int64_t l, IntOrUnit r) noexcept { return r.is_int ? mul_wrap(l, r.value) : l; }

// A comparison holds only of two Ints (with a __ operand it is __).
[[nodiscard]] constexpr bool holds_less(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int && l.value < r.value;
}
[[nodiscard]] constexpr bool holds_less_equal(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int && l.value <= r.value;
}
[[nodiscard]] constexpr bool holds_equal_to(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int && l.value == r.value;
}
[[nodiscard]] constexpr bool holds_more_equal(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int && l.value >= r.value;
}
[[nodiscard]] constexpr bool holds_more(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int && r.is_int && l.value > r.value;
}
// `!=` yields the other operand where one is __, so it holds unless both
// are __ or both the same Int.
[[nodiscard]] constexpr bool holds_not_equal(IntOrUnit l, IntOrUnit r) noexcept {
  return l.is_int ? !r.is_int || l.value != r.value : r.is_int;
}

}  // namespace sign::impl
