// SPDX-License-Identifier: MIT
// ProjectArena against memory-model.md §1 (bump, module-tagged), §5
// (released en masse, refused while referenced from outside) and its errors.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstring>

#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>

#include "memory-test-kinds.hpp"

#if SIGN_ASAN
#include <sanitizer/asan_interface.h>
#endif

using namespace sign;
using sign_test::code_is;
using sign_test::Freed;

BOOST_AUTO_TEST_SUITE(project_arena)

BOOST_AUTO_TEST_CASE(allocations_are_16_byte_aligned_and_disjoint) {
  ProjectArena arena(1, ArenaOptions{256, 4096});
  unsigned char* prev = nullptr;
  std::size_t prev_size = 0;
  for (std::size_t size : {1u, 3u, 16u, 17u, 100u, 255u, 4000u, 9000u, 7u}) {
    auto* p = static_cast<unsigned char*>(arena.allocate(size));
    BOOST_TEST(reinterpret_cast<std::uintptr_t>(p) % 16 == 0u);
    std::memset(p, 0x5A, size);  // ASan would report an overlap with a live neighbour's redzone
    if (prev != nullptr) BOOST_TEST((p >= prev + prev_size || p + size <= prev));
    prev = p;
    prev_size = size;
  }
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(arena.allocate(8, 256)) % 256 == 0u);
  BOOST_TEST(arena.is_valid());
}

BOOST_AUTO_TEST_CASE(allocation_is_tagged_with_the_module) {
  ProjectArena arena(77);
  ObjectHeader* o = arena.allocate_object(tags::bytes, 24);
  BOOST_TEST(o->module == 77);
  BOOST_TEST(o->rc == 0);
  BOOST_TEST(arena.contains(o));
  BOOST_TEST(arena.contains(arena.allocate(5)));
  int outside = 0;
  BOOST_TEST(!arena.contains(&outside));
}

BOOST_AUTO_TEST_CASE(allocate_zeroed_returns_zeroes_after_reset) {
  ProjectArena arena(1, ArenaOptions{256, 256});
  std::memset(arena.allocate(200), 0xFF, 200);
  arena.reset();
  auto* p = static_cast<unsigned char*>(arena.allocate_zeroed(200));
  bool zero = true;
  for (int i = 0; i < 200; ++i) zero = zero && p[i] == 0;
  BOOST_TEST(zero);
}

BOOST_AUTO_TEST_CASE(release_frees_the_whole_arena_at_once) {
  ProjectArena arena(1, ArenaOptions{1024, 1u << 16});
  for (int i = 0; i < 10000; ++i) arena.allocate(24);
  BOOST_TEST(arena.chunk_count() > 3u);
  BOOST_TEST(arena.bytes_allocated() >= 240000u);
  arena.release();
  BOOST_TEST(arena.released());
  BOOST_TEST(arena.chunk_count() == 0u);
  BOOST_TEST(arena.bytes_allocated() == 0u);
  BOOST_TEST(arena.is_valid());
}

BOOST_AUTO_TEST_CASE(release_drops_the_heap_references_arena_objects_hold) {
  Freed freed;
  ProjectArena arena(1);
  Cell<ObjectHeader*>* cell = arena.make_cell<ObjectHeader*>(sign_test::make_node());
  ObjectHeader* holder = arena.make_ref_array(2);
  ref_array_items(holder)[0] = sign_test::make_node();
  BOOST_TEST(cell->value != nullptr);
  arena.release();
  BOOST_TEST(freed.count() == 2);
}

BOOST_AUTO_TEST_CASE(unload_refused_while_external_ref) {
  ProjectArena arena(5);
  arena.allocate_object(tags::bytes, 8);
  arena.add_external_ref(9);
  arena.add_external_ref(kNoModule);
  BOOST_CHECK_EXCEPTION(arena.release(), MemoryError, [](const MemoryError& e) {
    const std::string what = e.what();
    return e.code() == MemoryErrc::unload_refused && what.find("module 9") != std::string::npos &&
           what.find("symbol table") != std::string::npos;
  });
  BOOST_TEST(!arena.released());
  BOOST_TEST(arena.external_refs() == 2u);
  arena.remove_external_ref(9);
  arena.remove_external_ref(kNoModule);
  BOOST_CHECK_EXCEPTION(arena.remove_external_ref(9), MemoryError, code_is(MemoryErrc::invalid_argument));
  BOOST_CHECK_NO_THROW(arena.release());
}

BOOST_AUTO_TEST_CASE(second_release_and_allocation_after_release_are_rejected) {
  ProjectArena arena(1);
  arena.allocate(8);
  arena.release();
  BOOST_CHECK_EXCEPTION(arena.release(), MemoryError, code_is(MemoryErrc::double_release));
  BOOST_CHECK_EXCEPTION(arena.allocate(8), MemoryError, code_is(MemoryErrc::arena_released));
  BOOST_CHECK_EXCEPTION(arena.allocate_object(tags::bytes, 8), MemoryError, code_is(MemoryErrc::arena_released));
}

BOOST_AUTO_TEST_CASE(bad_alignment_is_rejected) {
  ProjectArena arena(1);
  BOOST_CHECK_EXCEPTION(arena.allocate(8, 3), MemoryError, code_is(MemoryErrc::invalid_argument));
  BOOST_CHECK_EXCEPTION(arena.allocate(8, 8192), MemoryError, code_is(MemoryErrc::invalid_argument));
}

BOOST_AUTO_TEST_CASE(large_allocations_get_their_own_chunk) {
  ProjectArena arena(1, ArenaOptions{256, 4096});
  void* small = arena.allocate(16);
  void* big = arena.allocate(100000);
  void* small2 = arena.allocate(16);
  BOOST_TEST(arena.contains(big));
  BOOST_TEST(arena.contains(static_cast<char*>(big) + 99999));
  // The small allocations keep using the first chunk's free tail.
  BOOST_TEST(static_cast<char*>(small2) - static_cast<char*>(small) == 16);
  BOOST_TEST(arena.is_valid());
}

BOOST_AUTO_TEST_CASE(released_memory_is_poisoned) {
  ProjectArena arena(1, ArenaOptions{4096, 4096});
  auto* p = static_cast<unsigned char*>(arena.allocate(64));
  p[0] = 1;
  arena.reset();  // the first chunk stays mapped, so it can be inspected
#if SIGN_ASAN
  BOOST_TEST(__asan_address_is_poisoned(p) != 0);  // a use after unload is an ASan report
#elif SIGN_DEBUG >= 2
  BOOST_TEST(p[0] == 0xDB);
#else
  BOOST_TEST_MESSAGE("SIGN_DEBUG < 2 without ASan: released memory is not poisoned");
#endif
}

BOOST_AUTO_TEST_SUITE_END()
