// SPDX-License-Identifier: MIT
// deref/assign for object and Value cells (cell.hpp; memory-model.md §4
// "rc adjusted", §8). Cells other threads may see take a striped lock, so a
// deref never duplicates a reference an assign is dropping.
#include <sign/memory/cell.hpp>
#include <sign/memory/shared_heap.hpp>

#include <array>
#include <mutex>

namespace sign {
namespace {

// Thread-local heap cells (rc > 0) are the owner's alone.
bool is_private(const ObjectHeader* cell) noexcept { return rc_of(cell) > 0; }

std::mutex& stripe(const void* cell) noexcept {
  static std::array<std::mutex, 64> locks;
  return locks[(reinterpret_cast<std::uintptr_t>(cell) >> 4) % locks.size()];
}

}  // namespace

ObjectHeader* deref(const Cell<ObjectHeader*>* r) noexcept {
  if (is_private(&r->header)) {
    ObjectHeader* v = r->value;
    if (v != nullptr) impl::dup(v);
    return v;
  }
  std::lock_guard<std::mutex> lock(stripe(r));
  ObjectHeader* v = r->value;
  if (v != nullptr) impl::dup(v);
  return v;
}

ObjectHeader* assign(Cell<ObjectHeader*>* r, ObjectHeader* v) noexcept {
  // The returned reference is taken before the store: once v is in a cell
  // another thread may replace and drop it.
  if (v != nullptr) impl::dup(v);
  ObjectHeader* old;
  if (is_private(&r->header)) {
    old = r->value;
    r->value = v;
    // Only assignment closes cycles in Sign: the cell is a candidate root.
    if (v != nullptr) shared_heap().add_cycle_candidate(&r->header);
  } else {
    if (v != nullptr) shared_heap().share(v);  // see Cell's invariants
    std::lock_guard<std::mutex> lock(stripe(r));
    old = r->value;
    r->value = v;
  }
  if (old != nullptr) impl::drop(old);
  return v;
}

Value deref(const Cell<Value>* r) noexcept {
  if (is_private(&r->header)) return r->value;
  std::lock_guard<std::mutex> lock(stripe(r));
  return r->value;
}

Value assign(Cell<Value>* r, Value v) noexcept {
  if (is_private(&r->header)) {
    r->value = v;
    return v;
  }
  std::lock_guard<std::mutex> lock(stripe(r));
  r->value = v;
  return v;
}

}  // namespace sign
