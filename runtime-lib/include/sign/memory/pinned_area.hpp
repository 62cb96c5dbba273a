// SPDX-License-Identifier: MIT
// sign::PinnedArea — resident, address-stable memory (memory-model.md §1,
// §2 `### e`, §3.4, §9): IO buffers and FFI boundaries. Never released by an
// unload; only an explicit loader override frees it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>

#include <sign/memory/cell.hpp>
#include <sign/memory/object_header.hpp>

namespace sign {

// The token that makes a release of pinned memory explicit (§1 "only an
// explicit loader override may release it"), in the style of std::adopt_lock.
struct LoaderOverride {
  explicit LoaderOverride() = default;
};
inline constexpr LoaderOverride loader_override{};

// The process's Pinned-Area. Each allocation is its own block and never
// moves; the area records every block (address, size, module), so a foreign
// pointer or a second release is reported exactly (MemoryError), never
// freed. Allocations are rare and large, so the bookkeeping is a map under a
// mutex and every member function is thread-safe.
//
// Invariants: every object allocated here has rc 0 and region pinned; a
// block is released only through a LoaderOverride; released memory is
// poisoned in ASan builds (and filled with 0xDB at SIGN_DEBUG >= 2).
class PinnedArea {
 public:
  PinnedArea(const PinnedArea&) = delete;
  PinnedArea& operator=(const PinnedArea&) = delete;

  // `size` bytes (size > 0) aligned to `align` (a power of two up to 64 KiB;
  // 4096 suits O_DIRECT buffers), zeroed, owned by `module`.
  void* allocate(std::size_t size, std::size_t align, ModuleId module);
  // An object (§2 `### e`): rc 0, region pinned, payload zeroed.
  ObjectHeader* allocate_object(std::uint8_t tag, std::size_t payload_size, ModuleId module);
  template <class T>
  Cell<T>* make_cell(T v, ModuleId module) {
    return init_cell<T>(allocate_object(CellTraits<T>::tag, sizeof(T), module), v);
  }

  // True if `p` points into a live pinned block.
  bool contains(const void* p) const;
  // The module owning the block `p` points into; MemoryError foreign_pointer
  // if none does.
  ModuleId module_of(const void* p) const;

  // Frees the block that starts at `p` (an allocate() result, or an object
  // from allocate_object). MemoryError foreign_pointer / double_release.
  void release(const void* p, LoaderOverride);
  // Frees every block of `module`; returns how many.
  std::size_t release_module(ModuleId module, LoaderOverride);

  std::size_t block_count() const;
  std::size_t bytes_in_use() const;

 private:
  friend PinnedArea& pinned_area() noexcept;
  PinnedArea() = default;
  ~PinnedArea();
  struct Block {
    std::size_t size;
    ModuleId module;
    void* raw;             // what the allocator returned
    ObjectHeader* object;  // non-null for allocate_object blocks
  };
  Block take_block(std::map<std::uintptr_t, Block>::iterator it);
  static void free_block(const Block& b) noexcept;

  mutable std::mutex mutex_;
  std::map<std::uintptr_t, Block> blocks_;  // by user address
  std::set<std::uintptr_t> released_;       // recent releases: double_release vs foreign_pointer
  std::size_t bytes_ = 0;
};

// The process's Pinned-Area.
PinnedArea& pinned_area() noexcept;

}  // namespace sign
