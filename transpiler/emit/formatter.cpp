// SPDX-License-Identifier: MIT
// Loads the signc-format plugin on first use and formats through it.
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "emit/detail.hpp"

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

Plugin load_plugin() {
  Plugin p;
  std::string path;
  if (const char* env = std::getenv("SIGN_FORMAT_PLUGIN"); env && *env) {
    path = env;
  } else {
    path = (executable_dir() / ".." / "lib" / "signc" / "libsignc-format.so").lexically_normal().string();
  }
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

std::optional<std::string> format_cpp(std::string_view code, Diagnostics& diags) {
  static const Plugin plugin = load_plugin();
  if (!plugin.error.empty()) {
    diags.error(plugin.error);
    return std::nullopt;
  }
  const std::string_view style = embedded::_clang_format;
  char* out = nullptr;
  std::size_t out_len = 0;
  const int rc = plugin.reformat(code.data(), code.size(), style.data(), style.size(), &out, &out_len);
  std::string text(out ? out : "", out_len);
  plugin.release(out);
  if (rc != 0) {
    diags.error("formatting the generated C++ failed: " + text);
    return std::nullopt;
  }
  return text;
}

}  // namespace signc::emit
