// SPDX-License-Identifier: MIT
// The consuming (`Value&&`) overloads of construct, push_back, push_front and
// product: a String or List that only the moved-in Value refers to grows in
// place; one that anything else still refers to is left as it was.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <sign/impl/ops.hpp>

#include "int-lists.hpp"

namespace impl = sign::impl;
using sign::Value;

using sign::test::int_items;
using sign::test::ints;
using sign::test::Ints;

BOOST_AUTO_TEST_SUITE(in_place_reuse)

BOOST_AUTO_TEST_CASE(sole_string_is_appended_in_place) {
  Value s = sign::make_string("ab");
  const sign::HeapObject* before = s.object();
  const Value r = impl::construct(std::move(s), Value::from_int(12));
  BOOST_TEST(r.object() == before);
  BOOST_TEST(r.as_string().text() == "ab12");
}

BOOST_AUTO_TEST_CASE(unboxed_int_is_appended_to_a_sole_string_in_place) {
  Value s = sign::make_string("ab");
  const sign::HeapObject* before = s.object();
  const Value r = impl::construct(std::move(s), std::int64_t{-9223372036854775807 - 1});
  BOOST_TEST(r.object() == before);
  BOOST_TEST(r.as_string().text() == "ab-9223372036854775808");
}

BOOST_AUTO_TEST_CASE(unboxed_int_after_anything_else_is_construct_with_an_int) {
  const Value shared = sign::make_string("ab");
  Value copy = shared;
  const Value joined = impl::construct(std::move(copy), std::int64_t{7});
  BOOST_TEST(joined.as_string().text() == "ab7");
  BOOST_TEST(shared.as_string().text() == "ab");
  BOOST_TEST(int_items(impl::construct(Value::from_int(1), std::int64_t{2})) == (Ints{1, 2}));
  BOOST_TEST(impl::construct(Value(), std::int64_t{5}).as_int() == 5);
}

BOOST_AUTO_TEST_CASE(shared_string_is_copied_and_left_unchanged) {
  const Value kept = sign::make_string("ab");
  Value s = kept;
  const Value r = impl::construct(std::move(s), sign::make_string("c"));
  BOOST_TEST(r.object() != kept.object());
  BOOST_TEST(r.as_string().text() == "abc");
  BOOST_TEST(kept.as_string().text() == "ab");
}

BOOST_AUTO_TEST_CASE(sole_list_takes_the_items_of_a_list_in_place) {
  Value l = ints({1, 2});
  const sign::HeapObject* before = l.object();
  const Value r = impl::construct(std::move(l), ints({3, 4}));
  BOOST_TEST(r.object() == before);
  BOOST_TEST(int_items(r) == (Ints{1, 2, 3, 4}));
}

BOOST_AUTO_TEST_CASE(list_joined_with_a_string_becomes_text_as_before) {
  const Value r = impl::construct(ints({1, 2}), sign::make_string("x"));
  BOOST_TEST(r.as_string().text() == "12x");
}

BOOST_AUTO_TEST_CASE(unit_operand_leaves_the_other_as_it_is) {
  Value l = ints({1});
  const sign::HeapObject* before = l.object();
  const Value r = impl::construct(std::move(l), Value());
  BOOST_TEST(r.object() == before);
  BOOST_TEST(impl::construct(Value(), Value::from_int(5)).as_int() == 5);
}

BOOST_AUTO_TEST_CASE(push_back_and_push_front_reuse_a_sole_list) {
  Value l = ints({2});
  const sign::HeapObject* before = l.object();
  Value r = impl::push_back(std::move(l), Value::from_int(3));
  r = impl::push_front(Value::from_int(1), std::move(r));
  BOOST_TEST(r.object() == before);
  BOOST_TEST(int_items(r) == (Ints{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(push_onto_a_shared_list_copies_it) {
  const Value kept = ints({2});
  Value l = kept;
  const Value r = impl::push_back(std::move(l), Value::from_int(3));
  BOOST_TEST(int_items(kept) == (Ints{2}));
  BOOST_TEST(int_items(r) == (Ints{2, 3}));
}

BOOST_AUTO_TEST_CASE(product_is_built_in_a_sole_list_it_reuses) {
  Value pair = impl::product(Value::from_int(1), Value::from_int(2));
  const sign::HeapObject* before = pair.object();
  const Value r = impl::product_reusing(std::move(pair), {Value::from_int(3), Value(), Value::from_int(4)});
  BOOST_TEST(r.object() == before);
  BOOST_TEST(int_items(r) == (Ints{3, 4}));
}

BOOST_AUTO_TEST_CASE(product_in_a_shared_list_builds_a_new_one) {
  const Value kept = impl::product(Value::from_int(1), Value::from_int(2));
  Value shared = kept;
  const Value r = impl::product_reusing(std::move(shared), {Value::from_int(3), Value::from_int(4)});
  BOOST_TEST(r.object() != kept.object());
  BOOST_TEST(int_items(kept) == (Ints{1, 2}));
  BOOST_TEST(int_items(r) == (Ints{3, 4}));
}

BOOST_AUTO_TEST_CASE(operand_that_is_also_the_other_operand_is_not_reused) {
  Value s = sign::make_string("ab");
  const Value r = impl::construct(std::move(s), s);
  BOOST_TEST(r.as_string().text() == "abab");
}

BOOST_AUTO_TEST_CASE(number_goes_in_front_of_a_sole_flat_list_in_place) {
  Value xs = ints({3, 4});
  const sign::HeapObject* before = xs.object();
  for (std::int64_t i = 2; i >= -100; --i) xs = impl::construct_expanded(Value::from_int(i), std::move(xs));
  BOOST_TEST(xs.object() == before);
  BOOST_TEST(int_items(xs).size() == 105U);
  BOOST_TEST(int_items(xs).front() == -100);
  BOOST_TEST(int_items(xs).back() == 4);
}

BOOST_AUTO_TEST_CASE(items_in_place_after_pushes_in_front_are_exactly_the_items) {
  Value xs = ints({5});
  xs = impl::construct_expanded(Value::from_int(4), std::move(xs));
  xs = impl::construct(std::move(xs), Value::from_int(6));  // appends through items_in_place
  xs = impl::construct_expanded(Value::from_int(3), std::move(xs));
  BOOST_TEST(int_items(xs) == (Ints{3, 4, 5, 6}));
}

BOOST_AUTO_TEST_CASE(number_in_front_of_a_shared_list_leaves_it_unchanged) {
  const Value shared = ints({1, 2});
  Value copy = shared;
  const Value r = impl::construct_expanded(Value::from_int(0), std::move(copy));
  BOOST_TEST(int_items(r) == (Ints{0, 1, 2}));
  BOOST_TEST(int_items(shared) == (Ints{1, 2}));
}

BOOST_AUTO_TEST_CASE(spread_of_a_nested_list_in_front_flattens_one_level) {
  Value nested = sign::make_list({ints({1, 2}), Value::from_int(3)});
  const Value r = impl::construct_expanded(Value::from_int(0), std::move(nested));
  BOOST_TEST(int_items(r) == (Ints{0, 1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(list_pushed_in_front_makes_the_list_nested_for_the_next_spread) {
  Value xs = ints({1, 2});
  xs = impl::push_front(ints({7, 8}), std::move(xs));  // `x [xs]~` keeps the List whole
  BOOST_TEST(xs.as_list().items().size() == 3U);
  const Value r = impl::construct_expanded(Value::from_int(0), std::move(xs));
  BOOST_TEST(int_items(r) == (Ints{0, 7, 8, 1, 2}));
}

BOOST_AUTO_TEST_CASE(sole_flat_list_is_its_own_flattening) {
  Value xs = ints({1, 2});
  const sign::HeapObject* before = xs.object();
  const Value r = impl::flatten(std::move(xs));
  BOOST_TEST(r.object() == before);
  BOOST_TEST(int_items(r) == (Ints{1, 2}));
}

BOOST_AUTO_TEST_CASE(unit_or_empty_operands_of_a_spread_construct) {
  BOOST_TEST(int_items(impl::construct_expanded(Value(), ints({1, 2}))) == (Ints{1, 2}));
  BOOST_TEST(impl::construct_expanded(Value::from_int(5), Value()).as_int() == 5);
  BOOST_TEST(impl::construct_expanded(Value::from_int(5), sign::make_list({})).as_int() == 5);
}

BOOST_AUTO_TEST_SUITE_END()
