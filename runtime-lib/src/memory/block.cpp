// SPDX-License-Identifier: MIT
// Block allocation and Shared-Heap block validation (contract in block.hpp).
#include "block.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <new>

#if SIGN_SYSTEM_ALLOCATOR
#include <stdlib.h>
#else
#include <mimalloc.h>
#endif
#if SIGN_ASAN
#include <sanitizer/asan_interface.h>
// Declared by sanitizer/allocator_interface.h, which GCC does not ship.
extern "C" int __sanitizer_get_ownership(const volatile void* p);
#endif

namespace sign::detail {
namespace {

std::uintptr_t make_secret() noexcept {
  // Not cryptographic: it only has to make a forged header's cookie a guess.
  std::uintptr_t x = static_cast<std::uintptr_t>(
      std::chrono::steady_clock::now().time_since_epoch().count());
  x ^= reinterpret_cast<std::uintptr_t>(&x) * 0x9E3779B97F4A7C15ull;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 32;
  return x | 1;
}
const std::uintptr_t g_secret = make_secret();

}  // namespace

void* block_alloc(std::size_t bytes, std::size_t align) {
#if SIGN_SYSTEM_ALLOCATOR
  void* p = nullptr;
  if (align <= 16) {
    p = std::malloc(bytes);  // 16-aligned on x86-64 and aarch64 glibc
  } else if (posix_memalign(&p, align, bytes) != 0) {
    p = nullptr;
  }
#else
  void* p = align <= 16 ? mi_malloc(bytes) : mi_malloc_aligned(bytes, align);
#endif
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

void block_free(void* block) noexcept {
#if SIGN_SYSTEM_ALLOCATOR
  std::free(block);
#else
  mi_free(block);
#endif
}

std::uintptr_t heap_cookie(const ObjectHeader* o) noexcept {
  return g_secret ^ (reinterpret_cast<std::uintptr_t>(o) * 0x9E3779B97F4A7C15ull);
}

BlockCheck check_heap_object(const ObjectHeader* o) noexcept {
  const auto addr = reinterpret_cast<std::uintptr_t>(o);
  if (addr % 16 != 8) return BlockCheck::foreign;  // headers sit at 16k+8
  const void* block = reinterpret_cast<const std::byte*>(o) - sizeof(std::uintptr_t);
#if SIGN_ASAN
  // A freed block is poisoned (quarantine): never read it.
  if (__asan_address_is_poisoned(o) != 0) return BlockCheck::freed;
  if (__sanitizer_get_ownership(block) == 0) return BlockCheck::foreign;
#elif !SIGN_SYSTEM_ALLOCATOR
  // Outside mimalloc's segments nothing is ours (and nothing is read).
  if (!mi_is_in_heap_region(block)) return BlockCheck::foreign;
#endif
  const std::uintptr_t word = *static_cast<const std::uintptr_t*>(block);
  if (word == heap_cookie(o) && region_of(o) == Region::heap && rc_of(o) != 0 && rc_of(o) != kFreedRc) {
    return BlockCheck::live;
  }
  // mimalloc reuses the first word of a freed block for its free list but
  // leaves the header, where free_heap_object wrote kFreedRc.
  return rc_of(o) == kFreedRc ? BlockCheck::freed : BlockCheck::foreign;
}

void poison([[maybe_unused]] void* p, [[maybe_unused]] std::size_t n) noexcept {
#if SIGN_ASAN
  ASAN_POISON_MEMORY_REGION(p, n);
#endif
}

void unpoison([[maybe_unused]] void* p, [[maybe_unused]] std::size_t n) noexcept {
#if SIGN_ASAN
  ASAN_UNPOISON_MEMORY_REGION(p, n);
#endif
}

void poison_released(void* p, std::size_t n) noexcept {
#if SIGN_DEBUG >= 2
  unpoison(p, n);
  std::memset(p, kPoisonByte, n);
#endif
  poison(p, n);
}

}  // namespace sign::detail
