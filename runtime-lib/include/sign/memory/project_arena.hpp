// SPDX-License-Identifier: MIT
// sign::ProjectArena — a module's bump region (memory-model.md §1, §2 `# e`,
// §5): allocations tagged with the module id, released en masse at unload,
// refused while something outside still references it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include <sign/memory/cell.hpp>
#include <sign/memory/object_header.hpp>

namespace sign {

struct ArenaOptions {
  std::size_t first_chunk = 4096;     // bytes; chunks double up to max_chunk
  std::size_t max_chunk = 1u << 20;   // larger requests get a chunk of their own
};

// One module's arena. Allocation is a pointer bump inside the current chunk;
// a full chunk is followed by one twice its size (like
// std::pmr::monotonic_buffer_resource). Nothing is freed individually.
//
// Invariants (checked by is_valid(), which SIGN_DEBUG 3 runs after each new
// chunk):
//  - every chunk's bytes lie in exactly one chunk of this arena; cur_ and
//    end_ delimit the free tail of the newest chunk;
//  - every object allocated here has rc 0, region arena and module() in its
//    header, so dup/drop ignore it and module_of() names its module;
//  - objects whose kind has children or a finalizer are listed, so release
//    and reset drop the Shared-Heap references they hold (no leaks);
//  - after release() no allocation succeeds (MemoryError arena_released).
// Released and reset memory is poisoned in ASan builds (use after unload is
// an ASan report) and, at SIGN_DEBUG >= 2, filled with 0xDB.
//
// §5 unload check: whoever keeps a reference into this arena from outside
// (another module importing one of its symbols, the global symbol table, a
// promoted heap object) registers it with add_external_ref(holder) and
// removes it when done; release() refuses while any remain.
// Not thread-safe: a module loads and unloads on one thread at a time.
class ProjectArena {
 public:
  explicit ProjectArena(ModuleId module, ArenaOptions options = {});
  ProjectArena(const ProjectArena&) = delete;
  ProjectArena& operator=(const ProjectArena&) = delete;
  // Frees every chunk (finalizing tracked objects) without the external
  // reference check: destroying the arena is its owner's decision.
  ~ProjectArena();

  ModuleId module() const noexcept { return module_; }

  // `size` bytes aligned to `align` (a power of two up to 4096; default 16
  // for NEON loads), uninitialised. size 0 gives a unique non-null pointer.
  void* allocate(std::size_t size, std::size_t align = 16) {
#if !SIGN_ASAN
    const std::uintptr_t at = (cur_ + (align - 1)) & ~static_cast<std::uintptr_t>(align - 1);
    if (at >= cur_ && size <= end_ - at && at <= end_ && size != 0) {
      cur_ = at + size;
      return reinterpret_cast<void*>(at);
    }
#endif
    return allocate_slow(size, align);
  }
  // Like allocate, zeroed through sign::simd::zero.
  void* allocate_zeroed(std::size_t size, std::size_t align = 16);
  // An object (§2 `# e`): rc 0, region arena, module(), payload zeroed.
  ObjectHeader* allocate_object(std::uint8_t tag, std::size_t payload_size);
  ObjectHeader* make_ref_array(std::size_t count);
  template <class T>
  Cell<T>* make_cell(T v) {
    return init_cell<T>(allocate_object(CellTraits<T>::tag, sizeof(T)), v);
  }

  // True if `p` points into memory this arena handed out and still holds.
  bool contains(const void* p) const noexcept;

  // §5 external references, counted per holding module (kNoModule for the
  // global symbol table or the Shared-Heap).
  void add_external_ref(ModuleId holder);
  // MemoryError invalid_argument when `holder` holds none.
  void remove_external_ref(ModuleId holder);
  std::size_t external_refs() const noexcept;
  // (holder, count) pairs, holders in ascending order.
  std::vector<std::pair<ModuleId, std::size_t>> external_holders() const;

  // Forgets every allocation and keeps the first chunk for reuse (scratch
  // use; no external-reference check). O(chunks), not O(allocations).
  void reset() noexcept;
  // Unload (§5): refuses with MemoryError unload_refused, naming the holders,
  // while external references remain; then frees every chunk. A second
  // release throws double_release. O(chunks + tracked objects).
  void release();
  bool released() const noexcept { return released_; }

  std::size_t bytes_allocated() const noexcept;  // handed out since the last reset
  std::size_t chunk_count() const noexcept;
  // The invariant walker (arena_is_valid): false if any invariant is broken.
  bool is_valid() const noexcept;

 private:
  struct Chunk;
  void* allocate_slow(std::size_t size, std::size_t align);
  void add_chunk(std::size_t at_least);
  void finalize_tracked() noexcept;
  void free_chunks(Chunk* keep) noexcept;

  ModuleId module_;
  ArenaOptions options_;
  std::uintptr_t cur_ = 0;
  std::uintptr_t end_ = 0;
  Chunk* chunks_ = nullptr;  // newest first
  std::size_t next_chunk_;
  std::size_t retired_bytes_ = 0;  // used bytes of chunks before the newest
  bool released_ = false;
  std::vector<ObjectHeader*> tracked_;  // objects with children or a finalizer
  std::vector<std::pair<ModuleId, std::size_t>> external_;
};

}  // namespace sign
