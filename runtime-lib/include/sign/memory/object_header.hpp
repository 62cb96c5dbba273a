// SPDX-License-Identifier: MIT
// sign::ObjectHeader — the 8 bytes in front of every runtime object (Koka's
// kk_header_t, Lean's lean_object), the kind registry that tells the runtime
// what an object holds, and the inline dup/drop fast path generated code
// calls (memory-model.md §1 regions, §5 release, §6 counting).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include <sign/memory/debug.hpp>

namespace sign {

// A module's number (ModuleRegistry); 0 is "no module": the runtime itself,
// static literals, anonymous test objects.
using ModuleId = std::uint16_t;
inline constexpr ModuleId kNoModule = 0;

// Where an object lives (§1). Static data is "not counted" like the arena.
enum class Region : std::uint8_t { static_data = 0, arena = 1, heap = 2, pinned = 3 };

//=== object layout ============================================================
// Every object is
//
//     ... | word | ObjectHeader (8) | payload ...
//               ^ address 16k+8     ^ address 16k+16: 16-byte aligned (NEON)
//
// The word before the header belongs to the region: the Shared-Heap keeps a
// per-process cookie there (so a checked release can tell its objects from
// forged ones) and threads its release worklist through it; the arena and
// the pinned area leave it as padding. Payload addresses are therefore
// always 16-byte aligned, so string and list bodies take aligned vector
// loads. A Sign value `## [1, 2]` becomes a heap object whose header has
// rc 1, region heap and the list kind's tag, with the elements after it.
//
// rc, the reference count, uses Lean's signed encoding plus Koka's sticky
// band. Ranges, as read by dup/drop:
//
//   rc == 0                    not counted: Project-Arena, Pinned-Area and
//                              static objects; dup and drop do nothing, so
//                              drop never needs to read `region`.
//   1 .. kStickyRc-1           Shared-Heap object owned by one thread; the
//                              count is rc; plain (non-atomic) ++/--.
//   kStickyRc .. INT32_MAX     saturated: more references than the band can
//                              count; never freed again (a leak, not a
//                              use-after-free). dup/drop leave it alone.
//   -1 .. -(kStickyRc-1)       thread-shared Shared-Heap object (after
//                              sign::share); the count is -rc; atomic RMW.
//   -kStickyRc .. INT32_MIN+1  saturated thread-shared object.
//   kFreedRc (INT32_MIN)       written just before the block goes back to
//                              the allocator; a checked release reports it as
//                              double_release.
//
// The band is 2^30 wide so racing increments that passed the threshold
// check before another thread crossed it can never wrap the int32.
inline constexpr std::int32_t kStickyRc = std::int32_t{1} << 30;
inline constexpr std::int32_t kFreedRc = INT32_MIN;

// Bits of ObjectHeader::region. Bits 0-1 are the Region. The rest belong to
// the cycle collector and the weak table: colour, buffered and dead are only
// written by the thread that owns a thread-local object; weak is set with
// an atomic RMW by any thread (region_bits and friends below).
namespace header_bits {
inline constexpr std::uint8_t region_mask = 0x03;
inline constexpr std::uint8_t colour_mask = 0x0C;  // trial deletion colour
inline constexpr std::uint8_t black = 0x00;        // live (the default)
inline constexpr std::uint8_t gray = 0x04;         // internal refs subtracted
inline constexpr std::uint8_t white = 0x08;        // garbage candidate
inline constexpr std::uint8_t purple = 0x0C;       // possible cycle root
inline constexpr std::uint8_t buffered = 0x10;     // in its thread's candidate buffer
inline constexpr std::uint8_t weak = 0x20;         // may have weak refs (hint, never cleared)
inline constexpr std::uint8_t dead = 0x40;         // died while buffered; collector frees it
}  // namespace header_bits

// The header. Invariants:
//  - sizeof == 8 and the address is 16k+8 (layout above);
//  - `tag` is a registered kind for the object's whole life;
//  - `module` is the module whose allocation created the object (the arena
//    tags every allocation with its module id, §1), kNoModule otherwise;
//  - `rc` is read and written only through dup/drop and the region code;
//    for a thread-shared object every write is an atomic RMW.
struct ObjectHeader {
  std::int32_t rc;
  ModuleId module;
  std::uint8_t region;
  std::uint8_t tag;
};
static_assert(sizeof(ObjectHeader) == 8, "the header is 8 bytes (STYLE: Koka/Lean shape)");

// The region byte, read and written through relaxed atomics: other threads
// read a thread-shared object's byte (region_of, the weak bit at release)
// while one of them sets its weak bit, so plain accesses would race. Relaxed
// byte loads and stores are plain moves on x86-64 and AArch64.
inline std::uint8_t region_bits(const ObjectHeader* o) noexcept {
  return std::atomic_ref<std::uint8_t>(const_cast<std::uint8_t&>(o->region)).load(std::memory_order_relaxed);
}
// Owner-thread updates (colour, buffered, dead: thread-local objects only).
inline void set_region_bits(ObjectHeader* o, std::uint8_t bits) noexcept {
  std::atomic_ref<std::uint8_t>(o->region).store(bits, std::memory_order_relaxed);
}
// The weak bit may be set by any thread holding a reference: an atomic RMW.
inline void add_region_bits(ObjectHeader* o, std::uint8_t bits) noexcept {
  std::atomic_ref<std::uint8_t>(o->region).fetch_or(bits, std::memory_order_relaxed);
}
inline Region region_of(const ObjectHeader* o) noexcept {
  return static_cast<Region>(region_bits(o) & header_bits::region_mask);
}
inline ModuleId module_of(const ObjectHeader* o) noexcept { return o->module; }
inline void* payload(ObjectHeader* o) noexcept { return reinterpret_cast<std::byte*>(o) + sizeof(ObjectHeader); }
inline const void* payload(const ObjectHeader* o) noexcept {
  return reinterpret_cast<const std::byte*>(o) + sizeof(ObjectHeader);
}
// The reference count as a racing reader may see it (relaxed atomic load).
inline std::int32_t rc_of(const ObjectHeader* o) noexcept {
  return std::atomic_ref<std::int32_t>(const_cast<std::int32_t&>(o->rc)).load(std::memory_order_relaxed);
}
inline bool is_thread_shared(const ObjectHeader* o) noexcept { return rc_of(o) < 0; }

//=== kind registry ============================================================
// Heap kinds (strings, lists, closures, dicts) are defined on top of this
// header by the core language: each registers, under its tag byte, how to
// enumerate the object references it owns and how to free anything else it
// holds. drop_slow uses visit_children to release children iteratively
// (never recursively: a chain of 10 million refs frees in constant stack),
// the cycle collector uses it to trace, sign::share to mark.
//
// Calling convention for KindOps functions:
//  - visit_children(self, fn, ctx) calls fn(child, ctx) once for each object
//    reference `self` owns, in any fixed order; null children may be passed
//    or skipped. It must not allocate, throw, or change the object.
//  - finalize(self) releases what is not an object reference (a malloc'ed
//    buffer, a file descriptor). It must not touch children: they have
//    already been handed to the release worklist. It runs once, just before
//    the memory is freed, also for arena objects at arena release.
// Both may be null (an object with no children / nothing to finalize).
using ChildFn = void (*)(ObjectHeader* child, void* ctx);
struct KindOps {
  const char* name = nullptr;
  void (*visit_children)(ObjectHeader* self, ChildFn fn, void* ctx) = nullptr;
  void (*finalize)(ObjectHeader* self) noexcept = nullptr;
};

// Tags below kFirstUserTag are the memory library's own kinds; 0 is never a
// valid tag, so zeroed memory is never mistaken for an object.
namespace tags {
inline constexpr std::uint8_t invalid = 0;
inline constexpr std::uint8_t bytes = 1;        // opaque payload, no children
inline constexpr std::uint8_t ref_array = 2;    // RefArray: count + owned refs
inline constexpr std::uint8_t cell_int = 3;     // Cell<std::int64_t>
inline constexpr std::uint8_t cell_float = 4;   // Cell<double>
inline constexpr std::uint8_t cell_object = 5;  // Cell<ObjectHeader*>, owns its content
inline constexpr std::uint8_t cell_value = 6;   // Cell<sign::Value>
}  // namespace tags
inline constexpr std::uint8_t kFirstUserTag = 16;

// Registers `ops` under `tag` (kFirstUserTag..255). Throws MemoryError
// kind_conflict for a reserved tag or one already registered with other
// ops; registering the same ops twice is allowed (idempotent start-up code).
// Register before the first allocation with that tag; lookups are lock-free.
void register_kind(std::uint8_t tag, const KindOps& ops);
// Null if nothing is registered under `tag`.
const KindOps* find_kind(std::uint8_t tag) noexcept;

// RefArray (tags::ref_array): the library's generic container of owned
// references, used for tuples of refs and by tests. Payload: a uint64 count,
// then `count` slots; a null slot is empty.
inline std::uint64_t& ref_array_count(ObjectHeader* o) noexcept {
  return *static_cast<std::uint64_t*>(payload(o));
}
inline ObjectHeader** ref_array_items(ObjectHeader* o) noexcept {
  return reinterpret_cast<ObjectHeader**>(static_cast<std::byte*>(payload(o)) + sizeof(std::uint64_t));
}
inline std::size_t ref_array_payload_size(std::size_t count) noexcept {
  return sizeof(std::uint64_t) + count * sizeof(ObjectHeader*);
}

}  // namespace sign

//=== dup / drop (generated code) ================================================
namespace sign::impl {

// Out of line: thread-shared counts, the sticky band, freeing.
[[gnu::noinline]] void dup_slow(ObjectHeader* o) noexcept;
[[gnu::noinline]] void drop_slow(ObjectHeader* o) noexcept;

// One more reference to `o` (non-null). Like lean_inc_ref: a thread-local
// count in 1..kStickyRc-1 is bumped in place; 0 (not counted) falls out at
// the second compare; everything else is the cold path.
inline void dup(ObjectHeader* o) noexcept {
  std::atomic_ref<std::int32_t> rc(o->rc);
  const std::int32_t n = rc.load(std::memory_order_relaxed);
  if (static_cast<std::uint32_t>(n) - 1u < static_cast<std::uint32_t>(kStickyRc - 1)) {
    rc.store(n + 1, std::memory_order_relaxed);  // owner thread only: no RMW needed
  } else if (n != 0) {
    dup_slow(o);
  }
}

// One reference to `o` (non-null) less; frees it, and then iteratively
// whatever only it kept alive, when that was the last. Like lean_dec_ref:
// counts 2..kStickyRc-1 decrement in place, arena and pinned objects
// (rc 0) fall out at the second compare without reading `region`.
inline void drop(ObjectHeader* o) noexcept {
  std::atomic_ref<std::int32_t> rc(o->rc);
  const std::int32_t n = rc.load(std::memory_order_relaxed);
  if (static_cast<std::uint32_t>(n) - 2u < static_cast<std::uint32_t>(kStickyRc - 2)) {
    rc.store(n - 1, std::memory_order_relaxed);
  } else if (n != 0) {
    drop_slow(o);
  }
}

}  // namespace sign::impl
