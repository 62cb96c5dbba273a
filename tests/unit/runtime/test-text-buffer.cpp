// SPDX-License-Identifier: MIT
// sign::impl::TextBuffer, a loop's text accumulator: text while it is
// text, and otherwise the Value it was given, behaving as that Value.
#include <boost/test/unit_test.hpp>
#include <string>

#include <sign/impl/ops.hpp>
#include <sign/impl/text_buffer.hpp>

namespace impl = sign::impl;
using sign::Value;

BOOST_AUTO_TEST_SUITE(text_buffer)

BOOST_AUTO_TEST_CASE(a_string_nothing_else_holds_gives_its_buffer) {
  Value word = sign::make_string(std::string(40, 'k'));  // past the small-string buffer
  const char* bytes = word.as_string().text().data();
  impl::TextBuffer text = impl::text_buffer(std::move(word));
  BOOST_TEST(text.holds_text());
  BOOST_TEST(text.text().data() == bytes);
}

BOOST_AUTO_TEST_CASE(a_shared_string_is_copied_and_left_as_it_was) {
  const Value word = sign::make_string("ab");
  impl::TextBuffer text = impl::text_buffer(word);
  impl::append_char(text, U'c');
  BOOST_TEST(text.text() == "abc");
  BOOST_TEST(word.as_string().text() == "ab");
}

BOOST_AUTO_TEST_CASE(characters_append_as_utf8) {
  impl::TextBuffer text = impl::text_buffer(sign::make_string(">"));
  impl::append_char(text, U'a');
  impl::append_char(text, U'\u00e9');
  BOOST_TEST(text.text() == ">a\xC3\xA9");
  BOOST_TEST(impl::absolute(text, true).as_int() == 3);  // characters, not bytes
}

BOOST_AUTO_TEST_CASE(a_number_appends_as_a_value_does) {
  impl::TextBuffer number = impl::text_buffer(Value::from_int(12));
  BOOST_TEST(!number.holds_text());
  impl::append_text(number, "ab");
  BOOST_TEST(impl::from_text_buffer(std::move(number)).as_string().text() == "12ab");
}

BOOST_AUTO_TEST_CASE(a_list_takes_appended_elements) {
  impl::TextBuffer list = impl::text_buffer(sign::make_list({Value::from_int(1)}));
  impl::append(list, Value::from_int(2));
  const Value made = impl::from_text_buffer(std::move(list));
  BOOST_TEST(made.is_list());
  BOOST_TEST(made.as_list().size() == 2);
}

BOOST_AUTO_TEST_CASE(an_element_read_appends_its_text_or_its_value) {
  const Value parts = sign::make_list({sign::make_string("ka"), Value::from_int(7)});
  impl::TextBuffer text = impl::text_buffer(sign::make_string(">"));
  impl::append_element(text, parts, Value::from_int(0));
  impl::append_element(text, parts, Value::from_int(1));
  impl::append_element(text, parts, Value::from_int(9));  // none: nothing appended
  BOOST_TEST(text.text() == ">ka7");
  BOOST_TEST(text.holds_text());
}

BOOST_AUTO_TEST_CASE(a_character_read_from_a_string_appends_it) {
  const Value letters = sign::make_string("ab\u00e9c");  // ASCII up to index 1, then a two-byte letter
  impl::TextBuffer text = impl::text_buffer(sign::make_string(">"));
  impl::append_element(text, letters, Value::from_int(1));
  impl::append_element(text, letters, Value::from_int(2));   // past the ASCII start: as get_index reads it
  impl::append_element(text, letters, Value::from_int(-1));  // from the end
  impl::append_element(text, letters, Value::from_int(4));   // none: nothing appended
  BOOST_TEST(text.text() == ">b\u00e9c");
}

BOOST_AUTO_TEST_CASE(an_int_or_unit_value_appended_to_text_stays_text) {
  impl::TextBuffer text = impl::text_buffer(sign::make_string("n"));
  impl::append(text, Value::from_int(-42));
  impl::append(text, Value());
  BOOST_TEST(text.holds_text());
  BOOST_TEST(text.text() == "n-42");
}

BOOST_AUTO_TEST_CASE(a_float_appended_to_text_is_written_as_construct_writes_it) {
  impl::TextBuffer text = impl::text_buffer(sign::make_string("x"));
  impl::append(text, Value::from_float(2.0));
  const Value expected = impl::construct(sign::make_string("x"), Value::from_float(2.0));
  BOOST_TEST(impl::from_text_buffer(std::move(text)).as_string().text() == expected.as_string().text());
}

BOOST_AUTO_TEST_CASE(a_literal_given_again_keeps_the_buffer) {
  impl::TextBuffer text = impl::text_buffer(sign::make_string(std::string(40, 'k')));
  const char* bytes = text.text().data();
  impl::assign_text(text, sign::make_string("_"));
  BOOST_TEST(text.text() == "_");
  BOOST_TEST(text.text().data() == bytes);
}

BOOST_AUTO_TEST_CASE(empty_text_is_unit_and_counts_as_a_collection) {
  impl::TextBuffer empty = impl::text_buffer(sign::make_string(""));
  BOOST_TEST(empty.is_unit());
  BOOST_TEST(impl::absolute(empty, true).as_int() == 0);
  BOOST_TEST(impl::absolute(empty, false).is_unit());
}

BOOST_AUTO_TEST_CASE(only_a_function_applies) {
  BOOST_TEST(!impl::applies(impl::text_buffer(sign::make_string("a"))));
  BOOST_TEST(!impl::applies(impl::text_buffer(Value::from_int(1))));
}

BOOST_AUTO_TEST_SUITE_END()
