// SPDX-License-Identifier: MIT
// xsimd implementation of sign::simd::copy (contract in simd/copy.hpp).
#include <sign/simd/copy.hpp>

#include <cstdint>
#include <xsimd/xsimd.hpp>

namespace sign::simd {
namespace {
using Batch = xsimd::batch<std::uint8_t>;
constexpr std::size_t kWidth = Batch::size;
}  // namespace

void copy(void* dst, const void* src, std::size_t size) noexcept {
  auto* d = static_cast<std::uint8_t*>(dst);
  const auto* s = static_cast<const std::uint8_t*>(src);
  std::size_t i = 0;
  // Two vectors per iteration keeps both load ports busy on wide cores.
  for (; i + 2 * kWidth <= size; i += 2 * kWidth) {
    const Batch a = Batch::load_unaligned(s + i);
    const Batch b = Batch::load_unaligned(s + i + kWidth);
    a.store_unaligned(d + i);
    b.store_unaligned(d + i + kWidth);
  }
  for (; i + kWidth <= size; i += kWidth) Batch::load_unaligned(s + i).store_unaligned(d + i);
  for (; i < size; ++i) d[i] = s[i];  // scalar tail: never writes past dst + size
}

void copy_scalar(void* dst, const void* src, std::size_t size) noexcept {
  // volatile keeps the reference honestly scalar: no vectorising, no memcpy call.
  auto* d = static_cast<volatile std::uint8_t*>(dst);
  const auto* s = static_cast<const std::uint8_t*>(src);
  for (std::size_t i = 0; i < size; ++i) d[i] = s[i];
}

std::size_t copy_vector_width() noexcept { return kWidth; }

}  // namespace sign::simd
