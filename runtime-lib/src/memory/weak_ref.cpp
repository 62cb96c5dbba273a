// SPDX-License-Identifier: MIT
// Weak references (weak_ref.hpp; memory-model.md §5 back links): a side
// table from object to control block, all under one lock — weak refs are
// rare, and one lock makes "target dies" and "lock() upgrades" exclusive.
#include <sign/memory/error.hpp>
#include <sign/memory/weak_ref.hpp>

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "internal.hpp"

namespace sign {
namespace impl {
struct WeakControl {
  std::size_t weak_count;  // WeakRefs pointing here; guarded by the table lock
  ObjectHeader* target;    // null once the target died; guarded likewise
};
}  // namespace impl

namespace {
struct WeakTable {
  std::mutex mutex;
  std::unordered_map<ObjectHeader*, impl::WeakControl*> by_target;
  std::size_t controls = 0;
};
// Never destroyed: objects may die during static destruction.
WeakTable& table() {
  static auto* t = new WeakTable;
  return *t;
}

void unref(impl::WeakControl* c) noexcept {
  WeakTable& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  if (--c->weak_count != 0) return;
  if (c->target != nullptr) t.by_target.erase(c->target);  // the header bit stays: a hint
  --t.controls;
  delete c;
}
}  // namespace

WeakRef::WeakRef(ObjectHeader* target) {
  if (target == nullptr) throw MemoryError(MemoryErrc::null_pointer, "WeakRef: null target");
  if (region_of(target) != Region::heap || rc_of(target) == 0 || rc_of(target) == kFreedRc) {
    throw MemoryError(MemoryErrc::not_counted, "WeakRef: the target is not a live Shared-Heap object");
  }
  WeakTable& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto [it, fresh] = t.by_target.try_emplace(target, nullptr);
  if (fresh) {
    it->second = new impl::WeakControl{0, target};
    ++t.controls;
    // Set while the caller holds a strong reference, so the thread that
    // later frees the object sees it (release/acquire via rc).
    add_region_bits(target, header_bits::weak);
  }
  control_ = it->second;
  ++control_->weak_count;
}

WeakRef::WeakRef(const WeakRef& other) noexcept : control_(other.control_) {
  if (control_ == nullptr) return;
  std::lock_guard<std::mutex> lock(table().mutex);
  ++control_->weak_count;
}

WeakRef::~WeakRef() {
  if (control_ != nullptr) unref(control_);
}

ObjectHeader* WeakRef::lock() const noexcept {
  if (control_ == nullptr) return nullptr;
  std::lock_guard<std::mutex> guard(table().mutex);
  ObjectHeader* t = control_->target;
  if (t == nullptr) return nullptr;
  std::atomic_ref<std::int32_t> rc(t->rc);
  std::int32_t n = rc.load(std::memory_order_relaxed);
  if (n > 0) {  // thread-local: only its owner thread gets here
    if (n < kStickyRc) rc.store(n + 1, std::memory_order_relaxed);
    return t;
  }
  // Thread-shared: increment unless it already reached zero (dying).
  while (n < 0) {
    if (n <= -kStickyRc) return t;
    if (rc.compare_exchange_weak(n, n - 1, std::memory_order_acquire, std::memory_order_relaxed)) return t;
  }
  return nullptr;
}

bool WeakRef::expired() const noexcept {
  if (control_ == nullptr) return true;
  std::lock_guard<std::mutex> guard(table().mutex);
  return control_->target == nullptr || rc_of(control_->target) == 0;
}

std::size_t weak_controls_alive() noexcept {
  std::lock_guard<std::mutex> guard(table().mutex);
  return table().controls;
}

namespace detail {
void weak_target_died(ObjectHeader* o) noexcept {
  WeakTable& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.by_target.find(o);
  if (it == t.by_target.end()) return;
  it->second->target = nullptr;
  t.by_target.erase(it);
}
}  // namespace detail

}  // namespace sign
