// SPDX-License-Identifier: MIT
// sign::ModuleRegistry — loaded modules, their `module:name` symbols, the
// dependency graph between them, and unloading (memory-model.md §3, §5, §9):
// refused with a reason while outside references remain, by strongly
// connected component, never for pinned symbols without a loader override.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <sign/memory/error.hpp>
#include <sign/memory/object_header.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/project_arena.hpp>

namespace sign {

// Permission flags on exports (§9 "exported entry points carry a permission
// check"). An import asks for a set; it must be within what the export
// allows and within what the importing module was granted.
using Permissions = std::uint32_t;
namespace permission {
inline constexpr Permissions read = 1u << 0;    // deref the symbol's value
inline constexpr Permissions call = 1u << 1;    // call it
inline constexpr Permissions write = 1u << 2;   // assign through it
inline constexpr Permissions device = 1u << 3;  // kernel/hardware facing (`###`, §9)
inline constexpr Permissions all = read | call | write | device;
}  // namespace permission

struct ModuleOptions {
  Permissions granted = permission::read | permission::call;  // what it may import
  ArenaOptions arena;
  // Called once when the module unloads, before its arena is released (the
  // generated unload function, spec §5). Must not call the registry.
  std::function<void()> on_unload;
};

struct SymbolOptions {
  Permissions permissions = permission::read | permission::call;  // what importers may do
};

// One registered symbol, `module:name` (§3 register_global_symbol).
struct SymbolInfo {
  std::string key;
  ModuleId module = kNoModule;
  ObjectHeader* object = nullptr;  // borrowed: valid while the module is loaded
  Region region = Region::static_data;
  Permissions permissions = 0;
  bool pinned() const noexcept { return region == Region::pinned; }
};

struct UnloadReport {
  std::vector<ModuleId> modules;  // the unit that was unloaded, in unload order
};

// The registry. Invariants:
//  - module ids are 1..65535 and never reused; names are unique among
//    loaded modules;
//  - every symbol key is `module:name` of a loaded module; a Shared-Heap
//    symbol holds one reference (§3.3 rc 1, dropped at unload, §6);
//  - an edge a -> b (a references b: add_dependency, import_symbol) keeps b
//    loaded unless a unloads in the same unit; importing an arena symbol is
//    also an external reference into b's arena (§5);
//  - a module holding pinned symbols unloads only with loader_override.
// Every member function is thread-safe (one mutex); unload hooks run with
// it held and must not re-enter the registry.
class ModuleRegistry {
 public:
  ModuleRegistry();
  ModuleRegistry(const ModuleRegistry&) = delete;
  ModuleRegistry& operator=(const ModuleRegistry&) = delete;
  // Releases what is still loaded without the checks (process teardown).
  ~ModuleRegistry();

  // MemoryError module_exists, too_many_modules, invalid_argument (empty
  // name or one containing ':').
  ModuleId register_module(std::string_view name, ModuleOptions options = {});
  // MemoryError unknown_module.
  ModuleId find_module(std::string_view name) const;
  std::string module_name(ModuleId module) const;
  bool is_loaded(ModuleId module) const;
  ProjectArena& arena(ModuleId module);

  // `from` references `to` (an import, §5). Counted: add twice, remove twice.
  void add_dependency(ModuleId from, ModuleId to);
  void remove_dependency(ModuleId from, ModuleId to);
  // True if `from` is loaded and has an edge to `to` (never throws).
  bool depends_on(ModuleId from, ModuleId to) const;

  // Registers `object` (borrowed; heap objects get one reference taken) as
  // `module:name`. An arena object must come from the module's own arena.
  // MemoryError symbol_collision, unknown_module, null_pointer,
  // foreign_pointer (not a live object of its region), double_release.
  void register_symbol(ModuleId module, std::string_view name, ObjectHeader* object,
                       SymbolOptions options = {});
  // Export lookup with the §9 check: `wanted` must be allowed by the symbol
  // and granted to `requester`. MemoryError unknown_symbol, unknown_module,
  // permission_denied. Records nothing.
  SymbolInfo lookup_export(std::string_view key, Permissions wanted, ModuleId requester) const;
  // lookup_export, then records `importer` -> owner (and an external arena
  // reference for arena symbols) until release_import.
  SymbolInfo import_symbol(ModuleId importer, std::string_view key, Permissions wanted);
  void release_import(ModuleId importer, std::string_view key);

  // The unit `module` would unload with: its strongly connected component
  // among loaded modules (mutually dependent modules unload together, §5).
  std::vector<ModuleId> unload_unit(ModuleId module) const;
  // Why unload(module) would be refused, or "" if it would succeed.
  std::string unload_blocker(ModuleId module) const;
  // Unloads `module` with its unit: runs the hooks, drops symbols, releases
  // the arenas. MemoryError unknown_module (also for an unloaded module),
  // unload_refused (outside references; the message names the referencing
  // module), pinned (pinned symbols, without the override).
  UnloadReport unload(ModuleId module);
  // Also releases the unit's pinned symbols and Pinned-Area blocks.
  UnloadReport unload(ModuleId module, LoaderOverride);

  std::size_t loaded_count() const;

 private:
  struct Module;
  struct Symbol;
  Module& loaded(ModuleId module) const;  // or MemoryError unknown_module
  std::vector<ModuleId> unit_of(ModuleId module) const;
  std::string blocker(const std::vector<ModuleId>& unit, bool with_override, MemoryErrc* code) const;
  UnloadReport unload_locked(ModuleId module, bool with_override);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Module>> modules_;  // index = id; [0] unused
  std::map<std::string, std::unique_ptr<Symbol>, std::less<>> symbols_;
};

}  // namespace sign
