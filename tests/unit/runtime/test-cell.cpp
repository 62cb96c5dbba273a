// SPDX-License-Identifier: MIT
// Ref cells and the §8 library API (memory-model.md §2, §4, §8): each
// function's stated return value, wrapping, and rc adjustment on assign.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <limits>
#include <thread>
#include <vector>

#include <sign/memory/cell.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::Freed;
using sign_test::make_node;

BOOST_AUTO_TEST_SUITE(library_api)

BOOST_AUTO_TEST_CASE(inc_and_dec_return_the_new_value) {
  ProjectArena arena(1);
  Cell<std::int64_t>* r = arena.make_cell<std::int64_t>(10);
  BOOST_TEST(inc(r) == 11);
  BOOST_TEST(inc(r) == 12);
  BOOST_TEST(dec(r) == 11);
  BOOST_TEST(deref(r) == 11);
}

BOOST_AUTO_TEST_CASE(atomic_inc_and_atomic_dec_return_the_new_value) {
  Cell<std::int64_t>* r = shared_heap().make_cell<std::int64_t>(-1);
  BOOST_TEST(atomic_inc(r) == 0);
  BOOST_TEST(atomic_inc(r) == 1);
  BOOST_TEST(atomic_dec(r) == 0);
  shared_heap().release(as_object(r));
}

BOOST_AUTO_TEST_CASE(fetch_add_and_fetch_sub_return_the_old_value) {
  ProjectArena arena(1);
  Cell<std::int64_t>* r = arena.make_cell<std::int64_t>(100);
  BOOST_TEST(fetch_add(r, 5) == 100);
  BOOST_TEST(fetch_sub(r, 30) == 105);
  BOOST_TEST(deref(r) == 75);
}

BOOST_AUTO_TEST_CASE(int_cell_arithmetic_wraps_like_sign_int) {
  ProjectArena arena(1);
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  Cell<std::int64_t>* r = arena.make_cell<std::int64_t>(kMax);
  BOOST_TEST(inc(r) == kMin);
  BOOST_TEST(dec(r) == kMax);
  BOOST_TEST(atomic_inc(r) == kMin);
  BOOST_TEST(fetch_sub(r, 1) == kMin);
  BOOST_TEST(deref(r) == kMax);
}

BOOST_AUTO_TEST_CASE(atomic_inc_loses_no_update_across_threads) {
  Cell<std::int64_t>* r = pinned_area().make_cell<std::int64_t>(0, 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([r] {
      for (int i = 0; i < 10000; ++i) {
        atomic_inc(r);
        fetch_add(r, 2);
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(deref(r) == 4 * 10000 * 3);
  pinned_area().release(as_object(r), loader_override);
}

BOOST_AUTO_TEST_CASE(assign_stores_and_yields_the_value) {
  ProjectArena arena(1);
  Cell<double>* f = arena.make_cell<double>(1.5);
  BOOST_TEST(assign(f, 2.25) == 2.25);
  BOOST_TEST(deref(f) == 2.25);
  Cell<std::int64_t>* i = arena.make_cell<std::int64_t>(0);
  BOOST_TEST(assign(i, 42) == 42);
  BOOST_TEST(deref(i) == 42);
  Cell<Value>* v = arena.make_cell<Value>(Value::from_int(1));
  BOOST_TEST(assign(v, Value::from_float(0.5)).as_float() == 0.5);
  BOOST_TEST(deref(v).is_float());
}

BOOST_AUTO_TEST_CASE(assign_adjusts_reference_counts) {
  Freed freed;
  Cell<ObjectHeader*>* r = shared_heap().make_cell<ObjectHeader*>(make_node());
  ObjectHeader* old = deref(r);  // an owned reference: rc 2
  BOOST_TEST(old->rc == 2);
  impl::drop(old);
  ObjectHeader* fresh = make_node();
  ObjectHeader* yielded = assign(r, fresh);  // consumes fresh, yields one more
  BOOST_TEST(yielded == fresh);
  BOOST_TEST(fresh->rc == 2);
  BOOST_TEST(freed.count() == 1);  // the old content lost its last reference
  impl::drop(yielded);
  impl::drop(as_object(r));
  shared_heap().collect_cycles();  // r was a cycle candidate; its block waits there
  BOOST_TEST(freed.count() == 2);
}

BOOST_AUTO_TEST_CASE(storing_into_a_module_global_cell_shares_the_value) {
  ProjectArena arena(1);
  Cell<ObjectHeader*>* global = arena.make_cell<ObjectHeader*>(nullptr);
  ObjectHeader* n = make_node();
  impl::drop(assign(global, n));
  BOOST_TEST(is_thread_shared(n));  // other threads may read module globals
  Freed freed;
  arena.reset();                    // the arena drops what its cells hold
  BOOST_TEST(freed.count() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
