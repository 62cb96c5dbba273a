// SPDX-License-Identifier: MIT
// Names of MemoryErrc codes and the fatal-invariant exit (error.hpp, debug.hpp).
#include <sign/memory/debug.hpp>
#include <sign/memory/error.hpp>

#include <cstdio>
#include <cstdlib>

namespace sign {

const char* to_string(MemoryErrc code) noexcept {
  switch (code) {
    case MemoryErrc::null_pointer: return "null_pointer";
    case MemoryErrc::foreign_pointer: return "foreign_pointer";
    case MemoryErrc::double_release: return "double_release";
    case MemoryErrc::not_counted: return "not_counted";
    case MemoryErrc::unknown_kind: return "unknown_kind";
    case MemoryErrc::kind_conflict: return "kind_conflict";
    case MemoryErrc::arena_released: return "arena_released";
    case MemoryErrc::unknown_module: return "unknown_module";
    case MemoryErrc::module_exists: return "module_exists";
    case MemoryErrc::too_many_modules: return "too_many_modules";
    case MemoryErrc::symbol_collision: return "symbol_collision";
    case MemoryErrc::unknown_symbol: return "unknown_symbol";
    case MemoryErrc::permission_denied: return "permission_denied";
    case MemoryErrc::unload_refused: return "unload_refused";
    case MemoryErrc::pinned: return "pinned";
    case MemoryErrc::stale_handle: return "stale_handle";
    case MemoryErrc::forged_handle: return "forged_handle";
    case MemoryErrc::foreign_handle: return "foreign_handle";
    case MemoryErrc::table_full: return "table_full";
    case MemoryErrc::invalid_argument: return "invalid_argument";
  }
  return "unknown";
}

namespace impl {
void fatal(const char* what) noexcept {
  std::fprintf(stderr, "sign runtime: fatal: %s\n", what);
  std::abort();
}
}  // namespace impl

}  // namespace sign
