// SPDX-License-Identifier: MIT
// A String lent as text to a twin that walks it by `[h ~t]`
// (sign::impl::Chars): only valid UTF-8 is lent, each step reads one
// character as its code point, and what the twin boxes is the String the
// general path would have made.
#include <boost/test/unit_test.hpp>
#include <string>

#include <sign/impl/compare.hpp>
#include <sign/impl/ops.hpp>

namespace impl = sign::impl;
using sign::Value;

BOOST_AUTO_TEST_SUITE(text_walk)

BOOST_AUTO_TEST_CASE(only_a_string_of_valid_utf8_is_lent_as_text) {
  BOOST_TEST(impl::is_text(sign::make_string("walk")));
  BOOST_TEST(impl::is_text(sign::make_string("\xC3\xA9t\xE2\x82\xAC\xF0\x9F\x8E\x89")));  // é t € 🎉
  BOOST_TEST(!impl::is_text(Value::from_int(7)));
  BOOST_TEST(!impl::is_text(Value()));
  BOOST_TEST(!impl::is_text(sign::make_string("a\xFF")));
  BOOST_TEST(!impl::is_text(sign::make_string("\xC3")));  // cut short
}

BOOST_AUTO_TEST_CASE(overlong_forms_surrogates_and_values_past_unicode_are_not_utf8) {
  BOOST_TEST(!impl::valid_utf8("\xC0\xAF"));          // '/' in two bytes
  BOOST_TEST(!impl::valid_utf8("\xE0\x80\xAF"));      // '/' in three bytes
  BOOST_TEST(!impl::valid_utf8("\xED\xA0\x80"));      // U+D800
  BOOST_TEST(!impl::valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  BOOST_TEST(!impl::valid_utf8("\x80"));              // a continuation byte alone
  BOOST_TEST(impl::valid_utf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF
  BOOST_TEST(impl::valid_utf8(""));
}

BOOST_AUTO_TEST_CASE(a_text_is_ascii_unless_a_byte_at_any_place_is_high) {
  // Every length a word has, the high byte at every place: is_ascii reads
  // a short text in one or two overlapping loads, not byte by byte.
  for (std::size_t n = 0; n <= 40; ++n) {
    std::string text(n, 'a');
    BOOST_TEST(impl::is_ascii(text));
    for (std::size_t at = 0; at < n; ++at) {
      std::string high = text;
      high[at] = '\xC3';
      BOOST_TEST(!impl::is_ascii(high), "length " << n << ", high byte at " << at);
    }
  }
}

BOOST_AUTO_TEST_CASE(each_step_reads_one_character_and_narrows_the_text) {
  const impl::Chars text = "\xC3\xA9t\xE2\x82\xAC";  // é t €
  BOOST_TEST(impl::has_chars(text, 3));
  BOOST_TEST(!impl::has_chars(text, 4));
  BOOST_TEST(static_cast<std::uint32_t>(impl::char_element(text, 0)) == 0xE9u);
  BOOST_TEST(static_cast<std::uint32_t>(impl::char_element(text, 1)) == 't');
  BOOST_TEST(static_cast<std::uint32_t>(impl::char_element(text, 2)) == 0x20ACu);
  BOOST_TEST(impl::chars_from(text, 1) == "t\xE2\x82\xAC");
  BOOST_TEST(impl::chars_from(text, 3).empty());
  BOOST_TEST(!impl::has_chars(impl::chars_from(text, 3), 1));
}

BOOST_AUTO_TEST_CASE(a_boxed_character_is_its_one_character_string) {
  BOOST_TEST(impl::from_char(U'a').as_string().text() == "a");
  BOOST_TEST(impl::from_char(0xE9).as_string().text() == "\xC3\xA9");
  BOOST_TEST(impl::from_char(0x1F389).as_string().text() == "\xF0\x9F\x8E\x89");
}

BOOST_AUTO_TEST_CASE(a_boxed_rest_is_a_string_of_its_own_even_when_empty) {
  const Value word = sign::make_string("sun");
  const Value rest = impl::from_chars(impl::chars_from(impl::chars(word), 1));
  BOOST_TEST(rest.as_string().text() == "un");
  BOOST_TEST(rest.object() != word.object());
  BOOST_TEST(impl::from_chars(impl::chars_from(impl::chars(word), 3)).is_string());
}

// A walk's rest compared with `` (`t = `` : ...`): the empty String is
// __, so the comparison never holds, as any comparison with __ does not.
BOOST_AUTO_TEST_CASE(an_empty_string_equals_no_string_not_even_an_empty_one) {
  const Value empty = sign::make_string("");
  BOOST_TEST(!impl::holds_equal_to(empty, sign::make_string("")));
  BOOST_TEST(!impl::holds_equal_to(sign::make_string("a"), empty));
  BOOST_TEST(impl::holds_equal_to(sign::make_string("a"), sign::make_string("a")));
}

BOOST_AUTO_TEST_SUITE_END()
