// SPDX-License-Identifier: MIT
// sign::impl::TextBuffer: what is not an inline append (text_buffer.hpp).
#include <sign/impl/text_buffer.hpp>

#include <array>
#include <charconv>

#include <sign/heap.hpp>

namespace sign::impl {

TextBuffer::TextBuffer(Value&& v) {
  if (!v.is_string()) {
    other_ = std::move(v);
    return;
  }
  holds_text_ = true;
  if (v.object()->use_count() == 1) {
    text_ = static_cast<String*>(v.object())->release_text();  // nothing else sees the String: its buffer
  } else {
    text_ = v.as_string().text();
  }
}

Value TextBuffer::value() && {
  if (!holds_text_) return std::move(other_);
  return make_string(std::move(text_));
}

Value TextBuffer::value() const& { return holds_text_ ? make_string(text_) : other_; }

void append_as_value(TextBuffer& l, const Value& r) {
  if (l.holds_text() && r.is_int()) return append(l, r.as_int());  // its digits, as construct appends them
  if (l.holds_text() && r.is_unit() && !r.is_string()) return;     // __ appends nothing
  l = TextBuffer(construct(std::move(l).value(), r));
}

void append_char_dynamic(TextBuffer& l, char32_t c) {
  if (l.holds_text()) {
    append_utf8(l.text(), c);
  } else {
    l.other() = construct_char(std::move(l.other()), c);
  }
}

void append(TextBuffer& l, std::int64_t r) {
  if (!l.holds_text()) return append_as_value(l, Value::from_int(r));
  std::array<char, 24> digits;
  const std::to_chars_result end = std::to_chars(digits.data(), digits.data() + digits.size(), r);
  l.text().append(digits.data(), static_cast<std::size_t>(end.ptr - digits.data()));
}

Value absolute(const TextBuffer& b, bool collection_operand) {
  if (!b.holds_text()) return absolute(b.other(), collection_operand);
  const std::string_view text = b.text();
  if (text.empty()) return collection_operand ? Value::from_int(0) : Value();
  return Value::from_int(static_cast<std::int64_t>(char_count(text)));
}

}  // namespace sign::impl
