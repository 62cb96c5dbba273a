// SPDX-License-Identifier: MIT
// Private: the copy loop of sign::simd::copy (contract in simd/copy.hpp),
// written once over an xsimd batch type and instantiated per instruction
// set: copy.cpp for the build's baseline (NEON on aarch64, SSE2 on x86-64),
// copy_avx2.cpp for x86-64 cores that have AVX2 (chosen at run time).
#pragma once

#include <cstddef>
#include <cstdint>

namespace sign::simd::detail {

template <class Batch>
inline void copy_kernel(std::uint8_t* d, const std::uint8_t* s, std::size_t size) noexcept {
  constexpr std::size_t kWidth = Batch::size;
  // Up to four vectors: load from both ends, letting the middle overlap
  // (glibc's trick), so short copies take no loop and no scalar tail.
  // Every store stays inside [d, d + size), and all loads come first.
  if (size >= kWidth && size <= 4 * kWidth) {
    const Batch a = Batch::load_unaligned(s);
    const Batch z = Batch::load_unaligned(s + size - kWidth);
    if (size > 2 * kWidth) {
      const Batch b = Batch::load_unaligned(s + kWidth);
      const Batch y = Batch::load_unaligned(s + size - 2 * kWidth);
      b.store_unaligned(d + kWidth);
      y.store_unaligned(d + size - 2 * kWidth);
    }
    a.store_unaligned(d);
    z.store_unaligned(d + size - kWidth);
    return;
  }
  std::size_t i = 0;
  // Four vectors per iteration: enough loads in flight to keep both load
  // ports busy on wide cores, and a quarter of the loop overhead of one.
  for (; i + 4 * kWidth <= size; i += 4 * kWidth) {
    const Batch a = Batch::load_unaligned(s + i);
    const Batch b = Batch::load_unaligned(s + i + kWidth);
    const Batch c = Batch::load_unaligned(s + i + 2 * kWidth);
    const Batch e = Batch::load_unaligned(s + i + 3 * kWidth);
    a.store_unaligned(d + i);
    b.store_unaligned(d + i + kWidth);
    c.store_unaligned(d + i + 2 * kWidth);
    e.store_unaligned(d + i + 3 * kWidth);
  }
  for (; i + kWidth <= size; i += kWidth) Batch::load_unaligned(s + i).store_unaligned(d + i);
  for (; i < size; ++i) d[i] = s[i];  // scalar tail: never writes past d + size
}

// The AVX2 instantiation (copy_avx2.cpp, x86-64 only).
void copy_avx2(std::uint8_t* d, const std::uint8_t* s, std::size_t size) noexcept;

}  // namespace sign::simd::detail
