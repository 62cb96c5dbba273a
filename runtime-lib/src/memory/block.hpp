// SPDX-License-Identifier: MIT
// Private: where the memory library's blocks come from (mimalloc, or the
// system allocator in sanitizer builds) and how a Shared-Heap block proves it
// is one (memory-model.md §1 "mimalloc-class allocator underneath").
#pragma once

#include <cstddef>
#include <cstdint>

#include <sign/memory/object_header.hpp>

// Sanitizer builds allocate through malloc: ASan/LSan then see every block
// (use after free, leaks), and TSan sees the hand-over of freed memory
// between threads, which inside the uninstrumented libmimalloc it cannot.
#if SIGN_ASAN || SIGN_TSAN
#define SIGN_SYSTEM_ALLOCATOR 1
#else
#define SIGN_SYSTEM_ALLOCATOR 0
#endif

namespace sign::detail {

// `bytes` bytes aligned to `align` (a power of two >= 16). Throws
// std::bad_alloc.
void* block_alloc(std::size_t bytes, std::size_t align);
void block_free(void* block) noexcept;

// The word before a heap object's header: the cookie while it lives, the
// release worklist link while it dies (object_header.hpp, layout).
inline std::uintptr_t& header_word(ObjectHeader* o) noexcept {
  return *reinterpret_cast<std::uintptr_t*>(reinterpret_cast<std::byte*>(o) - sizeof(std::uintptr_t));
}
inline void* block_of(ObjectHeader* o) noexcept { return reinterpret_cast<std::byte*>(o) - sizeof(std::uintptr_t); }
// The value header_word holds for a live heap object: a per-process random
// secret mixed with the address, so a forged header cannot guess it.
std::uintptr_t heap_cookie(const ObjectHeader* o) noexcept;

// live: a Shared-Heap object in use; freed: one that was released (exact
// until the allocator hands the block out again); uncounted: the header of
// a Project-Arena or Pinned-Area object; foreign: anything else.
enum class BlockCheck { live, freed, uncounted, foreign };
// What `o` is, without reading memory that is not mapped and without a
// sanitizer report for peeking at a freed block.
BlockCheck check_heap_object(const ObjectHeader* o) noexcept;

// ASan poisoning (no-ops elsewhere) and the SIGN_DEBUG >= 2 fill pattern.
void poison(void* p, std::size_t n) noexcept;
void unpoison(void* p, std::size_t n) noexcept;
void poison_released(void* p, std::size_t n) noexcept;  // fill 0xDB if SIGN_DEBUG >= 2, then poison
inline constexpr unsigned char kPoisonByte = 0xDB;

}  // namespace sign::detail
