// SPDX-License-Identifier: MIT
// sign::MemoryError — the one exception type of the memory library: every bad
// input at a public entry point (memory-model.md §5, §7, §9) is reported
// through it, with a code to branch on and a message that names the culprit.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace sign {

// What went wrong. The runtime never dereferences what it rejected: an error
// is thrown before any memory is touched on behalf of the bad input.
enum class MemoryErrc : std::uint8_t {
  null_pointer,       // a null object where an object is required
  foreign_pointer,    // not an object of the region the call is about
  double_release,     // the object or allocation was already released
  not_counted,        // a counted operation on an arena/pinned/static object
  unknown_kind,       // allocation with a tag nobody registered
  kind_conflict,      // register_kind on a reserved or taken tag
  arena_released,     // allocation from an arena after its release
  unknown_module,     // a module id or name the registry does not know
  module_exists,      // a second module with the same name
  too_many_modules,   // the 16-bit module id space is exhausted
  symbol_collision,   // `module:name` registered twice (§3)
  unknown_symbol,     // lookup of a `module:name` that is not registered
  permission_denied,  // export lookup without the export's permission (§9)
  unload_refused,     // external references remain (§5); message has them
  pinned,             // unload or release of pinned memory without override
  stale_handle,       // a handle that was released (generation moved on, §7)
  forged_handle,      // a handle this table never issued
  foreign_handle,     // a handle issued by another HandleTable
  table_full,         // no handle slot left
  invalid_argument,   // anything else that breaks a documented precondition
};

// The name of a code, e.g. "stale_handle".
const char* to_string(MemoryErrc code) noexcept;

class MemoryError : public std::runtime_error {
 public:
  MemoryError(MemoryErrc code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  MemoryErrc code() const noexcept { return code_; }

 private:
  MemoryErrc code_;
};

}  // namespace sign
