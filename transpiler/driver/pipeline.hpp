// SPDX-License-Identifier: MIT
// Files through the pipeline, stopping at the requested stage; a module's
// imports are found, resolved and translated first (their interfaces decide
// how the importer's calls resolve, memory-model.md §3).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "driver/option_ms.hpp"
#include "emit/emit.hpp"
#include "sema/sema.hpp"
#include "syntax/syntax.hpp"

namespace signc::driver {

enum class Stage { Tokens, Ast, Sema, Ir };

// Everything translation produced, kept together because later stages point
// into earlier ones.
struct Translation {
  std::unique_ptr<SourceFile> file;
  syntax::TokenList tokens;
  syntax::SyntaxTree tree;
  sema::Program program;
  lower::Module module;
  std::string stem;  // file name without .sign/.sn/.json
  std::string path;  // absolute, normalised: the module's identity
  Stage reached = Stage::Tokens;
  ModuleSettings settings;  // option.ms
  // Every file the translation read, absolute, in reading order: the
  // prerequisites of `signc build --depfile` (the module, its option.ms
  // files, the modules it imports and theirs).
  std::vector<std::string> inputs;
  lower::Context context;             // resolved imports, for lowering
  std::vector<std::string> imported;  // absolute paths of imported module files, sorted
  std::map<std::string, std::string> imported_headers;  // import's header spelling -> its module's path
  bool failed = false;
};

// The modules of one signc invocation, by absolute path. Each is translated
// once; an import translates the imported module up to Sema first.
class ModuleGraph {
 public:
  ModuleGraph(std::vector<std::string> import_dirs, sema::Options options)
      : import_dirs_(std::move(import_dirs)), options_(std::move(options)) {}

  // Reads and translates `path` (Sign source, or a .json S-expression
  // program) up to `stop`. Returns nullptr when the file cannot be read or it
  // or a module it imports has errors (all of them are in diags).
  Translation* translate(const std::string& path, Stage stop, Diagnostics& diags);

  // The entry module and every module it reaches through imports, all
  // translated to IR, the entry first. Empty on errors.
  std::vector<Translation*> program(const std::string& entry, Diagnostics& diags);

  // Hands over a translated module (which the graph forgets).
  std::unique_ptr<Translation> take(const std::string& path);

 private:
  struct Resolved {
    std::string path;  // absolute; empty for the builtin `Module`
    bool builtin = false;
    std::string header;  // the importer's #include for it (see lower::ImportTarget)
  };
  Translation* translate_new(const std::string& path, Stage stop, Diagnostics& diags);
  void lower(Translation& t, Diagnostics& diags);
  std::optional<Resolved> resolve(const Translation& importer, std::string_view spec, Span span,
                                  Diagnostics& diags);
  const sema::ModuleInterface* interface_of(Translation& importer, std::string_view spec, Diagnostics& diags);
  void link_imports(Translation& t, Diagnostics& diags);

  std::vector<std::string> import_dirs_;
  sema::Options options_;
  std::map<std::string, std::unique_ptr<Translation>> modules_;
  std::set<std::string> in_progress_;  // being translated: an import cycle sees no interface
  std::map<std::pair<std::string, std::string>, std::optional<Resolved>> resolved_;  // (importer, spec)
};

// Translates one file (and, for their interfaces, the modules it imports).
std::unique_ptr<Translation> translate(const std::string& path, Stage stop, Diagnostics& diags,
                                       const sema::Options& options = {},
                                       const std::vector<std::string>& import_dirs = {});

// emit::Options for a file, with the #line path computed for `mode`.
emit::Options emit_options(const std::string& path, emit::LineDirectives mode, bool format,
                           const std::string& root_namespace);

}  // namespace signc::driver
