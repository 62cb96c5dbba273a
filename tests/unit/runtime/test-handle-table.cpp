// SPDX-License-Identifier: MIT
// HandleTable against memory-model.md §7 (create_handle/lookup_handle, rc
// managed inside, stale or forged handles detected, never dereferenced) and
// §9 (handles instead of raw pointers), with its bad-input errors.
#include <boost/test/unit_test.hpp>
#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include <sign/memory/handle_table.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::code_is;
using sign_test::Freed;
using sign_test::make_node;

namespace {
// The fields of a handle (layout in handle_table.hpp), for forging.
constexpr Handle with_generation(Handle h, std::uint64_t generation) {
  return (h & ~(Handle{0xFFFFFF} << 24)) | (generation << 24);
}
constexpr Handle with_index(Handle h, std::uint64_t index) { return (h & ~Handle{0xFFFFFF}) | index; }
constexpr Handle with_table(Handle h, std::uint64_t table) { return (h & ~(Handle{0xFFFF} << 48)) | (table << 48); }
}  // namespace

BOOST_AUTO_TEST_SUITE(handle_table)

BOOST_AUTO_TEST_CASE(lookup_handle_returns_the_object_of_create_handle) {
  HandleTable table;
  ObjectHeader* o = make_node();
  const Handle h = table.create_handle(o);
  BOOST_TEST(h != 0u);
  ObjectHeader* got = table.lookup_handle(h);
  BOOST_TEST(got == o);
  BOOST_TEST(table.contains(h));
  BOOST_TEST(table.size() == 1u);
  impl::drop(got);
  table.release_handle(h);
  BOOST_TEST(table.size() == 0u);
}

BOOST_AUTO_TEST_CASE(handle_rc_is_managed_inside_the_table) {
  Freed freed;
  HandleTable table;
  ObjectHeader* o = make_node();
  const Handle h = table.create_handle(o);  // consumes the creation reference
  BOOST_TEST(rc_of(o) == -1);               // the table's own, thread-shared
  ObjectHeader* got = table.lookup_handle(h);
  BOOST_TEST(rc_of(o) == -2);               // lookup hands out an owned reference
  impl::drop(got);
  BOOST_TEST(freed.count() == 0);
  table.release_handle(h);                  // the table's reference was the last
  BOOST_TEST(freed.count() == 1);
}

BOOST_AUTO_TEST_CASE(stored_objects_become_thread_shared) {
  HandleTable table;
  ObjectHeader* leaf = make_node();
  ObjectHeader* root = make_node();
  sign_test::child(root) = leaf;
  const Handle h = table.create_handle(root);
  BOOST_TEST(is_thread_shared(root));
  BOOST_TEST(is_thread_shared(leaf));  // everything it reaches, too
  std::thread other([&] { impl::drop(table.lookup_handle(h)); });
  other.join();
  table.release_handle(h);
}

BOOST_AUTO_TEST_CASE(stale_handle_is_rejected_after_release) {
  HandleTable table;
  const Handle h = table.create_handle(make_node());
  table.release_handle(h);
  BOOST_TEST(!table.contains(h));
  BOOST_CHECK_EXCEPTION(table.lookup_handle(h), MemoryError, code_is(MemoryErrc::stale_handle));
  BOOST_CHECK_EXCEPTION(table.release_handle(h), MemoryError, code_is(MemoryErrc::stale_handle));
}

BOOST_AUTO_TEST_CASE(stale_handle_never_aliases_the_slot_s_next_value) {
  HandleTable table;
  ObjectHeader* first = make_node();
  const Handle old_h = table.create_handle(first);
  table.release_handle(old_h);
  ObjectHeader* second = make_node();
  const Handle new_h = table.create_handle(second);
  BOOST_TEST((new_h & 0xFFFFFF) == (old_h & 0xFFFFFF));  // the slot was reused...
  BOOST_TEST(new_h != old_h);                            // ...under a new generation
  BOOST_CHECK_EXCEPTION(table.lookup_handle(old_h), MemoryError, code_is(MemoryErrc::stale_handle));
  ObjectHeader* got = table.lookup_handle(new_h);
  BOOST_TEST(got == second);
  impl::drop(got);
  table.release_handle(new_h);
}

BOOST_AUTO_TEST_CASE(forged_handle_is_rejected) {
  HandleTable table;
  const Handle h = table.create_handle(make_node());
  BOOST_CHECK_EXCEPTION(table.lookup_handle(with_index(h, 5000)), MemoryError, code_is(MemoryErrc::forged_handle));
  BOOST_CHECK_EXCEPTION(table.lookup_handle(with_generation(h, 0)), MemoryError, code_is(MemoryErrc::forged_handle));
  BOOST_CHECK_EXCEPTION(table.lookup_handle(with_generation(h, 2)), MemoryError, code_is(MemoryErrc::forged_handle));
  BOOST_CHECK_EXCEPTION(table.release_handle(with_generation(h, 0xFFFFFF)), MemoryError,
                        code_is(MemoryErrc::forged_handle));
  BOOST_TEST(!table.contains(with_index(h, 5000)));
  BOOST_TEST(table.contains(h));  // the real one is untouched
  table.release_handle(h);
}

BOOST_AUTO_TEST_CASE(handle_zero_is_never_valid) {
  HandleTable table;
  const Handle h = table.create_handle(make_node());
  BOOST_TEST(!table.contains(0));
  BOOST_CHECK_THROW(table.lookup_handle(0), MemoryError);
  table.release_handle(h);
}

BOOST_AUTO_TEST_CASE(handle_from_another_table_is_rejected) {
  HandleTable a, b;
  BOOST_TEST(a.id() != b.id());
  const Handle ha = a.create_handle(make_node());
  const Handle hb = b.create_handle(make_node());
  BOOST_TEST((ha & 0xFFFFFFFFFFFF) == (hb & 0xFFFFFFFFFFFF));  // same slot and generation...
  BOOST_CHECK_EXCEPTION(b.lookup_handle(ha), MemoryError, code_is(MemoryErrc::foreign_handle));
  BOOST_CHECK_EXCEPTION(a.release_handle(hb), MemoryError, code_is(MemoryErrc::foreign_handle));
  BOOST_CHECK_EXCEPTION(a.lookup_handle(with_table(ha, 0)), MemoryError, code_is(MemoryErrc::foreign_handle));
  BOOST_TEST(!b.contains(ha));
  a.release_handle(ha);
  b.release_handle(hb);
}

BOOST_AUTO_TEST_CASE(live_tables_never_share_an_id) {
  std::vector<std::unique_ptr<HandleTable>> tables;
  std::vector<bool> seen(std::size_t{1} << 16, false);
  bool distinct = true;
  for (int i = 0; i < 300; ++i) {
    tables.push_back(std::make_unique<HandleTable>());
    distinct = distinct && !seen[tables.back()->id()] && tables.back()->id() != 0;
    seen[tables.back()->id()] = true;
  }
  BOOST_TEST(distinct);
}

BOOST_AUTO_TEST_CASE(bad_objects_never_enter_the_table) {
  HandleTable table;
  BOOST_CHECK_EXCEPTION(table.create_handle(nullptr), MemoryError, code_is(MemoryErrc::null_pointer));
  ProjectArena arena(4);
  BOOST_CHECK_EXCEPTION(table.create_handle(arena.allocate_object(tags::bytes, 8)), MemoryError,
                        code_is(MemoryErrc::not_counted));
  ObjectHeader* dead = make_node();
  impl::drop(dead);
  BOOST_CHECK_EXCEPTION(table.create_handle(dead), MemoryError, code_is(MemoryErrc::double_release));
  BOOST_TEST(table.size() == 0u);
  BOOST_TEST(table.is_valid());
}

BOOST_AUTO_TEST_CASE(pinned_objects_are_exported_through_handles) {
  // §9: device-facing buffers are `###` plus handles; a handle never moves them.
  HandleTable table;
  ObjectHeader* buffer = pinned_area().allocate_object(tags::bytes, 64, 3);
  const Handle h = table.create_handle(buffer);
  ObjectHeader* got = table.lookup_handle(h);
  BOOST_TEST(got == buffer);
  BOOST_TEST(rc_of(buffer) == 0);  // resident: not counted
  table.release_handle(h);
  BOOST_TEST(pinned_area().contains(buffer));
  pinned_area().release(buffer, loader_override);
}

BOOST_AUTO_TEST_CASE(destroying_the_table_drops_its_references) {
  Freed freed;
  {
    HandleTable table;
    for (int i = 0; i < 10; ++i) table.create_handle(make_node());
    BOOST_TEST(table.is_valid());
  }
  BOOST_TEST(freed.count() == 10);
}

BOOST_AUTO_TEST_CASE(slots_grow_past_one_segment_and_are_reused) {
  HandleTable table;
  std::vector<Handle> handles;
  for (std::size_t i = 0; i < HandleTable::kSegmentSlots + 10; ++i) handles.push_back(table.create_handle(make_node()));
  for (std::size_t i = 0; i < handles.size(); i += 2) table.release_handle(handles[i]);
  BOOST_TEST(table.is_valid());
  for (std::size_t i = 0; i < handles.size(); i += 2) handles[i] = table.create_handle(make_node());
  BOOST_TEST(table.size() == handles.size());
  BOOST_TEST(table.is_valid());
  for (Handle h : handles) table.release_handle(h);
  BOOST_TEST(table.size() == 0u);
  BOOST_TEST(table.is_valid());
}

BOOST_AUTO_TEST_CASE(concurrent_create_lookup_release_is_safe) {
  // A small version of tests/stress: every thread publishes handles that the
  // others look up and release; every lookup either succeeds with the right
  // object or reports stale_handle.
  HandleTable table;
  constexpr int kThreads = 4, kRounds = 2000;
  std::vector<std::atomic<Handle>> mailbox(64);
  for (auto& m : mailbox) m.store(0);
  std::atomic<long> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRounds; ++i) {
        const std::size_t slot = static_cast<std::size_t>(t * 7919 + i * 31) % mailbox.size();
        ObjectHeader* o = make_node();
        const Handle mine = table.create_handle(o);
        const Handle theirs = mailbox[slot].exchange(mine);
        if (theirs == 0) continue;
        try {
          ObjectHeader* got = table.lookup_handle(theirs);
          if (region_of(got) != Region::heap) bad.fetch_add(1);
          impl::drop(got);
          table.release_handle(theirs);
        } catch (const MemoryError&) {
          bad.fetch_add(1);  // each handle reached exactly one thread: never stale here
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (auto& m : mailbox) {
    if (const Handle h = m.load()) table.release_handle(h);
  }
  BOOST_TEST(bad.load() == 0);
  BOOST_TEST(table.size() == 0u);
  BOOST_TEST(table.is_valid());
}

BOOST_AUTO_TEST_SUITE_END()
