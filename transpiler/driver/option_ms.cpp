// SPDX-License-Identifier: MIT
#include "driver/option_ms.hpp"

#include <charconv>
#include <optional>

#include "driver/output.hpp"

namespace signc::driver {
namespace fs = std::filesystem;

namespace {

// One option.ms: the top-level `key : value` lines that matter here.
struct OptionFile {
  std::optional<int> layer;
  bool inherit = true;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

OptionFile parse_option_file(const SourceFile& file, Diagnostics& diags) {
  OptionFile out;
  const std::string_view text = file.text();
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    const std::uint32_t line_begin = static_cast<std::uint32_t>(begin);
    begin = end + 1;
    // Indented lines belong to a nested block; a backtick starts a comment.
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '`' || trim(line).empty()) continue;
    const std::size_t colon = line.find(" :");
    if (colon == std::string_view::npos) {
      diags.error(file, {line_begin, static_cast<std::uint32_t>(line_begin + trim(line).size())},
                  "expected `key : value` (option_ms_schema.md)");
      continue;
    }
    const std::string_view key = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 2));
    const auto value_at = static_cast<std::uint32_t>(line_begin + (value.data() - line.data()));
    const Span value_span{value_at, static_cast<std::uint32_t>(value_at + std::max<std::size_t>(value.size(), 1))};
    if (key == "layer") {
      int layer = -1;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), layer);
      if (ec != std::errc() || ptr != value.data() + value.size() || layer < 0 || layer > 4) {
        diags.error(file, value_span, "`layer` must be an integer from 0 to 4 (option_ms_schema.md §4)");
      } else {
        out.layer = layer;
      }
    } else if (key == "inherit") {
      if (value == "false" || value == "__" || value == "0") {
        out.inherit = false;
      } else if (value != "true" && value != "1" && value != "!__") {
        diags.error(file, value_span, "`inherit` must be true or false (option_ms_schema.md §3)");
      }
    }
  }
  return out;
}

}  // namespace

ModuleSettings read_module_settings(const fs::path& source, Diagnostics& diags) {
  ModuleSettings settings;
  std::optional<int> layer;
  std::error_code ec;
  fs::path dir = fs::absolute(source, ec).lexically_normal().parent_path();
  for (;;) {
    const fs::path candidate = dir / "option.ms";
    if (fs::is_regular_file(candidate, ec)) {
      if (auto text = read_text_file(candidate)) {
        const SourceFile file(candidate.string(), std::move(*text));
        const OptionFile o = parse_option_file(file, diags);
        settings.files.push_back(candidate.string());
        if (!layer) layer = o.layer;
        if (!o.inherit) break;
      } else {
        diags.error("cannot read '" + candidate.string() + "'");
      }
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  if (layer) settings.layer = *layer;
  return settings;
}

}  // namespace signc::driver
