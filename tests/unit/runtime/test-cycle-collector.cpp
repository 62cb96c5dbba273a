// SPDX-License-Identifier: MIT
// The cycle collector (memory-model.md §5 "a (tracing) cycle collector"):
// garbage cycles are freed, live ones and everything they reach survive.
#include <boost/test/unit_test.hpp>
#include <vector>

#include <sign/memory/cell.hpp>
#include <sign/memory/shared_heap.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::Freed;
using sign_test::make_node;

namespace {
using ObjCell = Cell<ObjectHeader*>;
ObjCell* new_cell() { return shared_heap().make_cell<ObjectHeader*>(nullptr); }
// a -> b through assign (the only way Sign code closes a cycle).
void link(ObjCell* a, ObjCell* b) { impl::drop(assign(a, as_object(b))); }
void link_dup(ObjCell* a, ObjCell* b) {
  impl::dup(as_object(b));
  link(a, b);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cycle_collector)

BOOST_AUTO_TEST_CASE(garbage_cycle_of_two_cells_is_freed) {
  shared_heap().collect_cycles();
  ObjCell* a = new_cell();
  ObjCell* b = new_cell();
  link_dup(a, b);
  link_dup(b, a);
  impl::drop(as_object(a));
  impl::drop(as_object(b));
  BOOST_TEST(a->header.rc == 1);  // kept alive by the cycle alone
  BOOST_TEST(shared_heap().collect_cycles() == 2u);
  BOOST_TEST(shared_heap().cycle_candidates() == 0u);
}

BOOST_AUTO_TEST_CASE(cycle_reachable_from_outside_survives_collection) {
  ObjCell* a = new_cell();
  ObjCell* b = new_cell();
  link_dup(a, b);
  link_dup(b, a);
  impl::drop(as_object(b));  // the test keeps a
  BOOST_TEST(shared_heap().collect_cycles() == 0u);
  BOOST_TEST(a->header.rc == 2);  // counts restored after trial deletion
  BOOST_TEST(b->header.rc == 1);
  ObjectHeader* got = deref(a);
  BOOST_TEST(got == as_object(b));
  impl::drop(got);
  impl::drop(as_object(a));  // now garbage
  BOOST_TEST(shared_heap().collect_cycles() == 2u);
}

BOOST_AUTO_TEST_CASE(self_cycle_is_freed) {
  ObjCell* a = new_cell();
  link_dup(a, a);
  impl::drop(as_object(a));
  BOOST_TEST(shared_heap().collect_cycles() == 1u);
}

BOOST_AUTO_TEST_CASE(long_cycle_is_freed_iteratively) {
  constexpr int kLength = 1'000'000;
  std::vector<ObjCell*> cells(kLength);
  for (auto& c : cells) c = new_cell();
  for (int i = 0; i < kLength; ++i) link_dup(cells[i], cells[(i + 1) % kLength]);
  for (auto* c : cells) impl::drop(as_object(c));
  // Candidates past the threshold already triggered collections; whatever
  // is left is collected now. Nothing may survive.
  shared_heap().collect_cycles();
  BOOST_TEST(shared_heap().cycle_candidates() == 0u);
}

BOOST_AUTO_TEST_CASE(cycle_releases_what_it_holds_outside_itself) {
  Freed freed;
  ObjCell* a = new_cell();
  ObjCell* b = new_cell();
  ObjectHeader* node = make_node(2);  // a -> node -> b -> a
  impl::drop(assign(a, node));
  ObjectHeader* shared_leaf = make_node();
  shared_heap().share(shared_leaf);
  impl::dup(shared_leaf);
  sign_test::child(node, 0) = as_object(b);
  sign_test::child(node, 1) = shared_leaf;
  link_dup(b, a);
  impl::drop(as_object(a));
  BOOST_TEST(shared_heap().collect_cycles() == 3u);
  BOOST_TEST(freed.count() == 1);        // node's finalizer ran
  BOOST_TEST(shared_leaf->rc == -1);     // the cycle's reference was dropped
  impl::drop(shared_leaf);
  BOOST_TEST(freed.count() == 2);
}

BOOST_AUTO_TEST_CASE(candidate_that_dies_normally_is_freed_by_the_collector) {
  const std::size_t before = shared_heap().cycle_candidates();
  ObjCell* a = new_cell();
  ObjectHeader* n = make_node();
  impl::drop(assign(a, n));
  BOOST_TEST(shared_heap().cycle_candidates() == before + 1);
  impl::drop(as_object(a));  // no cycle: dies now, block waits in the buffer
  BOOST_TEST(shared_heap().collect_cycles() >= 1u);
  BOOST_TEST(shared_heap().cycle_candidates() == 0u);
}

BOOST_AUTO_TEST_CASE(sharing_a_candidate_removes_it_from_the_buffer) {
  shared_heap().collect_cycles();
  ObjCell* a = new_cell();
  impl::drop(assign(a, make_node()));
  BOOST_TEST(shared_heap().cycle_candidates() == 1u);
  shared_heap().share(as_object(a));
  BOOST_TEST(shared_heap().cycle_candidates() == 0u);
  impl::drop(as_object(a));
}

BOOST_AUTO_TEST_SUITE_END()
