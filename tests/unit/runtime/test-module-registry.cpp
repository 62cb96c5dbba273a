// SPDX-License-Identifier: MIT
// ModuleRegistry against memory-model.md §3 (`module:name` symbols, promote
// with rc 1), §5 (unload refused with a reason while referenced, SCC
// unloading, pinned never unloaded) and §9 (permission check on exports).
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include <sign/memory/module_registry.hpp>
#include <sign/memory/pinned_area.hpp>
#include <sign/memory/shared_heap.hpp>

#include "memory-test-kinds.hpp"

using namespace sign;
using sign_test::code_is;
using sign_test::Freed;
using sign_test::make_node;

namespace {
// A MemoryError with `code` whose message contains every one of `parts`.
auto error_with(MemoryErrc code, std::vector<std::string> parts) {
  return [code, parts](const MemoryError& e) {
    const std::string what = e.what();
    bool all = e.code() == code;
    for (const auto& p : parts) all = all && what.find(p) != std::string::npos;
    if (!all) BOOST_TEST_MESSAGE("unexpected error: " << to_string(e.code()) << ": " << what);
    return all;
  };
}
// `name : # 0` in module m: an arena Int cell registered as m:name.
ObjectHeader* arena_symbol(ModuleRegistry& r, ModuleId m, const char* name) {
  ObjectHeader* o = as_object(r.arena(m).make_cell<std::int64_t>(0));
  r.register_symbol(m, name, o);
  return o;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(module_registry)

BOOST_AUTO_TEST_CASE(symbols_are_registered_as_module_colon_name) {
  ModuleRegistry r;
  const ModuleId m = r.register_module("app");
  ObjectHeader* cache = arena_symbol(r, m, "cache");
  const SymbolInfo info = r.lookup_export("app:cache", permission::read, kNoModule);
  BOOST_TEST(info.key == "app:cache");
  BOOST_TEST(info.object == cache);
  BOOST_TEST(info.module == m);
  BOOST_TEST(static_cast<int>(info.region) == static_cast<int>(Region::arena));
  BOOST_CHECK_EXCEPTION(r.lookup_export("cache", permission::read, kNoModule), MemoryError,
                        code_is(MemoryErrc::unknown_symbol));
  BOOST_CHECK_EXCEPTION(r.lookup_export("other:cache", permission::read, kNoModule), MemoryError,
                        code_is(MemoryErrc::unknown_symbol));
}

BOOST_AUTO_TEST_CASE(symbol_collision_is_rejected) {
  ModuleRegistry r;
  const ModuleId a = r.register_module("a");
  const ModuleId b = r.register_module("b");
  arena_symbol(r, a, "x");
  BOOST_CHECK_EXCEPTION(arena_symbol(r, a, "x"), MemoryError, error_with(MemoryErrc::symbol_collision, {"'a:x'"}));
  BOOST_CHECK_NO_THROW(arena_symbol(r, b, "x"));  // another module's x is another key
}

BOOST_AUTO_TEST_CASE(module_names_are_unique_and_well_formed) {
  ModuleRegistry r;
  const ModuleId a = r.register_module("a");
  BOOST_CHECK_EXCEPTION(r.register_module("a"), MemoryError, code_is(MemoryErrc::module_exists));
  BOOST_CHECK_EXCEPTION(r.register_module(""), MemoryError, code_is(MemoryErrc::invalid_argument));
  BOOST_CHECK_EXCEPTION(r.register_module("a:b"), MemoryError, code_is(MemoryErrc::invalid_argument));
  BOOST_TEST(r.find_module("a") == a);
  r.unload(a);
  const ModuleId again = r.register_module("a");  // a reload gets a fresh id
  BOOST_TEST(again != a);
  BOOST_TEST(r.module_name(a) == "a");
}

BOOST_AUTO_TEST_CASE(promoted_symbol_holds_one_reference_until_unload) {
  // §3.3: `##name : e` registers module:name with rc 1; unload is its rc-- (§6).
  Freed freed;
  ModuleRegistry r;
  const ModuleId m = r.register_module("log");
  ObjectHeader* logger = make_node();
  r.register_symbol(m, "logger", logger);
  impl::drop(logger);  // the load function's local reference goes...
  BOOST_TEST(rc_of(logger) == 1);  // ...the symbol table's remains
  BOOST_TEST(freed.count() == 0);
  r.unload(m);
  BOOST_TEST(freed.count() == 1);
}

BOOST_AUTO_TEST_CASE(foreign_symbol_objects_are_rejected) {
  ModuleRegistry r;
  const ModuleId a = r.register_module("a");
  const ModuleId b = r.register_module("b");
  ObjectHeader* in_a = as_object(r.arena(a).make_cell<std::int64_t>(1));
  BOOST_CHECK_EXCEPTION(r.register_symbol(b, "x", in_a), MemoryError, code_is(MemoryErrc::foreign_pointer));
  ObjectHeader* dead = make_node();
  impl::drop(dead);
  BOOST_CHECK_EXCEPTION(r.register_symbol(a, "dead", dead), MemoryError, code_is(MemoryErrc::double_release));
  BOOST_CHECK_EXCEPTION(r.register_symbol(a, "null", nullptr), MemoryError, code_is(MemoryErrc::null_pointer));
  BOOST_CHECK_EXCEPTION(r.register_symbol(99, "x", in_a), MemoryError, code_is(MemoryErrc::unknown_module));
}

BOOST_AUTO_TEST_CASE(export_lookup_checks_permissions) {
  ModuleRegistry r;
  const ModuleId lib = r.register_module("lib");
  const ModuleId app = r.register_module("app", ModuleOptions{permission::read | permission::call, {}, {}});
  const ModuleId drv = r.register_module("drv", ModuleOptions{permission::all, {}, {}});
  ObjectHeader* table = as_object(r.arena(lib).make_cell<std::int64_t>(0));
  r.register_symbol(lib, "table", table, SymbolOptions{permission::read});
  ObjectHeader* port = pinned_area().allocate_object(tags::bytes, 64, lib);
  r.register_symbol(lib, "port", port, SymbolOptions{permission::read | permission::write | permission::device});

  BOOST_CHECK_NO_THROW(r.lookup_export("lib:table", permission::read, app));
  // The export does not allow it.
  BOOST_CHECK_EXCEPTION(r.lookup_export("lib:table", permission::call, app), MemoryError,
                        error_with(MemoryErrc::permission_denied, {"'lib:table'", "does not export"}));
  // The export allows it, the importer was not granted it.
  BOOST_CHECK_EXCEPTION(r.lookup_export("lib:port", permission::device, app), MemoryError,
                        error_with(MemoryErrc::permission_denied, {"'app'", "not granted"}));
  BOOST_CHECK_EXCEPTION(r.import_symbol(app, "lib:port", permission::write), MemoryError,
                        code_is(MemoryErrc::permission_denied));
  BOOST_CHECK_NO_THROW(r.import_symbol(drv, "lib:port", permission::device | permission::write));
  r.release_import(drv, "lib:port");
  r.unload(lib, loader_override);
}

BOOST_AUTO_TEST_CASE(unload_refused_while_external_ref) {
  ModuleRegistry r;
  const ModuleId lib = r.register_module("lib");
  const ModuleId app = r.register_module("app");
  arena_symbol(r, lib, "cache");
  r.import_symbol(app, "lib:cache", permission::read);
  BOOST_CHECK_EXCEPTION(r.unload(lib), MemoryError,
                        error_with(MemoryErrc::unload_refused, {"'lib'", "referenced by module 'app'", "lib:cache"}));
  BOOST_TEST(r.is_loaded(lib));
  BOOST_TEST(r.unload_blocker(lib).find("'app'") != std::string::npos);
  BOOST_TEST(r.arena(lib).external_refs() == 1u);  // the import is an outside reference into lib's arena
  // Once the importer lets go, the unload goes through.
  r.release_import(app, "lib:cache");
  BOOST_TEST(r.unload_blocker(lib).empty());
  BOOST_TEST(r.unload(lib).modules == std::vector<ModuleId>{lib});
  BOOST_TEST(!r.is_loaded(lib));
  BOOST_TEST(r.is_loaded(app));
}

BOOST_AUTO_TEST_CASE(importer_unloads_first_then_the_library) {
  // Koka's @done order: unloading the importer removes its edges.
  ModuleRegistry r;
  const ModuleId lib = r.register_module("lib");
  const ModuleId app = r.register_module("app");
  arena_symbol(r, lib, "cache");
  r.import_symbol(app, "lib:cache", permission::read);
  r.add_dependency(app, lib);
  r.unload(app);
  BOOST_TEST(r.arena(lib).external_refs() == 0u);
  BOOST_CHECK_NO_THROW(r.unload(lib));
}

BOOST_AUTO_TEST_CASE(dependency_edge_keeps_its_target_loaded) {
  ModuleRegistry r;
  const ModuleId a = r.register_module("a");
  const ModuleId b = r.register_module("b");
  r.add_dependency(a, b);
  r.add_dependency(a, b);  // counted
  BOOST_CHECK_EXCEPTION(r.unload(b), MemoryError, error_with(MemoryErrc::unload_refused, {"'b'", "module 'a'"}));
  r.remove_dependency(a, b);
  BOOST_CHECK_EXCEPTION(r.unload(b), MemoryError, code_is(MemoryErrc::unload_refused));
  r.remove_dependency(a, b);
  BOOST_CHECK_EXCEPTION(r.remove_dependency(a, b), MemoryError, code_is(MemoryErrc::invalid_argument));
  BOOST_CHECK_NO_THROW(r.unload(b));
}

BOOST_AUTO_TEST_CASE(scc_unloads_as_unit) {
  // a <-> b reference each other: neither can unload alone, so both go at once.
  std::vector<std::string> hooks;
  ModuleRegistry r;
  auto hook = [&](const char* n) { return [&hooks, n] { hooks.emplace_back(n); }; };
  const ModuleId a = r.register_module("a", ModuleOptions{permission::read, {}, hook("a")});
  const ModuleId b = r.register_module("b", ModuleOptions{permission::read, {}, hook("b")});
  const ModuleId c = r.register_module("c", ModuleOptions{permission::read, {}, hook("c")});
  arena_symbol(r, a, "x");
  arena_symbol(r, b, "y");
  r.import_symbol(a, "b:y", permission::read);
  r.import_symbol(b, "a:x", permission::read);
  r.add_dependency(b, c);  // the unit may reference modules outside it
  const std::vector<ModuleId> unit = r.unload_unit(a);
  BOOST_TEST(unit.size() == 2u);
  const UnloadReport report = r.unload(a);
  BOOST_TEST(report.modules.size() == 2u);
  BOOST_TEST(!r.is_loaded(a));
  BOOST_TEST(!r.is_loaded(b));
  BOOST_TEST(r.is_loaded(c));
  BOOST_TEST(hooks == (std::vector<std::string>{"b", "a"}));  // later modules first
  BOOST_CHECK_NO_THROW(r.unload(c));                           // b's edge to c went with b
}

BOOST_AUTO_TEST_CASE(scc_is_refused_while_referenced_from_outside) {
  ModuleRegistry r;
  const ModuleId a = r.register_module("a");
  const ModuleId b = r.register_module("b");
  const ModuleId user = r.register_module("user");
  r.add_dependency(a, b);
  r.add_dependency(b, a);
  arena_symbol(r, b, "y");
  r.import_symbol(user, "b:y", permission::read);
  BOOST_CHECK_EXCEPTION(r.unload(a), MemoryError,
                        error_with(MemoryErrc::unload_refused, {"'b'", "referenced by module 'user'"}));
  BOOST_TEST(r.is_loaded(a));
  BOOST_TEST(r.is_loaded(b));
  r.unload(user);
  BOOST_TEST(r.unload(b).modules.size() == 2u);
}

BOOST_AUTO_TEST_CASE(pinned_symbols_are_never_unloaded) {
  // §3.4: `###` allocates in the Pinned-Area; unload prohibited.
  ModuleRegistry r;
  const ModuleId io = r.register_module("io");
  ObjectHeader* buffer = pinned_area().allocate_object(tags::bytes, 4096, io);
  r.register_symbol(io, "kernel_io", buffer);
  BOOST_TEST(r.lookup_export("io:kernel_io", permission::read, kNoModule).pinned());
  BOOST_CHECK_EXCEPTION(r.unload(io), MemoryError, error_with(MemoryErrc::pinned, {"'io:kernel_io'"}));
  BOOST_TEST(r.is_loaded(io));
  BOOST_TEST(pinned_area().contains(buffer));
}

BOOST_AUTO_TEST_CASE(loader_override_unloads_pinned_symbols) {
  ModuleRegistry r;
  const ModuleId io = r.register_module("io");
  ObjectHeader* buffer = pinned_area().allocate_object(tags::bytes, 4096, io);
  r.register_symbol(io, "kernel_io", buffer);
  r.unload(io, loader_override);
  BOOST_TEST(!r.is_loaded(io));
  BOOST_TEST(!pinned_area().contains(buffer));
}

BOOST_AUTO_TEST_CASE(unknown_module_unload_is_rejected) {
  ModuleRegistry r;
  BOOST_CHECK_EXCEPTION(r.unload(42), MemoryError, code_is(MemoryErrc::unknown_module));
  BOOST_CHECK_EXCEPTION(r.unload(kNoModule), MemoryError, code_is(MemoryErrc::unknown_module));
  const ModuleId m = r.register_module("m");
  r.unload(m);
  BOOST_CHECK_EXCEPTION(r.unload(m), MemoryError, code_is(MemoryErrc::unknown_module));  // twice
  BOOST_CHECK_EXCEPTION(r.find_module("m"), MemoryError, code_is(MemoryErrc::unknown_module));
  BOOST_CHECK_EXCEPTION(r.arena(m), MemoryError, code_is(MemoryErrc::unknown_module));
}

BOOST_AUTO_TEST_CASE(unload_releases_the_module_arena_and_its_symbols) {
  Freed freed;
  ModuleRegistry r;
  const ModuleId m = r.register_module("m");
  ProjectArena& arena = r.arena(m);
  Cell<ObjectHeader*>* cell = arena.make_cell<ObjectHeader*>(make_node());  // `cache : # node`
  r.register_symbol(m, "cache", as_object(cell));
  r.unload(m);
  BOOST_TEST(arena.released());
  BOOST_TEST(freed.count() == 1);  // the arena cell's content was dropped
  BOOST_CHECK_EXCEPTION(r.lookup_export("m:cache", permission::read, kNoModule), MemoryError,
                        code_is(MemoryErrc::unknown_symbol));
  BOOST_TEST(r.loaded_count() == 0u);
}

BOOST_AUTO_TEST_CASE(release_of_an_import_never_made_is_rejected) {
  ModuleRegistry r;
  const ModuleId a = r.register_module("a");
  const ModuleId b = r.register_module("b");
  arena_symbol(r, a, "x");
  BOOST_CHECK_EXCEPTION(r.release_import(b, "a:x"), MemoryError, code_is(MemoryErrc::invalid_argument));
  BOOST_CHECK_EXCEPTION(r.release_import(b, "a:nothing"), MemoryError, code_is(MemoryErrc::invalid_argument));
  BOOST_CHECK_NO_THROW(r.unload(a));
}

BOOST_AUTO_TEST_SUITE_END()
