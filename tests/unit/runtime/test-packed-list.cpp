// SPDX-License-Identifier: MIT
// A List built of Ints is packed (int64s, not Values): it reads the same
// through every operation, is boxed once for code that needs Values, and
// is unpacked for good when something else joins it.
#include <boost/test/unit_test.hpp>
#include <functional>
#include <thread>
#include <utility>

#include <sign/impl/call.hpp>
#include <sign/impl/compare.hpp>
#include <sign/impl/ops.hpp>

#include "int-lists.hpp"

namespace impl = sign::impl;
using sign::Value;
using sign::test::int_items;
using sign::test::Ints;

namespace {
sign::List& in_place(Value& list) { return *static_cast<sign::List*>(list.object()); }
Value one_to(std::int64_t n) { return impl::range(Value::from_int(1), Value::from_int(n)); }
}  // namespace

BOOST_AUTO_TEST_SUITE(packed_list)

BOOST_AUTO_TEST_CASE(ranges_and_pairs_of_ints_are_packed) {
  BOOST_TEST(one_to(3).as_list().is_packed());
  BOOST_TEST(impl::construct(Value::from_int(1), Value::from_int(2)).as_list().is_packed());
  BOOST_TEST(!impl::range(Value::from_float(0.5), Value::from_int(2)).as_list().is_packed());
  BOOST_TEST(!impl::construct(Value::from_int(1), Value::from_float(0.5)).as_list().is_packed());
}

BOOST_AUTO_TEST_CASE(a_packed_list_reads_as_its_values) {
  const Value xs = one_to(4);
  BOOST_TEST(int_items(xs) == Ints({1, 2, 3, 4}));
  BOOST_TEST(xs.as_list().is_packed());  // boxed for the reader, still packed
  BOOST_TEST(impl::get_index(xs, Value::from_int(-1)).as_int() == 4);
  BOOST_TEST(!impl::structural_equal(xs, sign::test::ints({1, 2, 3, 4})).is_unit());
}

BOOST_AUTO_TEST_CASE(indexing_a_packed_list_or_its_slice_reads_its_ints) {
  const Value xs = one_to(4);
  BOOST_TEST(impl::get_index(xs, Value::from_int(0)).as_int() == 1);
  BOOST_TEST(impl::get_named(xs, "i", Value::from_int(-2)).as_int() == 3);  // `xs ' i`, i a name
  BOOST_TEST(impl::get_index(xs, Value::from_int(4)).is_unit());
  BOOST_TEST(impl::get_index(xs, Value::from_int(-5)).is_unit());
  BOOST_TEST(impl::get_index(sign::list_slice(xs, 1, 3), Value::from_int(1)).as_int() == 3);
}

BOOST_AUTO_TEST_CASE(lent_elements_read_by_index_as_the_list_would_be) {
  const Value xs = one_to(4);
  const impl::Elements lent = impl::elements(xs);
  BOOST_TEST(impl::element_at(lent, 0).as_int() == 1);
  BOOST_TEST(impl::element_at(lent, -1).as_int() == 4);
  BOOST_TEST(impl::element_at(lent, 4).is_unit());
  BOOST_TEST(impl::element_at(lent, -5).is_unit());
  BOOST_TEST(impl::element_at(lent, Value::from_float(1.5)).as_int() ==
             impl::get_index(xs, Value::from_float(1.5)).as_int());  // a Float index rounds, as get_index
}

BOOST_AUTO_TEST_CASE(ints_put_in_front_keep_it_packed) {
  Value xs = one_to(2);
  for (std::int64_t i = 0; i > -10; --i) xs = impl::construct_expanded(Value::from_int(i), std::move(xs));
  BOOST_TEST(xs.as_list().is_packed());
  BOOST_TEST(int_items(xs) == Ints({-9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2}));
}

BOOST_AUTO_TEST_CASE(ints_appended_to_a_sole_packed_list_go_in_place) {
  Value xs = one_to(2);
  const sign::HeapObject* list = xs.object();
  for (std::int64_t i = 3; i <= 40; ++i) xs = impl::construct(impl::flatten(std::move(xs)), i);  // `acc~ i`
  BOOST_TEST(xs.object() == list);
  BOOST_TEST(xs.as_list().is_packed());
  BOOST_TEST(xs.as_list().size() == 40u);
  BOOST_TEST(impl::get_index(xs, Value::from_int(-1)).as_int() == 40);
}

BOOST_AUTO_TEST_CASE(an_int_appended_after_a_gap_or_a_boxed_copy_reads_in_order) {
  Value xs = one_to(2);
  in_place(xs).push_front_in_place(Value::from_int(0));  // a gap in front
  xs = impl::construct(std::move(xs), std::int64_t{3});
  BOOST_TEST(int_items(xs) == Ints({0, 1, 2, 3}));  // boxed copy made
  xs = impl::construct(std::move(xs), std::int64_t{4});
  BOOST_TEST(int_items(xs) == Ints({0, 1, 2, 3, 4}));
}

BOOST_AUTO_TEST_CASE(an_int_appended_to_a_shared_or_empty_list_makes_a_new_value) {
  const Value shared = one_to(2);
  Value copy = shared;
  const Value longer = impl::construct(std::move(copy), std::int64_t{3});
  BOOST_TEST(int_items(shared) == Ints({1, 2}));
  BOOST_TEST(int_items(longer) == Ints({1, 2, 3}));
  Value empty = sign::impl::from_elements(impl::Elements());
  BOOST_TEST(impl::construct(std::move(empty), std::int64_t{5}).as_int() == 5);  // an empty List is __
}

BOOST_AUTO_TEST_CASE(lent_elements_expanded_after_a_sole_packed_list_go_in_place) {
  Value acc = one_to(2);
  const sign::HeapObject* list = acc.object();
  const Value rest = one_to(3);
  acc = impl::construct_expanded(std::move(acc), impl::elements(rest));  // `acc~ bs~`
  BOOST_TEST(acc.object() == list);
  BOOST_TEST(int_items(acc) == Ints({1, 2, 1, 2, 3}));
  const Value shared = acc;
  const Value other = impl::construct_expanded(Value(shared), impl::elements(rest));
  BOOST_TEST(int_items(shared) == Ints({1, 2, 1, 2, 3}));
  BOOST_TEST(int_items(other) == Ints({1, 2, 1, 2, 3, 1, 2, 3}));
  BOOST_TEST(int_items(impl::construct_expanded(Value::from_int(0), impl::elements(rest))) == Ints({0, 1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(something_else_put_in_front_unpacks_it) {
  Value xs = one_to(2);
  xs = impl::construct_expanded(Value::from_float(0.5), std::move(xs));
  BOOST_TEST(!xs.as_list().is_packed());
  BOOST_TEST(xs.as_list().at(0).as_float() == 0.5);
  BOOST_TEST(xs.as_list().at(2).as_int() == 2);
  BOOST_TEST(!impl::is_int_list(xs));
}

BOOST_AUTO_TEST_CASE(a_list_changed_after_it_was_boxed_reads_the_change) {
  Value xs = one_to(2);
  BOOST_TEST(int_items(xs) == Ints({1, 2}));  // boxed copy made
  in_place(xs).push_front_in_place(Value::from_int(0));
  BOOST_TEST(int_items(xs) == Ints({0, 1, 2}));
  in_place(xs).ints_in_place().push_back(3);
  BOOST_TEST(int_items(xs) == Ints({0, 1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(items_in_place_unpacks_it) {
  Value xs = one_to(2);
  in_place(xs).items_in_place().push_back(sign::make_string("a"));
  BOOST_TEST(!xs.as_list().is_packed());
  BOOST_TEST(xs.as_list().size() == 3u);
  BOOST_TEST(xs.as_list().at(1).as_int() == 2);
}

BOOST_AUTO_TEST_CASE(a_walk_takes_a_packed_list_apart) {
  Value xs = one_to(3);
  Value h, t;
  impl::destructure(std::move(xs), {"h", "t"}, 1, {&h, &t});
  BOOST_TEST(h.as_int() == 1);
  BOOST_TEST(t.as_list().is_packed());  // a slice of the packed List
  BOOST_TEST(int_items(t) == Ints({2, 3}));
  const impl::Elements rest = impl::elements(t);
  BOOST_TEST(rest.size() == 2u);
  BOOST_TEST(impl::int_element(impl::elements_from(rest, 1), 0) == 3);
}

BOOST_AUTO_TEST_CASE(lent_elements_come_back_packed) {
  const Value xs = impl::from_elements(impl::elements(one_to(3)));
  BOOST_TEST(xs.as_list().is_packed());
  BOOST_TEST(int_items(xs) == Ints({1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(a_pair_taken_apart_is_reused_packed) {
  Value pair = impl::construct(Value::from_int(1), Value::from_int(2));
  const sign::HeapObject* before = pair.object();
  Value a, b, reuse;
  impl::destructure(std::move(pair), {"a", "b"}, -1, {&a, &b}, &reuse);
  BOOST_TEST(a.as_int() == 1);
  BOOST_TEST(b.as_int() == 2);
  const Value again = impl::product_reusing(std::move(reuse), {b, a});
  BOOST_TEST(again.object() == before);
  BOOST_TEST(again.as_list().is_packed());
  BOOST_TEST(int_items(again) == Ints({2, 1}));
}

BOOST_AUTO_TEST_CASE(threads_boxing_one_packed_list_agree) {
  // The first reader of items() boxes it; the other waits and reads the
  // same Values (clean under the tsan preset).
  const Value xs = one_to(1000);
  std::int64_t first = 0, second = 0;
  const auto sum = [&xs](std::int64_t& out) {
    for (const Value& v : xs.as_list().items()) out += v.as_int();
  };
  std::thread a(sum, std::ref(first));
  std::thread b(sum, std::ref(second));
  a.join();
  b.join();
  BOOST_TEST(first == 500500);
  BOOST_TEST(second == 500500);
}

BOOST_AUTO_TEST_SUITE_END()
