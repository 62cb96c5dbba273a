// SPDX-License-Identifier: MIT
// The object header and the kind registry (object_header.hpp): layout, the
// rc range table read by dup/drop, and registration errors.
#include <boost/test/unit_test.hpp>
#include <cstdint>

#include <sign/memory/object_header.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::code_is;

BOOST_AUTO_TEST_SUITE(object_header)

BOOST_AUTO_TEST_CASE(header_is_eight_bytes_with_payload_16_aligned_in_every_region) {
  BOOST_TEST(sizeof(ObjectHeader) == 8u);
  ProjectArena arena(7);
  ObjectHeader* h = shared_heap().allocate_object(tags::bytes, 3);
  ObjectHeader* a = arena.allocate_object(tags::bytes, 3);
  ObjectHeader* a2 = arena.allocate_object(tags::bytes, 40);
  ObjectHeader* p = pinned_area().allocate_object(tags::bytes, 5, 7);
  for (ObjectHeader* o : {h, a, a2, p}) {
    BOOST_TEST(reinterpret_cast<std::uintptr_t>(payload(o)) % 16 == 0u);
  }
  BOOST_TEST(static_cast<int>(region_of(h)) == static_cast<int>(Region::heap));
  BOOST_TEST(static_cast<int>(region_of(a)) == static_cast<int>(Region::arena));
  BOOST_TEST(static_cast<int>(region_of(p)) == static_cast<int>(Region::pinned));
  pinned_area().release(p, loader_override);
  shared_heap().release(h);
}

BOOST_AUTO_TEST_CASE(arena_allocations_carry_their_module_id) {
  ProjectArena arena(42);
  BOOST_TEST(module_of(arena.allocate_object(tags::bytes, 8)) == 42);
  ObjectHeader* h = shared_heap().allocate_object(tags::bytes, 8, 9);
  BOOST_TEST(module_of(h) == 9);
  shared_heap().release(h);
}

BOOST_AUTO_TEST_CASE(uncounted_objects_ignore_dup_and_drop) {
  ProjectArena arena(1);
  ObjectHeader* a = arena.allocate_object(tags::bytes, 8);
  impl::dup(a);
  impl::drop(a);
  impl::drop(a);
  BOOST_TEST(a->rc == 0);
  BOOST_TEST(arena.is_valid());
}

BOOST_AUTO_TEST_CASE(dup_and_drop_count_thread_local_objects_exactly) {
  sign_test::Freed freed;
  ObjectHeader* o = sign_test::make_node();
  impl::dup(o);
  impl::dup(o);
  BOOST_TEST(o->rc == 3);
  impl::drop(o);
  impl::drop(o);
  BOOST_TEST(o->rc == 1);
  BOOST_TEST(freed.count() == 0);
  impl::drop(o);
  BOOST_TEST(freed.count() == 1);
}

BOOST_AUTO_TEST_CASE(count_overflow_sticks_instead_of_wrapping) {
  sign_test::Freed freed;
  ObjectHeader* o = sign_test::make_node();
  o->rc = kStickyRc - 1;
  impl::dup(o);
  BOOST_TEST(o->rc == kStickyRc);
  impl::dup(o);
  BOOST_TEST(o->rc == kStickyRc);  // saturated
  for (int i = 0; i < 3; ++i) impl::drop(o);
  BOOST_TEST(o->rc == kStickyRc);  // never counts down again, never freed
  BOOST_TEST(freed.count() == 0);
  shared_heap().share(o);
  BOOST_TEST(o->rc == -kStickyRc);
  impl::drop(o);
  impl::dup(o);
  BOOST_TEST(o->rc == -kStickyRc);
  o->rc = 1;  // the test's own cleanup: a sticky object is a deliberate leak
  impl::drop(o);
  BOOST_TEST(freed.count() == 1);
}

BOOST_AUTO_TEST_CASE(register_kind_rejects_reserved_and_taken_tags) {
  BOOST_CHECK_EXCEPTION(register_kind(tags::bytes, KindOps{"x", nullptr, nullptr}), MemoryError,
                        code_is(MemoryErrc::kind_conflict));
  BOOST_CHECK_EXCEPTION(register_kind(kFirstUserTag - 1, KindOps{"x", nullptr, nullptr}), MemoryError,
                        code_is(MemoryErrc::kind_conflict));
  sign_test::node_tag();
  BOOST_CHECK_EXCEPTION(register_kind(sign_test::kNodeTag, KindOps{"other", nullptr, nullptr}), MemoryError,
                        code_is(MemoryErrc::kind_conflict));
  // The same ops again: idempotent.
  BOOST_CHECK_NO_THROW(register_kind(sign_test::kNodeTag,
                                     KindOps{"test_node", sign_test::visit_node, sign_test::finalize_node}));
  BOOST_TEST(find_kind(sign_test::kNodeTag) != nullptr);
  BOOST_TEST(find_kind(239) == nullptr);
}

BOOST_AUTO_TEST_CASE(allocation_with_an_unregistered_tag_is_rejected) {
  ProjectArena arena(1);
  BOOST_CHECK_EXCEPTION(shared_heap().allocate_object(239, 8), MemoryError, code_is(MemoryErrc::unknown_kind));
  BOOST_CHECK_EXCEPTION(arena.allocate_object(tags::invalid, 8), MemoryError, code_is(MemoryErrc::unknown_kind));
  BOOST_CHECK_EXCEPTION(pinned_area().allocate_object(238, 8, 1), MemoryError, code_is(MemoryErrc::unknown_kind));
}

BOOST_AUTO_TEST_SUITE_END()
