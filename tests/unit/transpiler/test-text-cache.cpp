// SPDX-License-Identifier: MIT
// support/text_cache: a hit gives back exactly what was stored under the
// same key; anything else — another key, a damaged entry, a full cache —
// is a miss, never an error or a wrong text.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/text_cache.hpp"

namespace fs = std::filesystem;
using signc::TextCache;

namespace {

// A fresh directory per case, removed afterwards.
struct CacheDir {
  fs::path path = fs::temp_directory_path() / ("signc-text-cache-test-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(counter++));
  CacheDir() { fs::remove_all(path); }
  ~CacheDir() { fs::remove_all(path); }
  static inline int counter = 0;
};

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_cache)

BOOST_AUTO_TEST_CASE(a_stored_text_is_found_under_its_key) {
  CacheDir dir;
  const TextCache cache(dir.path, 8);
  cache.store("style\ncode", "formatted\ncode\n");
  const auto hit = cache.find("style\ncode");
  BOOST_REQUIRE(hit);
  BOOST_TEST(*hit == "formatted\ncode\n");
}

BOOST_AUTO_TEST_CASE(another_key_is_a_miss) {
  CacheDir dir;
  const TextCache cache(dir.path, 8);
  cache.store("key one", "text");
  BOOST_TEST(!cache.find("key two"));
  BOOST_TEST(!cache.find("key on"));
}

BOOST_AUTO_TEST_CASE(an_empty_text_is_a_hit_not_a_miss) {
  CacheDir dir;
  const TextCache cache(dir.path, 8);
  cache.store("key", "");
  const auto hit = cache.find("key");
  BOOST_REQUIRE(hit);
  BOOST_TEST(hit->empty());
}

BOOST_AUTO_TEST_CASE(a_truncated_entry_is_a_miss) {
  CacheDir dir;
  const TextCache cache(dir.path, 8);
  cache.store("key", "a text long enough to cut");
  const fs::path entry = fs::directory_iterator(dir.path)->path();
  fs::resize_file(entry, fs::file_size(entry) - 3);
  BOOST_TEST(!cache.find("key"));
}

BOOST_AUTO_TEST_CASE(an_entry_overwritten_with_other_bytes_is_a_miss) {
  for (const std::string bytes : {"not a cache entry", "signc text cache 1\n3 99999999999\nkeytext"}) {
    CacheDir dir;
    const TextCache cache(dir.path, 8);
    cache.store("key", "text");
    std::ofstream(fs::directory_iterator(dir.path)->path(), std::ios::trunc) << bytes;
    BOOST_TEST(!cache.find("key"), bytes);
  }
}

BOOST_AUTO_TEST_CASE(storing_again_replaces_the_text) {
  CacheDir dir;
  const TextCache cache(dir.path, 8);
  cache.store("key", "old");
  cache.store("key", "new");
  BOOST_TEST(*cache.find("key") == "new");
  BOOST_TEST(entries(dir.path) == 1u);
}

BOOST_AUTO_TEST_CASE(a_full_cache_drops_the_least_recently_used) {
  CacheDir dir;
  const TextCache cache(dir.path, 2);
  cache.store("first", "1");
  cache.store("second", "2");
  // Entry times order them: both an hour old, then "second" read again.
  for (const auto& e : fs::directory_iterator(dir.path)) {
    fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
  BOOST_REQUIRE(cache.find("second"));
  cache.store("third", "3");
  BOOST_TEST(entries(dir.path) == 2u);
  BOOST_TEST(!cache.find("first"));
  BOOST_TEST(*cache.find("second") == "2");
  BOOST_TEST(*cache.find("third") == "3");
}

BOOST_AUTO_TEST_CASE(an_unwritable_directory_drops_the_store_silently) {
  const TextCache cache("/proc/signc-no-such-dir", 8);
  cache.store("key", "text");
  BOOST_TEST(!cache.find("key"));
}

BOOST_AUTO_TEST_SUITE_END()
