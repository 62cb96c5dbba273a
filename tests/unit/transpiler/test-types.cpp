// SPDX-License-Identifier: MIT
// Pass 3 (impl/type/type_system.md §2–§3): the static type of a top-level
// form, from literals, the left-hand-priority arithmetic family, the Unit
// rules and juxtaposition; Dynamic where nothing is proven.
#include <boost/test/unit_test.hpp>
#include <string>

#include "sema/sema.hpp"
#include "syntax/syntax.hpp"

using namespace signc;

namespace {

// The type of the last top-level form of `text`.
std::string type_of_last(const std::string& text) {
  SourceFile file("t.sign", text);
  Diagnostics diags;
  const auto tokens = syntax::lex(file, diags);
  const auto tree = syntax::parse(file, tokens, diags);
  const auto program = sema::analyze(file, tree, diags);
  if (program.forms.empty()) return "<none>";
  return std::string(sema::type_name(program.type_of[program.forms.back()]));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(types)

BOOST_AUTO_TEST_CASE(literals_have_their_subtype) {
  BOOST_TEST(type_of_last("42") == "Int");
  BOOST_TEST(type_of_last("0rFF") == "Int");
  BOOST_TEST(type_of_last("2.5") == "Float");
  BOOST_TEST(type_of_last("`text`") == "String");
  BOOST_TEST(type_of_last("\\c") == "String");
  BOOST_TEST(type_of_last("0x10") == "Address");
  BOOST_TEST(type_of_last("__") == "Unit");
  BOOST_TEST(type_of_last("[]") == "Unit");
}

BOOST_AUTO_TEST_CASE(code_point_zero_is_the_unit_niche) {
  BOOST_TEST(type_of_last("0u0000") == "Unit");
  BOOST_TEST(type_of_last("0u0041") == "String");
}

BOOST_AUTO_TEST_CASE(int_with_float_is_float) { BOOST_TEST(type_of_last("1 + 2.5") == "Float"); }

BOOST_AUTO_TEST_CASE(integer_division_by_a_variable_is_not_proven) {
  BOOST_TEST(type_of_last("x : 3\n7 / x") == "Dynamic");
  BOOST_TEST(type_of_last("7 / 2") == "Int");
}

BOOST_AUTO_TEST_CASE(unit_left_operand_absorbs_and_right_is_identity) {
  BOOST_TEST(type_of_last("__ + 1") == "Unit");
  BOOST_TEST(type_of_last("1 + __") == "Int");
}

BOOST_AUTO_TEST_CASE(arithmetic_outside_its_domain_degenerates_to_unit) {
  BOOST_TEST(type_of_last("`123` + 0") == "Unit");
  BOOST_TEST(type_of_last("1 + `abc`") == "Unit");
}

BOOST_AUTO_TEST_CASE(functions_are_lambda) {
  BOOST_TEST(type_of_last("f : x ? x") == "Lambda");
  BOOST_TEST(type_of_last("[+ 1]") == "Lambda");
}

BOOST_AUTO_TEST_CASE(juxtaposed_numbers_build_a_list) { BOOST_TEST(type_of_last("1 2 3") == "List"); }

BOOST_AUTO_TEST_CASE(names_carry_the_type_of_their_latest_definition) {
  BOOST_TEST(type_of_last("x : 1\nx : 2.5\nx") == "Float");
}

BOOST_AUTO_TEST_CASE(what_is_not_proven_is_dynamic) {
  BOOST_TEST(type_of_last("f : x ? x\nf 3") == "Dynamic");
  BOOST_TEST(type_of_last("1 < 2") == "Dynamic");
}

BOOST_AUTO_TEST_SUITE_END()
