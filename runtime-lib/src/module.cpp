// SPDX-License-Identifier: MIT
// Generated modules in the registry (sign/impl/module.hpp) and the C++ view
// of their exports (sign/module.hpp).
#include <sign/impl/call.hpp>
#include <sign/impl/module.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>
#include <sign/module.hpp>

#include <bit>
#include <optional>

namespace sign {

ModuleRegistry& module_registry() {
  static ModuleRegistry registry;
  return registry;
}

HandleTable& export_handles() {
  static HandleTable table;
  return table;
}

namespace {

Cell<Value>* value_cell(ObjectHeader* o) { return reinterpret_cast<Cell<Value>*>(o); }

// §9: what C++ and importers may do with an export of each region.
Permissions permissions_of(impl::Region region, bool ref) {
  Permissions p = permission::read | permission::call;
  if (ref) p |= permission::write;
  if (region == impl::Region::Pinned) p |= permission::device;
  return p;
}

}  // namespace

Value symbol_value(std::string_view key, Permissions wanted) {
  const SymbolInfo info = module_registry().lookup_export(key, wanted, kNoModule);
  return deref(value_cell(info.object));
}

Handle export_handle(std::string_view key, Permissions wanted) {
  const SymbolInfo info = module_registry().lookup_export(key, wanted, kNoModule);
  if (info.region == Region::heap) impl::dup(info.object);  // the table consumes a reference
  return export_handles().create_handle(info.object);
}

Value handle_value(Handle h) {
  ObjectHeader* cell = export_handles().lookup_handle(h);
  Value v = deref(value_cell(cell));
  impl::drop(cell);
  return v;
}

void release_export_handle(Handle h) { export_handles().release_handle(h); }

Value call(const Value& f, std::initializer_list<Value> args) { return impl::apply(f, args); }

}  // namespace sign

namespace sign::impl {

void ModuleState::open() {
  ModuleOptions options;
  options.on_unload = [this] {
    forget();
    reset_();
  };
  id_ = module_registry().register_module(name_, std::move(options));
}

void ModuleState::forget() noexcept {
  id_ = 0;
  exports_.clear();
}

Value ModuleState::arena_ref(Value v) {
  return make_address(as_object(module_registry().arena(id_).make_cell<Value>(std::move(v))));
}

Value ModuleState::shared_ref(std::string_view name, Value v) {
  ObjectHeader* cell = as_object(shared_heap().make_cell<Value>(std::move(v), id_));
  Value ref = publish_ref(name, cell, Region::Shared);
  impl::drop(cell);  // the registry and the ref hold it now (§3.3: rc 1 for the symbol)
  return ref;
}

Value ModuleState::pinned_ref(std::string_view name, Value v) {
  return publish_ref(name, as_object(pinned_area().make_cell<Value>(std::move(v), id_)), Region::Pinned);
}

Value ModuleState::publish_ref(std::string_view name, ObjectHeader* cell, Region region) {
  module_registry().register_symbol(id_, name, cell, {permissions_of(region, true)});
  Value ref = make_address(cell);
  exports_.emplace_back(name, ref);
  return ref;
}

Value ModuleState::export_value(std::string_view name, Region region, Value v) {
  ObjectHeader* cell = nullptr;
  switch (region) {
    case Region::Arena: cell = as_object(module_registry().arena(id_).make_cell<Value>(v)); break;
    case Region::Shared: cell = as_object(shared_heap().make_cell<Value>(v, id_)); break;
    case Region::Pinned: cell = as_object(pinned_area().make_cell<Value>(v, id_)); break;
  }
  module_registry().register_symbol(id_, name, cell, {permissions_of(region, false)});
  if (region == Region::Shared) impl::drop(cell);  // the registry's reference is the symbol's
  exports_.emplace_back(name, v);
  return v;
}

Value ModuleState::exports() const {
  std::vector<Dict::Entry> entries;
  for (const auto& [name, value] : exports_) {
    bool replaced = false;  // a later definition of the same name wins
    for (auto& e : entries) {
      if (e.first == name) {
        e.second = value;
        replaced = true;
      }
    }
    if (!replaced) entries.emplace_back(name, value);
  }
  return make_dict(std::move(entries));
}

Value ModuleState::exported(std::string_view name) const {
  for (auto it = exports_.rbegin(); it != exports_.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return Value();
}

Value ModuleState::import(ModuleState& imported, const Value& (*load)()) {
  load();
  if (loaded() && imported.loaded() && &imported != this &&
      !module_registry().depends_on(id_, imported.id_)) {
    module_registry().add_dependency(id_, imported.id_);
  }
  return imported.exports();
}

std::string ModuleState::unload() {
  if (!loaded()) return {};
  try {
    module_registry().unload(id_);
  } catch (const MemoryError& e) {
    return e.what();
  }
  return {};
}

std::string ModuleState::unload_blocker() const {
  return loaded() ? module_registry().unload_blocker(id_) : std::string();
}

//=== the Sign binding: `Module@` ==============================================
namespace {

ModuleState& caller_of(const Function& self) {
  return *std::bit_cast<ModuleState*>(self.captured(0).as_int());
}

// The module a Sign argument names: a String (its file stem).
std::optional<ModuleId> named_module(const Value& name) {
  if (!name.is_string()) return std::nullopt;
  ModuleRegistry& r = module_registry();
  try {
    return r.find_module(name.as_string().text());
  } catch (const MemoryError&) {
    return std::nullopt;
  }
}

// The Sign caller's own reference to a module, set aside while it unloads
// the module (or asks why it could not): the caller keeps the reference
// unless the unload happens.
class CallerReference {
 public:
  CallerReference(const Function& self, ModuleId target) : caller_(caller_of(self)), target_(target) {
    ModuleRegistry& r = module_registry();
    held_ = caller_.loaded() && r.depends_on(caller_.id(), target_);
    if (held_) r.remove_dependency(caller_.id(), target_);
  }
  CallerReference(const CallerReference&) = delete;
  CallerReference& operator=(const CallerReference&) = delete;
  ~CallerReference() {
    if (held_ && !given_up_) module_registry().add_dependency(caller_.id(), target_);
  }
  void give_up() noexcept { given_up_ = true; }

 private:
  ModuleState& caller_;
  ModuleId target_;
  bool held_ = false;
  bool given_up_ = false;
};

// `unload name`: unloads the module as the caller and yields the names of
// the modules unloaded with it, or __ when another module still refers to
// it or it holds pinned memory.
Value unload_code(const Function& self, Args args) {
  const auto target = named_module(args.empty() ? Value() : args[0]);
  if (!target) return Value();
  ModuleRegistry& r = module_registry();
  CallerReference reference(self, *target);
  try {
    std::vector<Value> names;
    for (ModuleId m : r.unload_unit(*target)) names.push_back(make_string(r.module_name(m)));
    r.unload(*target);
    reference.give_up();
    return make_list(std::move(names));
  } catch (const MemoryError&) {
    return Value();
  }
}

// `blocker name`: why unloading it (as the caller) would be refused, or __.
Value blocker_code(const Function& self, Args args) {
  const auto target = named_module(args.empty() ? Value() : args[0]);
  if (!target) return Value();
  const CallerReference reference(self, *target);
  std::string why = module_registry().unload_blocker(*target);
  return why.empty() ? Value() : make_string(std::move(why));
}

// `loaded name`: 1 while the module is loaded, else __.
Value loaded_code(const Function& /*self*/, Args args) {
  return named_module(args.empty() ? Value() : args[0]) ? Value::from_int(1) : Value();
}

}  // namespace

Value module_binding(ModuleState& caller) {
  const Value who = Value::from_int(std::bit_cast<std::int64_t>(&caller));
  return make_dict({{"unload", make_function(&unload_code, 1, {who})},
                    {"blocker", make_function(&blocker_code, 1, {who})},
                    {"loaded", make_function(&loaded_code, 1, {})}});
}

}  // namespace sign::impl
