// SPDX-License-Identifier: MIT
// option.ms (impl/build/build_system.md, option_ms_schema.md): the build
// settings of the directory a module lives in, inherited from the option.ms
// files of its parent directories.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace signc::driver {

struct ModuleSettings {
  int layer = 4;  // option_ms_schema.md §3 default: std
  // The option.ms files read, nearest first (prerequisites for depfiles).
  std::vector<std::string> files;
};

// The settings for a module whose source is `source`: the option.ms files
// from its directory upwards, a nearer file's key overriding a farther one's,
// stopping after a file that says `inherit : false` (or `__`). Keys other
// than `layer` and `inherit` are accepted and ignored (they concern native
// targets signc does not generate for); nested blocks (`link :`) likewise.
// Bad values are located errors in diags.
ModuleSettings read_module_settings(const std::filesystem::path& source, Diagnostics& diags);

}  // namespace signc::driver
