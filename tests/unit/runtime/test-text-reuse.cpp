// SPDX-License-Identifier: MIT
// Short Strings freed on a thread are reused by the next Strings it joins
// (the String pool in heap.cpp), and tests against a text literal read text
// where it lies: what each returns must not depend on either.
#include <boost/test/unit_test.hpp>
#include <string>

#include <sign/impl/call.hpp>
#include <sign/impl/compare.hpp>
#include <sign/impl/ops.hpp>

namespace impl = sign::impl;
using sign::Value;

BOOST_AUTO_TEST_SUITE(text_reuse)

BOOST_AUTO_TEST_CASE(a_freed_short_string_is_reused_for_the_next_join) {
  const Value a = sign::make_string("ka"), b = sign::make_string("to");
  const sign::HeapObject* freed = nullptr;
  {
    const Value first = impl::construct(a, b);
    freed = first.object();
  }
  const Value second = impl::construct(b, a);
  BOOST_TEST(second.object() == freed);
  BOOST_TEST(second.as_string().text() == "toka");
}

BOOST_AUTO_TEST_CASE(a_short_text_goes_in_front_of_a_longer_one_in_place) {
  Value front = sign::make_string("7,");
  Value rest = sign::make_string("8,9,10");
  const sign::HeapObject* longer = rest.object();
  const Value joined = impl::construct(std::move(front), std::move(rest));
  BOOST_TEST(joined.object() == longer);  // `i `,` acc`: the text built so far is not copied
  BOOST_TEST(joined.as_string().text() == "7,8,9,10");
}

BOOST_AUTO_TEST_CASE(a_character_goes_in_front_of_a_sole_string_in_place) {
  Value text = sign::make_string("llo");
  const sign::HeapObject* before = text.object();
  text = impl::char_in_front(U'\u00e9', std::move(text));
  text = impl::char_in_front(U'h', std::move(text));
  BOOST_TEST(text.object() == before);
  BOOST_TEST(text.as_string().text() == "h\u00e9llo");
  const Value shared = sign::make_string("ok");
  BOOST_TEST(impl::char_in_front(U'!', shared).as_string().text() == "!ok");
  BOOST_TEST(shared.as_string().text() == "ok");
}

BOOST_AUTO_TEST_CASE(an_int_goes_in_front_of_a_string_as_its_digits) {
  Value text = impl::int_in_front(7, sign::make_string(":"));  // a new String, room left in front
  const sign::HeapObject* object = text.object();
  text = impl::int_in_front(-12, std::move(text));
  text = impl::int_in_front(0, std::move(text));
  BOOST_TEST(text.as_string().text() == "0-127:");
  BOOST_TEST(text.object() == object);  // in place after the first
  const Value shared = sign::make_string("ab");
  BOOST_TEST(impl::int_in_front(3, shared).as_string().text() == "3ab");
  BOOST_TEST(shared.as_string().text() == "ab");
  const Value list = impl::int_in_front(1, sign::make_list({Value::from_int(2)}));  // not text: a List
  BOOST_TEST(list.is_list());
  BOOST_TEST(list.as_list().size() == 2U);
}

BOOST_AUTO_TEST_CASE(digits_put_in_front_one_by_one_fill_the_front_gap) {
  Value text = impl::int_in_front(9, sign::make_string(":"));
  const sign::HeapObject* object = text.object();
  for (std::int64_t d = 8; d >= 0; --d) text = impl::int_in_front(d, std::move(text));  // past the first gap
  BOOST_TEST(text.as_string().text() == "0123456789:");
  BOOST_TEST(text.object() == object);
}

BOOST_AUTO_TEST_CASE(a_character_put_in_front_keeps_what_is_known_to_be_ascii) {
  Value text = impl::char_in_front(U'a', sign::make_string("\xc3\xa9"));  // "aé": a new String
  text = impl::char_in_front(U'b', std::move(text));                      // in place: "baé"
  BOOST_TEST(text.as_string().text() == "ba\xc3\xa9");
  BOOST_TEST(text.as_string().ascii_through(1));
  BOOST_TEST(!text.as_string().ascii_through(2));
  BOOST_TEST(!impl::is_ascii_text(text));
  text = impl::char_in_front(U'\u00e9', std::move(text));  // not ASCII: its two bytes
  BOOST_TEST(text.as_string().text() == "\xc3\xa9" "ba" "\xc3\xa9");
  BOOST_TEST(!text.as_string().ascii_through(0));
}

BOOST_AUTO_TEST_CASE(ascii_text_is_read_by_index_from_either_end) {
  const Value text = sign::make_string("abc");
  BOOST_TEST(impl::is_ascii_text(text));
  const impl::AsciiText lent = impl::ascii_text(text);
  BOOST_TEST((impl::ascii_at(lent, 0) == U'a'));
  BOOST_TEST((impl::ascii_at(lent, -1) == U'c'));
  BOOST_TEST((impl::ascii_at(lent, 3) == impl::kNoChar));
  BOOST_TEST((impl::ascii_at(lent, -4) == impl::kNoChar));
  BOOST_TEST(impl::ascii_value_at(lent, 1).as_string().text() == "b");
  BOOST_TEST(impl::ascii_value_at(lent, 5).is_unit());
  BOOST_TEST(impl::ascii_value_at(lent, Value::from_float(1.6)).as_string().text() == "c");  // rounded
  BOOST_TEST(!impl::same_char(impl::kNoChar, impl::kNoChar));
  BOOST_TEST(impl::same_char(U'a', U'a'));
  BOOST_TEST(!impl::is_ascii_text(sign::make_list({Value::from_int(1)})));
}

BOOST_AUTO_TEST_CASE(an_int_followed_by_a_literal_is_its_digits_and_the_text) {
  BOOST_TEST(impl::construct_text(Value::from_int(-12), ",").as_string().text() == "-12,");
  BOOST_TEST(impl::construct_text(Value::from_int(0), "ab").as_string().text() == "0ab");
}

BOOST_AUTO_TEST_CASE(a_text_held_elsewhere_is_not_changed_by_one_put_in_front) {
  const Value kept = sign::make_string("8,9,10");
  const Value joined = impl::construct(sign::make_string("7,"), Value(kept));
  BOOST_TEST(joined.as_string().text() == "7,8,9,10");
  BOOST_TEST(kept.as_string().text() == "8,9,10");
}

BOOST_AUTO_TEST_CASE(a_reused_string_has_only_its_new_text) {
  const Value part = sign::make_string(std::string(20, 'x'));
  const sign::HeapObject* freed = nullptr;
  {
    const Value joined = impl::construct(part, part);
    freed = joined.object();
  }
  const Value a = sign::make_string("a"), b = sign::make_string("b");
  const Value shorter = impl::construct(a, b);
  BOOST_TEST(shorter.object() == freed);
  BOOST_TEST(shorter.as_string().text() == "ab");
}

BOOST_AUTO_TEST_CASE(equal_text_holds_only_for_a_string_of_that_text) {
  BOOST_TEST(impl::holds_equal_text(sign::make_string("tone"), "tone"));
  BOOST_TEST(!impl::holds_equal_text(sign::make_string("ton"), "tone"));
  BOOST_TEST(!impl::holds_equal_text(Value::from_int(1), "1"));
  BOOST_TEST(!impl::holds_equal_text(Value(), "a"));
}

BOOST_AUTO_TEST_CASE(char_at_reads_ascii_in_place_and_counts_characters_past_it) {
  const Value word = sign::make_string("sun");
  BOOST_TEST(impl::holds_char_at(word, 0, "s"));
  BOOST_TEST(!impl::holds_char_at(word, 0, "u"));
  BOOST_TEST(!impl::holds_char_at(word, 3, "n"));
  const Value accented = sign::make_string("\xC3\xA9t\xC3\xA9");  // été
  BOOST_TEST(impl::holds_char_at(accented, 0, "\xC3\xA9"));
  BOOST_TEST(impl::holds_char_at(accented, 1, "t"));
  BOOST_TEST(impl::holds_char_at(word, -1, "n"));
}

BOOST_AUTO_TEST_CASE(indexing_remembers_the_ascii_start_only_until_the_text_changes) {
  const Value v = sign::make_string("abcdef");
  auto& string = const_cast<sign::String&>(v.as_string());
  BOOST_TEST(string.ascii_through(5));
  string.text_in_place().assign("\xC3\xA9" "bcdef");  // as a pooled String is refilled
  BOOST_TEST(!string.ascii_through(0));
  BOOST_TEST(impl::get_index(v, Value::from_int(1)).as_string().text() == "b");
  BOOST_TEST(impl::holds_char_at(v, 0, "\xC3\xA9"));
}

BOOST_AUTO_TEST_CASE(indexing_past_a_non_ascii_character_counts_characters) {
  const Value v = sign::make_string("ab\xC3\xA9" "cd");
  BOOST_TEST(v.as_string().ascii_through(1));
  BOOST_TEST(!v.as_string().ascii_through(2));
  BOOST_TEST(!v.as_string().ascii_through(4));
  BOOST_TEST(impl::get_index(v, Value::from_int(3)).as_string().text() == "c");
  BOOST_TEST(impl::get_index(v, Value::from_int(5)).is_unit());
}

BOOST_AUTO_TEST_CASE(length_of_a_string_counts_characters) {
  BOOST_TEST(impl::absolute(sign::make_string("word"), false).as_int() == 4);
  BOOST_TEST(impl::absolute(sign::make_string("\xC3\xA9t\xC3\xA9"), false).as_int() == 3);
  BOOST_TEST(impl::absolute(sign::make_string(std::string(33, 'z')), false).as_int() == 33);
  BOOST_TEST(impl::absolute(Value(), true).as_int() == 0);
}

BOOST_AUTO_TEST_CASE(rest_of_a_sole_string_drops_its_front_in_place) {
  Value s = sign::make_string("h\xC3\xA9llo");  // héllo
  const sign::HeapObject* before = s.object();
  s = impl::get_rest(std::move(s), Value::from_int(2));
  BOOST_TEST(s.object() == before);
  BOOST_TEST(s.as_string().text() == "llo");
  BOOST_TEST(impl::holds_char_at(s, 0, "l"));
  s = impl::construct(std::move(s), sign::make_string("!"));  // text_in_place closes the gap
  BOOST_TEST(s.as_string().text() == "llo!");
}

BOOST_AUTO_TEST_CASE(rest_of_a_shared_string_is_a_new_string) {
  const Value s = sign::make_string("abc");
  Value copy = s;
  const Value rest = impl::get_rest(std::move(copy), Value::from_int(-2));
  BOOST_TEST(rest.as_string().text() == "bc");
  BOOST_TEST(s.as_string().text() == "abc");
}

BOOST_AUTO_TEST_CASE(rest_past_the_end_of_a_string_is_empty) {
  BOOST_TEST(impl::get_rest(sign::make_string("ab"), Value::from_int(5)).is_unit());
  BOOST_TEST(impl::get_rest(sign::make_string("ab"), Value::from_float(0.9)).as_string().text() == "ab");
}

BOOST_AUTO_TEST_CASE(head_and_rest_of_a_sole_string_leave_the_rest_in_place) {
  Value s = sign::make_string("\xC3\xA9t\xC3\xA9");  // été
  const sign::HeapObject* before = s.object();
  Value h, t;
  impl::destructure(std::move(s), {"h", "t"}, 1, {&h, &t});
  BOOST_TEST(h.as_string().text() == "\xC3\xA9");
  BOOST_TEST(t.object() == before);
  BOOST_TEST(t.as_string().text() == "t\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(text_goes_in_front_of_a_sole_string_in_place) {
  Value s = sign::make_string("z");
  const sign::HeapObject* before = s.object();
  const Value a = sign::make_string("a");
  for (int i = 0; i < 100; ++i) s = impl::construct(a, std::move(s));
  s = impl::construct(Value::from_int(-7), std::move(s));
  BOOST_TEST(s.object() == before);
  BOOST_TEST(s.as_string().text() == "-7" + std::string(100, 'a') + "z");
  s = impl::construct(std::move(s), sign::make_string("!"));  // appending closes the gap
  BOOST_TEST(s.as_string().text() == "-7" + std::string(100, 'a') + "z!");
}

BOOST_AUTO_TEST_CASE(text_in_front_of_a_shared_string_leaves_it_unchanged) {
  const Value s = sign::make_string("bc");
  Value copy = s;
  const Value joined = impl::construct(sign::make_string("a"), std::move(copy));
  BOOST_TEST(joined.as_string().text() == "abc");
  BOOST_TEST(s.as_string().text() == "bc");
}

BOOST_AUTO_TEST_CASE(a_literal_given_to_a_sole_string_takes_its_buffer) {
  Value word = sign::make_string("_sho");
  const sign::HeapObject* buffer = word.object();
  const Value literal = sign::make_string("_");
  const Value next = impl::literal_reusing(std::move(word), literal);
  BOOST_TEST(next.object() == buffer);
  BOOST_TEST(next.as_string().text() == "_");
  BOOST_TEST(literal.object()->use_count() == 1);  // the literal itself is not taken
}

BOOST_AUTO_TEST_CASE(a_literal_given_to_a_shared_string_leaves_it_unchanged) {
  Value word = sign::make_string("_sho");
  const Value kept = word;  // a List holds the word too
  const Value literal = sign::make_string("_");
  const Value next = impl::literal_reusing(std::move(word), literal);
  BOOST_TEST(next.object() == literal.object());
  BOOST_TEST(kept.as_string().text() == "_sho");
}

BOOST_AUTO_TEST_CASE(a_literal_given_to_a_number_is_the_literal) {
  const Value literal = sign::make_string("_");
  const Value next = impl::literal_reusing(Value::from_int(7), literal);
  BOOST_TEST(next.object() == literal.object());
}

BOOST_AUTO_TEST_CASE(an_element_read_is_appended_to_a_sole_string_in_place) {
  const Value syllables = sign::make_list({sign::make_string("ka"), Value::from_int(7)});
  Value word = sign::make_string(">");
  const sign::HeapObject* buffer = word.object();
  Value longer = impl::construct_element(std::move(word), syllables, Value::from_int(0));
  BOOST_TEST(longer.object() == buffer);
  BOOST_TEST(longer.as_string().text() == ">ka");
  BOOST_TEST(syllables.as_list().items()[0].object()->use_count() == 1);  // not copied out
  longer = impl::construct_element(std::move(longer), syllables, Value::from_int(-1));  // an Int: as construct
  BOOST_TEST(longer.as_string().text() == ">ka7");
  longer = impl::construct_element(std::move(longer), syllables, Value::from_int(5));  // none: __ appends nothing
  BOOST_TEST(longer.as_string().text() == ">ka7");
}

BOOST_AUTO_TEST_CASE(a_character_of_ascii_text_is_appended_to_a_sole_string_in_place) {
  const Value letters = sign::make_string("abc");
  Value word = sign::make_string(">");
  const sign::HeapObject* buffer = word.object();
  Value longer = impl::construct_element(std::move(word), letters, Value::from_int(2));
  BOOST_TEST(longer.object() == buffer);
  BOOST_TEST(longer.as_string().text() == ">c");
  longer = impl::construct_element(std::move(longer), letters, Value::from_int(-3));  // from the end: as construct
  BOOST_TEST(longer.as_string().text() == ">ca");
  longer = impl::construct_element(std::move(longer), letters, Value::from_int(3));  // none: __ appends nothing
  BOOST_TEST(longer.as_string().text() == ">ca");
}

BOOST_AUTO_TEST_CASE(an_element_appended_to_a_shared_string_makes_a_new_one) {
  const Value syllables = sign::make_list({sign::make_string("ka")});
  const Value word = sign::make_string(">");
  const Value longer = impl::construct_element(word, syllables, Value::from_int(0));
  BOOST_TEST(longer.as_string().text() == ">ka");
  BOOST_TEST(word.as_string().text() == ">");
}

BOOST_AUTO_TEST_SUITE_END()
