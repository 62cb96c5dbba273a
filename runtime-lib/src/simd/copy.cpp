// SPDX-License-Identifier: MIT
// xsimd implementation of sign::simd::copy (contract in simd/copy.hpp): the
// build's baseline instruction set (NEON on aarch64), and on x86-64 the
// AVX2 kernel when the CPU has it — SSE2's 16-byte stores alone reach only
// about 0.6x of glibc's AVX memcpy on 4 KiB (bench/RESULTS.md).
#include <sign/simd/copy.hpp>

#include <cstdint>
#include <xsimd/xsimd.hpp>

#include "copy_kernel.hpp"

namespace sign::simd {
namespace {
using Batch = xsimd::batch<std::uint8_t>;

#if defined(__x86_64__) && !defined(__AVX2__)
using CopyFn = void (*)(std::uint8_t*, const std::uint8_t*, std::size_t) noexcept;
CopyFn pick_copy() noexcept {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") ? detail::copy_avx2 : detail::copy_kernel<Batch>;
}
const CopyFn g_copy = pick_copy();  // constant after start-up: one indirect call
constexpr std::size_t kAvx2From = 256;  // bytes; measured with bench-simd
#endif
}  // namespace

void copy(void* dst, const void* src, std::size_t size) noexcept {
  auto* d = static_cast<std::uint8_t*>(dst);
  const auto* s = static_cast<const std::uint8_t*>(src);
#if defined(__x86_64__) && !defined(__AVX2__)
  // Short copies stay on the inline baseline loop: for them the indirect
  // call and AVX's vzeroupper cost more than the wider stores save. Before
  // static initialisation finished (another TU's initialiser) the pointer
  // may still be null: the baseline kernel is always correct.
  if (size >= kAvx2From && g_copy != nullptr) {
    g_copy(d, s, size);
    return;
  }
#endif
  detail::copy_kernel<Batch>(d, s, size);
}

void copy_scalar(void* dst, const void* src, std::size_t size) noexcept {
  // volatile keeps the reference honestly scalar: no vectorising, no memcpy call.
  auto* d = static_cast<volatile std::uint8_t*>(dst);
  const auto* s = static_cast<const std::uint8_t*>(src);
  for (std::size_t i = 0; i < size; ++i) d[i] = s[i];
}

std::size_t copy_vector_width() noexcept { return Batch::size; }

}  // namespace sign::simd
