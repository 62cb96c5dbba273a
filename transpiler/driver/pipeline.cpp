// SPDX-License-Identifier: MIT
#include "driver/pipeline.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sexpr/sexpr.hpp"

namespace signc::driver {
namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_file(const std::string& path, Diagnostics& diags) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    diags.error("'" + path + "' is a directory, not a Sign source file");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error("cannot open '" + path + "': " + std::generic_category().message(errno));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string stem_of(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (std::string_view ext : {".sign", ".sn", ".json"}) {
    if (name.size() > ext.size() && name.ends_with(ext)) return name.substr(0, name.size() - ext.size());
  }
  return fs::path(name).stem().string();
}

// `--line-directives=relative`: the input's path from the working directory,
// also when it was given as an absolute path, so that no absolute directory
// reaches the output (DESIGN "Determinism rules").
std::string relative_line_path(const std::string& path) {
  const fs::path p = fs::path(path).lexically_normal();
  if (p.is_relative()) return p.string();
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path rel = ec ? fs::path() : p.lexically_relative(cwd);
  return rel.empty() ? p.string() : rel.string();
}

}  // namespace

std::unique_ptr<Translation> translate(const std::string& path, Stage stop, Diagnostics& diags,
                                       const sema::Options& options) {
  const std::string ext = fs::path(path).extension().string();
  if (ext != ".sign" && ext != ".sn" && ext != ".json") {
    diags.error("'" + path + "': not a Sign source file (expected .sign, .sn, or .json for S-expressions)");
    return nullptr;
  }
  auto text = read_file(path, diags);
  if (!text) return nullptr;
  auto t = std::make_unique<Translation>();
  t->file = std::make_unique<SourceFile>(path, std::move(*text));
  t->stem = stem_of(path);
  t->inputs.push_back(fs::absolute(path).lexically_normal().string());
  if (ext == ".json") {  // S-expressions enter after pass 2 (memory-model.md §10)
    if (stop == Stage::Tokens || stop == Stage::Ast) {
      diags.error("'" + path + "': an S-expression program has no tokens or syntax tree; use --emit=sexpr or later");
      return nullptr;
    }
    if (!sexpr::read(*t->file, t->program, diags)) return nullptr;
    sema::finish_analysis(t->program, diags, options);
    if (stop == Stage::Sema) return diags.has_errors() ? nullptr : std::move(t);
    t->module = lower::lower_module(t->program, t->stem, diags);
    return diags.has_errors() ? nullptr : std::move(t);
  }
  // Every stage runs even after an earlier one reported errors (the parser
  // drops bad lines), so one run reports as many real errors as it can.
  t->tokens = syntax::lex(*t->file, diags);
  if (stop == Stage::Tokens) return diags.has_errors() ? nullptr : std::move(t);
  t->tree = syntax::parse(*t->file, t->tokens, diags);
  if (stop == Stage::Ast) return diags.has_errors() ? nullptr : std::move(t);
  t->program = sema::analyze(*t->file, t->tree, diags, options);
  if (stop == Stage::Sema) return diags.has_errors() ? nullptr : std::move(t);
  t->module = lower::lower_module(t->program, t->stem, diags);
  return diags.has_errors() ? nullptr : std::move(t);
}

emit::Options emit_options(const std::string& path, emit::LineDirectives mode, bool format,
                           const std::string& root_namespace) {
  emit::Options o;
  o.lines = mode;
  o.format = format;
  o.root_namespace = root_namespace;
  o.line_path = mode == emit::LineDirectives::Absolute ? fs::absolute(path).lexically_normal().string()
                                                       : relative_line_path(path);
  return o;
}

}  // namespace signc::driver
