// SPDX-License-Identifier: MIT
// xsimd fill and zero (contract in simd/primitives.hpp): the arena, heap and
// pinned area zero every payload through zero().
#include <sign/simd/primitives.hpp>

#include <xsimd/xsimd.hpp>

namespace sign::simd {
namespace {
using Batch = xsimd::batch<std::uint8_t>;
constexpr std::size_t kWidth = Batch::size;

inline void fill_vector(std::uint8_t* d, std::uint8_t byte, std::size_t size) noexcept {
  const Batch v(byte);
  std::size_t i = 0;
  // Four stores per iteration: fills are store-bound, and a wide core
  // retires two per cycle.
  for (; i + 4 * kWidth <= size; i += 4 * kWidth) {
    v.store_unaligned(d + i);
    v.store_unaligned(d + i + kWidth);
    v.store_unaligned(d + i + 2 * kWidth);
    v.store_unaligned(d + i + 3 * kWidth);
  }
  for (; i + kWidth <= size; i += kWidth) v.store_unaligned(d + i);
  for (; i < size; ++i) d[i] = byte;  // scalar tail: never writes past d + size
}
}  // namespace

void fill(void* dst, std::uint8_t byte, std::size_t size) noexcept {
  fill_vector(static_cast<std::uint8_t*>(dst), byte, size);
}

void zero(void* dst, std::size_t size) noexcept { fill_vector(static_cast<std::uint8_t*>(dst), 0, size); }

void fill_scalar(void* dst, std::uint8_t byte, std::size_t size) noexcept {
  // volatile keeps the reference honestly scalar: no vectorising, no memset call.
  auto* d = static_cast<volatile std::uint8_t*>(dst);
  for (std::size_t i = 0; i < size; ++i) d[i] = byte;
}

void zero_scalar(void* dst, std::size_t size) noexcept { fill_scalar(dst, 0, size); }

std::size_t vector_width() noexcept { return kWidth; }

}  // namespace sign::simd
