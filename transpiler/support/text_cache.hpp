// SPDX-License-Identifier: MIT
// Content-addressed caches in the user's cache directory: `signc run`'s
// compiled programs, and the formatted C++ `signc build` reuses when the
// same text comes out of the emitter again.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace signc {

// $SIGN_CACHE_DIR, else $XDG_CACHE_HOME/signc, else ~/.cache/signc, else a
// per-user directory in the temporary directory.
std::filesystem::path cache_root();

// FNV-1a, 64 bits, as 16 hex digits: names a cache entry. An entry also
// holds its whole key, compared on every hit, so a collision costs a miss.
std::string fnv1a_hex(std::string_view s);

// A directory of (key, text) entries, one file each, at most `capacity` of
// them: storing one more removes the least recently used. A cache never
// fails its user: an unreadable, truncated or foreign entry is a miss, and
// a failed write leaves nothing behind.
class TextCache {
 public:
  TextCache(std::filesystem::path dir, std::size_t capacity) : dir_(std::move(dir)), capacity_(capacity) {}

  std::optional<std::string> find(std::string_view key) const;
  void store(std::string_view key, std::string_view text) const;

 private:
  std::filesystem::path entry(std::string_view key) const { return dir_ / fnv1a_hex(key); }
  void evict() const;

  std::filesystem::path dir_;
  std::size_t capacity_;
};

}  // namespace signc
