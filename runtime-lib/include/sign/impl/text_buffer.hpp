// SPDX-License-Identifier: MIT
// A loop's text accumulator (issue 11; lower/ find_text_accumulators): the
// parameter a self tail call appends to (`count ... (w h) t`), held as a
// std::string while it is text, so an append is a push_back on a buffer
// the loop owns — no sign::Value to test, no count, no String object — as
// hand C++ builds a word. Anything else a caller gives (a number, a List,
// a Function) is kept as the sign::Value it is, and every operation on it
// is the Value's own, so a program sees no difference.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <sign/impl/ops.hpp>
#include <sign/impl/text.hpp>
#include <sign/value.hpp>

namespace sign::impl {

class TextBuffer {
 public:
  // A String's text (taken from a String nothing else holds, copied from
  // a shared one); any other value as it is.
  explicit TextBuffer(Value&& v);
  explicit TextBuffer(const Value& v) : TextBuffer(Value(v)) {}

  bool holds_text() const noexcept { return holds_text_; }
  bool is_unit() const noexcept { return holds_text_ ? text_.empty() : other_.is_unit(); }
  std::string& text() noexcept { return text_; }
  const std::string& text() const noexcept { return text_; }
  Value& other() noexcept { return other_; }
  const Value& other() const noexcept { return other_; }
  // The literal's text, in the buffer this one had.
  void assign_text(std::string_view text) {
    text_.clear();
    text_.append(text);
    other_ = Value();
    holds_text_ = true;
  }
  // The sign::Value it stands for: the text in a String (the buffer moved
  // into it), or the value kept.
  Value value() &&;
  Value value() const&;

 private:
  std::string text_;
  Value other_;
  bool holds_text_ = false;
};

// The accumulator of a value, and the value of an accumulator.
[[nodiscard]] inline TextBuffer text_buffer(Value&& v) { return TextBuffer(std::move(v)); }
[[nodiscard]] inline TextBuffer text_buffer(const Value& v) { return TextBuffer(v); }
[[nodiscard]] inline Value from_text_buffer(TextBuffer&& b) { return std::move(b).value(); }
[[nodiscard]] inline Value from_text_buffer(const TextBuffer& b) { return b.value(); }

// What is not text, or not appended in place: through the Value it stands for.
void append_as_value(TextBuffer& l, const Value& r);
void append_char_dynamic(TextBuffer& l, char32_t c);

// `w h`, `s `text``, `s (xs ' i)`, `s i`, `s x` given back to the
// accumulator in a self tail call: appended where it is, in place.
[[gnu::always_inline]] inline void append_char(TextBuffer& l, char32_t c) {
  if (!l.holds_text() || c >= 0x80) return append_char_dynamic(l, c);
  l.text().push_back(static_cast<char>(c));
}
template <std::size_t N>
inline void append_text(TextBuffer& l, const char (&text)[N]) {
  if (!l.holds_text()) {
    l.other() = construct_text(std::move(l.other()), text);
  } else if constexpr (N == 2) {
    l.text().push_back(text[0]);
  } else {
    l.text().append(text, N - 1);
  }
}
void append(TextBuffer& l, std::int64_t r);
inline void append(TextBuffer& l, const Value& r) {
  if (!l.holds_text() || !r.is_string()) return append_as_value(l, r);
  l.text().append(r.as_string().text());
}
inline void append_element(TextBuffer& l, const Value& list, const Value& index) {
  if (const int c = l.holds_text() ? ascii_char_at(list, index) : -1; c >= 0) {  // `s (al ' i)`, al ASCII text
    l.text().push_back(static_cast<char>(c));
    return;
  }
  const Value* element = l.holds_text() ? stored_element(list, index) : nullptr;
  if (element == nullptr || !element->is_string()) return append(l, get_index(list, index));  // `al ' i` of a String too
  l.text().append(element->as_string().text());
}
// A literal given to the accumulator in a self tail call: its buffer kept.
inline void assign_text(TextBuffer& l, const Value& literal) { l.assign_text(literal.as_string().text()); }

// The same as values (an append read before the loop goes on: `|w h|`).
[[nodiscard]] inline TextBuffer construct_char(TextBuffer l, char32_t c) {
  append_char(l, c);
  return l;
}
template <std::size_t N>
[[nodiscard]] inline TextBuffer construct_text(TextBuffer l, const char (&text)[N]) {
  append_text(l, text);
  return l;
}
[[nodiscard]] inline TextBuffer construct_element(TextBuffer l, const Value& list, const Value& index) {
  append_element(l, list, index);
  return l;
}
[[nodiscard]] inline TextBuffer construct(TextBuffer l, std::int64_t r) {
  append(l, r);
  return l;
}
[[nodiscard]] inline TextBuffer construct(TextBuffer l, const Value& r) {
  append(l, r);
  return l;
}
[[nodiscard]] inline bool applies(const TextBuffer& b) noexcept { return !b.holds_text() && b.other().is_function(); }

// `|w|`: the characters of the text, counted where it is.
[[nodiscard]] Value absolute(const TextBuffer& b, bool collection_operand);

}  // namespace sign::impl
