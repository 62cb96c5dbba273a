// SPDX-License-Identifier: MIT
// Value-returning comparisons (contract in sign/impl/compare.hpp).
#include <sign/impl/arith.hpp>
#include <sign/impl/compare.hpp>
#include <sign/impl/ops.hpp>

namespace sign::impl {
namespace {

enum class Rel { Less, LessEqual, Equal, MoreEqual, More };

template <class T>
bool relate(Rel rel, T a, T b) {
  switch (rel) {
    case Rel::Less: return a < b;
    case Rel::LessEqual: return a <= b;
    case Rel::Equal: return a == b;
    case Rel::MoreEqual: return a >= b;
    case Rel::More: return a > b;
  }
  return false;
}

// Numbers compare by value (Int with Float as doubles), Strings by their
// text (UTF-8 byte order is code point order); values of other kinds are
// never ordered, so the comparison does not hold.
bool holds(Rel rel, const Value& l, const Value& r) {
  if (l.is_string() && r.is_string()) return relate(rel, l.as_string().text(), r.as_string().text());
  if (!l.is_number() || !r.is_number()) return false;
  if (l.is_int() && r.is_int()) return relate(rel, l.as_int(), r.as_int());
  return relate(rel, l.to_double(), r.to_double());
}

bool is_arithmetic_identity(const Value& v) {
  return (v.is_int() && (v.as_int() == 0 || v.as_int() == 1)) ||
         (v.is_float() && (v.as_float() == 0.0 || v.as_float() == 1.0));
}

// numeric_left: the language types l as a number or not at all, so a 0 or
// 1 there is the arithmetic identity and the right operand is the result.
Value compare(Rel rel, const Value& l, const Value& r, bool numeric_left = true) {
  if (l.is_unit() || r.is_unit()) return Value::unit();
  if (!holds(rel, l, r)) return Value::unit();
  return numeric_left && is_arithmetic_identity(l) ? r : l;
}

Value chain(Rel rel, const Value& l, const Value& c, const Value& r) {
  if (l.is_unit() || c.is_unit() || r.is_unit()) return Value::unit();
  return holds(rel, l, c) && holds(rel, c, r) ? c : Value::unit();
}

// `!=`: numbers by value, Strings by text, other heap values by identity.
bool identical(const Value& l, const Value& r) {
  if (l.is_number() && r.is_number()) return holds(Rel::Equal, l, r);
  if (l.is_string() && r.is_string()) return l.as_string().text() == r.as_string().text();
  if (l.kind() != r.kind()) return false;
  return !l.is_heap() || l.object() == r.object();
}

// `==` is structural (type_system.md §6.2): the shape and the contents, never
// how a value was made. The values identified with __ are all equal.
bool same(const Value& l, const Value& r) {
  if (l.is_unit() || r.is_unit()) return l.is_unit() && r.is_unit();
  if (l.is_list() && r.is_list()) {
    const auto a = l.as_list().items(), b = r.as_list().items();
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same(a[i], b[i])) return false;
    }
    return true;
  }
  if (l.is_dict() && r.is_dict()) {
    const auto a = l.as_dict().entries();
    if (a.size() != r.as_dict().entries().size()) return false;
    for (const auto& [key, value] : a) {
      const Value* other = r.as_dict().find(key);
      if (other == nullptr || !same(value, *other)) return false;
    }
    return true;
  }
  return identical(l, r);
}

// `!=`: a __ on either side is the identity; numeric_left as for compare.
Value differ(const Value& l, const Value& r, bool numeric_left) {
  if (l.is_unit()) return r;
  if (r.is_unit()) return l;
  if (identical(l, r)) return Value::unit();
  return numeric_left && is_arithmetic_identity(l) ? r : l;
}

}  // namespace

Value less_dynamic(const Value& l, const Value& r) noexcept { return compare(Rel::Less, l, r); }
Value less_equal_dynamic(const Value& l, const Value& r) noexcept { return compare(Rel::LessEqual, l, r); }
Value equal_to_dynamic(const Value& l, const Value& r) noexcept { return compare(Rel::Equal, l, r); }
Value more_equal_dynamic(const Value& l, const Value& r) noexcept { return compare(Rel::MoreEqual, l, r); }
Value more_dynamic(const Value& l, const Value& r) noexcept { return compare(Rel::More, l, r); }

Value less_yielding_left(const Value& l, const Value& r) noexcept { return compare(Rel::Less, l, r, false); }
Value less_equal_yielding_left(const Value& l, const Value& r) noexcept {
  return compare(Rel::LessEqual, l, r, false);
}
Value equal_to_yielding_left(const Value& l, const Value& r) noexcept { return compare(Rel::Equal, l, r, false); }
Value more_equal_yielding_left(const Value& l, const Value& r) noexcept {
  return compare(Rel::MoreEqual, l, r, false);
}
Value more_yielding_left(const Value& l, const Value& r) noexcept { return compare(Rel::More, l, r, false); }

bool holds_dynamic(Relation rel, const Value& l, const Value& r) noexcept {
  static_assert(static_cast<int>(Relation::More) == static_cast<int>(Rel::More), "Relation and Rel agree");
  return !l.is_unit() && !r.is_unit() && holds(static_cast<Rel>(rel), l, r);
}

bool holds_char_at_dynamic(const Value& s, std::int64_t i, std::string_view c) {
  return holds_equal_text(get_index(s, Value::from_int(i)), c);
}

Value not_equal(const Value& l, const Value& r) noexcept { return differ(l, r, true); }
Value not_equal_yielding_left(const Value& l, const Value& r) noexcept { return differ(l, r, false); }

Value structural_equal(const Value& l, const Value& r) noexcept { return same(l, r) ? l : Value::unit(); }

Value not_same(const Value& l, const Value& r) noexcept {
  if (l.is_unit()) return r;
  if (r.is_unit()) return l;
  return same(l, r) ? Value::unit() : l;
}

Value chain_less(const Value& l, const Value& c, const Value& r) noexcept { return chain(Rel::Less, l, c, r); }
Value chain_less_equal(const Value& l, const Value& c, const Value& r) noexcept {
  return chain(Rel::LessEqual, l, c, r);
}
Value chain_equal_to(const Value& l, const Value& c, const Value& r) noexcept { return chain(Rel::Equal, l, c, r); }
Value chain_more_equal(const Value& l, const Value& c, const Value& r) noexcept {
  return chain(Rel::MoreEqual, l, c, r);
}
Value chain_more(const Value& l, const Value& c, const Value& r) noexcept { return chain(Rel::More, l, c, r); }

Value factorial(const Value& v) noexcept {
  if (v.is_unit()) return Value::unit();
  if (v.is_float()) {
    double r = 1;
    for (double i = 2; i <= v.as_float(); ++i) r *= i;
    return Value::from_float(r);
  }
  std::int64_t r = 1;
  for (std::int64_t i = 2; i <= v.as_int(); ++i) r = mul_wrap(r, i);
  return Value::from_int(r);
}

Value negate(const Value& v) noexcept {
  if (v.is_int()) return Value::from_int(sub_wrap(0, v.as_int()));
  if (v.is_float()) return Value::from_float(-v.as_float());
  return Value::unit();
}

}  // namespace sign::impl
