// SPDX-License-Identifier: MIT
// Reading the driver's files, and writing outputs so that a reader never
// sees a half-written file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/support.hpp"

namespace signc::driver {

// The whole file as bytes, or nullopt when it cannot be opened (errno says why).
std::optional<std::string> read_text_file(const std::filesystem::path& path);

enum class WriteMode { Always, IfChanged };

// Writes `content` to a temporary file beside `path`, then renames it over
// `path`. With IfChanged, an identical existing file is left untouched (its
// mtime too, so Ninja's restat sees no change).
bool write_atomically(const std::string& path, const std::string& content, WriteMode mode, Diagnostics& diags);

// Removes outputs of a failed translation so no stale file survives.
void remove_outputs(const std::vector<std::string>& paths);

// A Make-syntax depfile: `targets: deps`, spaces escaped.
std::string depfile_text(const std::vector<std::string>& targets, const std::vector<std::string>& deps);

}  // namespace signc::driver
