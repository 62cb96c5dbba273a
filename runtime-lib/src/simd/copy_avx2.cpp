// SPDX-License-Identifier: MIT
// sign::simd::copy for x86-64 cores with AVX2: this file alone is compiled
// with -mavx2 (runtime-lib/CMakeLists.txt), and copy.cpp calls it only when
// the CPU reports AVX2, so the library still runs on any x86-64.
#include <xsimd/xsimd.hpp>

#include "copy_kernel.hpp"

namespace sign::simd::detail {

void copy_avx2(std::uint8_t* d, const std::uint8_t* s, std::size_t size) noexcept {
  copy_kernel<xsimd::batch<std::uint8_t, xsimd::avx2>>(d, s, size);
}

}  // namespace sign::simd::detail
