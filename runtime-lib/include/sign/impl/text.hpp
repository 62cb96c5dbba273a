// SPDX-License-Identifier: MIT
// sign::impl text helpers shared by the runtime and the inline fast paths
// generated code calls (ops.hpp, compare.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace sign::impl {

// How many of the first bytes of `text` are ASCII, so that each is one
// character: words of 8 bytes at a time, then byte by byte.
[[nodiscard]] inline std::size_t ascii_prefix(std::string_view text) noexcept {
  constexpr std::uint64_t kHighBits = 0x8080808080808080;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & kHighBits) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

// Whether every byte of text is ASCII: ascii_prefix(text) == text.size(),
// without a byte-by-byte tail (a short word is a load or two).
[[nodiscard]] inline bool is_ascii(std::string_view text) noexcept {
  const char* p = text.data();
  const std::size_t n = text.size();
  if (n >= 8) {
    std::uint64_t word;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080) return false;
    }
    std::memcpy(&word, p + n - 8, 8);  // the tail, overlapping what was read
    return (word & 0x8080808080808080) == 0;
  }
  if (n >= 4) {
    std::uint32_t head, tail;
    std::memcpy(&head, p, 4);
    std::memcpy(&tail, p + n - 4, 4);
    return ((head | tail) & 0x80808080) == 0;
  }
  unsigned bits = 0;
  for (std::size_t i = 0; i < n; ++i) bits |= static_cast<unsigned char>(p[i]);
  return bits < 0x80;
}

// Length of the UTF-8 sequence starting with lead byte c: exact for valid
// text; for other bytes a length that makes a walk over them end (4 for a
// stray continuation byte, as the runtime has always split such text).
[[nodiscard]] constexpr std::size_t utf8_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  return 4;
}

// The characters of UTF-8 text (`|s|`), split as utf8_length splits them.
[[nodiscard]] inline std::size_t char_count(std::string_view text) noexcept {
  std::size_t n = ascii_prefix(text);
  for (std::size_t i = n; i < text.size(); ++n) i += utf8_length(static_cast<unsigned char>(text[i]));
  return n;
}

// The code point of the one UTF-8 sequence `c` (valid, not empty).
[[nodiscard]] inline char32_t decode_utf8(std::string_view c) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(c.data());
  const std::size_t n = utf8_length(p[0]);
  char32_t cp = n == 1 ? p[0] : p[0] & (0xFFu >> (n + 1));
  for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (p[i] & 0x3Fu);
  return cp;
}

// Appends the UTF-8 sequence of code point c.
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Whether `text` is valid UTF-8: no stray or missing continuation bytes,
// overlong forms, surrogates or values past U+10FFFF.
[[nodiscard]] bool valid_utf8(std::string_view text) noexcept;

}  // namespace sign::impl
