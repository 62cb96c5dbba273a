// SPDX-License-Identifier: MIT
// sign::impl arithmetic: wrapping (integer_overflow.md §1), rounding division
// (type_system.md §3.2), zero divisors as in the reference, and the Unit rules
// of the operator table for dynamic operands.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include <sign/impl/arith.hpp>

namespace impl = sign::impl;
using sign::Value;

namespace {
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
}  // namespace

BOOST_AUTO_TEST_SUITE(arith)

BOOST_AUTO_TEST_CASE(decimal_addition_wraps_modulo_2_64) {
  BOOST_TEST(impl::add_wrap(kMax, 1) == kMin);
  BOOST_TEST(impl::sub_wrap(kMin, 1) == kMax);
  BOOST_TEST(impl::mul_wrap(kMax, 2) == -2);
}

BOOST_AUTO_TEST_CASE(integer_division_rounds_half_away_from_zero) {
  BOOST_TEST(impl::div_round(5, 2) == 3);
  BOOST_TEST(impl::div_round(-5, 2) == -3);
  BOOST_TEST(impl::div_round(5, -2) == -3);
  BOOST_TEST(impl::div_round(7, 2) == 4);
  BOOST_TEST(impl::div_round(10, 4) == 3);
  BOOST_TEST(impl::div_round(10, 3) == 3);
  BOOST_TEST(impl::div_round(-10, 3) == -3);
  BOOST_TEST(impl::div_round(kMax, kMax) == 1);
  BOOST_TEST(impl::div_round(kMin, 2) == kMin / 2);
}

BOOST_AUTO_TEST_CASE(division_of_min_by_minus_one_wraps) {
  BOOST_TEST(impl::div_round(kMin, -1) == kMin);
  BOOST_TEST(impl::mod_trunc(kMin, -1) == 0);
}

BOOST_AUTO_TEST_CASE(remainder_takes_the_sign_of_the_dividend) {
  BOOST_TEST(impl::mod_trunc(7, 3) == 1);
  BOOST_TEST(impl::mod_trunc(-7, 3) == -1);
  BOOST_TEST(impl::mod_trunc(7, -3) == 1);
}

BOOST_AUTO_TEST_CASE(integer_division_by_zero_is_a_non_finite_float) {
  BOOST_TEST(impl::div_int(1, 0).as_float() == std::numeric_limits<double>::infinity());
  BOOST_TEST(impl::div_int(-1, 0).as_float() == -std::numeric_limits<double>::infinity());
  BOOST_TEST(std::isnan(impl::div_int(0, 0).as_float()));
  BOOST_TEST(std::isnan(impl::mod_int(1, 0).as_float()));
  BOOST_TEST(impl::div(Value::from_int(1), Value::from_int(0)).is_float());
}

BOOST_AUTO_TEST_CASE(a_quotient_not_typed_int_is_exact) {
  BOOST_TEST(impl::div_exact_int(6, 3).as_int() == 2);
  BOOST_TEST(impl::div_exact_int(7, 2).as_float() == 3.5);
  BOOST_TEST(impl::div_exact_int(-1, 4).as_float() == -0.25);
  BOOST_TEST(impl::div_exact_int(kMin, -1).as_int() == kMin);
  BOOST_TEST(impl::div_exact_int(1, 0).as_float() == std::numeric_limits<double>::infinity());
  BOOST_TEST(std::isnan(impl::div_exact_int(0, 0).as_float()));
  BOOST_TEST(impl::div_exact(Value::from_int(1), Value::from_int(3)).is_float());
  BOOST_TEST(impl::div_exact(Value::unit(), Value::from_int(3)).is_unit());
}

BOOST_AUTO_TEST_CASE(an_int_typed_result_that_is_not_whole_rounds_half_away_from_zero) {
  BOOST_TEST(impl::whole_float(3.5) == 4.0);
  BOOST_TEST(impl::whole_float(-2.5) == -3.0);
  BOOST_TEST(impl::whole_float(2.0) == 2.0);
  BOOST_TEST(std::isinf(impl::whole_float(std::numeric_limits<double>::infinity())));
  BOOST_TEST(impl::whole(Value::from_float(0.5)).as_float() == 1.0);
  BOOST_TEST(impl::whole(Value::from_int(7)).as_int() == 7);
  BOOST_TEST(impl::whole(Value::unit()).is_unit());
}

BOOST_AUTO_TEST_CASE(unit_left_operand_absorbs) {
  BOOST_TEST(impl::add(Value::unit(), Value::from_int(5)).is_unit());
  BOOST_TEST(impl::mul(Value::unit(), Value::from_float(2.5)).is_unit());
}

BOOST_AUTO_TEST_CASE(unit_right_operand_is_identity) {
  const Value v = impl::add(Value::from_int(5), Value::unit());
  BOOST_TEST(v.is_int());
  BOOST_TEST(v.as_int() == 5);
}

BOOST_AUTO_TEST_CASE(int_with_float_promotes_to_float) {
  const Value v = impl::add(Value::from_int(1), Value::from_float(1.5));
  BOOST_TEST(v.is_float());
  BOOST_TEST(v.as_float() == 2.5);
  const Value q = impl::div(Value::from_int(7), Value::from_float(2.0));
  BOOST_TEST(q.as_float() == 3.5);
}

BOOST_AUTO_TEST_CASE(dynamic_int_arithmetic_wraps) {
  const Value v = impl::add(Value::from_int(kMax), Value::from_int(1));
  BOOST_TEST(v.as_int() == kMin);
}

BOOST_AUTO_TEST_CASE(float_remainder_is_fmod) {
  BOOST_TEST(impl::mod(Value::from_float(7.5), Value::from_int(2)).as_float() == 1.5);
}

BOOST_AUTO_TEST_SUITE_END()
