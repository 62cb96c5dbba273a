// SPDX-License-Identifier: MIT
// HandleTable (handle_table.hpp; memory-model.md §7): segments of slots with
// generation counters; create/release serialise on the free-list lock, a
// lookup only on its slot's stripe.
#include <sign/memory/error.hpp>
#include <sign/memory/handle_table.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/shared_heap.hpp>

#include <algorithm>
#include <mutex>
#include <sstream>
#include <vector>

#include "block.hpp"

namespace sign {
namespace {

constexpr std::uint32_t kIndexBits = 24;
constexpr std::uint32_t kMask24 = (1u << 24) - 1;
constexpr std::uint32_t kRetired = 1u << 24;  // a slot generation no handle can carry

// Table ids of live tables: a bitmap under a lock (tables are few and
// long-lived). Ids are handed out round-robin from the last one issued, so
// a destroyed table's id comes back only after every other id was used,
// and no two live tables ever share one: a handle from another live table
// is always foreign_handle, never a lookup in the wrong slots.
struct TableIds {
  std::mutex mutex;
  std::vector<bool> used = std::vector<bool>(std::size_t{1} << 16, false);
  std::uint32_t last = 0;
};
TableIds& table_ids() {
  static auto* ids = new TableIds;  // never destroyed: tables may outlive statics
  return *ids;
}
std::uint16_t acquire_table_id() {
  TableIds& ids = table_ids();
  std::lock_guard<std::mutex> lock(ids.mutex);
  for (std::uint32_t step = 1; step <= 0xFFFF; ++step) {
    const std::uint32_t id = (ids.last + step - 1) % 0xFFFF + 1;  // 1..65535; 0 is never issued
    if (!ids.used[id]) {
      ids.used[id] = true;
      ids.last = id;
      return static_cast<std::uint16_t>(id);
    }
  }
  throw MemoryError(MemoryErrc::table_full, "HandleTable: 65535 handle tables are alive");
}
void release_table_id(std::uint16_t id) noexcept {
  TableIds& ids = table_ids();
  std::lock_guard<std::mutex> lock(ids.mutex);
  ids.used[id] = false;
}

Handle make_handle(std::uint16_t table, std::uint32_t generation, std::uint32_t index) noexcept {
  return (Handle{table} << 48) | (Handle{generation} << kIndexBits) | index;
}

std::string show(Handle h) {
  std::ostringstream out;
  out << "handle 0x" << std::hex << h;
  return out.str();
}

}  // namespace

HandleTable::HandleTable()
    : id_(acquire_table_id()), segments_(new std::atomic<Segment*>[kMaxSegments]) {
  for (std::size_t i = 0; i < kMaxSegments; ++i) segments_[i].store(nullptr, std::memory_order_relaxed);
}

HandleTable::~HandleTable() {
  const std::uint32_t issued = issued_.load(std::memory_order_acquire);
  for (std::uint32_t i = 0; i < issued; ++i) {
    Slot& s = slot(i);
    if (s.live && s.object != nullptr) impl::drop(s.object);
  }
  for (std::size_t i = 0; i < kMaxSegments; ++i) delete segments_[i].load(std::memory_order_relaxed);
  release_table_id(id_);
}

HandleTable::Slot& HandleTable::slot(std::uint32_t index) const noexcept {
  return segments_[index / kSegmentSlots].load(std::memory_order_acquire)->slots[index % kSegmentSlots];
}

std::mutex& HandleTable::stripe(std::uint32_t index) const noexcept { return stripes_[index % stripes_.size()]; }

Handle HandleTable::create_handle(ObjectHeader* object) {
  if (object == nullptr) throw MemoryError(MemoryErrc::null_pointer, "HandleTable::create_handle: null object");
  // Classified before anything else is read: `object` may be freed or wild.
  switch (detail::check_heap_object(object)) {
    case detail::BlockCheck::live:
      shared_heap().share(object);  // any thread may look it up
      break;
    case detail::BlockCheck::freed:
      throw MemoryError(MemoryErrc::double_release, "HandleTable::create_handle: the object was already released");
    case detail::BlockCheck::uncounted:
      // Pinned objects are resident (§9: `###` plus handles). An arena
      // object would dangle after its module's unload, which a handle
      // cannot hold back (§5).
      if (region_of(object) == Region::pinned && pinned_area().contains(object)) break;
      if (region_of(object) == Region::arena) {
        throw MemoryError(MemoryErrc::not_counted,
                          "HandleTable::create_handle: a Project-Arena object cannot outlive its module; "
                          "promote it (##) or pin it (###)");
      }
      [[fallthrough]];
    case detail::BlockCheck::foreign:
      throw MemoryError(MemoryErrc::foreign_pointer,
                        "HandleTable::create_handle: neither a Shared-Heap nor a Pinned-Area object");
  }
  std::lock_guard<std::mutex> grow(free_mutex_);
  std::uint32_t index;
  if (!free_.empty()) {
    index = free_.back();
    free_.pop_back();
  } else {
    index = issued_.load(std::memory_order_relaxed);
    if (index > kMask24) throw MemoryError(MemoryErrc::table_full, "HandleTable: all 2^24 slots are in use or retired");
    auto& seg = segments_[index / kSegmentSlots];
    if (seg.load(std::memory_order_relaxed) == nullptr) seg.store(new Segment, std::memory_order_release);
    issued_.store(index + 1, std::memory_order_release);
  }
  std::lock_guard<std::mutex> lock(stripe(index));
  Slot& s = slot(index);
  s.live = true;
  s.object = object;
  live_.fetch_add(1, std::memory_order_relaxed);
  if constexpr (SIGN_DEBUG >= 3) {
    if (s.generation == 0 || s.generation > kMask24) impl::fatal("HandleTable: bad generation on create");
  }
  return make_handle(id_, s.generation, index);
}

HandleTable::Slot& HandleTable::checked_slot(Handle h, std::unique_lock<std::mutex>& lock) const {
  const auto table = static_cast<std::uint16_t>(h >> 48);
  const auto generation = static_cast<std::uint32_t>((h >> kIndexBits) & kMask24);
  const auto index = static_cast<std::uint32_t>(h & kMask24);
  if (table != id_) {
    throw MemoryError(MemoryErrc::foreign_handle,
                      show(h) + " was issued by handle table " + std::to_string(table) + ", not " + std::to_string(id_));
  }
  if (generation == 0 || index >= issued_.load(std::memory_order_acquire)) {
    throw MemoryError(MemoryErrc::forged_handle, show(h) + " was never issued by this table");
  }
  lock = std::unique_lock<std::mutex>(stripe(index));
  Slot& s = slot(index);
  // Generations only grow, so one at or past the slot's (not live) was never issued.
  if (generation > s.generation || (generation == s.generation && !s.live)) {
    throw MemoryError(MemoryErrc::forged_handle, show(h) + " was never issued by this table");
  }
  if (generation != s.generation || !s.live) {
    throw MemoryError(MemoryErrc::stale_handle, show(h) + " was released");
  }
  return s;
}

ObjectHeader* HandleTable::lookup_handle(Handle h) const {
  std::unique_lock<std::mutex> lock;
  Slot& s = checked_slot(h, lock);
  impl::dup(s.object);  // under the stripe: a release cannot drop it meanwhile
  return s.object;
}

void HandleTable::release_handle(Handle h) {
  ObjectHeader* object;
  {
    std::lock_guard<std::mutex> grow(free_mutex_);
    std::unique_lock<std::mutex> lock;
    Slot& s = checked_slot(h, lock);
    object = s.object;
    s.object = nullptr;
    s.live = false;
    // A generation that would wrap retires the slot: no (index, generation)
    // pair is ever issued twice.
    s.generation = s.generation == kMask24 ? kRetired : s.generation + 1;
    if (s.generation != kRetired) free_.push_back(static_cast<std::uint32_t>(h & kMask24));
    live_.fetch_sub(1, std::memory_order_relaxed);
  }
  impl::drop(object);  // outside the locks: it may free a whole tree
  if constexpr (SIGN_DEBUG >= 3) {
    if (!is_valid()) impl::fatal("HandleTable: invariant broken after release");
  }
}

bool HandleTable::contains(Handle h) const noexcept {
  const auto index = static_cast<std::uint32_t>(h & kMask24);
  const auto generation = static_cast<std::uint32_t>((h >> kIndexBits) & kMask24);
  if (static_cast<std::uint16_t>(h >> 48) != id_ || generation == 0 ||
      index >= issued_.load(std::memory_order_acquire)) {
    return false;
  }
  std::lock_guard<std::mutex> lock(stripe(index));
  const Slot& s = slot(index);
  return s.live && s.generation == generation;
}

bool HandleTable::is_valid() const {
  // Every slot write happens under free_mutex_ (create, release), so it
  // alone gives a consistent view; lookups only read slots.
  std::lock_guard<std::mutex> grow(free_mutex_);
  const std::uint32_t issued = issued_.load(std::memory_order_acquire);
  std::vector<std::uint8_t> state(issued, 0);  // 1 live, 2 free, 3 retired
  std::size_t live = 0;
  for (std::uint32_t i = 0; i < issued; ++i) {
    const Slot& s = slot(i);
    if (s.generation == 0 || (s.generation > kMask24 && s.generation != kRetired)) return false;
    if (s.live) {
      if (s.object == nullptr || s.generation == kRetired) return false;
      state[i] = 1;
      ++live;
    } else if (s.object != nullptr) {
      return false;
    } else if (s.generation == kRetired) {
      state[i] = 3;
    }
  }
  for (std::uint32_t i : free_) {
    if (i >= issued || state[i] != 0) return false;  // live, retired or listed twice
    state[i] = 2;
  }
  for (std::uint32_t i = 0; i < issued; ++i) {
    if (state[i] == 0) return false;  // neither live, free nor retired: lost
  }
  return live == live_.load(std::memory_order_relaxed);
}

}  // namespace sign
