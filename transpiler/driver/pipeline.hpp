// SPDX-License-Identifier: MIT
// One file through the pipeline, stopping at the requested stage.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "emit/emit.hpp"
#include "sema/sema.hpp"
#include "syntax/syntax.hpp"

namespace signc::driver {

// Everything translation produced, kept together because later stages point
// into earlier ones.
struct Translation {
  std::unique_ptr<SourceFile> file;
  syntax::TokenList tokens;
  syntax::SyntaxTree tree;
  sema::Program program;
  lower::Module module;
  std::string stem;  // file name without .sign/.sn
  // Every file the translation read, absolute, in reading order: the
  // prerequisites of `signc build --depfile`. Today only the module itself;
  // imported modules and option.ms files join it when imports land (issue 8).
  std::vector<std::string> inputs;
};

enum class Stage { Tokens, Ast, Sema, Ir };

// Reads and translates `path` (Sign source, or a .json S-expression program)
// up to `stop`. Returns nullptr when the file cannot be read or has errors
// (all of them are in diags).
std::unique_ptr<Translation> translate(const std::string& path, Stage stop, Diagnostics& diags,
                                       const sema::Options& options = {});

// emit::Options for a file, with the #line path computed for `mode`.
emit::Options emit_options(const std::string& path, emit::LineDirectives mode, bool format,
                           const std::string& root_namespace);

}  // namespace signc::driver
