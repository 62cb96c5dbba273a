// SPDX-License-Identifier: MIT
// The rest parameter of a direct call (rest_list, spread_rest), List slices
// served from the thread's pool of freed Lists, and `[h ~t]` narrowing a
// slice only it holds.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include <sign/impl/call.hpp>
#include <sign/impl/ops.hpp>

#include "int-lists.hpp"

namespace impl = sign::impl;
using sign::Value;

using sign::test::int_items;
using sign::test::ints;
using sign::test::Ints;

BOOST_AUTO_TEST_SUITE(rest_parameter)

BOOST_AUTO_TEST_CASE(spread_list_is_the_rest_itself) {
  const Value xs = ints({1, 2, 3});
  const Value rest = impl::spread_rest(xs);
  BOOST_TEST(rest.object() == xs.object());
}

BOOST_AUTO_TEST_CASE(spread_scalar_is_a_one_element_rest) {
  BOOST_TEST(int_items(impl::spread_rest(Value::from_int(5))) == Ints({5}));
}

BOOST_AUTO_TEST_CASE(spread_unit_and_lone_unit_element_give_an_empty_rest) {
  BOOST_TEST(impl::spread_rest(Value()).as_list().items().empty());
  BOOST_TEST(impl::spread_rest(sign::make_list({Value()})).as_list().items().empty());
}

BOOST_AUTO_TEST_CASE(rest_list_spreads_only_the_marked_arguments) {
  const Value xs = ints({3, 4});
  const Value rest = impl::rest_list({Value::from_int(2), xs, xs}, 0b010);
  BOOST_TEST(rest.as_list().items().size() == 4u);
  BOOST_TEST(rest.as_list().items()[3].object() == xs.object());  // the unmarked one stays a List
}

BOOST_AUTO_TEST_CASE(rest_of_ints_is_packed_whichever_way_it_is_made) {
  const std::vector<Value> args{Value::from_int(1), Value::from_int(2)};
  BOOST_TEST(impl::rest_args(args, 0).as_list().is_packed());  // the trampoline's way in
  const Value empty = sign::make_list({});
  const Value rest = impl::rest_list({empty, Value::from_int(7)}, 0b01);  // `c qs~`, qs still empty
  BOOST_TEST(rest.as_list().is_packed());
  BOOST_TEST(int_items(rest) == Ints({7}));
}

BOOST_AUTO_TEST_CASE(spread_packed_list_is_the_rest_itself) {
  const Value xs = impl::rest_args(std::vector<Value>{Value::from_int(4), Value::from_int(5)}, 0);
  BOOST_TEST(impl::spread_rest(xs).object() == xs.object());
}

BOOST_AUTO_TEST_CASE(rest_list_agrees_with_rest_args) {
  const std::vector<Value> args{Value::from_int(1), Value::from_int(2)};
  BOOST_TEST(int_items(impl::rest_list({args[0], args[1]}, 0)) == int_items(impl::rest_args(args, 0)));
  BOOST_TEST(impl::rest_list({}, 0).as_list().items().empty());
  BOOST_TEST(impl::rest_list({Value()}, 0).as_list().items().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(head_put_back)

// `[b ~bs]` then `b bs~`: bs is a slice of the List b came from.
std::pair<Value, Value> taken_apart(const Value& list) {
  return {list.as_list().at(0), sign::list_slice(list, 1, list.as_list().size())};
}

BOOST_AUTO_TEST_CASE(the_head_put_back_widens_the_slice_it_came_off) {
  const Value base = ints({5, 6, 7, 8});
  auto [b, bs] = taken_apart(sign::list_slice(base, 1, 4));
  const Value back = impl::construct_expanded(std::move(b), std::move(bs));
  BOOST_TEST(int_items(back) == Ints({6, 7, 8}));
  BOOST_TEST(back.as_list().slice_base().object() == base.object());  // a view, nothing copied
}

BOOST_AUTO_TEST_CASE(another_number_in_front_of_a_slice_makes_a_new_list) {
  const Value base = ints({5, 6, 7});
  auto [b, bs] = taken_apart(base);
  const Value front = impl::construct_expanded(Value::from_int(9), std::move(bs));
  BOOST_TEST(int_items(front) == Ints({9, 6, 7}));
  BOOST_TEST(int_items(base) == Ints({5, 6, 7}));
}

BOOST_AUTO_TEST_CASE(a_float_put_in_front_is_that_float) {
  const Value base = sign::make_list({Value::from_float(0.0), Value::from_float(1.5)});
  const Value bs = sign::list_slice(base, 1, 2);
  const Value negative_zero = impl::construct_expanded(Value::from_float(-0.0), Value(bs));
  BOOST_TEST(std::signbit(negative_zero.as_list().at(0).as_float()));
  const Value same = impl::construct_expanded(Value::from_float(0.0), Value(bs));
  BOOST_TEST(!std::signbit(same.as_list().at(0).as_float()));
  BOOST_TEST(same.as_list().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(list_pool)

BOOST_AUTO_TEST_CASE(freed_slice_releases_its_base) {
  Value base = ints({1, 2, 3});
  Value slice = sign::list_slice(base, 1, 3);
  BOOST_TEST(base.object()->use_count() == 2u);
  slice = Value();
  BOOST_TEST(base.object()->use_count() == 1u);
}

BOOST_AUTO_TEST_CASE(pooled_list_holds_no_elements) {
  const Value element = ints({7});
  {
    Value list = sign::new_list(2);
    static_cast<sign::List*>(list.object())->items_in_place().push_back(element);
    BOOST_TEST(element.object()->use_count() == 2u);
  }
  BOOST_TEST(element.object()->use_count() == 1u);
}

BOOST_AUTO_TEST_CASE(slices_and_lists_built_from_freed_ones_are_fresh) {
  const Value base = ints({1, 2, 3, 4});
  for (int round = 0; round < 200; ++round) {  // more than the pool holds, both ways
    std::vector<Value> live;
    for (int i = 0; i < 100; ++i) live.push_back(i % 2 ? sign::list_slice(base, 1, 3) : impl::rest_list({base}, 1));
    for (std::size_t i = 0; i < live.size(); ++i) {
      BOOST_TEST(live[i].object()->use_count() == 1u);
      BOOST_TEST(int_items(live[i]) == (i % 2 ? Ints({2, 3}) : Ints({1, 2, 3, 4})));
    }
  }
  BOOST_TEST(base.object()->use_count() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(destructure_in_place)

BOOST_AUTO_TEST_CASE(sole_slice_becomes_the_rest_narrowed) {
  const Value base = ints({1, 2, 3, 4});
  Value source = sign::list_slice(base, 1, 4);
  const sign::HeapObject* before = source.object();
  Value h, t;
  impl::destructure(std::move(source), {"h", "t"}, 1, {&h, &t});
  BOOST_TEST(h.as_int() == 2);
  BOOST_TEST(t.object() == before);
  BOOST_TEST(int_items(t) == Ints({3, 4}));
}

BOOST_AUTO_TEST_CASE(shared_slice_is_left_as_it_was) {
  const Value base = ints({1, 2, 3});
  const Value kept = sign::list_slice(base, 1, 3);
  Value source = kept;
  Value h, t;
  impl::destructure(std::move(source), {"h", "t"}, 1, {&h, &t});
  BOOST_TEST(int_items(kept) == Ints({2, 3}));
  BOOST_TEST(int_items(t) == Ints({3}));
}

BOOST_AUTO_TEST_CASE(narrowing_past_the_end_leaves_an_empty_rest) {
  const Value base = ints({1, 2});
  Value source = sign::list_slice(base, 1, 2);
  Value a, b, t;
  impl::destructure(std::move(source), {"a", "b", "t"}, 2, {&a, &b, &t});
  BOOST_TEST(a.as_int() == 2);
  BOOST_TEST(b.is_unit());
  BOOST_TEST(t.is_unit());
}

BOOST_AUTO_TEST_CASE(a_list_of_ints_that_came_out_unit_lends_no_elements) {
  BOOST_TEST(impl::elements(Value()).size() == 0u);
  BOOST_TEST(impl::elements(impl::range(Value::from_int(1), Value::from_int(3))).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
