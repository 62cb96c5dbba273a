// SPDX-License-Identifier: MIT
// Test-only helpers for the memory tests: a registered "node" kind that
// counts its finalizations (so a test sees exactly which objects were
// freed), and a predicate for MemoryError codes.
#pragma once

#include <atomic>
#include <cstdint>

#include <sign/memory/error.hpp>
#include <sign/memory/object_header.hpp>
#include <sign/memory/shared_heap.hpp>

namespace sign_test {

// Node payload: like RefArray (count, then owned refs), plus a finalizer.
inline std::atomic<long> g_finalized{0};
inline void visit_node(sign::ObjectHeader* self, sign::ChildFn fn, void* ctx) {
  const std::uint64_t n = sign::ref_array_count(self);
  for (std::uint64_t i = 0; i < n; ++i) {
    if (sign::ObjectHeader* c = sign::ref_array_items(self)[i]) fn(c, ctx);
  }
}
inline void finalize_node(sign::ObjectHeader*) noexcept { g_finalized.fetch_add(1); }

inline constexpr std::uint8_t kNodeTag = 240;
inline std::uint8_t node_tag() {
  static const bool registered = (sign::register_kind(kNodeTag, {"test_node", visit_node, finalize_node}), true);
  (void)registered;
  return kNodeTag;
}

// A heap node with `n` empty child slots, rc 1.
inline sign::ObjectHeader* make_node(std::size_t n = 1) {
  sign::ObjectHeader* o = sign::shared_heap().allocate_object(node_tag(), sign::ref_array_payload_size(n));
  sign::ref_array_count(o) = n;
  return o;
}
inline sign::ObjectHeader*& child(sign::ObjectHeader* node, std::size_t i = 0) {
  return sign::ref_array_items(node)[i];
}

// Finalizations since the object was made: use as `Freed freed; ...; freed.count()`.
struct Freed {
  long start = g_finalized.load();
  long count() const { return g_finalized.load() - start; }
};

inline auto code_is(sign::MemoryErrc code) {
  return [code](const sign::MemoryError& e) { return e.code() == code; };
}

}  // namespace sign_test
