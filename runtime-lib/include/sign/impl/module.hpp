// SPDX-License-Identifier: MIT
// sign::impl::ModuleState — what a generated module TU keeps about itself in
// the process's module registry (memory-model.md §3, §5, §7): its id and
// Project-Arena while loaded, the ref cells its top-level `# e` / `## e` /
// `### e` definitions allocate, its exports, and the modules it imported.
//
// Kept lean on purpose — generated code includes it — so the registry,
// arena and heap headers stay out of every generated TU.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sign/value.hpp>

namespace sign {
struct ObjectHeader;
}

namespace sign::impl {

// Where a top-level definition puts its value (memory-model.md §3): the
// region of a ref (`name : #e`) or of an export (`#name : e`).
enum class Region : std::uint8_t { Arena, Shared, Pinned };

class ModuleState {
 public:
  // Called by the registry when the module unloads, before its arena goes:
  // resets the TU's globals so the next load() starts afresh. Must not call
  // the registry.
  using ResetFn = void (*)();

  ModuleState(const char* name, ResetFn reset) noexcept : name_(name), reset_(reset) {}
  ModuleState(const ModuleState&) = delete;
  ModuleState& operator=(const ModuleState&) = delete;

  // Registers the module (its name is the module part of `module:name`
  // symbol keys) and opens its Project-Arena. Throws sign::MemoryError
  // module_exists if another module of that name is loaded.
  void open();
  bool loaded() const noexcept { return id_ != 0; }
  std::uint16_t id() const noexcept { return id_; }
  const char* name() const noexcept { return name_; }

  // `name : #e`: a fresh cell in the module's arena holding v; a ref to it.
  Value arena_ref(Value v);
  // `name : ##e`: a Shared-Heap cell (rc 1), registered as `module:name`.
  Value shared_ref(std::string_view name, Value v);
  // `name : ###e`: a Pinned-Area cell, registered as `module:name`; the
  // module can then unload only with a loader override.
  Value pinned_ref(std::string_view name, Value v);
  // `#name : e`, `##name : e`, `###name : e`: records v as an export of the
  // module, visible to importers and registered as `module:name` in a cell
  // of `region`. Returns v, which the definition binds.
  Value export_value(std::string_view name, Region region, Value v);

  // The exports, by name in definition order, as a Dict (`lib@`).
  Value exports() const;
  // One export's value (the latest definition of `name`), or __.
  Value exported(std::string_view name) const;
  // `lib@` in this module: loads `imported` (through its load function),
  // records the dependency once, and yields its exports.
  Value import(ModuleState& imported, const Value& (*load)());

  // Unloads the module through the registry, with every module in its
  // strongly connected component (§5). Returns "" on success, else why the
  // registry refused; a module that is not loaded is a no-op success.
  std::string unload();
  // Why unload() would be refused, or "".
  std::string unload_blocker() const;

 private:
  void forget() noexcept;  // the registry unloaded us: back to not loaded
  // Registers a ref cell as `module:name` and records the ref as an export.
  Value publish_ref(std::string_view name, ObjectHeader* cell, Region region);

  const char* name_;
  ResetFn reset_;
  std::uint16_t id_ = 0;
  // What importers see, in definition order: export values and refs.
  std::vector<std::pair<std::string, Value>> exports_;
};

// The Sign binding of the unloader (`Module@` in Sign): a Dict of functions
// that act for `caller` — `unload name`, `blocker name`, `loaded name`.
Value module_binding(ModuleState& caller);

}  // namespace sign::impl
