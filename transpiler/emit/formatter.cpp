// SPDX-License-Identifier: MIT
// Loads the signc-format plugin on first use and formats through it.
#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

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

struct FormatResult {
  bool ok = false;
  std::string text;  // the formatted text, or why formatting failed
};

FormatResult reformat(const Plugin& plugin, std::string_view code, std::string_view style) {
  char* out = nullptr;
  std::size_t out_len = 0;
  const int rc = plugin.reformat(code.data(), code.size(), style.data(), style.size(), &out, &out_len);
  FormatResult result{rc == 0, std::string(out ? out : "", out_len)};
  plugin.release(out);
  return result;
}

}  // namespace

std::vector<std::string_view> PiecewiseText::pieces() const {
  if (marker.empty()) return {frame};
  const std::size_t at = frame.find("\n" + marker + "\n");
  if (at == std::string::npos) throw std::logic_error("the frame has no line " + marker);
  const std::string_view all(frame);
  std::vector<std::string_view> views{all.substr(0, at + 1)};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) views.emplace_back("\n");
    views.emplace_back(parts[i]);
  }
  views.push_back(all.substr(at + marker.size() + 2));
  return views;
}

std::string PiecewiseText::whole() const {
  if (marker.empty()) return frame;
  const std::vector<std::string_view> views = pieces();
  std::size_t size = 0;
  for (const std::string_view piece : views) size += piece.size();
  std::string text;
  text.reserve(size);
  for (const std::string_view piece : views) text += piece;
  return text;
}

std::optional<std::string> format_cpp(const PiecewiseText& text, Diagnostics& diags, const std::string& cache_dir) {
  static const std::string path = plugin_path();
  const std::string_view style = embedded::_clang_format;
  // Formatting costs 5-10 times the rest of a translation: the same text
  // (a module built again, in another build tree, by `signc --emit`) is
  // formatted once. The plugin is not even loaded on a hit.
  constexpr std::size_t kCachedTexts = 256;
  const std::optional<TextCache> cache =
      cache_dir.empty() ? std::nullopt : std::optional<TextCache>(std::in_place, cache_dir, kCachedTexts);
  std::string key;
  if (cache) {
    static const std::string identity = formatter_identity(path, style);  // the plugin's stat, once per process
    key = identity;
    key += text.whole();
    if (auto hit = cache->find(key)) return hit;
  }
  static const Plugin plugin = load_plugin(path);
  if (!plugin.error.empty()) {
    diags.error(plugin.error);
    return std::nullopt;
  }
  std::vector<std::string_view> pieces = {text.frame};
  for (const std::string& part : text.parts) pieces.push_back(part);
  std::vector<FormatResult> formatted(pieces.size());
  std::atomic<std::size_t> next = 0;
  const auto work = [&] {
    for (std::size_t i; (i = next++) < pieces.size();) formatted[i] = reformat(plugin, pieces[i], style);
  };
  // The pieces are formatted side by side; clang::format::reformat keeps no
  // state between calls.
  const std::size_t threads = std::min<std::size_t>(pieces.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (std::thread& t : helpers) t.join();
  for (const FormatResult& f : formatted) {
    if (!f.ok) {
      diags.error("formatting the generated C++ failed: " + f.text);
      return std::nullopt;
    }
  }
  if (!text.marker.empty() && formatted[0].text.find("\n" + text.marker + "\n") == std::string::npos) {
    // The formatter moved the marker: format the text as one piece.
    return format_cpp(PiecewiseText{text.whole(), {}, {}}, diags, cache_dir);
  }
  PiecewiseText laid_out{std::move(formatted[0].text), text.marker, {}};
  for (std::size_t i = 1; i < formatted.size(); ++i) laid_out.parts.push_back(std::move(formatted[i].text));
  std::string result = laid_out.whole();
  if (cache) cache->store(key, result);
  return result;
}

}  // namespace signc::emit
