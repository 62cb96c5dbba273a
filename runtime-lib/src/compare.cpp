// SPDX-License-Identifier: MIT
// Value-returning comparisons (contract in sign/impl/compare.hpp).
#include <sign/impl/arith.hpp>
#include <sign/impl/compare.hpp>

namespace sign::impl {
namespace {

enum class Rel { Less, LessEqual, Equal, MoreEqual, More };

bool is_number(const Value& v) { return v.is_int() || v.is_float(); }

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

double as_double(const Value& v) { return v.is_int() ? static_cast<double>(v.as_int()) : v.as_float(); }

// Numbers compare by value (Int with Float as doubles); values of other
// kinds are never ordered, so the comparison does not hold.
bool holds(Rel rel, const Value& l, const Value& r) {
  if (!is_number(l) || !is_number(r)) return false;
  if (l.is_int() && r.is_int()) return relate(rel, l.as_int(), r.as_int());
  return relate(rel, as_double(l), as_double(r));
}

bool is_arithmetic_identity(const Value& v) {
  return (v.is_int() && (v.as_int() == 0 || v.as_int() == 1)) ||
         (v.is_float() && (v.as_float() == 0.0 || v.as_float() == 1.0));
}

Value compare(Rel rel, const Value& l, const Value& r) {
  if (l.is_unit() || r.is_unit()) return Value::unit();
  if (!holds(rel, l, r)) return Value::unit();
  return is_arithmetic_identity(l) ? r : l;
}

Value chain(Rel rel, const Value& l, const Value& c, const Value& r) {
  if (l.is_unit() || c.is_unit() || r.is_unit()) return Value::unit();
  return holds(rel, l, c) && holds(rel, c, r) ? c : Value::unit();
}

bool same(const Value& l, const Value& r) {
  if (l.kind() != r.kind()) return false;
  if (l.is_unit()) return true;
  return l.is_int() ? l.as_int() == r.as_int() : l.as_float() == r.as_float();
}

}  // namespace

Value less(const Value& l, const Value& r) noexcept { return compare(Rel::Less, l, r); }
Value less_equal(const Value& l, const Value& r) noexcept { return compare(Rel::LessEqual, l, r); }
Value equal_to(const Value& l, const Value& r) noexcept { return compare(Rel::Equal, l, r); }
Value more_equal(const Value& l, const Value& r) noexcept { return compare(Rel::MoreEqual, l, r); }
Value more(const Value& l, const Value& r) noexcept { return compare(Rel::More, l, r); }

Value not_equal(const Value& l, const Value& r) noexcept {
  if (l.is_unit()) return r;
  if (r.is_unit()) return l;
  if (same(l, r)) return Value::unit();
  return is_arithmetic_identity(l) ? r : l;
}

Value structural_equal(const Value& l, const Value& r) noexcept { return same(l, r) ? l : Value::unit(); }

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
