// SPDX-License-Identifier: MIT
// The kind registry (object_header.hpp): the library's own kinds are a
// constant table; user kinds are published with a release store so drop_slow
// reads them without a lock.
#include <sign/memory/cell.hpp>
#include <sign/memory/error.hpp>
#include <sign/memory/object_header.hpp>
#include <sign/heap.hpp>

#include <array>
#include <atomic>
#include <mutex>
#include <string>

namespace sign {
namespace {

void visit_ref_array(ObjectHeader* self, ChildFn fn, void* ctx) {
  const std::uint64_t n = ref_array_count(self);
  ObjectHeader** items = ref_array_items(self);
  for (std::uint64_t i = 0; i < n; ++i) {
    if (items[i] != nullptr) fn(items[i], ctx);
  }
}

void visit_object_cell(ObjectHeader* self, ChildFn fn, void* ctx) {
  ObjectHeader* content = reinterpret_cast<Cell<ObjectHeader*>*>(self)->value;
  if (content != nullptr) fn(content, ctx);
}

// A Value cell's content is a language value (sign/heap.hpp), counted by
// its own intrusive count rather than an ObjectHeader: it has no children
// to visit, and the finalizer drops the reference the cell holds.
void finalize_value_cell(ObjectHeader* self) noexcept { reinterpret_cast<Cell<Value>*>(self)->value = Value(); }

constexpr KindOps kBuiltin[kFirstUserTag] = {
    {},
    {"bytes", nullptr, nullptr},
    {"ref_array", visit_ref_array, nullptr},
    {"cell_int", nullptr, nullptr},
    {"cell_float", nullptr, nullptr},
    {"cell_object", visit_object_cell, nullptr},
    {"cell_value", nullptr, finalize_value_cell},
};

std::array<KindOps, 256> g_user{};
std::array<std::atomic<bool>, 256> g_present{};
std::mutex g_register_mutex;

}  // namespace

void register_kind(std::uint8_t tag, const KindOps& ops) {
  if (tag < kFirstUserTag) {
    throw MemoryError(MemoryErrc::kind_conflict,
                      "register_kind: tag " + std::to_string(tag) + " is reserved for the memory library");
  }
  std::lock_guard<std::mutex> lock(g_register_mutex);
  if (g_present[tag].load(std::memory_order_relaxed)) {
    const KindOps& old = g_user[tag];
    if (old.visit_children == ops.visit_children && old.finalize == ops.finalize) return;
    throw MemoryError(MemoryErrc::kind_conflict, "register_kind: tag " + std::to_string(tag) +
                                                     " is already registered as '" +
                                                     (old.name ? old.name : "?") + "'");
  }
  g_user[tag] = ops;
  g_present[tag].store(true, std::memory_order_release);
}

const KindOps* find_kind(std::uint8_t tag) noexcept {
  if (tag < kFirstUserTag) return kBuiltin[tag].name != nullptr ? &kBuiltin[tag] : nullptr;
  return g_present[tag].load(std::memory_order_acquire) ? &g_user[tag] : nullptr;
}

}  // namespace sign
