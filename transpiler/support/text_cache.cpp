// SPDX-License-Identifier: MIT
#include "support/text_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

namespace signc {
namespace fs = std::filesystem;

namespace {

// An entry: this line, then "<key bytes> <text bytes>\n", the key, the text.
constexpr std::string_view kMagic = "signc text cache 1\n";

std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(text.data(), size)) return std::nullopt;
  return text;
}

// Parses a decimal size ending at `stop`; advances `at` past `stop`.
std::optional<std::size_t> read_size(std::string_view text, std::size_t& at, char stop) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data() + at, text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data() + text.size() || *end != stop) return std::nullopt;
  at = static_cast<std::size_t>(end - text.data()) + 1;
  return value;
}

}  // namespace

fs::path cache_root() {
  if (const char* d = std::getenv("SIGN_CACHE_DIR"); d && *d) return d;
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d && *d) return fs::path(d) / "signc";
  if (const char* d = std::getenv("HOME"); d && *d) return fs::path(d) / ".cache" / "signc";
  return fs::temp_directory_path() / ("signc-cache-" + std::to_string(::getuid()));
}

std::string fnv1a_hex(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::optional<std::string> TextCache::find(std::string_view key) const {
  const fs::path path = entry(key);
  const auto file = read_all(path);
  if (!file || !std::string_view(*file).starts_with(kMagic)) return std::nullopt;
  std::size_t at = kMagic.size();
  const auto key_size = read_size(*file, at, ' ');
  const auto text_size = key_size ? read_size(*file, at, '\n') : std::nullopt;
  const std::size_t rest = file->size() - at;
  if (!text_size || *key_size > rest || *text_size != rest - *key_size) return std::nullopt;
  if (std::string_view(*file).substr(at, *key_size) != key) return std::nullopt;
  std::error_code ignored;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ignored);  // recently used
  return file->substr(at + *key_size);
}

void TextCache::store(std::string_view key, std::string_view text) const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  const fs::path path = entry(key);
  const fs::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << kMagic << key.size() << ' ' << text.size() << '\n' << key << text;
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  // Published whole or not at all: a reader sees the old entry or the new.
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return;
  }
  evict();
}

void TextCache::evict() const {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    std::error_code stat_ec;
    const auto time = e.last_write_time(stat_ec);
    if (!stat_ec && e.is_regular_file(stat_ec)) entries.emplace_back(time, e.path());
  }
  if (entries.size() <= capacity_) return;
  const auto excess = static_cast<std::ptrdiff_t>(entries.size() - capacity_);
  std::nth_element(entries.begin(), entries.begin() + excess - 1, entries.end());
  for (auto it = entries.begin(); it != entries.begin() + excess; ++it) fs::remove(it->second, ec);
}

}  // namespace signc
