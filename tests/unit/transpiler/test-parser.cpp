// SPDX-License-Identifier: MIT
// Parser rules: precedence and associativity of guide/operator_table.md,
// definitions, spans, and errors for malformed or unsupported input.
#include <boost/test/unit_test.hpp>
#include <functional>
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

// The tree as a compact S-expression, spans dropped, for readable expectations.
std::string shape(const std::string& text) {
  SourceFile file("t.sign", text);
  Diagnostics diags;
  const auto tokens = syntax::lex(file, diags);
  const auto tree = syntax::parse(file, tokens, diags);
  std::function<std::string(syntax::NodeId)> go = [&](syntax::NodeId id) -> std::string {
    const auto& n = tree.at(id);
    switch (n.kind) {
      case syntax::NodeKind::Int: return std::to_string(n.int_value);
      case syntax::NodeKind::Float: return std::string(file.slice(n.span));
      case syntax::NodeKind::Unit: return "__";
      case syntax::NodeKind::Name: return n.text;
      case syntax::NodeKind::Define: return "(: " + n.text + " " + go(n.kids[0]) + ")";
      default: break;
    }
    std::string out = "(" + (n.kind == syntax::NodeKind::Program ? std::string("program") : n.text);
    for (auto k : n.kids) out += " " + go(k);
    return out + ")";
  };
  return go(tree.root);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parser)

BOOST_AUTO_TEST_CASE(multiplication_binds_tighter_than_addition) {
  BOOST_TEST(shape("1 + 2 * 3") == "(program (+ 1 (* 2 3)))");
}

BOOST_AUTO_TEST_CASE(operators_of_one_level_associate_left) {
  BOOST_TEST(shape("8 - 2 - 1") == "(program (- (- 8 2) 1))");
  BOOST_TEST(shape("8 / 2 % 3") == "(program (% (/ 8 2) 3))");
}

BOOST_AUTO_TEST_CASE(parentheses_group) {
  BOOST_TEST(shape("(1 + 2) * 3") == "(program (* (+ 1 2) 3))");
}

BOOST_AUTO_TEST_CASE(definition_binds_name_to_expression) {
  BOOST_TEST(shape("x : 1 + 2\nx") == "(program (: x (+ 1 2)) x)");
}

BOOST_AUTO_TEST_CASE(empty_parentheses_are_unit) { BOOST_TEST(shape("()") == "(program __)"); }

BOOST_AUTO_TEST_CASE(decimal_literal_beyond_64_bits_wraps_with_a_warning) {
  const auto p = parse("18446744073709551617");
  BOOST_TEST(p.ok);
  BOOST_TEST(p.errors.find("warning: integer literal does not fit") != std::string::npos);
  BOOST_TEST(shape("18446744073709551617") == "(program 1)");
}

BOOST_AUTO_TEST_CASE(unclosed_parenthesis_is_located) {
  const auto p = parse("x : (1 + 2\n");
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("t.sign:1:5: error: '(' is never closed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_bad_line_is_reported) {
  const auto p = parse("x : 1 +\ny : )\nz : 2\n");
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("t.sign:1:") != std::string::npos);
  BOOST_TEST(p.errors.find("t.sign:2:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_an_error_not_a_crash) {
  const std::string deep = std::string(10000, '(') + "1" + std::string(10000, ')');
  const auto p = parse(deep);
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("nested too deeply") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unsupported_construct_is_named) {
  const auto p = parse("x : `text`");
  BOOST_TEST(!p.ok);
  BOOST_TEST(p.errors.find("a string literal is not supported") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_node_carries_its_span) {
  const auto p = parse("x : 1 + 2");
  BOOST_TEST(p.ast.find("(define 1:1 \"x\"") != std::string::npos);
  BOOST_TEST(p.ast.find("(binary 1:5 \"+\"") != std::string::npos);
  BOOST_TEST(p.ast.find("(int 1:9 2)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
