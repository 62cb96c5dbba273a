// SPDX-License-Identifier: MIT
// sign::impl text helpers shared by the runtime and the inline fast paths
// generated code calls (ops.hpp, compare.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
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

}  // namespace sign::impl
