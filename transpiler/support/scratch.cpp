// SPDX-License-Identifier: MIT
#include "support/scratch.hpp"

#include <sys/mman.h>

#include <cstdint>

#include "support/process_lifetime.hpp"

namespace signc {
namespace {

constexpr bool kUseMappings = !kSanitized;

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kMappingThreshold = std::size_t{1} << 20;

std::size_t rounded(std::size_t bytes) { return (bytes + kHugePage - 1) & ~(kHugePage - 1); }
bool mapped(std::size_t bytes) { return kUseMappings && bytes >= kMappingThreshold; }

}  // namespace

void* scratch_allocate(std::size_t bytes) {
  if (!mapped(bytes)) return ::operator new(bytes);
  const std::size_t size = rounded(bytes);
  // Map one huge page more than needed, then trim to a 2 MiB boundary so the
  // kernel can back the range with huge pages.
  void* raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto base = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = (base + kHugePage - 1) & ~(kHugePage - 1);
  if (aligned > base) munmap(raw, aligned - base);
  const std::uintptr_t end = base + size + kHugePage;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // advice only: failure is harmless
  return reinterpret_cast<void*>(aligned);
}

void scratch_deallocate(void* p, std::size_t bytes) noexcept {
  if (!mapped(bytes)) {
    ::operator delete(p);
    return;
  }
  munmap(p, rounded(bytes));
}

}  // namespace signc
