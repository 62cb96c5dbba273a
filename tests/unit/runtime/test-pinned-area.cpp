// SPDX-License-Identifier: MIT
// PinnedArea against memory-model.md §1 (resident, fixed address, loader
// override only) and its bad-input errors.
#include <boost/test/unit_test.hpp>
#include <cstdint>

#include <sign/memory/pinned_area.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::code_is;

BOOST_AUTO_TEST_SUITE(pinned_area_rules)

BOOST_AUTO_TEST_CASE(pinned_allocation_is_aligned_zeroed_and_owned_by_its_module) {
  const std::size_t blocks = pinned_area().block_count();
  auto* p = static_cast<unsigned char*>(pinned_area().allocate(10000, 4096, 12));
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(p) % 4096 == 0u);
  bool zero = true;
  for (int i = 0; i < 10000; ++i) zero = zero && p[i] == 0;
  BOOST_TEST(zero);
  BOOST_TEST(pinned_area().contains(p + 9999));
  BOOST_TEST(!pinned_area().contains(p + 10000));
  BOOST_TEST(pinned_area().module_of(p + 100) == 12);
  BOOST_TEST(pinned_area().block_count() == blocks + 1);
  pinned_area().release(p, loader_override);
  BOOST_TEST(pinned_area().block_count() == blocks);
}

BOOST_AUTO_TEST_CASE(pinned_objects_are_not_counted) {
  ObjectHeader* o = pinned_area().allocate_object(tags::bytes, 16, 3);
  impl::drop(o);
  impl::drop(o);
  BOOST_TEST(o->rc == 0);
  BOOST_TEST(pinned_area().contains(o));  // still resident
  pinned_area().release(o, loader_override);
}

BOOST_AUTO_TEST_CASE(loader_override_releases_a_module_s_pinned_blocks) {
  pinned_area().allocate(64, 16, 900);
  pinned_area().allocate_object(tags::bytes, 8, 900);
  void* other = pinned_area().allocate(64, 16, 901);
  BOOST_TEST(pinned_area().release_module(900, loader_override) == 2u);
  BOOST_TEST(pinned_area().contains(other));
  BOOST_TEST(pinned_area().release_module(900, loader_override) == 0u);
  pinned_area().release(other, loader_override);
}

BOOST_AUTO_TEST_CASE(release_of_foreign_or_released_pinned_memory_is_rejected) {
  void* p = pinned_area().allocate(64, 16, 1);
  BOOST_CHECK_EXCEPTION(pinned_area().release(static_cast<char*>(p) + 8, loader_override), MemoryError,
                        code_is(MemoryErrc::foreign_pointer));
  int local = 0;
  BOOST_CHECK_EXCEPTION(pinned_area().release(&local, loader_override), MemoryError,
                        code_is(MemoryErrc::foreign_pointer));
  BOOST_CHECK_EXCEPTION(pinned_area().module_of(&local), MemoryError, code_is(MemoryErrc::foreign_pointer));
  pinned_area().release(p, loader_override);
  BOOST_CHECK_EXCEPTION(pinned_area().release(p, loader_override), MemoryError,
                        code_is(MemoryErrc::double_release));
  BOOST_CHECK_EXCEPTION(pinned_area().allocate(0, 16, 1), MemoryError, code_is(MemoryErrc::invalid_argument));
}

BOOST_AUTO_TEST_SUITE_END()
