// SPDX-License-Identifier: MIT
// Pass 1 and pass 2 (impl/core/coproduct_resolver.md): precedence tiers,
// whitespace resolved from identifier categories and arity, sections, holes,
// parameters. Expectations are the --emit=sexpr form of each program.
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

#include "sexpr/sexpr.hpp"
#include "syntax/syntax.hpp"

using namespace signc;

namespace {

struct Resolved {
  std::string sexpr;
  std::string errors;
};

Resolved resolve(const std::string& text) {
  SourceFile file("t.sign", text);
  Diagnostics diags;
  const auto tokens = syntax::lex(file, diags);
  const auto tree = syntax::parse(file, tokens, diags);
  const auto program = sema::analyze(file, tree, diags);
  std::ostringstream out, errors;
  sexpr::write(out, program);
  diags.print(errors);
  std::string s = out.str();
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return {s, errors.str()};
}

std::string sx(const std::string& text) { return resolve(text).sexpr; }

}  // namespace

BOOST_AUTO_TEST_SUITE(resolver)

BOOST_AUTO_TEST_CASE(multiplication_binds_tighter_than_addition) {
  BOOST_TEST(sx("1 + 2 * 3") == R"([["+",1,["*",2,3]]])");
}

BOOST_AUTO_TEST_CASE(operators_of_one_tier_associate_left) {
  BOOST_TEST(sx("8 - 2 - 1") == R"([["-",["-",8,2],1]])");
  BOOST_TEST(sx("2 ^ 3 ^ 2") == R"([["^",["^",2,3],2]])");
}

BOOST_AUTO_TEST_CASE(definition_binds_name_to_expression) {
  BOOST_TEST(sx("x : 1 + 2") == R"([[":","x",["+",1,2]]])");
}

BOOST_AUTO_TEST_CASE(infix_binds_tighter_than_application) {
  BOOST_TEST(sx("f : a ? a\nf 1 + 2") == R"([[":","f",["?","a","a"]],["call","f",["+",1,2]]])");
}

BOOST_AUTO_TEST_CASE(function_then_value_is_application) {
  BOOST_TEST(sx("f : a b ? a\nf 1 2") == R"([[":","f",["?",["a","b"],"a"]],["call","f",1,2]])");
}

BOOST_AUTO_TEST_CASE(too_few_arguments_make_a_partial_application) {
  BOOST_TEST(sx("f : a b ? a\ng : f 1") == R"([[":","f",["?",["a","b"],"a"]],[":","g",["call","f",1]]])");
}

BOOST_AUTO_TEST_CASE(extra_arguments_build_a_list) {
  BOOST_TEST(sx("inc : a ? a + 1\ninc 1 2") ==
             R"([[":","inc",["?","a",["+","a",1]]],["construct",["call","inc",1],2]])");
}

BOOST_AUTO_TEST_CASE(value_then_function_applies_the_function) {
  BOOST_TEST(sx("inc : a ? a + 1\n3 inc") == R"([[":","inc",["?","a",["+","a",1]]],["call","inc",3]])");
}

BOOST_AUTO_TEST_CASE(two_functions_compose) {
  BOOST_TEST(sx("f : a ? a\ng : a ? a\nf g") ==
             R"([[":","f",["?","a","a"]],[":","g",["?","a","a"]],["compose","f","g"]])");
}

BOOST_AUTO_TEST_CASE(two_values_construct_a_list) { BOOST_TEST(sx("1 2 3") == R"([["construct",["construct",1,2],3]])"); }

BOOST_AUTO_TEST_CASE(parameters_are_values_not_functions) {
  BOOST_TEST(sx("ap : f x ? f x") == R"([[":","ap",["?",["f","x"],["construct","f","x"]]]])");
  BOOST_TEST(sx("ap : f x ? @f x") == R"([[":","ap",["?",["f","x"],["call",["@","f"],"x"]]]])");
}

BOOST_AUTO_TEST_CASE(bare_operator_in_brackets_is_a_greedy_section) {
  BOOST_TEST(sx("[+] 1 2 3") == R"([["call",["block","bracket",["section","+",null,null]],1,2,3]])");
}

BOOST_AUTO_TEST_CASE(operator_with_one_operand_is_a_section) {
  BOOST_TEST(sx("[+ 1]") == R"([["block","bracket",["section","+",null,1]]])");
  BOOST_TEST(sx("[7 -]") == R"([["block","bracket",["section","-",7,null]]])");
  BOOST_TEST(sx("[* 2,]") == R"([["block","bracket",["section,","*",null,2]]])");
}

BOOST_AUTO_TEST_CASE(prefix_or_postfix_on_a_hole_is_a_section) {
  BOOST_TEST(sx("[!_]") == R"([["block","bracket",["section","!"]]])");
  BOOST_TEST(sx("[_!]") == R"([["block","bracket",["section","_!"]]])");
}

BOOST_AUTO_TEST_CASE(holes_become_lambda_parameters) {
  BOOST_TEST(sx("add : a b ? a + b\nadd3 : add 3 _") ==
             R"([[":","add",["?",["a","b"],["+","a","b"]]],[":","add3",["?","$p0",["call","add",3,"$p0"]]]])");
}

BOOST_AUTO_TEST_CASE(hole_as_an_arithmetic_operand_is_an_error) {
  const auto r = resolve("x : _ + 1");
  BOOST_TEST(r.errors.find("t.sign:1:5: error: '_' cannot stand for an operand of '+'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(comparison_chain_keeps_three_operands) {
  BOOST_TEST(sx("1 < 5 < 10") == R"([["<",1,5,10]])");
}

BOOST_AUTO_TEST_CASE(mixed_comparison_chain_is_an_error) {
  BOOST_TEST(resolve("1 < 5 > 2").errors.find("must repeat one operator") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rest_and_default_parameters) {
  BOOST_TEST(sx("f : x ~xs ? x") == R"([[":","f",["?",["x",["~","xs"]],"x"]]])");
  BOOST_TEST(sx("g :\n\tx\n\ty : x + 1\n ? x y") ==
             R"([[":","g",["?",["x",[":","y",["+","x",1]]],["construct","x","y"]]]])");
}

BOOST_AUTO_TEST_CASE(bracketed_parameters_destructure_one_argument) {
  BOOST_TEST(sx("f : [h ~t] ? h") == R"([[":","f",["?",["[]","h",["~","t"]],"h"]]])");
}

BOOST_AUTO_TEST_CASE(default_may_not_refer_to_a_later_parameter) {
  BOOST_TEST(resolve("g :\n\tx : y\n\ty\n ? x").errors.find("not bound yet") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(export_marker_belongs_to_the_definition) {
  BOOST_TEST(sx("#e : 5") == R"([[":",["#","e"],5]])");
  BOOST_TEST(sx("##f : x ? x") == R"([[":",["##","f"],["?","x","x"]]])");
}

BOOST_AUTO_TEST_CASE(allocation_prefix_on_a_value_stays_a_prefix) {
  BOOST_TEST(sx("cache : #5") == R"([[":","cache",["#",5]]])");
}

BOOST_AUTO_TEST_CASE(function_defined_later_is_known_while_resolving) {
  BOOST_TEST(sx("g : x ? f x 1\nf : a b ? a") ==
             R"([[":","g",["?","x",["call","f","x",1]]],[":","f",["?",["a","b"],"a"]]])");
}

BOOST_AUTO_TEST_CASE(unresolvable_line_is_a_located_error) {
  BOOST_TEST(resolve("x : 1 + + 2").errors.find("t.sign:1:7: error: cannot resolve this expression") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
