// SPDX-License-Identifier: MIT
// xsimd compare and equal (contract in simd/primitives.hpp): whole vectors
// are compared at once; only the first differing vector is scanned bytewise.
#include <sign/simd/primitives.hpp>

#include <xsimd/xsimd.hpp>

namespace sign::simd {
namespace {
using Batch = xsimd::batch<std::uint8_t>;
constexpr std::size_t kWidth = Batch::size;

// Index of the first differing byte in [0, size), or size if none.
// Always inlined: compare/equal must themselves hold the vector loops (the
// aarch64 objdump test looks for q-register loads in them).
[[gnu::always_inline]] inline std::size_t mismatch(const std::uint8_t* a, const std::uint8_t* b, std::size_t size) noexcept {
  std::size_t i = 0;
  for (; i + 2 * kWidth <= size; i += 2 * kWidth) {
    const auto ne0 = Batch::load_unaligned(a + i) != Batch::load_unaligned(b + i);
    const auto ne1 = Batch::load_unaligned(a + i + kWidth) != Batch::load_unaligned(b + i + kWidth);
    if (xsimd::any(ne0 || ne1)) break;
  }
  for (; i + kWidth <= size; i += kWidth) {
    if (xsimd::any(Batch::load_unaligned(a + i) != Batch::load_unaligned(b + i))) break;
  }
  for (; i < size; ++i) {
    if (a[i] != b[i]) return i;
  }
  return size;
}
}  // namespace

int compare(const void* a, const void* b, std::size_t size) noexcept {
  const auto* x = static_cast<const std::uint8_t*>(a);
  const auto* y = static_cast<const std::uint8_t*>(b);
  const std::size_t i = mismatch(x, y, size);
  if (i == size) return 0;
  return x[i] < y[i] ? -1 : 1;
}

bool equal(const void* a, const void* b, std::size_t size) noexcept {
  return mismatch(static_cast<const std::uint8_t*>(a), static_cast<const std::uint8_t*>(b), size) == size;
}

int compare_scalar(const void* a, const void* b, std::size_t size) noexcept {
  const auto* x = static_cast<const volatile std::uint8_t*>(a);
  const auto* y = static_cast<const volatile std::uint8_t*>(b);
  for (std::size_t i = 0; i < size; ++i) {
    const std::uint8_t p = x[i], q = y[i];
    if (p != q) return p < q ? -1 : 1;
  }
  return 0;
}

bool equal_scalar(const void* a, const void* b, std::size_t size) noexcept { return compare_scalar(a, b, size) == 0; }

}  // namespace sign::simd
