// SPDX-License-Identifier: MIT
// ModuleRegistry (module_registry.hpp; memory-model.md §3, §5, §9): symbols,
// the dependency graph, and unloading by strongly connected component.
#include <sign/memory/error.hpp>
#include <sign/memory/module_registry.hpp>
#include <sign/memory/shared_heap.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "block.hpp"

namespace sign {

struct ModuleRegistry::Symbol {
  SymbolInfo info;
  std::map<ModuleId, std::size_t> importers;  // module -> import count
};

struct ModuleRegistry::Module {
  ModuleId id = kNoModule;
  std::string name;
  bool loaded = true;
  Permissions granted = 0;
  std::unique_ptr<ProjectArena> arena;
  std::function<void()> on_unload;
  std::vector<std::string> symbols;               // keys it registered
  std::map<ModuleId, std::size_t> deps;           // edges out: what it references
  std::map<std::string, std::size_t, std::less<>> imports;  // symbol key -> count
};

namespace {
std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }
}  // namespace

ModuleRegistry::ModuleRegistry() { modules_.emplace_back(nullptr); }

ModuleRegistry::~ModuleRegistry() {
  // Teardown: no checks, no hooks; heap symbols drop their reference and
  // the arenas are destroyed. Pinned memory stays resident (§1).
  for (auto& [key, sym] : symbols_) {
    if (sym->info.region == Region::heap) impl::drop(sym->info.object);
  }
  symbols_.clear();
  for (auto it = modules_.rbegin(); it != modules_.rend(); ++it) {
    if (*it != nullptr) (*it)->arena.reset();
  }
}

ModuleRegistry::Module& ModuleRegistry::loaded(ModuleId module) const {
  if (module == kNoModule || module >= modules_.size() || !modules_[module]->loaded) {
    throw MemoryError(MemoryErrc::unknown_module, "ModuleRegistry: module " + std::to_string(module) +
                                                      " is not loaded");
  }
  return *modules_[module];
}

ModuleId ModuleRegistry::register_module(std::string_view name, ModuleOptions options) {
  if (name.empty() || name.find(':') != std::string_view::npos) {
    throw MemoryError(MemoryErrc::invalid_argument,
                      "ModuleRegistry: module name " + quoted(name) + " must be non-empty and without ':'");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& m : modules_) {
    if (m != nullptr && m->loaded && m->name == name) {
      throw MemoryError(MemoryErrc::module_exists, "ModuleRegistry: module " + quoted(name) + " is already loaded");
    }
  }
  if (modules_.size() > 0xFFFF) {
    throw MemoryError(MemoryErrc::too_many_modules, "ModuleRegistry: all 65535 module ids are used");
  }
  auto m = std::make_unique<Module>();
  m->id = static_cast<ModuleId>(modules_.size());
  m->name = std::string(name);
  m->granted = options.granted;
  m->arena = std::make_unique<ProjectArena>(m->id, options.arena);
  m->on_unload = std::move(options.on_unload);
  modules_.push_back(std::move(m));
  return modules_.back()->id;
}

ModuleId ModuleRegistry::find_module(std::string_view name) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& m : modules_) {
    if (m != nullptr && m->loaded && m->name == name) return m->id;
  }
  throw MemoryError(MemoryErrc::unknown_module, "ModuleRegistry: no module named " + quoted(name));
}

std::string ModuleRegistry::module_name(ModuleId module) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (module == kNoModule || module >= modules_.size()) {
    throw MemoryError(MemoryErrc::unknown_module, "ModuleRegistry: module " + std::to_string(module) + " is unknown");
  }
  return modules_[module]->name;
}

bool ModuleRegistry::is_loaded(ModuleId module) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return module != kNoModule && module < modules_.size() && modules_[module]->loaded;
}

ProjectArena& ModuleRegistry::arena(ModuleId module) {
  std::lock_guard<std::mutex> lock(mutex_);
  return *loaded(module).arena;
}

std::size_t ModuleRegistry::loaded_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<std::size_t>(
      std::count_if(modules_.begin(), modules_.end(), [](const auto& m) { return m != nullptr && m->loaded; }));
}

//=== dependencies =============================================================

void ModuleRegistry::add_dependency(ModuleId from, ModuleId to) {
  std::lock_guard<std::mutex> lock(mutex_);
  Module& f = loaded(from);
  loaded(to);
  if (from != to) ++f.deps[to];
}

void ModuleRegistry::remove_dependency(ModuleId from, ModuleId to) {
  std::lock_guard<std::mutex> lock(mutex_);
  Module& f = loaded(from);
  loaded(to);
  auto it = f.deps.find(to);
  if (it == f.deps.end()) {
    if (from == to) return;
    throw MemoryError(MemoryErrc::invalid_argument, "ModuleRegistry: module " + quoted(f.name) +
                                                        " has no dependency on module " + std::to_string(to));
  }
  if (--it->second == 0) f.deps.erase(it);
}

bool ModuleRegistry::depends_on(ModuleId from, ModuleId to) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return from < modules_.size() && modules_[from] != nullptr && modules_[from]->loaded &&
         modules_[from]->deps.count(to) != 0;
}

//=== symbols ==================================================================

void ModuleRegistry::register_symbol(ModuleId module, std::string_view name, ObjectHeader* object,
                                     SymbolOptions options) {
  if (object == nullptr) throw MemoryError(MemoryErrc::null_pointer, "ModuleRegistry: symbol without an object");
  if (name.empty()) throw MemoryError(MemoryErrc::invalid_argument, "ModuleRegistry: empty symbol name");
  std::lock_guard<std::mutex> lock(mutex_);
  Module& m = loaded(module);
  std::string key = m.name + ":" + std::string(name);
  if (symbols_.count(key) != 0) {
    throw MemoryError(MemoryErrc::symbol_collision, "ModuleRegistry: symbol " + quoted(key) + " is already registered (§3)");
  }
  // Classified before anything else is read: `object` may be freed or wild.
  Region region = Region::heap;
  switch (detail::check_heap_object(object)) {
    case detail::BlockCheck::live:
      impl::dup(object);  // the registry's own reference (§3.3), dropped at unload
      break;
    case detail::BlockCheck::freed:
      throw MemoryError(MemoryErrc::double_release, "ModuleRegistry: symbol " + quoted(key) + " was already released");
    case detail::BlockCheck::uncounted:
      region = region_of(object);
      // Only the module's own arena: another module's object would be an
      // outside reference the unload check could not see (§5).
      if (region == Region::arena && module_of(object) == module && m.arena->contains(object)) break;
      if (region == Region::pinned && pinned_area().contains(object)) break;
      [[fallthrough]];
    case detail::BlockCheck::foreign:
      throw MemoryError(MemoryErrc::foreign_pointer, "ModuleRegistry: symbol " + quoted(key) +
                                                         " is neither a live Shared-Heap object, nor in module " +
                                                         quoted(m.name) + "'s arena, nor pinned");
  }
  auto sym = std::make_unique<Symbol>();
  sym->info = SymbolInfo{key, module, object, region, options.permissions};
  symbols_.emplace(key, std::move(sym));
  m.symbols.push_back(std::move(key));
}

SymbolInfo ModuleRegistry::lookup_export(std::string_view key, Permissions wanted, ModuleId requester) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const Permissions granted = requester == kNoModule ? permission::all : loaded(requester).granted;
  auto it = symbols_.find(key);
  if (it == symbols_.end()) {
    throw MemoryError(MemoryErrc::unknown_symbol, "ModuleRegistry: no symbol " + quoted(key));
  }
  const SymbolInfo& info = it->second->info;
  if ((wanted & ~info.permissions) != 0) {
    throw MemoryError(MemoryErrc::permission_denied,
                      "ModuleRegistry: " + quoted(key) + " does not export the requested permission (§9)");
  }
  if ((wanted & ~granted) != 0) {
    throw MemoryError(MemoryErrc::permission_denied, "ModuleRegistry: module " +
                                                         quoted(modules_[requester]->name) +
                                                         " was not granted the permission to use " + quoted(key) + " (§9)");
  }
  return info;
}

SymbolInfo ModuleRegistry::import_symbol(ModuleId importer, std::string_view key, Permissions wanted) {
  SymbolInfo info = lookup_export(key, wanted, importer);
  if (importer == kNoModule) {
    throw MemoryError(MemoryErrc::unknown_module, "ModuleRegistry: import_symbol needs a loaded importer");
  }
  std::lock_guard<std::mutex> lock(mutex_);
  Module& m = loaded(importer);  // it may have unloaded since lookup_export
  auto it = symbols_.find(key);
  if (it == symbols_.end()) throw MemoryError(MemoryErrc::unknown_symbol, "ModuleRegistry: no symbol " + quoted(key));
  Symbol& sym = *it->second;
  if (sym.info.module == importer) return sym.info;  // a module's own symbol is no outside reference
  ++m.deps[sym.info.module];
  ++m.imports[std::string(key)];
  ++sym.importers[importer];
  if (sym.info.region == Region::arena) modules_[sym.info.module]->arena->add_external_ref(importer);
  return sym.info;
}

void ModuleRegistry::release_import(ModuleId importer, std::string_view key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Module& m = loaded(importer);
  auto imp = m.imports.find(key);
  auto it = symbols_.find(key);
  if (it == symbols_.end() || imp == m.imports.end()) {
    if (it != symbols_.end() && it->second->info.module == importer) return;
    throw MemoryError(MemoryErrc::invalid_argument,
                      "ModuleRegistry: module " + quoted(m.name) + " has not imported " + quoted(key));
  }
  Symbol& sym = *it->second;
  if (--imp->second == 0) m.imports.erase(imp);
  if (--sym.importers[importer] == 0) sym.importers.erase(importer);
  if (--m.deps[sym.info.module] == 0) m.deps.erase(sym.info.module);
  if (sym.info.region == Region::arena) modules_[sym.info.module]->arena->remove_external_ref(importer);
}

//=== unloading ================================================================

std::vector<ModuleId> ModuleRegistry::unit_of(ModuleId module) const {
  // The SCC of `module`: what it reaches that also reaches it.
  const std::size_t n = modules_.size();
  auto reach = [&](bool forward) {
    std::vector<bool> seen(n, false);
    std::vector<ModuleId> stack{module};
    seen[module] = true;
    while (!stack.empty()) {
      const ModuleId at = stack.back();
      stack.pop_back();
      for (ModuleId next = 1; next < n; ++next) {
        const Module& a = *modules_[forward ? at : next];
        const ModuleId b = forward ? next : at;
        if (seen[next] || !modules_[next]->loaded || a.deps.count(b) == 0) continue;
        seen[next] = true;
        stack.push_back(next);
      }
    }
    return seen;
  };
  const std::vector<bool> fwd = reach(true), back = reach(false);
  std::vector<ModuleId> unit;
  for (ModuleId i = static_cast<ModuleId>(n - 1); i >= 1; --i) {  // later modules first (Koka's @done order)
    if (fwd[i] && back[i]) unit.push_back(i);
  }
  return unit;
}

std::string ModuleRegistry::blocker(const std::vector<ModuleId>& unit, bool with_override,
                                    MemoryErrc* code) const {
  const std::set<ModuleId> in(unit.begin(), unit.end());
  std::vector<std::string> reasons;
  MemoryErrc first = MemoryErrc::unload_refused;
  for (ModuleId u : unit) {
    const Module& target = *modules_[u];
    for (const auto& m : modules_) {
      if (m == nullptr || !m->loaded || in.count(m->id) != 0 || m->deps.count(u) == 0) continue;
      std::string why = "module " + quoted(target.name) + " is still referenced by module " + quoted(m->name);
      std::string names;
      for (const auto& [key, count] : m->imports) {
        if (key.compare(0, target.name.size() + 1, target.name + ":") == 0) names += (names.empty() ? "" : ", ") + key;
      }
      if (!names.empty()) why += " (imports " + names + ")";
      reasons.push_back(why);
    }
    for (const auto& [holder, count] : target.arena->external_holders()) {
      if (holder != kNoModule && in.count(holder) != 0) continue;
      const bool known = holder != kNoModule && holder < modules_.size() && modules_[holder]->loaded;
      if (holder != kNoModule && known && modules_[holder]->deps.count(u) != 0) continue;  // reported above
      reasons.push_back("module " + quoted(target.name) + "'s arena is still referenced by " +
                        (holder == kNoModule ? std::string("the symbol table or the Shared-Heap")
                                             : "module " + quoted(known ? modules_[holder]->name : std::to_string(holder))));
    }
    if (!with_override) {
      for (const std::string& key : target.symbols) {
        if (symbols_.at(key)->info.pinned()) {
          if (reasons.empty()) first = MemoryErrc::pinned;
          reasons.push_back("module " + quoted(target.name) + " holds pinned symbol " + quoted(key) +
                            " (unload prohibited, §3.4; only a loader override releases it)");
        }
      }
    }
  }
  std::string all;
  for (const auto& r : reasons) all += (all.empty() ? "" : "; ") + r;
  if (code != nullptr) *code = first;
  return all;
}

std::vector<ModuleId> ModuleRegistry::unload_unit(ModuleId module) const {
  std::lock_guard<std::mutex> lock(mutex_);
  loaded(module);
  return unit_of(module);
}

std::string ModuleRegistry::unload_blocker(ModuleId module) const {
  std::lock_guard<std::mutex> lock(mutex_);
  loaded(module);
  return blocker(unit_of(module), false, nullptr);
}

UnloadReport ModuleRegistry::unload(ModuleId module) {
  std::lock_guard<std::mutex> lock(mutex_);
  return unload_locked(module, false);
}

UnloadReport ModuleRegistry::unload(ModuleId module, LoaderOverride) {
  std::lock_guard<std::mutex> lock(mutex_);
  return unload_locked(module, true);
}

UnloadReport ModuleRegistry::unload_locked(ModuleId module, bool with_override) {
  loaded(module);
  const std::vector<ModuleId> unit = unit_of(module);
  MemoryErrc code = MemoryErrc::unload_refused;
  const std::string why = blocker(unit, with_override, &code);
  if (!why.empty()) throw MemoryError(code, "cannot unload: " + why);

  const std::set<ModuleId> in(unit.begin(), unit.end());
  for (ModuleId u : unit) {
    Module& m = *modules_[u];
    if (m.on_unload) {
      try {
        m.on_unload();
      } catch (...) {
        // An unload hook cannot stop an unload that was already decided.
      }
    }
  }
  // Edges out of the unit: give back the arena references imports took.
  for (ModuleId u : unit) {
    Module& m = *modules_[u];
    for (const auto& [key, count] : m.imports) {
      Symbol& sym = *symbols_.at(key);
      sym.importers.erase(u);
      if (sym.info.region == Region::arena) {
        for (std::size_t i = 0; i < count; ++i) modules_[sym.info.module]->arena->remove_external_ref(u);
      }
    }
    m.imports.clear();
    m.deps.clear();
  }
  for (ModuleId u : unit) {
    Module& m = *modules_[u];
    for (const std::string& key : m.symbols) {
      auto it = symbols_.find(key);
      if (it->second->info.region == Region::heap) impl::drop(it->second->info.object);  // §6: unload is rc--
      symbols_.erase(it);
    }
    m.symbols.clear();
    if (with_override) pinned_area().release_module(u, loader_override);
    // References between members of the unit die with it.
    for (const auto& [holder, count] : m.arena->external_holders()) {
      for (std::size_t i = 0; i < count; ++i) m.arena->remove_external_ref(holder);
    }
    m.arena->release();
    m.loaded = false;
  }
  return UnloadReport{unit};
}

}  // namespace sign
