// SPDX-License-Identifier: MIT
// The last pass over the generated text (emit/line_directives.cpp): line
// resets are numbered with the generated file's own lines, and a statement
// wrapped over several lines is charged to its Sign line on each of them,
// whatever pieces the text comes in.
#include <boost/test/unit_test.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "emit/detail.hpp"

using signc::emit::detail::finish_line_directives;
using signc::emit::detail::kLineReset;

namespace {

// Sign code, a line reset, a statement wrapped over two lines, a reset.
std::string generated_text() {
  const std::string reset = "  " + std::string(kLineReset) + "\n";
  return "int a;\n#line 3 \"p.sign\"\nint f() {\n" + reset + "}\n#line 7 \"p.sign\"\nreturn g(1,\n         2);  // why\n" +
         reset + "int b;";
}

std::string finished(const std::vector<std::string_view>& pieces) { return finish_line_directives(pieces, "p.sign.cpp"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(line_directives)

BOOST_AUTO_TEST_CASE(a_line_reset_names_the_next_line_of_the_generated_file) {
  const std::string out = finished({"x;\n  " + std::string(kLineReset) + "\ny;\n"});
  BOOST_TEST(out == "x;\n#line 3 \"p.sign.cpp\"\ny;\n");
}

BOOST_AUTO_TEST_CASE(a_wrapped_statement_gets_its_sign_line_again_before_each_continuation) {
  const std::string out = finished({"#line 7 \"p.sign\"\nreturn g(1,\n         2);\nh();\n"});
  BOOST_TEST(out == "#line 7 \"p.sign\"\nreturn g(1,\n#line 7 \"p.sign\"\n         2);\nh();\n");
}

BOOST_AUTO_TEST_CASE(a_trailing_why_comment_does_not_hide_the_end_of_a_statement) {
  const std::string out = finished({"#line 7 \"p.sign\"\nx = 1;  // why, (\ny = 2;\n"});
  BOOST_TEST(out == "#line 7 \"p.sign\"\nx = 1;  // why, (\ny = 2;\n");
}

BOOST_AUTO_TEST_CASE(pieces_cut_anywhere_give_what_the_whole_text_gives) {
  const std::string text = generated_text();
  const std::string whole = finished({text});
  BOOST_TEST(whole ==
             "int a;\n#line 3 \"p.sign\"\nint f() {\n#line 5 \"p.sign.cpp\"\n}\n#line 7 \"p.sign\"\nreturn g(1,\n"
             "#line 7 \"p.sign\"\n         2);  // why\n#line 11 \"p.sign.cpp\"\nint b;");
  for (std::size_t a = 0; a <= text.size(); ++a) {
    for (std::size_t b = a; b <= text.size(); b += 7) {
      const std::string_view t(text);
      BOOST_TEST_CONTEXT("cut at " << a << " and " << b) {
        BOOST_TEST(finished({t.substr(0, a), t.substr(a, b - a), t.substr(b)}) == whole);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
