// SPDX-License-Identifier: MIT
// Small Dicts freed on a thread are reused by the next Dicts it builds (the
// Dict pool in heap.cpp): what a Dict holds must not depend on that.
#include <boost/test/unit_test.hpp>
#include <cstdint>

#include <sign/heap.hpp>

using sign::Dict;
using sign::Value;

namespace {

Value point(std::int64_t x, std::int64_t y) {
  return sign::dict_of(Dict::Entry("x", Value::from_int(x)), Dict::Entry("y", Value::from_int(y)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dict_reuse)

BOOST_AUTO_TEST_CASE(a_freed_small_dict_is_reused_for_the_next_struct) {
  const sign::HeapObject* freed = nullptr;
  {
    const Value first = point(1, 2);
    freed = first.object();
  }
  const Value second = point(3, 4);
  BOOST_TEST(second.object() == freed);
  BOOST_TEST(second.as_dict().find("x")->as_int() == 3);
  BOOST_TEST(second.as_dict().find("y")->as_int() == 4);
}

BOOST_AUTO_TEST_CASE(a_reused_dict_has_only_its_new_slots) {
  { const Value first = sign::dict_of(Dict::Entry("a", Value::from_int(1)), Dict::Entry("b", Value::from_int(2))); }
  const Value second = sign::dict_of(Dict::Entry("c", Value::from_int(3)));
  BOOST_TEST(second.as_dict().entries().size() == 1U);
  BOOST_TEST(second.as_dict().find("a") == nullptr);
  BOOST_TEST(second.as_dict().find("c")->as_int() == 3);
}

BOOST_AUTO_TEST_CASE(a_dict_a_value_still_holds_is_not_reused) {
  const Value kept = point(1, 2);
  const Value copy = kept;
  const Value next = point(5, 6);
  BOOST_TEST(next.object() != kept.object());
  BOOST_TEST(kept.as_dict().find("x")->as_int() == 1);
}

BOOST_AUTO_TEST_CASE(a_slot_is_found_by_its_whole_name) {
  const Value d = sign::dict_of(Dict::Entry("xy", Value::from_int(1)), Dict::Entry("x", Value::from_int(2)),
                                Dict::Entry("", Value::from_int(3)));
  BOOST_TEST(d.as_dict().find("x")->as_int() == 2);
  BOOST_TEST(d.as_dict().find("xy")->as_int() == 1);
  BOOST_TEST(d.as_dict().find("")->as_int() == 3);
  BOOST_TEST(d.as_dict().find("y") == nullptr);
  BOOST_TEST(d.as_dict().find("xyz") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
