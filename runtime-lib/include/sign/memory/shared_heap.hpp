// SPDX-License-Identifier: MIT
// sign::SharedHeap — the process-wide, reference-counted region (memory-model
// §1, §2 `## e`, §5, §6): RC for objects one thread owns, ARC once shared,
// iterative release, and a trial-deletion cycle collector. Weak references
// are in weak_ref.hpp; the rc range table is at ObjectHeader.
#pragma once

#include <cstddef>
#include <cstdint>

#include <sign/memory/cell.hpp>
#include <sign/memory/object_header.hpp>

namespace sign {

// Counters of the heap, kept only when SIGN_DEBUG >= 1 (they cost an atomic
// add per allocation); all zero otherwise.
struct HeapStats {
  std::uint64_t objects_allocated = 0;
  std::uint64_t objects_freed = 0;
};

// The Shared-Heap. There is one per process (shared_heap()); blocks come
// from mimalloc, or from the system allocator in sanitizer builds so ASan,
// LSan and TSan see every block (mimalloc 2.0 carries no annotations).
//
// Ownership rules (§6):
//  - a new object has rc 1, owned by the caller;
//  - a thread-local object (rc > 0) is touched only by the thread that owns
//    it; before another thread may see it, call share(), which flips it and
//    everything it reaches to atomic counting (Lean's lean_mark_mt);
//  - when the last reference goes, the object's children are released
//    through a worklist, never by recursion.
// Cycles (§5): an object that may close a cycle — a cell that was assigned
// an object, or anything a kind hands to add_cycle_candidate — stays a
// candidate root while it lives. collect_cycles() runs synchronous trial
// deletion (Bacon & Rajan: mark gray, scan, collect white; all iterative)
// over the calling thread's candidates. Objects already shared between
// threads are never traced: a cycle through them is not collected, so back
// links between shared objects should be weak (WeakRef).
class SharedHeap {
 public:
  SharedHeap(const SharedHeap&) = delete;
  SharedHeap& operator=(const SharedHeap&) = delete;

  // A fresh object (§2 `## e`, promote): rc 1, payload zeroed, tag `tag`
  // (registered, else MemoryError unknown_kind), tagged with `module`.
  // Throws std::bad_alloc when the allocator fails.
  ObjectHeader* allocate_object(std::uint8_t tag, std::size_t payload_size, ModuleId module = kNoModule);
  // A RefArray with `count` empty slots.
  ObjectHeader* make_ref_array(std::size_t count, ModuleId module = kNoModule);
  // A ref cell holding `v` (an owned reference for T = ObjectHeader*).
  template <class T>
  Cell<T>* make_cell(T v, ModuleId module = kNoModule) {
    return init_cell<T>(allocate_object(CellTraits<T>::tag, sizeof(T), module), v);
  }

  // Checked dup/drop for embedders: `o` must be a live object of this heap,
  // else MemoryError null_pointer, not_counted (an arena or pinned object),
  // foreign_pointer or double_release, and nothing is touched. Double release is detected until the block is
  // handed out again; code that cannot rule that out should hold handles
  // (HandleTable), whose generations make it exact.
  void retain(ObjectHeader* o);
  void release(ObjectHeader* o);
  // Throws exactly what release() would, without releasing.
  void check(const ObjectHeader* o) const;

  // Marks `o` and every heap object it reaches as thread-shared: counts
  // become atomic (rc < 0). Call on the owning thread before publishing.
  // Objects with rc 0 are not entered (see cell.hpp for why they only hold
  // shared objects).
  void share(ObjectHeader* o) noexcept;

  // Makes the thread-local object `o` a candidate cycle root of the calling
  // thread until it dies; ignored for shared and uncounted objects. May run
  // a collection when the buffer has grown past its threshold.
  void add_cycle_candidate(ObjectHeader* o) noexcept;
  // Frees the garbage cycles reachable from the calling thread's candidates
  // and returns how many objects it freed.
  std::size_t collect_cycles() noexcept;
  // Candidates buffered by the calling thread.
  std::size_t cycle_candidates() const noexcept;

  HeapStats stats() const noexcept;

 private:
  friend SharedHeap& shared_heap() noexcept;
  SharedHeap() = default;
};

// The process's Shared-Heap.
SharedHeap& shared_heap() noexcept;

}  // namespace sign
