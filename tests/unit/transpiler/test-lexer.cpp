// SPDX-License-Identifier: MIT
// Lexer rules: guide/string_and_comment.md, guide/operator_table.md, tab-only blocks.
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "syntax/syntax.hpp"

using namespace signc;
using syntax::TokenKind;

namespace signc::syntax {
// Boost.Test prints mismatching elements through this.
std::ostream& operator<<(std::ostream& out, TokenKind kind) { return out << token_kind_name(kind); }
}  // namespace signc::syntax

namespace {

struct Lexed {
  SourceFile file;
  Diagnostics diags;
  syntax::TokenList tokens;
};

std::unique_ptr<Lexed> lex(std::string text) {
  auto l = std::unique_ptr<Lexed>(new Lexed{SourceFile("t.sign", std::move(text)), {}, {}});
  l->tokens = syntax::lex(l->file, l->diags);
  return l;
}

std::vector<TokenKind> kinds(const Lexed& l) {
  std::vector<TokenKind> out;
  for (const auto& t : l.tokens) out.push_back(t.kind);
  return out;
}

std::vector<std::string> texts(const Lexed& l) {
  std::vector<std::string> out;
  for (const auto& t : l.tokens) out.emplace_back(l.file.slice(t.span));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lexer)

BOOST_AUTO_TEST_CASE(allocation_prefixes_match_longest_first) {
  auto l = lex("### ## #");
  const std::vector<std::string> want = {"###", "##", "#", "", ""};
  BOOST_TEST(texts(*l) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(backtick_without_closing_on_its_line_is_a_comment) {
  auto l = lex("` a comment\nx : 1 ` trailing comment\n");
  const std::vector<TokenKind> want = {TokenKind::Identifier, TokenKind::Operator, TokenKind::Int,
                                       TokenKind::Newline, TokenKind::End};
  BOOST_TEST(kinds(*l) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(backtick_with_closing_is_a_string) {
  auto l = lex("`main.sn`\n");
  BOOST_TEST(l->tokens[0].kind == TokenKind::String);
  BOOST_TEST(texts(*l)[0] == "`main.sn`");
}

BOOST_AUTO_TEST_CASE(minus_glued_to_digits_in_prefix_position_is_a_negative_literal) {
  auto l = lex("4 - -3");
  const std::vector<std::string> want = {"4", "-", "-3", "", ""};
  BOOST_TEST(texts(*l) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(number_forms_follow_their_prefix) {
  auto l = lex("12 2.5 3. 0x1F 0rFF 0b101 0u0041");
  const std::vector<TokenKind> want = {TokenKind::Int,      TokenKind::Float,    TokenKind::Float,
                                       TokenKind::Address,  TokenKind::Register, TokenKind::Register,
                                       TokenKind::Codepoint, TokenKind::Newline, TokenKind::End};
  BOOST_TEST(kinds(*l) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(double_underscore_is_unit_and_single_is_a_hole) {
  auto l = lex("__ _ _x");
  BOOST_TEST(l->tokens[0].kind == TokenKind::Unit);
  BOOST_TEST(l->tokens[1].kind == TokenKind::Hole);
  BOOST_TEST(l->tokens[2].kind == TokenKind::Identifier);
}

BOOST_AUTO_TEST_CASE(tab_indentation_opens_and_closes_blocks) {
  auto l = lex("f : x ?\n\tx\ny\n");
  const std::vector<TokenKind> want = {TokenKind::Identifier, TokenKind::Operator, TokenKind::Identifier,
                                       TokenKind::Operator,   TokenKind::Indent,   TokenKind::Identifier,
                                       TokenKind::Dedent,     TokenKind::Newline,  TokenKind::Identifier,
                                       TokenKind::Newline,    TokenKind::End};
  BOOST_TEST(kinds(*l) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(space_indentation_is_an_error) {
  auto l = lex("x : 1\n  y\n");
  BOOST_TEST(l->diags.has_errors());
  BOOST_TEST(l->diags.all()[0].at.line == 2u);
}

BOOST_AUTO_TEST_CASE(newline_inside_brackets_separates_block_lines) {
  auto l = lex("p : [a : 1\n\tb : 2]\n");
  int newlines = 0;
  for (auto k : kinds(*l)) newlines += k == TokenKind::Newline;
  BOOST_TEST(newlines == 2);  // one between the block's lines, one ending the line
}

BOOST_AUTO_TEST_CASE(line_after_an_opening_bracket_joins_it) {
  auto l = lex("p : [\n\ta : 1\n]\n");
  int newlines = 0;
  for (auto k : kinds(*l)) newlines += k == TokenKind::Newline;
  BOOST_TEST(newlines == 1);
}

BOOST_AUTO_TEST_CASE(line_starting_with_infix_operator_continues_the_previous_line) {
  auto l = lex("x : 1\n+ 2\n");
  int newlines = 0;
  for (auto k : kinds(*l)) newlines += k == TokenKind::Newline;
  BOOST_TEST(newlines == 1);
}

BOOST_AUTO_TEST_CASE(whitespace_before_a_token_is_recorded) {
  auto l = lex("a @b");
  BOOST_TEST(l->tokens[1].space_before);
  BOOST_TEST(!l->tokens[2].space_before);
}

BOOST_AUTO_TEST_CASE(unexpected_character_is_reported_with_its_location) {
  auto l = lex("x : 1 \xc3\xa9");
  BOOST_TEST(l->diags.has_errors());
  BOOST_TEST(l->diags.all()[0].at.col == 7u);
}

BOOST_AUTO_TEST_SUITE_END()
