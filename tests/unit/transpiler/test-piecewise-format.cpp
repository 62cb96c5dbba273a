// SPDX-License-Identifier: MIT
// emit::PiecewiseText: a module's definitions are formatted apart from the
// rest of its text, side by side; what comes out is what formatting the
// whole text gives.
#include <boost/test/unit_test.hpp>
#include <stdexcept>
#include <string>

#include "emit/emit.hpp"

using signc::Diagnostics;
using signc::emit::PiecewiseText;

namespace {

const char* const kMarker = "// signc: definitions";

PiecewiseText module_in_pieces() {
  return PiecewiseText{"namespace m {\nint f();\nint g();\n\n" + std::string(kMarker) + "\n}  // namespace m\n",
                       kMarker,
                       {"int f() {\nreturn   1;}\n", "int g(){ return f()+  2;  // why\n}\n"}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(piecewise_format)

BOOST_AUTO_TEST_CASE(the_pieces_make_the_frame_with_the_parts_in_place_of_the_marker) {
  BOOST_TEST(module_in_pieces().whole() ==
             "namespace m {\nint f();\nint g();\n\nint f() {\nreturn   1;}\n\nint g(){ return f()+  2;  // why\n}\n"
             "}  // namespace m\n");
}

BOOST_AUTO_TEST_CASE(the_pieces_are_views_of_the_frame_and_the_parts_in_order) {
  const PiecewiseText text = module_in_pieces();
  std::string joined;
  for (const std::string_view piece : text.pieces()) joined += piece;
  BOOST_TEST(joined == text.whole());
  BOOST_TEST(text.pieces().size() == 5U);  // frame before, part, blank line, part, frame after
}

BOOST_AUTO_TEST_CASE(a_frame_without_a_marker_is_the_whole_text) {
  const PiecewiseText text{"int x;\n", "", {}};
  BOOST_TEST(text.whole() == "int x;\n");
}

BOOST_AUTO_TEST_CASE(a_frame_missing_its_marker_line_is_a_bug_reported_by_throwing) {
  const PiecewiseText broken{"int x;\n", kMarker, {"int f();\n"}};
  BOOST_CHECK_THROW(broken.whole(), std::logic_error);
}

BOOST_AUTO_TEST_CASE(formatting_in_pieces_gives_what_formatting_the_whole_text_gives) {
  Diagnostics diags;
  const auto pieces = signc::emit::format_cpp(module_in_pieces(), diags);
  const auto whole = signc::emit::format_cpp(module_in_pieces().whole(), diags);
  BOOST_REQUIRE(!diags.has_errors());
  BOOST_REQUIRE(pieces && whole);
  BOOST_TEST(*pieces == *whole);
  BOOST_TEST(pieces->find("int f() { return 1; }") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
