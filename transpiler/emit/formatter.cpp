// SPDX-License-Identifier: MIT
// Loads the signc-format plugin on first use and formats through it.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "emit/detail.hpp"
#include "support/text_cache.hpp"

namespace signc::emit {
namespace {

// The plugin's C interface (format_plugin.cpp).
using ReformatFn = int (*)(const char* code, std::size_t code_len, const char* style, std::size_t style_len,
                           char** out, std::size_t* out_len);
using FreeFn = void (*)(char*);

struct Plugin {
  ReformatFn reformat = nullptr;
  FreeFn release = nullptr;
  std::string error;
};

std::filesystem::path executable_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

std::string plugin_path() {
  if (const char* env = std::getenv("SIGN_FORMAT_PLUGIN"); env && *env) return env;
  return (executable_dir() / ".." / "lib" / "signc" / "libsignc-format.so").lexically_normal().string();
}

// What decides the formatted text besides the code: the style, and the
// plugin by path, size and time (a rebuilt formatter may format otherwise).
std::string formatter_identity(const std::string& path, std::string_view style) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const auto time = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
  return "signc-format " + path + " " + std::to_string(ec ? 0 : size) + " " + std::to_string(ec ? 0 : time) + "\n" +
         std::string(style) + "\n";
}

Plugin load_plugin(const std::string& path) {
  Plugin p;
  // The handle stays open for the life of the process, by design.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    p.error = "cannot load the formatter plugin " + path + ": " + (why ? why : "unknown error") +
              " (set SIGN_FORMAT_PLUGIN, or pass --no-format)";
    return p;
  }
  p.reformat = reinterpret_cast<ReformatFn>(dlsym(handle, "signc_format_reformat"));
  p.release = reinterpret_cast<FreeFn>(dlsym(handle, "signc_format_free"));
  if (!p.reformat || !p.release) p.error = path + " is not a signc formatter plugin";
  return p;
}

}  // namespace

std::optional<std::string> format_cpp(std::string_view code, Diagnostics& diags, const std::string& cache_dir) {
  static const std::string path = plugin_path();
  const std::string_view style = embedded::_clang_format;
  // Formatting costs ~20 times the rest of a translation: the same text
  // (a module built again, in another build tree, by `signc --emit`) is
  // formatted once. The plugin is not even loaded on a hit.
  constexpr std::size_t kCachedTexts = 256;
  const std::optional<TextCache> cache =
      cache_dir.empty() ? std::nullopt : std::optional<TextCache>(std::in_place, cache_dir, kCachedTexts);
  std::string key;
  if (cache) {
    key = formatter_identity(path, style);
    key += code;
    if (auto hit = cache->find(key)) return hit;
  }
  static const Plugin plugin = load_plugin(path);
  if (!plugin.error.empty()) {
    diags.error(plugin.error);
    return std::nullopt;
  }
  char* out = nullptr;
  std::size_t out_len = 0;
  const int rc = plugin.reformat(code.data(), code.size(), style.data(), style.size(), &out, &out_len);
  std::string text(out ? out : "", out_len);
  plugin.release(out);
  if (rc != 0) {
    diags.error("formatting the generated C++ failed: " + text);
    return std::nullopt;
  }
  if (cache) cache->store(key, text);
  return text;
}

}  // namespace signc::emit
