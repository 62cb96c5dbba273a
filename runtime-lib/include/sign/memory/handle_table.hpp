// SPDX-License-Identifier: MIT
// sign::HandleTable — integer handles instead of raw pointers for exports
// (memory-model.md §7, §9): create_handle(v) -> h, lookup_handle(h) -> v,
// with generation counters so a stale or forged handle is rejected, never
// dereferenced.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include <sign/memory/object_header.hpp>

namespace sign {

// A handle: 64 bits that mean nothing outside the table that issued them.
//
//   bits 63..48  table id     (1..65535, distinct among live tables)
//   bits 47..24  generation   (1..2^24-1; 0 is never issued)
//   bits 23..0   slot index
//
// A slot's generation grows by one at every release; a slot whose
// generation would wrap is retired for good, so no (index, generation)
// pair is ever issued twice and a stale handle can never alias a new value.
// Handle 0 is never valid.
using Handle = std::uint64_t;

// What a table holds: counted Shared-Heap objects (rc managed inside, §7).
// The table makes each stored object thread-shared (SharedHeap::share), so
// any thread may look it up.
//
// Validation of a handle h, in this order, each a MemoryError:
//   table id != this table's      foreign_handle
//   index beyond issued slots,
//   generation 0 or newer than
//   the slot's current one         forged_handle
//   generation older, or the slot
//   is empty                       stale_handle
//
// Concurrency: create, lookup and release may run on any threads at once.
// Slots live in fixed 4096-slot segments that never move; a lookup and a
// release of the same slot serialise on one of 64 striped locks, so a lookup
// never duplicates a reference a release is dropping.
class HandleTable {
 public:
  // MemoryError table_full when 65535 tables are alive.
  HandleTable();
  HandleTable(const HandleTable&) = delete;
  HandleTable& operator=(const HandleTable&) = delete;
  // Drops the references of every live handle.
  ~HandleTable();

  // Stores `object` (an owned reference, consumed: a live Shared-Heap
  // object, or a resident Pinned-Area one, which must outlive its handles:
  // only a loader override can break that) and returns its handle.
  // MemoryError null_pointer; foreign_pointer / double_release for a heap
  // object that is not live; not_counted for a Project-Arena object, which
  // would dangle after its module's unload; table_full.
  Handle create_handle(ObjectHeader* object);
  // A new owned reference to the object behind `h`.
  ObjectHeader* lookup_handle(Handle h) const;
  // Invalidates `h` and drops the table's reference.
  void release_handle(Handle h);
  // True if `h` is live in this table (never throws).
  bool contains(Handle h) const noexcept;

  std::size_t size() const noexcept { return live_.load(std::memory_order_relaxed); }
  std::uint16_t id() const noexcept { return id_; }
  // The invariant walker (handle_table_is_valid): every slot's state agrees
  // with the free list and the live count. Blocks create and release while
  // it walks: not for hot paths.
  bool is_valid() const;

  static constexpr std::size_t kSegmentSlots = 4096;
  static constexpr std::size_t kMaxSegments = (std::size_t{1} << 24) / kSegmentSlots;

 private:
  struct Slot {
    std::uint32_t generation = 1;  // of the current or next value
    bool live = false;
    ObjectHeader* object = nullptr;
  };
  struct Segment {
    std::array<Slot, kSegmentSlots> slots;
  };
  Slot& slot(std::uint32_t index) const noexcept;
  std::mutex& stripe(std::uint32_t index) const noexcept;
  // Locks the stripe and returns the slot `h` names, or throws.
  Slot& checked_slot(Handle h, std::unique_lock<std::mutex>& lock) const;

  std::uint16_t id_;
  std::unique_ptr<std::atomic<Segment*>[]> segments_;
  std::atomic<std::uint32_t> issued_{0};  // slots ever handed out
  std::atomic<std::size_t> live_{0};
  mutable std::array<std::mutex, 64> stripes_;
  mutable std::mutex free_mutex_;  // guards free_, growth, create and release
  std::vector<std::uint32_t> free_;
};

}  // namespace sign
