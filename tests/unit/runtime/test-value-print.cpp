// SPDX-License-Identifier: MIT
// Printing values: the Sign literal form and the --json form (DESIGN "Command line").
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <sstream>

#include <sign/value.hpp>

using sign::Value;

namespace {
std::string literal(const Value& v) {
  std::ostringstream s;
  sign::write_literal(s, v);
  return s.str();
}
std::string json(const Value& v) {
  std::ostringstream s;
  sign::write_json(s, v);
  return s.str();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(value_print)

BOOST_AUTO_TEST_CASE(unit_prints_as_double_underscore_and_json_null) {
  BOOST_TEST(literal(Value::unit()) == "__");
  BOOST_TEST(json(Value::unit()) == "null");
}

BOOST_AUTO_TEST_CASE(int_prints_in_decimal) {
  BOOST_TEST(literal(Value::from_int(-42)) == "-42");
  BOOST_TEST(json(Value::from_int(std::numeric_limits<std::int64_t>::min())) == "-9223372036854775808");
}

BOOST_AUTO_TEST_CASE(float_prints_shortest_round_trip) {
  BOOST_TEST(json(Value::from_float(0.1 + 0.2)) == "0.30000000000000004");
  BOOST_TEST(json(Value::from_float(2.5)) == "2.5");
}

BOOST_AUTO_TEST_CASE(integral_float_keeps_its_fraction_in_literal_form) {
  BOOST_TEST(literal(Value::from_float(3.0)) == "3.0");
  BOOST_TEST(literal(Value::from_float(1e21)) == "1e+21");
}

BOOST_AUTO_TEST_CASE(non_finite_floats_are_json_strings) {
  BOOST_TEST(json(Value::from_float(std::numeric_limits<double>::infinity())) == "\"Infinity\"");
  BOOST_TEST(json(Value::from_float(-std::numeric_limits<double>::infinity())) == "\"-Infinity\"");
  BOOST_TEST(json(Value::from_float(std::nan(""))) == "\"NaN\"");
}

BOOST_AUTO_TEST_SUITE_END()
