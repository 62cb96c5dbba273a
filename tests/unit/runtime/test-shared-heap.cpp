// SPDX-License-Identifier: MIT
// SharedHeap against memory-model.md §3.3/§4 (promote), §5 (recursive
// release), §6 (counting policy) and its bad-input errors.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <thread>

#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::code_is;
using sign_test::Freed;
using sign_test::make_node;

BOOST_AUTO_TEST_SUITE(shared_heap_rules)

BOOST_AUTO_TEST_CASE(promote_sets_rc_to_one) {
  Cell<std::int64_t>* c = shared_heap().make_cell<std::int64_t>(42);
  BOOST_TEST(c->header.rc == 1);
  BOOST_TEST(deref(c) == 42);
  shared_heap().release(as_object(c));
}

BOOST_AUTO_TEST_CASE(copying_a_reference_increments_rc) {
  ObjectHeader* o = make_node();
  shared_heap().retain(o);
  BOOST_TEST(o->rc == 2);
  shared_heap().release(o);
  BOOST_TEST(o->rc == 1);
  shared_heap().release(o);
}

BOOST_AUTO_TEST_CASE(last_reference_frees_the_object) {
  Freed freed;
  ObjectHeader* o = make_node();
  impl::dup(o);
  impl::drop(o);
  BOOST_TEST(freed.count() == 0);
  impl::drop(o);
  BOOST_TEST(freed.count() == 1);
}

BOOST_AUTO_TEST_CASE(freeing_decrements_contained_refs) {
  Freed freed;
  ObjectHeader* shared_child = make_node();
  ObjectHeader* only_child = make_node();
  ObjectHeader* parent = make_node(2);
  sign_test::child(parent, 0) = shared_child;  // consumes the creation reference...
  impl::dup(shared_child);                     // ...and the test keeps one
  sign_test::child(parent, 1) = only_child;
  impl::drop(parent);
  BOOST_TEST(freed.count() == 2);  // parent and only_child
  BOOST_TEST(shared_child->rc == 1);
  impl::drop(shared_child);
  BOOST_TEST(freed.count() == 3);
}

BOOST_AUTO_TEST_CASE(ten_million_nested_refs_free_without_stack_overflow) {
  // Recursion would need hundreds of MB of stack; the worklist needs none.
#if SIGN_ASAN
  constexpr long kDepth = 2'000'000;  // ASan's redzones and quarantine
#else
  constexpr long kDepth = 10'000'000;
#endif
  Freed freed;
  ObjectHeader* head = nullptr;
  for (long i = 0; i < kDepth; ++i) {
    Cell<ObjectHeader*>* c = shared_heap().make_cell<ObjectHeader*>(head);
    head = as_object(c);
  }
  ObjectHeader* root = make_node();
  sign_test::child(root) = head;
  impl::drop(root);
  BOOST_TEST(freed.count() == 1);
  if constexpr (SIGN_DEBUG >= 1) {
    const HeapStats s = shared_heap().stats();
    BOOST_TEST(s.objects_allocated == s.objects_freed);
  }
}

BOOST_AUTO_TEST_CASE(share_makes_counts_atomic_for_the_whole_graph) {
  ObjectHeader* leaf = make_node();
  ObjectHeader* root = make_node();
  sign_test::child(root) = leaf;
  impl::dup(leaf);
  BOOST_TEST(leaf->rc == 2);
  shared_heap().share(root);
  BOOST_TEST(root->rc == -1);
  BOOST_TEST(leaf->rc == -2);
  BOOST_TEST(is_thread_shared(leaf));
  Freed freed;
  std::thread other([root] { impl::drop(root); });  // the last reference dies elsewhere
  other.join();
  BOOST_TEST(freed.count() == 1);
  BOOST_TEST(leaf->rc == -1);
  impl::drop(leaf);
  BOOST_TEST(freed.count() == 2);
}

BOOST_AUTO_TEST_CASE(double_release_is_rejected) {
  ObjectHeader* o = make_node();
  shared_heap().release(o);
  BOOST_CHECK_EXCEPTION(shared_heap().release(o), MemoryError, code_is(MemoryErrc::double_release));
  BOOST_CHECK_EXCEPTION(shared_heap().retain(o), MemoryError, code_is(MemoryErrc::double_release));
}

BOOST_AUTO_TEST_CASE(release_of_a_foreign_pointer_is_rejected) {
  // A header forged on the stack, one in a malloc'ed block, an arena object
  // (uncounted) and a pointer into a live object: none is a Shared-Heap
  // object, and none is touched.
  alignas(16) unsigned char stack[64] = {};
  auto* forged = reinterpret_cast<ObjectHeader*>(stack + 8);
  *forged = ObjectHeader{1, 0, static_cast<std::uint8_t>(Region::heap), tags::bytes};
  BOOST_CHECK_EXCEPTION(shared_heap().release(forged), MemoryError, code_is(MemoryErrc::foreign_pointer));
  BOOST_TEST(forged->rc == 1);

  auto* block = static_cast<unsigned char*>(std::malloc(64));
  auto* forged_heap = reinterpret_cast<ObjectHeader*>(block + 8);
  *forged_heap = ObjectHeader{1, 0, static_cast<std::uint8_t>(Region::heap), tags::bytes};
  BOOST_CHECK_EXCEPTION(shared_heap().release(forged_heap), MemoryError, code_is(MemoryErrc::foreign_pointer));
  BOOST_TEST(forged_heap->rc == 1);
  std::free(block);

  ProjectArena arena(3);
  BOOST_CHECK_EXCEPTION(shared_heap().release(arena.allocate_object(tags::bytes, 8)), MemoryError,
                        code_is(MemoryErrc::not_counted));
  ObjectHeader* real = make_node();
  BOOST_CHECK_EXCEPTION(shared_heap().release(reinterpret_cast<ObjectHeader*>(reinterpret_cast<char*>(real) + 16)),
                        MemoryError, code_is(MemoryErrc::foreign_pointer));
  BOOST_CHECK_EXCEPTION(shared_heap().release(nullptr), MemoryError, code_is(MemoryErrc::null_pointer));
  shared_heap().release(real);
}

BOOST_AUTO_TEST_CASE(payload_of_a_new_object_is_zeroed) {
  ObjectHeader* o = shared_heap().make_ref_array(100);
  bool all_null = true;
  for (int i = 0; i < 100; ++i) all_null = all_null && ref_array_items(o)[i] == nullptr;
  BOOST_TEST(all_null);
  BOOST_TEST(ref_array_count(o) == 100u);
  shared_heap().release(o);
}

BOOST_AUTO_TEST_SUITE_END()
