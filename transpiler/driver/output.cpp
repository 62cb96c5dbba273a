// SPDX-License-Identifier: MIT
#include "driver/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace signc::driver {
namespace fs = std::filesystem;

std::optional<std::string> read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

bool same_content(const std::string& path, const std::string& content) {
  const auto text = read_text_file(path);
  return text && *text == content;
}

std::string escape_make(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

}  // namespace

bool write_atomically(const std::string& path, const std::string& content, WriteMode mode, Diagnostics& diags) {
  if (mode == WriteMode::IfChanged && same_content(path, content)) return true;
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      diags.error("cannot write '" + tmp + "': " + std::strerror(errno));
      return false;
    }
    out << content;
    out.flush();
    if (!out) {
      diags.error("cannot write '" + tmp + "': " + std::strerror(errno));
      out.close();
      std::error_code ignored;
      fs::remove(tmp, ignored);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    diags.error("cannot create '" + path + "': " + ec.message());
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

void remove_outputs(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    std::error_code ignored;
    fs::remove(p, ignored);
  }
}

std::string depfile_text(const std::vector<std::string>& targets, const std::vector<std::string>& deps) {
  std::string out;
  for (std::size_t i = 0; i < targets.size(); ++i) out += (i ? " " : "") + escape_make(targets[i]);
  out += ":";
  for (const auto& d : deps) out += " \\\n  " + escape_make(d);
  return out + "\n";
}

}  // namespace signc::driver
