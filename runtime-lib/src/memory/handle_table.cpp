// SPDX-License-Identifier: MIT
// HandleTable (handle_table.hpp; memory-model.md §7): segments of slots with
// generation counters; create/release serialise on the free-list lock, a
// lookup only on its slot's stripe.
#include <sign/memory/error.hpp>
#include <sign/memory/handle_table.hpp>
#include <sign/memory/shared_heap.hpp>

#include <algorithm>
#include <sstream>

namespace sign {
namespace {

constexpr std::uint32_t kIndexBits = 24;
constexpr std::uint32_t kMask24 = (1u << 24) - 1;
constexpr std::uint32_t kRetired = 1u << 24;  // a slot generation no handle can carry

std::atomic<std::uint32_t> g_next_table_id{0};

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
    : id_(static_cast<std::uint16_t>(g_next_table_id.fetch_add(1, std::memory_order_relaxed) % 65535 + 1)),
      segments_(new std::atomic<Segment*>[kMaxSegments]) {
  for (std::size_t i = 0; i < kMaxSegments; ++i) segments_[i].store(nullptr, std::memory_order_relaxed);
}

HandleTable::~HandleTable() {
  const std::uint32_t issued = issued_.load(std::memory_order_acquire);
  for (std::uint32_t i = 0; i < issued; ++i) {
    Slot& s = slot(i);
    if (s.live && s.object != nullptr) impl::drop(s.object);
  }
  for (std::size_t i = 0; i < kMaxSegments; ++i) delete segments_[i].load(std::memory_order_relaxed);
}

HandleTable::Slot& HandleTable::slot(std::uint32_t index) const noexcept {
  return segments_[index / kSegmentSlots].load(std::memory_order_acquire)->slots[index % kSegmentSlots];
}

std::mutex& HandleTable::stripe(std::uint32_t index) const noexcept { return stripes_[index % stripes_.size()]; }

Handle HandleTable::create_handle(ObjectHeader* object) {
  if (object == nullptr) throw MemoryError(MemoryErrc::null_pointer, "HandleTable::create_handle: null object");
  if (region_of(object) == Region::heap) {
    shared_heap().check(object);  // foreign or released objects never enter the table
    shared_heap().share(object);  // any thread may look it up
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
  std::lock_guard<std::mutex> grow(free_mutex_);
  std::vector<std::unique_lock<std::mutex>> locks;
  for (auto& m : stripes_) locks.emplace_back(m);
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
