// SPDX-License-Identifier: MIT
// Whether a List holds only Ints (is_int_list: a walk may then be lent its
// elements) is counted once and kept only while that stays true: a List
// changed in place is counted again.
#include <boost/test/unit_test.hpp>
#include <thread>
#include <utility>

#include <sign/impl/ops.hpp>

#include "int-lists.hpp"

namespace impl = sign::impl;
using sign::Value;
using sign::test::ints;

BOOST_AUTO_TEST_SUITE(list_of_ints)

BOOST_AUTO_TEST_CASE(only_a_list_of_ints_is_one) {
  BOOST_TEST(impl::is_int_list(ints({1, 2, 3})));
  BOOST_TEST(!impl::is_int_list(sign::make_list({Value::from_int(1), Value::from_float(2.5)})));
  BOOST_TEST(!impl::is_int_list(sign::make_list({Value::from_int(1), ints({2})})));
  BOOST_TEST(!impl::is_int_list(Value::from_int(1)));
  BOOST_TEST(!impl::is_int_list(sign::make_string("12")));
}

BOOST_AUTO_TEST_CASE(something_else_put_in_front_is_seen) {
  Value xs = ints({2, 3});
  BOOST_TEST(impl::is_int_list(xs));
  auto* list = static_cast<sign::List*>(xs.object());
  list->push_front_in_place(Value::from_int(1));
  BOOST_TEST(impl::is_int_list(xs));
  list->push_front_in_place(sign::make_string("a"));
  BOOST_TEST(!impl::is_int_list(xs));
}

BOOST_AUTO_TEST_CASE(a_list_changed_in_place_is_counted_again) {
  Value xs = ints({1, 2});
  BOOST_TEST(impl::is_int_list(xs));
  static_cast<sign::List*>(xs.object())->items_in_place().push_back(Value::from_float(0.5));
  BOOST_TEST(!impl::is_int_list(xs));
  static_cast<sign::List*>(xs.object())->items_in_place().pop_back();
  BOOST_TEST(impl::is_int_list(xs));
}

BOOST_AUTO_TEST_CASE(a_slice_past_its_other_elements_is_counted_again) {
  const Value base =
      sign::make_list({sign::make_string("a"), Value::from_int(1), Value::from_int(2), Value::from_int(3)});
  Value rest = sign::list_slice(base, 0, 3);  // a slice: not all of base
  BOOST_TEST(rest.as_list().is_slice());
  BOOST_TEST(!impl::is_int_list(rest));
  static_cast<sign::List*>(rest.object())->drop_front_in_place(1);
  BOOST_TEST(impl::is_int_list(rest));
}

BOOST_AUTO_TEST_CASE(lists_built_of_ints_are_known_as_such_until_changed) {
  const Value range = impl::range(Value::from_int(1), Value::from_int(4));
  BOOST_TEST(impl::is_int_list(range));
  Value pair = impl::construct(Value::from_int(1), Value::from_int(2));
  BOOST_TEST(impl::is_int_list(pair));
  static_cast<sign::List*>(pair.object())->push_front_in_place(Value::from_float(0.5));
  BOOST_TEST(!impl::is_int_list(pair));
  BOOST_TEST(!impl::is_int_list(impl::range(Value::from_float(1.5), Value::from_int(3))));
}

BOOST_AUTO_TEST_CASE(threads_reading_one_list_agree_on_it) {
  // Counted by whichever thread asks first, read by the other (a List in the
  // Shared-Heap is read by several): both see it as all Ints.
  const Value xs = ints({1, 2, 3, 4, 5, 6, 7, 8});
  bool first = false, second = false;
  std::thread a([&] { first = impl::is_int_list(xs); });
  std::thread b([&] { second = impl::is_int_list(xs); });
  a.join();
  b.join();
  BOOST_TEST(first);
  BOOST_TEST(second);
}

BOOST_AUTO_TEST_SUITE_END()
