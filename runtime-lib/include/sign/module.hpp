// SPDX-License-Identifier: MIT
// Sign modules seen from C++ (memory-model.md §3, §7, §9): the process's
// module registry, exported symbols by `module:name`, integer handles to
// them, and calling a Sign function value.
//
//   sign_mod::logging::load();                       // or let an importer load it
//   sign::Value log = sign::symbol_value("logging:logger");
//   sign::Value r = sign::call(log, {sign::make_string("hi")});
//   sign::Handle h = sign::export_handle("logging:logger");
//   r = sign::call(sign::handle_value(h), {sign::make_string("again")});
//
// No raw pointer leaves a module (§9): C++ reaches an export through the
// registry's permission check or through a handle, which is validated on
// every use (stale, released and forged handles are sign::MemoryError).
#pragma once

#include <initializer_list>
#include <string_view>

#include <sign/heap.hpp>
#include <sign/memory/handle_table.hpp>
#include <sign/memory/module_registry.hpp>

namespace sign {

// The registry every generated module registers with.
ModuleRegistry& module_registry();
// The table export_handle issues handles from.
HandleTable& export_handles();

// The current value of the export `key` ("module:name"): for `##name : e` and
// `#name : e` the value, for `logger : ## e` the ref's content. MemoryError
// unknown_symbol, permission_denied (the export does not allow `wanted`).
Value symbol_value(std::string_view key, Permissions wanted = permission::read | permission::call);
// A handle to the export `key` (a Shared-Heap or Pinned-Area symbol; an
// arena export would dangle after its module unloads: MemoryError
// not_counted). The handle keeps the cell alive until released.
Handle export_handle(std::string_view key, Permissions wanted = permission::read | permission::call);
// The current value behind a handle from export_handle.
Value handle_value(Handle h);
void release_export_handle(Handle h);

// Calls the Sign function value `f` with `args` and returns its result
// (tail calls it hands back are run to completion).
Value call(const Value& f, std::initializer_list<Value> args);

}  // namespace sign
