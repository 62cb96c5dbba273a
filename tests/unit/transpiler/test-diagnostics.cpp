// SPDX-License-Identifier: MIT
// The diagnostics sink: GCC format, caret, order, deduplication, cap.
#include <boost/test/unit_test.hpp>
#include <sstream>

#include "support/support.hpp"

using namespace signc;

namespace {
std::string printed(const Diagnostics& d) {
  std::ostringstream s;
  d.print(s);
  return s.str();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(error_shows_file_line_col_source_and_caret) {
  SourceFile f("a.sign", "x : 1\ny : 2 $ 3\n");
  Diagnostics d;
  d.error(f, {12, 13}, "bad");
  BOOST_TEST(printed(d) == "a.sign:2:7: error: bad\n  y : 2 $ 3\n        ^\n");
}

BOOST_AUTO_TEST_CASE(caret_underlines_the_span) {
  SourceFile f("a.sign", "abc def\n");
  Diagnostics d;
  d.error(f, {4, 7}, "here");
  BOOST_TEST(printed(d).find("      ^~~\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(diagnostics_print_in_source_order_without_duplicates) {
  SourceFile f("a.sign", "one\ntwo\n");
  Diagnostics d;
  d.error(f, {4, 5}, "second");
  d.error(f, {0, 1}, "first");
  d.error(f, {0, 1}, "first");
  const auto text = printed(d);
  BOOST_TEST(text.find("first") < text.find("second"));
  BOOST_TEST(text.find("first") == text.rfind("first"));
}

BOOST_AUTO_TEST_CASE(errors_beyond_the_cap_are_counted_not_shown) {
  SourceFile f("a.sign", "x\n");
  Diagnostics d;
  for (int i = 0; i < 80; ++i) d.error(f, {0, 1}, "e" + std::to_string(i));
  BOOST_TEST(d.error_count() == 80u);
  BOOST_TEST(d.all().size() == Diagnostics::kMaxErrors);
  BOOST_TEST(printed(d).find("80 errors in all") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tabs_before_the_caret_stay_tabs) {
  SourceFile f("a.sign", "\tx $\n");
  Diagnostics d;
  d.error(f, {3, 4}, "t");
  BOOST_TEST(printed(d).find("  \t  ^\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(appended_diagnostics_are_reported_as_if_reported_here) {
  SourceFile f("a.sign", "x\ny\n");
  Diagnostics round;
  round.warning(f, {2, 3}, "w");
  round.error(f, {0, 1}, "e");
  Diagnostics d;
  d.append(std::move(round));
  BOOST_TEST(d.error_count() == 1u);
  BOOST_TEST(d.all().size() == 2u);
  BOOST_TEST(printed(d) == printed([&] {
    Diagnostics direct;
    direct.warning(f, {2, 3}, "w");
    direct.error(f, {0, 1}, "e");
    return direct;
  }()));
}

BOOST_AUTO_TEST_CASE(appending_keeps_the_error_cap_and_the_count) {
  SourceFile f("a.sign", "x\n");
  Diagnostics d, more;
  for (int i = 0; i < 30; ++i) d.error(f, {0, 1}, "d" + std::to_string(i));
  for (int i = 0; i < 70; ++i) more.error(f, {0, 1}, "m" + std::to_string(i));
  d.append(std::move(more));
  BOOST_TEST(d.error_count() == 100u);
  BOOST_TEST(d.all().size() == Diagnostics::kMaxErrors);
}

BOOST_AUTO_TEST_CASE(a_column_in_a_long_lines_trailing_carriage_returns_puts_the_caret_after_the_text) {
  // Found by fuzz-sexpr: 163 characters, then 90 \r the shown line drops.
  const std::string line = std::string(163, 'x') + std::string(90, '\r');
  SourceFile f("a.sign", line + "\n");
  Diagnostics d;
  d.error(f, {252, 253}, "at the end");
  const std::string text = printed(d);
  BOOST_TEST(text.find("a.sign:1:253: error: at the end\n") == 0u);
  BOOST_TEST(text.find("x^\n") == std::string::npos);  // the caret is past the text, not on it
  BOOST_TEST(text.find("   ^\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
