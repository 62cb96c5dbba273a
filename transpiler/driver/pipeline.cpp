// SPDX-License-Identifier: MIT
#include "driver/pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "driver/output.hpp"
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
  auto text = read_text_file(path);
  if (!text) diags.error("cannot open '" + path + "': " + std::generic_category().message(errno));
  return text;
}

std::string stem_of(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (std::string_view ext : {".sign", ".sn", ".json"}) {
    if (name.size() > ext.size() && name.ends_with(ext)) return name.substr(0, name.size() - ext.size());
  }
  return fs::path(name).stem().string();
}

// Every `x@` of the program, in source order.
void collect_import_sites(const sema::Program& p, sema::ExprId id, std::vector<sema::ExprId>& out) {
  if (id == sema::kNoExpr) return;
  const sema::Expr& e = p.expr(id);
  if (sema::import_spec(p, id)) out.push_back(id);
  for (sema::ExprId k : {e.a, e.b, e.c}) collect_import_sites(p, k, out);
  for (sema::ExprId k : e.kids) collect_import_sites(p, k, out);
}

// The builtin module `Module@`: the unloader binding (sign::impl::module_binding).
constexpr std::string_view kBuiltinModule = "Module";

const sema::ModuleInterface& builtin_interface() {
  static const sema::ModuleInterface interface = {
      {"unload", {sema::Category::Lambda, 1, 1}},
      {"blocker", {sema::Category::Lambda, 1, 1}},
      {"loaded", {sema::Category::Lambda, 1, 1}},
  };
  return interface;
}

std::string normal_path(const fs::path& p) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(p, ec), ec).lexically_normal().string();
}

// How diagnostics name an imported module's file: relative to the working
// directory when it is below it, as the user typed the entry's path.
std::string display_path(const std::string& absolute) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return absolute;
  const fs::path rel = fs::path(absolute).lexically_proximate(cwd);
  return rel.empty() || rel.string().starts_with("..") ? absolute : rel.string();
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

Translation* ModuleGraph::translate(const std::string& path, Stage stop, Diagnostics& diags) {
  const std::string key = normal_path(path);
  const auto it = modules_.find(key);
  if (it == modules_.end()) return translate_new(path, stop, diags);
  Translation& t = *it->second;
  if (t.failed) return nullptr;
  if (stop == Stage::Ir && t.reached == Stage::Sema) lower(t, diags);
  return t.failed ? nullptr : &t;
}

Translation* ModuleGraph::translate_new(const std::string& path, Stage stop, Diagnostics& diags) {
  const std::string ext = fs::path(path).extension().string();
  if (ext != ".sign" && ext != ".sn" && ext != ".json") {
    diags.error("'" + path + "': not a Sign source file (expected .sign, .sn, or .json for S-expressions)");
    return nullptr;
  }
  auto text = read_file(path, diags);
  if (!text) return nullptr;
  auto owned = std::make_unique<Translation>();
  Translation& t = *owned;
  t.path = normal_path(path);
  modules_.emplace(t.path, std::move(owned));
  in_progress_.insert(t.path);
  const std::size_t errors_before = diags.error_count();
  t.file = std::make_unique<SourceFile>(path, std::move(*text));
  t.stem = stem_of(path);
  t.inputs.push_back(fs::absolute(path).lexically_normal().string());
  t.settings = read_module_settings(path, diags);
  t.inputs.insert(t.inputs.end(), t.settings.files.begin(), t.settings.files.end());
  sema::Options options = options_;
  options.layer = t.settings.layer;
  options.imports = [this, &t, &diags](std::string_view spec) { return interface_of(t, spec, diags); };
  const auto done = [&](Stage reached) -> Translation* {
    in_progress_.erase(t.path);
    t.reached = reached;
    t.failed = diags.error_count() != errors_before;
    return t.failed ? nullptr : &t;
  };
  if (ext == ".json") {  // S-expressions enter after pass 2 (memory-model.md §10)
    if (stop == Stage::Tokens || stop == Stage::Ast) {
      diags.error("'" + path + "': an S-expression program has no tokens or syntax tree; use --emit=sexpr or later");
      return done(stop);
    }
    if (!sexpr::read(*t.file, t.program, diags)) return done(stop);
    sema::finish_analysis(t.program, diags, options);
  } else {
    // Every stage runs even after an earlier one reported errors (the parser
    // drops bad lines), so one run reports as many real errors as it can.
    t.tokens = syntax::lex(*t.file, diags);
    if (stop == Stage::Tokens) return done(stop);
    t.tree = syntax::parse(*t.file, t.tokens, diags);
    if (stop == Stage::Ast) return done(stop);
    t.program = sema::analyze(*t.file, t.tree, diags, options);
  }
  link_imports(t, diags);
  if (done(Stage::Sema) == nullptr || stop == Stage::Sema) return t.failed ? nullptr : &t;
  // Lowering reads the typed tree only: the tokens and the syntax tree are
  // given back first, and their memory serves lowering's (fewer pages).
  t.tokens = {};
  t.tree = {};
  t.program.tree = nullptr;
  lower(t, diags);
  return t.failed ? nullptr : &t;
}

void ModuleGraph::lower(Translation& t, Diagnostics& diags) {
  const std::size_t errors_before = diags.error_count();
  t.module = lower::lower_module(t.program, t.stem, diags, t.context);
  t.reached = Stage::Ir;
  t.failed = diags.error_count() != errors_before;
}

std::optional<ModuleGraph::Resolved> ModuleGraph::resolve(const Translation& importer, std::string_view spec,
                                                          Span span, Diagnostics& diags) {
  const auto key = std::make_pair(importer.path, std::string(spec));
  if (const auto it = resolved_.find(key); it != resolved_.end()) return it->second;
  // `lib@` names lib.sign or lib.sn; `` `dir/lib.sign`@ `` a path, with or
  // without the extension. The importer's directory is searched first, then
  // each -I directory in order.
  std::vector<std::string> names;
  const fs::path written(spec);
  const std::string ext = written.extension().string();
  if (ext == ".sign" || ext == ".sn" || ext == ".json") {
    names.push_back(std::string(spec));
  } else {
    names.push_back(std::string(spec) + ".sign");
    names.push_back(std::string(spec) + ".sn");
  }
  std::vector<fs::path> dirs = {fs::path(importer.path).parent_path()};
  for (const auto& d : import_dirs_) dirs.push_back(fs::absolute(d));
  std::optional<Resolved> found;
  std::error_code ec;
  for (const auto& dir : dirs) {
    for (const auto& name : names) {
      if (found || !fs::is_regular_file(dir / name, ec)) continue;
      const fs::path rel = fs::path(name).parent_path() / (stem_of(name) + ".sign.hpp");
      found = Resolved{normal_path(dir / name), false, rel.lexically_normal().generic_string()};
    }
  }
  if (!found && spec == kBuiltinModule) found = Resolved{"", true, ""};
  if (!found) {
    std::string looked;
    for (const auto& dir : dirs) looked += (looked.empty() ? "" : ", ") + dir.string();
    diags.error(*importer.file, span,
                "cannot find module '" + std::string(spec) + "' (looked for " + names[0] +
                    (names.size() > 1 ? " and " + names[1] : "") + " in " + looked + "; add a directory with -I)");
  }
  resolved_.emplace(key, found);
  return found;
}

const sema::ModuleInterface* ModuleGraph::interface_of(Translation& importer, std::string_view spec,
                                                       Diagnostics& diags) {
  // The span is not known here; link_imports reports an unresolvable import
  // at its site, so this lookup stays quiet.
  Diagnostics quiet;
  const auto r = resolve(importer, spec, {}, quiet);
  if (!r) {
    resolved_.erase(std::make_pair(importer.path, std::string(spec)));  // report it later, located
    return nullptr;
  }
  if (r->builtin) return &builtin_interface();
  if (in_progress_.count(r->path) != 0) return nullptr;  // an import cycle: calls resolve dynamically
  Translation* imported = translate(display_path(r->path), Stage::Sema, diags);
  return imported != nullptr ? &imported->program.exports : nullptr;
}

// Resolves every import of `t`, translates the imported modules and checks
// the inter-layer invariant (build_system.md §4).
void ModuleGraph::link_imports(Translation& t, Diagnostics& diags) {
  std::vector<sema::ExprId> sites;
  // Most modules import nothing: one pass over the arena says so before a walk in source order.
  const bool imports = std::any_of(t.program.exprs.begin(), t.program.exprs.end(), [](const sema::Expr& e) {
    return e.kind == sema::ExprKind::Postfix && e.op == sema::Op::Import;
  });
  if (imports) {
    for (sema::ExprId form : t.program.forms) collect_import_sites(t.program, form, sites);
  }
  std::set<std::string> imported;
  for (sema::ExprId site : sites) {
    const std::string_view spec = *sema::import_spec(t.program, site);
    const Span span = t.program.expr(site).span;
    const auto r = resolve(t, spec, span, diags);
    if (!r) continue;
    if (r->builtin) {
      t.context.imports[site] = lower::ImportTarget{"", "", "", true};
      continue;
    }
    ModuleSettings theirs;
    std::string stem;
    if (in_progress_.count(r->path) != 0) {
      theirs = read_module_settings(r->path, diags);
      stem = modules_.at(r->path)->stem;
    } else if (Translation* m = translate(display_path(r->path), Stage::Sema, diags)) {
      theirs = m->settings;
      stem = m->stem;
    } else {
      diags.error(*t.file, span, "module '" + std::string(spec) + "' (" + r->path + ") has errors");
      continue;
    }
    if (theirs.layer > t.settings.layer) {
      diags.error(*t.file, span,
                  "module '" + std::string(spec) + "' is layer " + std::to_string(theirs.layer) + ", above this module's layer " +
                      std::to_string(t.settings.layer) +
                      "; a module cannot import one with a higher layer (build_system.md §4, option.ms)");
    }
    t.context.imports[site] = lower::ImportTarget{stem, r->header, lower::cpp_module_name(stem), false};
    t.imported_headers.emplace(r->header, r->path);
    if (imported.insert(r->path).second) {
      t.inputs.push_back(r->path);
      t.inputs.insert(t.inputs.end(), theirs.files.begin(), theirs.files.end());
    }
  }
  t.imported.assign(imported.begin(), imported.end());
  t.context.volatile_access = t.settings.layer == 0;
}

std::vector<Translation*> ModuleGraph::program(const std::string& entry, Diagnostics& diags) {
  std::vector<Translation*> out;
  Translation* root = translate(entry, Stage::Ir, diags);
  if (root == nullptr) return {};
  std::set<std::string> seen = {root->path};
  std::map<std::string, std::string> stems = {{root->stem, root->path}};
  out.push_back(root);
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (const std::string& path : out[i]->imported) {
      if (!seen.insert(path).second) continue;
      Translation* m = translate(path, Stage::Ir, diags);
      if (m == nullptr) return {};
      const auto [it, fresh] = stems.emplace(m->stem, m->path);
      if (!fresh) {
        diags.error("modules '" + it->second + "' and '" + m->path + "' have the same name '" + m->stem +
                    "'; a program's modules need distinct file names");
        return {};
      }
      out.push_back(m);
    }
  }
  return out;
}

std::unique_ptr<Translation> ModuleGraph::take(const std::string& path) {
  auto it = modules_.find(path);
  if (it == modules_.end()) return nullptr;
  auto t = std::move(it->second);
  modules_.erase(it);
  return t;
}

std::unique_ptr<Translation> translate(const std::string& path, Stage stop, Diagnostics& diags,
                                       const sema::Options& options, const std::vector<std::string>& import_dirs) {
  // The graph owns every module it translated; the caller gets the one it
  // asked for (the imported ones only lent their interfaces).
  ModuleGraph graph(import_dirs, options);
  Translation* t = graph.translate(path, stop, diags);
  if (t == nullptr) return nullptr;
  return graph.take(t->path);
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
