// SPDX-License-Identifier: MIT
// sign::simd fill/zero/compare/equal against the contract in
// simd/primitives.hpp: every length 0..1024 at several misalignments, the
// same result as the scalar twin, and not one byte touched outside the range.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstring>
#include <vector>

#include <sign/simd/primitives.hpp>

namespace {

constexpr std::size_t kMaxLength = 1024;
constexpr std::size_t kGuard = 64;
constexpr std::uint8_t kCanary = 0xA5;

std::uint8_t pattern(std::size_t i) { return static_cast<std::uint8_t>(i * 131 + 7); }
int sign_of(int v) { return (v > 0) - (v < 0); }

// Offsets within one vector: 0..3, then a few more up to the width.
std::vector<std::size_t> offsets() {
  std::vector<std::size_t> out;
  for (std::size_t o = 0; o < sign::simd::vector_width(); o += (o < 3 ? 1 : 5)) out.push_back(o);
  return out;
}

// Runs `write(dst, len)` for every length and offset and checks that the
// bytes inside equal `want(i)` and the canaries outside are untouched.
template <class Write, class Want>
std::size_t check_writes(Write write, Want want) {
  std::vector<std::uint8_t> buf(kMaxLength + 2 * kGuard);
  std::size_t failures = 0;
  for (std::size_t off : offsets()) {
    for (std::size_t len = 0; len <= kMaxLength; ++len) {
      std::fill(buf.begin(), buf.end(), kCanary);
      write(buf.data() + kGuard + off, len);
      for (std::size_t i = 0; i < buf.size(); ++i) {
        const bool inside = i >= kGuard + off && i < kGuard + off + len;
        if (buf[i] != (inside ? want(i) : kCanary) && ++failures <= 5) {
          BOOST_ERROR("len " << len << " offset " << off << " byte " << i);
        }
      }
    }
  }
  return failures;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(simd_primitives)

BOOST_AUTO_TEST_CASE(fill_sets_every_length_at_every_misalignment) {
  const auto failures = check_writes([](std::uint8_t* d, std::size_t n) { sign::simd::fill(d, 0x3C, n); },
                                     [](std::size_t) { return std::uint8_t{0x3C}; });
  BOOST_TEST(failures == 0u);
}

BOOST_AUTO_TEST_CASE(zero_clears_every_length_at_every_misalignment) {
  const auto failures = check_writes([](std::uint8_t* d, std::size_t n) { sign::simd::zero(d, n); },
                                     [](std::size_t) { return std::uint8_t{0}; });
  BOOST_TEST(failures == 0u);
}

BOOST_AUTO_TEST_CASE(fill_and_zero_match_their_scalar_twins) {
  std::vector<std::uint8_t> a(777, 1), b(777, 2);
  sign::simd::fill(a.data() + 3, 0x81, 700);
  sign::simd::fill_scalar(b.data() + 3, 0x81, 700);
  std::fill(a.begin(), a.begin() + 3, 9);
  std::fill(b.begin(), b.begin() + 3, 9);
  std::fill(a.begin() + 703, a.end(), 9);
  std::fill(b.begin() + 703, b.end(), 9);
  BOOST_TEST(a == b);
  sign::simd::zero(a.data(), a.size());
  sign::simd::zero_scalar(b.data(), b.size());
  BOOST_TEST(a == b);
}

BOOST_AUTO_TEST_CASE(compare_orders_like_memcmp_at_every_position) {
  // One differing byte at each position of each length, in both directions,
  // at misaligned starts; bytes above 0x7F check the unsigned order.
  std::vector<std::uint8_t> a(kMaxLength + kGuard), b(kMaxLength + kGuard);
  std::size_t failures = 0;
  for (std::size_t off : offsets()) {
    for (std::size_t len : {0u, 1u, 15u, 16u, 17u, 31u, 32u, 33u, 63u, 64u, 65u, 100u, 255u, 1024u}) {
      for (std::size_t i = 0; i < a.size(); ++i) a[i] = b[i] = pattern(i);
      const std::uint8_t* x = a.data() + off;
      const std::uint8_t* y = b.data() + off;
      if (sign::simd::compare(x, y, len) != 0 || !sign::simd::equal(x, y, len)) ++failures;
      for (std::size_t at = 0; at < len; ++at) {
        b[off + at] = static_cast<std::uint8_t>(a[off + at] ^ 0x80);
        const int want = sign_of(std::memcmp(x, y, len));
        if (sign::simd::compare(x, y, len) != want || sign::simd::compare(y, x, len) != -want ||
            sign::simd::compare_scalar(x, y, len) != want || sign::simd::equal(x, y, len) ||
            sign::simd::equal_scalar(x, y, len)) {
          if (++failures <= 5) BOOST_ERROR("len " << len << " offset " << off << " diff at " << at);
        }
        b[off + at] = a[off + at];
      }
    }
  }
  BOOST_TEST(failures == 0u);
}

BOOST_AUTO_TEST_CASE(compare_reports_the_first_difference) {
  // Two differences in opposite directions: the first one decides.
  std::vector<std::uint8_t> a(300, 7), b(300, 7);
  a[40] = 1;   // a < b here...
  a[200] = 9;  // ...and a > b here
  BOOST_TEST(sign::simd::compare(a.data(), b.data(), a.size()) == -1);
  BOOST_TEST(sign::simd::compare(a.data() + 41, b.data() + 41, 259) == 1);
}

BOOST_AUTO_TEST_CASE(compare_never_reads_past_the_range) {
  // The ranges end exactly at the end of their allocations: a vector load
  // past them is an ASan report (and equal bytes beyond must not matter).
  for (std::size_t len = 0; len <= 100; ++len) {
    std::vector<std::uint8_t> a(len, 5), b(len, 5);
    BOOST_TEST(sign::simd::compare(a.data(), b.data(), len) == 0);
    BOOST_TEST(sign::simd::equal(a.data(), b.data(), len));
  }
}

BOOST_AUTO_TEST_CASE(size_zero_touches_nothing_and_compares_equal) {
  std::uint8_t d[2] = {4, 4};
  sign::simd::fill(d, 1, 0);
  sign::simd::zero(d, 0);
  BOOST_TEST(d[0] == 4);
  const std::uint8_t x = 1, y = 2;
  BOOST_TEST(sign::simd::compare(&x, &y, 0) == 0);
  BOOST_TEST(sign::simd::equal(&x, &y, 0));
}

BOOST_AUTO_TEST_CASE(vector_width_is_at_least_16_bytes) {
  BOOST_TEST(sign::simd::vector_width() >= 16u);
  BOOST_TEST(sign::simd::vector_width() == sign::simd::copy_vector_width());
}

BOOST_AUTO_TEST_SUITE_END()
