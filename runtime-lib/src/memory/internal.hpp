// SPDX-License-Identifier: MIT
// Private: the pieces of the memory library that call each other across
// files — release worklist, collector buffer, weak table (memory-model.md §5).
#pragma once

#include <cstddef>
#include <vector>

#include <sign/memory/object_header.hpp>

namespace sign::detail {

// Calls fn(child, ctx) for each non-null child of `o` per its kind.
inline void for_each_child(ObjectHeader* o, ChildFn fn, void* ctx) {
  const KindOps* ops = find_kind(o->tag);
  if (ops != nullptr && ops->visit_children != nullptr) ops->visit_children(o, fn, ctx);
}
inline bool has_children_or_finalizer(std::uint8_t tag) noexcept {
  const KindOps* ops = find_kind(tag);
  return ops != nullptr && (ops->visit_children != nullptr || ops->finalize != nullptr);
}

// Frees `root`, whose count just reached zero and which the caller now owns
// exclusively, and then every object only it kept alive — through a worklist
// threaded through the dying objects' header words: no recursion, no
// allocation (release.cpp).
void release_tree(ObjectHeader* root) noexcept;
// Drops the children of an uncounted object (arena/pinned release) and
// finalizes it.
void release_uncounted(ObjectHeader* o) noexcept;
// Returns a dead heap object's block to the allocator (header rc := kFreedRc).
void free_heap_object(ObjectHeader* o) noexcept;
// Finalizer + weak clearing of a heap object about to be freed.
void finish_heap_object(ObjectHeader* o) noexcept;

// Cycle collector (cycle_collector.cpp): removes shared objects from the
// calling thread's candidate buffer.
void unbuffer_candidates(const std::vector<ObjectHeader*>& objects) noexcept;

// Weak table (weak_ref.cpp): the object is dying; clear its weak control.
void weak_target_died(ObjectHeader* o) noexcept;

// SIGN_DEBUG >= 1 counters (shared_heap.cpp).
void count_freed() noexcept;

}  // namespace sign::detail
