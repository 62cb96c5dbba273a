// SPDX-License-Identifier: MIT
// Parser rules: the grammar-shaped tree (lines of terms and operators),
// operator roles from spacing, blocks, spans, and errors.
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>

#include "syntax/syntax.hpp"

using namespace signc;

namespace {

struct Parsed {
  std::string ast;
  std::string errors;
  bool ok;
};

Parsed parse(const std::string& text) {
  SourceFile file("t.sign", text);
  Diagnostics diags;
  const auto tokens = syntax::lex(file, diags);
  const auto tree = syntax::parse(file, tokens, diags);
  std::ostringstream ast, errors;
  syntax::dump_ast(ast, file, tree);
  diags.print(errors);
  return {ast.str(), errors.str(), !diags.has_errors()};
}

bool has(const Parsed& p, const std::string& piece) { return p.ast.find(piece) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(parser)

BOOST_AUTO_TEST_CASE(a_line_is_a_flat_sequence_of_terms_and_operators) {
  const auto p = parse("x : 1 + 2");
  BOOST_TEST(p.ok);
  BOOST_TEST(has(p, "(line @1:1\n    (term @1:1\n      (identifier \"x\" @1:1))\n    (op \":\" @1:3)"));
  BOOST_TEST(has(p, "(op \"+\" @1:7)"));
}

BOOST_AUTO_TEST_CASE(operator_glued_before_a_core_is_prefix) {
  const auto p = parse("@f x");
  BOOST_TEST(has(p, "(prefix \"@\")"));
}

BOOST_AUTO_TEST_CASE(operator_glued_after_a_core_is_postfix) {
  const auto p = parse("xs~ 5!");
  BOOST_TEST(has(p, "(postfix \"~\")"));
  BOOST_TEST(has(p, "(postfix \"!\")"));
}

BOOST_AUTO_TEST_CASE(spaced_polysemous_operator_is_infix) {
  const auto p = parse("1 ~ 5");
  BOOST_TEST(has(p, "(op \"~\" @1:3)"));
}

BOOST_AUTO_TEST_CASE(rest_parameter_is_a_prefixed_term) {
  const auto p = parse("f : x ~xs ? x");
  BOOST_TEST(has(p, "(prefix \"~\")"));
}

BOOST_AUTO_TEST_CASE(bars_glued_inside_are_an_absolute_value_block) {
  const auto p = parse("|x - 1| = 2");
  BOOST_TEST(p.ok);
  BOOST_TEST(has(p, "(block abs @1:1"));
}

BOOST_AUTO_TEST_CASE(spaced_bar_is_or) {
  const auto p = parse("a | b");
  BOOST_TEST(has(p, "(op \"|\" @1:3)"));
}

BOOST_AUTO_TEST_CASE(indented_lines_form_a_block_of_the_line_above) {
  const auto p = parse("f : x ?\n\tx > 0 : x\n\t0\n");
  BOOST_TEST(p.ok);
  BOOST_TEST(has(p, "(block indent @2:2"));
}

BOOST_AUTO_TEST_CASE(bracket_lines_are_block_lines) {
  const auto p = parse("p : [\n\ta : 1\n\tb : 2\n]\n");
  BOOST_TEST(p.ok);
  // Two lines inside one bracket block.
  const auto first = p.ast.find("(line @2:2");
  BOOST_TEST(first != std::string::npos);
  BOOST_TEST(p.ast.find("(line @3:2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_brackets_are_an_empty_block) {
  const auto p = parse("none : []");
  BOOST_TEST(p.ok);
  BOOST_TEST(has(p, "(block bracket @1:8)"));
}

BOOST_AUTO_TEST_CASE(decimal_literal_beyond_64_bits_wraps_with_a_warning) {
  const auto p = parse("18446744073709551617");
  BOOST_TEST(p.ok);
  BOOST_TEST(p.errors.find("warning: integer literal does not fit") != std::string::npos);
  BOOST_TEST(has(p, "(int 1 @1:1)"));
}

BOOST_AUTO_TEST_CASE(unclosed_bracket_is_located) {
  const auto p = parse("x : (1 + 2\n");
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("t.sign:1:5: error: '(' is never closed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unmatched_closer_is_located) {
  const auto p = parse("x : 1)\ny : 2\n");
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("t.sign:1:6: error: unmatched ')'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_bad_line_is_reported) {
  const auto p = parse("x : )\ny : 2\nz : ]\n");
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("t.sign:1:") != std::string::npos);
  BOOST_TEST(p.errors.find("t.sign:3:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_an_error_not_a_crash) {
  const std::string deep = std::string(10000, '(') + "1" + std::string(10000, ')');
  const auto p = parse(deep);
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("nested too deeply") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(character_literal_may_be_a_newline) {
  const auto p = parse("nl : \\\nx : 1\n");
  BOOST_TEST(p.ok);
  BOOST_TEST(has(p, "(char \"\\\\\\n\" @1:6)"));
  BOOST_TEST(has(p, "(line @2:1"));
}

BOOST_AUTO_TEST_SUITE_END()
