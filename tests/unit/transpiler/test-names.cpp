// SPDX-License-Identifier: MIT
// Sign names → C++ names (lower/names.cpp): plain names kept, the rest
// escaped reversibly, fresh names distinct from both.
#include <boost/test/unit_test.hpp>
#include <set>

#include "lower/lower.hpp"

using signc::lower::cpp_fresh_name;
using signc::lower::cpp_identifier;

BOOST_AUTO_TEST_SUITE(names)

BOOST_AUTO_TEST_CASE(plain_sign_names_are_kept) {
  BOOST_TEST(cpp_identifier("total") == "total");
  BOOST_TEST(cpp_identifier("n_queens") == "n_queens");
}

BOOST_AUTO_TEST_CASE(cpp_keywords_get_a_trailing_underscore) {
  BOOST_TEST(cpp_identifier("class") == "class_");
  BOOST_TEST(cpp_identifier("return") == "return_");
}

BOOST_AUTO_TEST_CASE(names_the_generated_code_uses_are_escaped) {
  BOOST_TEST(cpp_identifier("load") == "load_");
  BOOST_TEST(cpp_identifier("sign") == "sign_");
}

BOOST_AUTO_TEST_CASE(names_cpp_reserves_are_escaped) {
  BOOST_TEST(cpp_identifier("_tmp") == "_xtmp_");
  BOOST_TEST(cpp_identifier("a__b") == "a_x_xb_");
  BOOST_TEST(cpp_identifier("a_") == "a_x_");
}

BOOST_AUTO_TEST_CASE(escaping_never_collides) {
  std::set<std::string> seen;
  for (const char* n : {"a", "a_", "a_x", "a_x_", "class", "class_", "_a", "_xa", "load", "load_", "x_2"}) {
    BOOST_TEST(seen.insert(cpp_identifier(n)).second, n);
  }
  BOOST_TEST(seen.insert(cpp_fresh_name("x", 2)).second);
  BOOST_TEST(seen.insert(cpp_fresh_name("a_", 2)).second);
}

BOOST_AUTO_TEST_CASE(fresh_names_number_redefinitions) {
  BOOST_TEST(cpp_fresh_name("x", 1) == "x");
  BOOST_TEST(cpp_fresh_name("x", 2) == "x_2_");
  BOOST_TEST(cpp_fresh_name("class", 3) == "class_3_");
}

BOOST_AUTO_TEST_SUITE_END()
