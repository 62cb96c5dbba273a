// SPDX-License-Identifier: MIT
// WeakRef (memory-model.md §5: weak references for back links).
#include <boost/test/unit_test.hpp>

#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>
#include <sign/memory/weak_ref.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::code_is;
using sign_test::Freed;
using sign_test::make_node;

BOOST_AUTO_TEST_SUITE(weak_refs)

BOOST_AUTO_TEST_CASE(weak_ref_does_not_keep_the_object_alive) {
  Freed freed;
  const std::size_t controls = weak_controls_alive();
  ObjectHeader* o = make_node();
  WeakRef w(o);
  BOOST_TEST(o->rc == 1);
  BOOST_TEST(!w.expired());
  impl::drop(o);
  BOOST_TEST(freed.count() == 1);
  BOOST_TEST(w.expired());
  BOOST_TEST(w.lock() == nullptr);
  BOOST_TEST(weak_controls_alive() == controls + 1);  // until the last WeakRef goes
}

BOOST_AUTO_TEST_CASE(lock_returns_an_owned_reference_while_alive) {
  ObjectHeader* o = make_node();
  WeakRef w(o);
  WeakRef copy = w;
  ObjectHeader* strong = copy.lock();
  BOOST_TEST(strong == o);
  BOOST_TEST(o->rc == 2);
  impl::drop(strong);
  shared_heap().share(o);
  strong = w.lock();
  BOOST_TEST(o->rc == -2);
  impl::drop(strong);
  impl::drop(o);
  BOOST_TEST(w.expired());
}

BOOST_AUTO_TEST_CASE(back_links_as_weak_refs_free_parent_and_child) {
  // parent -> child strongly, child -> parent weakly: no cycle to collect.
  Freed freed;
  ObjectHeader* parent = make_node();
  ObjectHeader* child = make_node();
  sign_test::child(parent) = child;
  auto* back = new WeakRef(parent);
  impl::drop(parent);
  BOOST_TEST(freed.count() == 2);
  BOOST_TEST(back->lock() == nullptr);
  delete back;
}

BOOST_AUTO_TEST_CASE(weak_ref_to_an_uncounted_object_is_rejected) {
  ProjectArena arena(1);
  BOOST_CHECK_EXCEPTION(WeakRef(arena.allocate_object(tags::bytes, 8)), MemoryError, code_is(MemoryErrc::not_counted));
  BOOST_CHECK_EXCEPTION(WeakRef(nullptr), MemoryError, code_is(MemoryErrc::null_pointer));
}

BOOST_AUTO_TEST_SUITE_END()
