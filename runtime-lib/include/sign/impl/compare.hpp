// SPDX-License-Identifier: MIT
// sign::impl comparisons — called only by generated code.
//
// Sign comparisons return values, not booleans (guide/operator_table.md,
// impl/type/comparison.md): when `l op r` holds the result is l — or r when
// l is the arithmetic identity 0 or 1, so `0 < x` yields x — and when it
// does not hold the result is __. A Unit operand absorbs, except for `!=`,
// where it is the identity. A chain `a < b < c` yields b.
#pragma once

#include <cstdint>
#include <string_view>

#include <sign/impl/text.hpp>
#include <sign/value.hpp>

namespace sign::impl {

[[nodiscard]] Value less_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value less_equal_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value equal_to_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value more_equal_dynamic(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value more_dynamic(const Value& l, const Value& r) noexcept;

// The result of an Int comparison that holds: l, or r when l is 0 or 1.
[[nodiscard]] inline Value int_comparison_result(const Value& l, const Value& r) noexcept {
  return static_cast<std::uint64_t>(l.as_int()) <= 1 ? r : l;
}
// Int with Int inline; everything else out of line.
[[nodiscard]] inline Value less(const Value& l, const Value& r) noexcept {
  if (!l.is_int() || !r.is_int()) return less_dynamic(l, r);
  return l.as_int() < r.as_int() ? int_comparison_result(l, r) : Value();
}
[[nodiscard]] inline Value less_equal(const Value& l, const Value& r) noexcept {
  if (!l.is_int() || !r.is_int()) return less_equal_dynamic(l, r);
  return l.as_int() <= r.as_int() ? int_comparison_result(l, r) : Value();
}
[[nodiscard]] inline Value equal_to(const Value& l, const Value& r) noexcept {  // `=`
  if (!l.is_int() || !r.is_int()) return equal_to_dynamic(l, r);
  return l.as_int() == r.as_int() ? int_comparison_result(l, r) : Value();
}
[[nodiscard]] inline Value more_equal(const Value& l, const Value& r) noexcept {
  if (!l.is_int() || !r.is_int()) return more_equal_dynamic(l, r);
  return l.as_int() >= r.as_int() ? int_comparison_result(l, r) : Value();
}
[[nodiscard]] inline Value more(const Value& l, const Value& r) noexcept {
  if (!l.is_int() || !r.is_int()) return more_dynamic(l, r);
  return l.as_int() > r.as_int() ? int_comparison_result(l, r) : Value();
}

// The same comparisons where the language types the left operand as neither
// a number nor unknown (a parameter it knows only as a Scalar, text, a
// List): a 0 or 1 there is not the arithmetic identity, so a comparison that
// holds yields l itself (comparison.md §2.1).
[[nodiscard]] Value less_yielding_left(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value less_equal_yielding_left(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value equal_to_yielding_left(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value more_equal_yielding_left(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value more_yielding_left(const Value& l, const Value& r) noexcept;
[[nodiscard]] Value not_equal_yielding_left(const Value& l, const Value& r) noexcept;

// Equal texts; a short one compared here, without a call to memcmp.
[[nodiscard]] inline bool same_text(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.size() > 16) return a == b;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// A comparison a branch tests: whether `l op r` holds (its value is not
// __), without making that value.
enum class Relation : std::uint8_t { Less, LessEqual, Equal, MoreEqual, More };
[[nodiscard]] bool holds_dynamic(Relation rel, const Value& l, const Value& r) noexcept;
[[nodiscard]] inline bool holds_less(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? l.as_int() < r.as_int() : holds_dynamic(Relation::Less, l, r);
}
[[nodiscard]] inline bool holds_less_equal(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? l.as_int() <= r.as_int() : holds_dynamic(Relation::LessEqual, l, r);
}
[[nodiscard]] inline bool holds_equal_to(const Value& l, const Value& r) noexcept {
  if (l.is_string() && r.is_string()) {  // `w = `tone``; an empty String is __, which equals nothing
    return !l.as_string().text().empty() && same_text(l.as_string().text(), r.as_string().text());
  }
  return l.is_int() && r.is_int() ? l.as_int() == r.as_int() : holds_dynamic(Relation::Equal, l, r);
}
// `l = `text`` tested, for a literal text that is not empty: only a String
// of that text equals it (an empty String is __, which equals nothing).
[[nodiscard]] inline bool holds_equal_text(const Value& l, std::string_view text) noexcept {
  return l.is_string() && same_text(l.as_string().text(), text);
}
// `s ' i = `c`` tested, i an Int: s's character i is the text c,
// read in place when it lies in s's ASCII start (no String made for it).
[[nodiscard]] bool holds_char_at_dynamic(const Value& s, std::int64_t i, std::string_view c);
[[nodiscard]] inline bool holds_char_at(const Value& s, std::int64_t i, std::string_view c) {
  if (s.is_string() && i >= 0 && c.size() == 1) {
    if (const int byte = s.as_string().ascii_byte(static_cast<std::size_t>(i)); byte >= 0) {
      return byte == static_cast<unsigned char>(c[0]);
    }
  }
  return holds_char_at_dynamic(s, i, c);
}
[[nodiscard]] inline bool holds_more_equal(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? l.as_int() >= r.as_int() : holds_dynamic(Relation::MoreEqual, l, r);
}
[[nodiscard]] inline bool holds_more(const Value& l, const Value& r) noexcept {
  return l.is_int() && r.is_int() ? l.as_int() > r.as_int() : holds_dynamic(Relation::More, l, r);
}

[[nodiscard]] Value not_equal(const Value& l, const Value& r) noexcept;       // `!=`
[[nodiscard]] Value structural_equal(const Value& l, const Value& r) noexcept;  // `==`: l or __
// `!==`: l when not structurally equal; a __ operand is the identity.
[[nodiscard]] Value not_same(const Value& l, const Value& r) noexcept;

// The middle operand when both comparisons hold, else __ (Units absorb).
[[nodiscard]] Value chain_less(const Value& l, const Value& c, const Value& r) noexcept;
[[nodiscard]] Value chain_less_equal(const Value& l, const Value& c, const Value& r) noexcept;
[[nodiscard]] Value chain_equal_to(const Value& l, const Value& c, const Value& r) noexcept;
[[nodiscard]] Value chain_more_equal(const Value& l, const Value& c, const Value& r) noexcept;
[[nodiscard]] Value chain_more(const Value& l, const Value& c, const Value& r) noexcept;

// `l ; r`: the one operand that is not __; __ when both or neither are.
[[nodiscard]] inline Value logic_xor(const Value& l, const Value& r) noexcept {
  if (l.is_unit()) return r;
  if (r.is_unit()) return l;
  return Value::unit();
}

// `n!`: the product 1..n in wrapping Int arithmetic; __ for __.
[[nodiscard]] Value factorial(const Value& v) noexcept;
// Prefix `-`: the negated number; __ for __.
[[nodiscard]] Value negate(const Value& v) noexcept;

}  // namespace sign::impl
