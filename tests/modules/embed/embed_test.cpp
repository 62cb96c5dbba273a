// SPDX-License-Identifier: MIT
// An external C++ program reaches a Sign module's exports through the module
// registry and through handles, never through a raw pointer (memory-model.md
// §7, §9, §10).
#define BOOST_TEST_MODULE module embedding
#include <boost/test/unit_test.hpp>

#include <sign/memory/error.hpp>
#include <sign/module.hpp>
#include <sign/runtime.hpp>

#include "logging.sign.hpp"

namespace {

std::string text_of(const sign::Value& v) {
  BOOST_REQUIRE(v.is_string());
  return std::string(v.as_string().text());
}

struct Loaded {
  Loaded() { sign_mod::logging::load(); }
  ~Loaded() { sign_mod::logging::unload(); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(exports, Loaded)

BOOST_AUTO_TEST_CASE(promoted_logger_is_callable_through_the_registry) {
  const sign::Value logger = sign::symbol_value("logging:logger");
  BOOST_TEST(text_of(sign::call(logger, {sign::make_string("hello")})) == "log: hello");
}

BOOST_AUTO_TEST_CASE(promoted_logger_is_callable_through_a_handle) {
  const sign::Handle h = sign::export_handle("logging:logger");
  BOOST_TEST(text_of(sign::call(sign::handle_value(h), {sign::make_string("via handle")})) == "log: via handle");
  sign::release_export_handle(h);
  BOOST_CHECK_THROW(sign::handle_value(h), sign::MemoryError);  // stale: detected, never dereferenced
}

BOOST_AUTO_TEST_CASE(forged_handle_is_rejected) {
  const sign::Handle h = sign::export_handle("logging:logger");
  BOOST_CHECK_THROW(sign::handle_value(h + 1), sign::MemoryError);
  sign::release_export_handle(h);
}

BOOST_AUTO_TEST_CASE(pinned_export_is_reachable_and_device_flagged) {
  const sign::Value io = sign::symbol_value("logging:kernel_io", sign::permission::call | sign::permission::device);
  BOOST_TEST(sign::call(io, {sign::Value::from_int(21)}).as_int() == 42);
}

BOOST_AUTO_TEST_CASE(export_prefix_value_is_registered) {
  BOOST_TEST(sign::symbol_value("logging:version").as_int() == 3);
  BOOST_TEST(sign_mod::logging::exported::version().as_int() == 3);
}

BOOST_AUTO_TEST_CASE(arena_ref_is_private_to_the_module) {
  BOOST_CHECK_THROW(sign::symbol_value("logging:lines"), sign::MemoryError);
  BOOST_CHECK_THROW(sign::symbol_value("logging:log_backend"), sign::MemoryError);
}

BOOST_AUTO_TEST_CASE(arena_export_cannot_become_a_handle) {
  BOOST_CHECK_THROW(sign::export_handle("logging:version"), sign::MemoryError);  // it would dangle after unload
}

BOOST_AUTO_TEST_CASE(write_permission_is_refused_for_a_value_export) {
  BOOST_CHECK_THROW(sign::symbol_value("logging:version", sign::permission::write), sign::MemoryError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(module_with_pinned_memory_refuses_to_unload) {
  sign_mod::logging::load();
  const std::string why = sign_mod::logging::unload();
  BOOST_TEST(why.find("pinned symbol 'logging:kernel_io'") != std::string::npos, why);
  BOOST_TEST(sign::module_registry().find_module("logging") != sign::kNoModule);
  // Only a loader override releases it (§1).
  sign::module_registry().unload(sign::module_registry().find_module("logging"), sign::loader_override);
  BOOST_CHECK_THROW(sign::symbol_value("logging:logger"), sign::MemoryError);
  // The next load() evaluates the module again.
  sign_mod::logging::load();
  BOOST_TEST(text_of(sign::call(sign::symbol_value("logging:logger"), {sign::make_string("x")})) == "log: x",
             "after a reload");
}
