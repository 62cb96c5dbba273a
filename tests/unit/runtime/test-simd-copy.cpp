// SPDX-License-Identifier: MIT
// sign::simd::copy against its contract (simd/copy.hpp): every length 0..1024,
// every source and destination misalignment within a vector, and not one
// byte written outside the destination range.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <vector>

#include <sign/simd/copy.hpp>

namespace {

constexpr std::size_t kMaxLength = 1024;
constexpr std::size_t kGuard = 64;
constexpr std::uint8_t kCanary = 0xA5;

std::uint8_t pattern(std::size_t i) { return static_cast<std::uint8_t>(i * 131 + 7); }

}  // namespace

BOOST_AUTO_TEST_SUITE(simd_copy)

BOOST_AUTO_TEST_CASE(copies_every_length_at_every_misalignment) {
  const std::size_t width = sign::simd::copy_vector_width();
  std::vector<std::uint8_t> src(kMaxLength + 2 * kGuard), dst(kMaxLength + 2 * kGuard);
  for (std::size_t i = 0; i < src.size(); ++i) src[i] = pattern(i);
  std::size_t failures = 0;
  for (std::size_t src_off = 0; src_off < width; src_off += (src_off < 3 ? 1 : 5)) {
    for (std::size_t dst_off = 0; dst_off < width; dst_off += (dst_off < 3 ? 1 : 3)) {
      for (std::size_t len = 0; len <= kMaxLength; ++len) {
        std::fill(dst.begin(), dst.end(), kCanary);
        sign::simd::copy(dst.data() + kGuard + dst_off, src.data() + kGuard + src_off, len);
        for (std::size_t i = 0; i < dst.size(); ++i) {
          const bool inside = i >= kGuard + dst_off && i < kGuard + dst_off + len;
          const std::uint8_t want = inside ? src[i - dst_off + src_off] : kCanary;
          if (dst[i] != want && ++failures <= 5) {
            BOOST_ERROR("len " << len << " src_off " << src_off << " dst_off " << dst_off << " byte " << i);
          }
        }
      }
    }
  }
  BOOST_TEST(failures == 0u);
}

BOOST_AUTO_TEST_CASE(zero_length_touches_nothing) {
  std::uint8_t dst[4] = {1, 2, 3, 4};
  const std::uint8_t src[4] = {9, 9, 9, 9};
  sign::simd::copy(dst, src, 0);
  BOOST_TEST(dst[0] == 1);
  BOOST_TEST(dst[3] == 4);
}

BOOST_AUTO_TEST_CASE(matches_scalar_reference) {
  std::vector<std::uint8_t> src(777), a(777), b(777);
  for (std::size_t i = 0; i < src.size(); ++i) src[i] = pattern(i * 3);
  sign::simd::copy(a.data(), src.data(), src.size());
  sign::simd::copy_scalar(b.data(), src.data(), src.size());
  BOOST_TEST(a == b);
}

BOOST_AUTO_TEST_CASE(vector_width_is_at_least_16_bytes) {
  // NEON and SSE2 both move 16 bytes; anything less means a scalar fallback.
  BOOST_TEST(sign::simd::copy_vector_width() >= 16u);
}

BOOST_AUTO_TEST_SUITE_END()
