// SPDX-License-Identifier: MIT
// SharedHeap allocation, checked retain/release, and share() — Lean's
// lean_mark_mt — (memory-model.md §1, §2 `## e`, §6). Release itself is in
// release.cpp, the cycle collector in cycle_collector.cpp.
#include <sign/memory/error.hpp>
#include <sign/memory/shared_heap.hpp>
#include <sign/simd/primitives.hpp>

#include <atomic>
#include <sstream>
#include <vector>

#include "block.hpp"
#include "internal.hpp"

namespace sign {
namespace detail {
namespace {
std::atomic<std::uint64_t> g_allocated{0};
std::atomic<std::uint64_t> g_freed{0};

std::string describe(const ObjectHeader* o) {
  std::ostringstream out;
  out << static_cast<const void*>(o);
  return out.str();
}

// Throws the MemoryError that using `o` as a live heap object deserves.
void require_live(const ObjectHeader* o, const char* what) {
  if (o == nullptr) throw MemoryError(MemoryErrc::null_pointer, std::string(what) + ": null object");
  switch (check_heap_object(o)) {
    case BlockCheck::live: return;
    case BlockCheck::freed:
      throw MemoryError(MemoryErrc::double_release,
                        std::string(what) + ": object " + describe(o) + " was already released");
    case BlockCheck::uncounted:
      throw MemoryError(MemoryErrc::not_counted, std::string(what) + ": " + describe(o) +
                                                     " is a Project-Arena or Pinned-Area object, which is not counted");
    case BlockCheck::foreign: break;
  }
  throw MemoryError(MemoryErrc::foreign_pointer,
                    std::string(what) + ": " + describe(o) + " is not a Shared-Heap object");
}
}  // namespace

void count_freed() noexcept {
  if constexpr (SIGN_DEBUG >= 1) g_freed.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace detail

ObjectHeader* SharedHeap::allocate_object(std::uint8_t tag, std::size_t payload_size, ModuleId module) {
  if (find_kind(tag) == nullptr) {
    throw MemoryError(MemoryErrc::unknown_kind, "SharedHeap::allocate_object: tag " + std::to_string(tag) +
                                                    " is not a registered kind");
  }
  if (payload_size > (std::size_t{1} << 47)) throw std::bad_alloc();
  void* block = detail::block_alloc(2 * sizeof(std::uintptr_t) + payload_size, 16);
  auto* o = reinterpret_cast<ObjectHeader*>(static_cast<std::byte*>(block) + sizeof(std::uintptr_t));
  *o = ObjectHeader{1, module, static_cast<std::uint8_t>(Region::heap), tag};
  detail::header_word(o) = detail::heap_cookie(o);
  // Zeroed so a kind's visit_children sees empty slots until they are filled.
  simd::zero(payload(o), payload_size);
  if constexpr (SIGN_DEBUG >= 1) detail::g_allocated.fetch_add(1, std::memory_order_relaxed);
  return o;
}

ObjectHeader* SharedHeap::make_ref_array(std::size_t count, ModuleId module) {
  ObjectHeader* o = allocate_object(tags::ref_array, ref_array_payload_size(count), module);
  ref_array_count(o) = count;
  return o;
}

void SharedHeap::retain(ObjectHeader* o) {
  detail::require_live(o, "SharedHeap::retain");
  impl::dup(o);
}

void SharedHeap::release(ObjectHeader* o) {
  detail::require_live(o, "SharedHeap::release");
  impl::drop(o);
}

void SharedHeap::check(const ObjectHeader* o) const { detail::require_live(o, "SharedHeap::check"); }

void SharedHeap::share(ObjectHeader* o) noexcept {
  if (o == nullptr || rc_of(o) <= 0) return;
  std::vector<ObjectHeader*> stack{o};
  std::vector<ObjectHeader*> unbuffer;
  while (!stack.empty()) {
    ObjectHeader* x = stack.back();
    stack.pop_back();
    const std::int32_t n = rc_of(x);
    if (n <= 0) continue;  // already shared, uncounted, or reached twice
    if ((region_bits(x) & header_bits::buffered) != 0) {
      unbuffer.push_back(x);
      set_region_bits(x, static_cast<std::uint8_t>(region_bits(x) & ~(header_bits::buffered | header_bits::colour_mask)));
    }
    // A plain store: the object is still ours; publishing it to another
    // thread (a queue, a lock, a handle table) is the release that orders it.
    std::atomic_ref<std::int32_t>(x->rc).store(-n, std::memory_order_relaxed);
    detail::for_each_child(
        x, [](ObjectHeader* c, void* s) { static_cast<std::vector<ObjectHeader*>*>(s)->push_back(c); }, &stack);
  }
  if (!unbuffer.empty()) detail::unbuffer_candidates(unbuffer);
}

HeapStats SharedHeap::stats() const noexcept {
  return HeapStats{detail::g_allocated.load(std::memory_order_relaxed),
                   detail::g_freed.load(std::memory_order_relaxed)};
}

SharedHeap& shared_heap() noexcept {
  static SharedHeap heap;
  return heap;
}

}  // namespace sign
