// SPDX-License-Identifier: MIT
// Block allocation and Shared-Heap block validation (contract in block.hpp).
#include "block.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string_view>

#if SIGN_SYSTEM_ALLOCATOR
#include <stdlib.h>
#else
#include <mimalloc.h>
#endif
#if SIGN_ASAN
#include <sanitizer/asan_interface.h>
#endif
#if SIGN_TSAN
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#endif
#if SIGN_SYSTEM_ALLOCATOR
// Declared by sanitizer/allocator_interface.h, which GCC does not ship; ASan
// and TSan both implement it over their own allocator.
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

#if SIGN_TSAN
namespace {
// TSan builds hold the last freed blocks of each thread back from the
// allocator, as ASan's quarantine does: otherwise the very next malloc (the
// exception a double release throws) reuses the block and a checked
// release can no longer tell it was freed. Blocks leave on the thread that
// freed them, so TSan sees every hand-over it would see without the ring.
struct Quarantine {
  static constexpr std::size_t kSize = 1024;
  void* ring[kSize] = {};
  std::size_t next = 0;
  void push(void* block) noexcept {
    std::free(ring[next]);
    ring[next] = block;
    next = (next + 1) % kSize;
  }
  ~Quarantine() {
    for (void* b : ring) std::free(b);
  }
};
thread_local Quarantine t_quarantine;
}  // namespace
#endif

void block_free(void* block) noexcept {
#if SIGN_TSAN
  t_quarantine.push(block);
#elif SIGN_SYSTEM_ALLOCATOR
  std::free(block);
#else
  mi_free(block);
#endif
}

std::uintptr_t heap_cookie(const ObjectHeader* o) noexcept {
  return g_secret ^ (reinterpret_cast<std::uintptr_t>(o) * 0x9E3779B97F4A7C15ull);
}

namespace {
// The header and the word before it, read without the sanitizer's or the
// memory model's objections: the block may be freed (a double release) or
// live and shared with another thread. The caller has established that the
// 16 bytes are mapped. Only a snapshot: nothing is decided on it that a
// racing thread could make unsafe, and nothing is written.
struct Peek {
  std::uintptr_t word;
  ObjectHeader header;
};
Peek peek(const ObjectHeader* o) noexcept {
  Peek p{};
#if SIGN_TSAN
  __tsan_ignore_thread_begin();  // a freed block is a heap-use-after-free report
#endif
  const auto* from = reinterpret_cast<const volatile unsigned char*>(o) - sizeof(std::uintptr_t);
  auto* to = reinterpret_cast<unsigned char*>(&p);
  for (std::size_t i = 0; i < sizeof(Peek); ++i) to[i] = from[i];
#if SIGN_TSAN
  __tsan_ignore_thread_end();
#endif
  return p;
}
}  // namespace

BlockCheck check_heap_object(const ObjectHeader* o) noexcept {
  const auto addr = reinterpret_cast<std::uintptr_t>(o);
  if (addr % 16 != 8) return BlockCheck::foreign;  // headers sit at 16k+8
  const void* block = reinterpret_cast<const std::byte*>(o) - sizeof(std::uintptr_t);
#if SIGN_ASAN
  // A freed block is poisoned (quarantine): never read it. Otherwise read
  // only what ASan knows to be a live heap block, stack or global.
  if (__asan_address_is_poisoned(o) != 0) return BlockCheck::freed;
  if (__asan_region_is_poisoned(const_cast<void*>(block), sizeof(std::uintptr_t) + sizeof(ObjectHeader)) != nullptr) {
    return BlockCheck::foreign;
  }
  const std::string_view kind = __asan_locate_address(const_cast<void*>(block), nullptr, 0, nullptr, nullptr);
  if (kind != "heap" && kind != "stack" && kind != "global") return BlockCheck::foreign;
#elif SIGN_SYSTEM_ALLOCATOR
  // TSan: outside its allocator's memory nothing is ours.
  if (__sanitizer_get_ownership(block) == 0) return BlockCheck::foreign;
#else
  // Outside mimalloc's segments nothing is ours (and nothing is read).
  if (!mi_is_in_heap_region(block)) return BlockCheck::foreign;
#endif
  const Peek p = peek(o);
  if (p.header.rc == kFreedRc) return BlockCheck::freed;  // free_heap_object wrote it
  if (p.word == heap_cookie(o) && (p.header.region & header_bits::region_mask) == static_cast<std::uint8_t>(Region::heap) &&
      p.header.rc != 0) {
    return BlockCheck::live;
  }
  // An arena or pinned object: a header of an uncounted region.
  const auto region = static_cast<Region>(p.header.region & header_bits::region_mask);
  if (p.header.rc == 0 && (region == Region::arena || region == Region::pinned) && find_kind(p.header.tag) != nullptr) {
    return BlockCheck::uncounted;
  }
  return BlockCheck::foreign;
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
