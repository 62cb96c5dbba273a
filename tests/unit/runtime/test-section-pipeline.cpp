// SPDX-License-Identifier: MIT
// A section pipeline over a range (sign/impl/pipeline.hpp) has the value of
// the unfused expression — range, then each section on the List before —
// at the edges the Int loop decides for itself: direction, the ends of the
// Int range, a range too long for a List, a zero divisor, rounding.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>

#include <sign/impl/call.hpp>
#include <sign/impl/ops.hpp>
#include <sign/impl/pipeline.hpp>
#include <sign/impl/section.hpp>

namespace impl = sign::impl;
using impl::SectionForm;
using impl::SectionOp;
using sign::Value;

namespace {

std::string literal(const Value& v) {
  std::ostringstream s;
  sign::write_literal(s, v);
  return s.str();
}

Value i(std::int64_t v) { return Value::from_int(v); }

// `[op bound,] xs~`, unfused.
Value mapped(SectionOp op, std::int64_t bound, Value xs) {
  return impl::apply_spread_list(impl::section(op, SectionForm::Map, i(bound)), std::move(xs));
}
// `[op] xs~`, unfused.
Value folded(SectionOp op, Value xs) { return impl::apply_spread_list(impl::section(op, SectionForm::Fold), std::move(xs)); }

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

}  // namespace

BOOST_AUTO_TEST_SUITE(section_pipeline)

BOOST_AUTO_TEST_CASE(fold_of_a_mapped_range_is_the_unfused_fold) {
  const Value fused = impl::fold_range<SectionOp::Add>(i(1), i(100), impl::map_stage<SectionOp::Mul>(i(3)));
  BOOST_TEST(literal(fused) == literal(folded(SectionOp::Add, mapped(SectionOp::Mul, 3, impl::range(i(1), i(100))))));
  BOOST_TEST(literal(fused) == "15150");
}

BOOST_AUTO_TEST_CASE(stages_apply_innermost_first) {
  // keep < 4, then * 10: 10 + 20 + 30; the other order would keep nothing.
  const Value fused = impl::fold_range<SectionOp::Add>(i(1), i(9), impl::map_stage<SectionOp::Less>(i(4)),
                                                       impl::map_stage<SectionOp::Mul>(i(10)));
  BOOST_TEST(literal(fused) == "60");
}

BOOST_AUTO_TEST_CASE(a_descending_range_folds_in_its_own_order) {
  const Value fused = impl::fold_range<SectionOp::Sub>(i(10), i(1));
  BOOST_TEST(literal(fused) == literal(folded(SectionOp::Sub, impl::range(i(10), i(1)))));
}

BOOST_AUTO_TEST_CASE(a_range_ending_at_the_largest_int_stops_there) {
  const Value fused = impl::map_range(i(kMax - 2), i(kMax));
  BOOST_TEST(literal(fused) == literal(impl::range(i(kMax - 2), i(kMax))));
  const Value down = impl::map_range(i(kMin + 2), i(kMin));
  BOOST_TEST(literal(down) == literal(impl::range(i(kMin + 2), i(kMin))));
}

BOOST_AUTO_TEST_CASE(ends_equal_as_doubles_but_not_as_ints_follow_range) {
  // Both ends round to 2^62 as doubles: range() counts up from the larger.
  const std::int64_t big = std::int64_t{1} << 62;
  BOOST_TEST(literal(impl::map_range(i(big + 1), i(big))) == literal(impl::range(i(big + 1), i(big))));
}

BOOST_AUTO_TEST_CASE(a_range_longer_than_a_list_may_be_is_left_to_the_general_path) {
  // There range() makes it __; building that many elements is too slow for a unit case.
  const auto most = static_cast<std::int64_t>(impl::kMaxRangeLength);
  BOOST_TEST(impl::pipeline::range_length(1, most).value_or(0) == impl::kMaxRangeLength);
  BOOST_TEST(!impl::pipeline::range_length(1, most + 1).has_value());
  BOOST_TEST(!impl::pipeline::range_length(kMax, kMin).has_value());
  BOOST_TEST(impl::pipeline::range_length(-3, -7).value_or(0) == 5u);
}

BOOST_AUTO_TEST_CASE(a_zero_divisor_takes_the_general_path) {
  const Value fused = impl::map_range(i(1), i(3), impl::map_stage<SectionOp::Mod>(i(0)));
  BOOST_TEST(literal(fused) == literal(mapped(SectionOp::Mod, 0, impl::range(i(1), i(3)))));
  const Value quotient = impl::fold_range<SectionOp::Add>(i(1), i(3), impl::map_stage<SectionOp::Div>(i(0)));
  BOOST_TEST(quotient.is_float());
}

BOOST_AUTO_TEST_CASE(a_section_quotient_is_exact_as_unfused) {
  const Value fused = impl::map_range(i(-5), i(5), impl::map_stage<SectionOp::Div>(i(2)));
  BOOST_TEST(literal(fused) == literal(mapped(SectionOp::Div, 2, impl::range(i(-5), i(5)))));
  BOOST_TEST(literal(fused).find("2.5") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sums_wrap_modulo_two_to_the_64) {
  const Value fused = impl::fold_range<SectionOp::Add>(i(kMax - 1), i(kMax), impl::map_stage<SectionOp::Mul>(i(2)));
  BOOST_TEST(literal(fused) == literal(folded(SectionOp::Add, mapped(SectionOp::Mul, 2, impl::range(i(kMax - 1), i(kMax))))));
}

BOOST_AUTO_TEST_CASE(a_fold_of_nothing_kept_is_unit) {
  BOOST_TEST(impl::fold_range<SectionOp::Mul>(i(1), i(5), impl::map_stage<SectionOp::More>(i(5))).is_unit());
}

BOOST_AUTO_TEST_CASE(a_map_that_keeps_nothing_is_an_empty_list_as_unfused) {
  const Value fused = impl::map_range(i(1), i(5), impl::map_stage<SectionOp::Eq>(i(9)));
  BOOST_TEST(fused.is_list());
  BOOST_TEST(literal(fused) == literal(mapped(SectionOp::Eq, 9, impl::range(i(1), i(5)))));
}

BOOST_AUTO_TEST_CASE(a_float_end_takes_the_general_path) {
  const Value fused = impl::fold_range<SectionOp::Add>(i(1), Value::from_float(3.5), impl::map_stage<SectionOp::Mul>(i(2)));
  BOOST_TEST(literal(fused) ==
             literal(folded(SectionOp::Add, mapped(SectionOp::Mul, 2, impl::range(i(1), Value::from_float(3.5))))));
}

BOOST_AUTO_TEST_CASE(a_fold_over_a_list_of_ints_is_the_unfused_fold) {
  const Value xs = sign::make_list({i(7), i(-3), i(12), i(5)});
  const Value fused = impl::fold_list<SectionOp::Sub>(xs, impl::map_stage<SectionOp::More>(i(0)),
                                                     impl::map_stage<SectionOp::Mul>(i(3)));
  BOOST_TEST(literal(fused) == literal(folded(SectionOp::Sub, mapped(SectionOp::Mul, 3, mapped(SectionOp::More, 0, xs)))));
  BOOST_TEST(literal(xs) == "[7 -3 12 5]");  // a List others hold is not changed
}

BOOST_AUTO_TEST_CASE(a_list_with_an_element_not_an_int_takes_the_general_path) {
  const auto list = [] { return sign::make_list({i(1), Value::from_float(2.5), sign::make_string("x")}); };
  const Value fused = impl::fold_list<SectionOp::Add>(list(), impl::map_stage<SectionOp::Mul>(i(2)));
  BOOST_TEST(literal(fused) == literal(folded(SectionOp::Add, mapped(SectionOp::Mul, 2, list()))));
}

BOOST_AUTO_TEST_CASE(a_spread_that_is_not_a_list_takes_the_general_path) {
  const Value text = sign::make_string("abc");
  BOOST_TEST(literal(impl::fold_list<SectionOp::Mul>(text)) == literal(folded(SectionOp::Mul, text)));
  BOOST_TEST(literal(impl::fold_list<SectionOp::Add>(i(9))) == "9");
}

BOOST_AUTO_TEST_SUITE_END()
