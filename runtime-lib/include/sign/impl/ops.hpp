// SPDX-License-Identifier: MIT
// sign::impl operations on Strings, Lists and Dicts — called only by
// generated code. Each follows the reference semantics of the operator it
// implements (guide/operator_table.md, impl/core/list_model.md); a value of
// the wrong kind gives __, never a crash.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include <sign/impl/text.hpp>
#include <sign/value.hpp>

namespace sign::impl {

// Literals.
[[nodiscard]] inline Value string_literal(std::string_view text) { return make_string(std::string(text)); }

// A String literal's text as a template argument: `string_constant<"tone">()`.
template <std::size_t N>
struct LiteralText {
  char text[N];
  constexpr LiteralText(const char (&s)[N]) noexcept {  // NOLINT(google-explicit-constructor): `<"tone">`
    for (std::size_t i = 0; i < N; ++i) text[i] = s[i];
  }
};
// The String of a literal, made once, on first use: a literal evaluated in
// a loop costs no allocation.
template <LiteralText literal>
[[nodiscard, gnu::always_inline]] inline const Value& string_constant() {  // a guard test where it is read
  static const Value value = string_literal(std::string_view(literal.text, sizeof(literal.text) - 1));
  return value;
}

// A String literal a self tail call gives a parameter whose old value dies
// there: a String the parameter held alone takes the literal's text in
// place, so a word built, dropped and begun again keeps one buffer (as
// hand C++ clears a std::string) instead of freeing it and copying the
// shared literal on the next append. Any other old value is released.
[[nodiscard]] inline Value literal_reusing(Value&& old, const Value& literal) {
  if (!old.is_string() || old.object()->use_count() != 1 || &old == &literal) return literal;
  static_cast<String*>(old.object())->assign_in_place(literal.as_string().text());
  return std::move(old);
}

// Whether whitespace after v applies it (v is a Function) rather than
// appending to it: a loop that only appends to a parameter tests it for __
// on entry, and again each time only where this held (lower/entry_guards.cpp).
[[nodiscard]] inline bool applies(const Value& v) noexcept { return v.is_function(); }

// Whitespace between values (coproduct): `1 2` builds a List, a String on
// either side joins text, a __ operand is the identity, a Function on the
// left is applied to a non-function right (tier 10.4).
[[nodiscard]] Value construct(const Value& l, const Value& r);
// `x [xs]~`: x in front of the List r; `[xs]~ x`: x after the List l.
[[nodiscard]] Value push_front(const Value& x, const Value& r);
[[nodiscard]] Value push_back(const Value& l, const Value& x);
// `a , b`: a List of both (a longer chain is one product_of). __ operands
// leave no slot.
[[nodiscard]] Value product(const Value& l, const Value& r);
// `[a, b]` of two Ints where lowering proved both: a twin carries it
// unboxed (issue 11, short-lived pairs) until something needs the List.
struct IntPair {
  std::int64_t first;
  std::int64_t second;
  constexpr IntPair(std::int64_t f, std::int64_t s) noexcept : first(f), second(s) {}
};
// The List [first, second] the pair stands for.
[[nodiscard]] Value from_int_pair(IntPair pair);
// The elements of a List of Ints that a caller holds, lent to a twin that
// takes them apart (`[h ~t]`) without a slice or a count per step; valid
// while the caller's List is.
// A packed List (see List) lends its int64s, any other its Values: either
// way the elements are int64s `stride_` bytes apart, read without a test
// of which (a walk reads one and steps on, as over a plain array).
class Elements {
 public:
  Elements() = default;
  explicit Elements(std::span<const std::int64_t> packed) noexcept
      : first_(reinterpret_cast<const std::byte*>(packed.data())), size_(packed.size()), stride_(sizeof(std::int64_t)) {}
  explicit Elements(std::span<const Value> boxed) noexcept
      : first_(boxed.empty() ? nullptr : reinterpret_cast<const std::byte*>(boxed.data()) + Value::int_offset()),
        size_(boxed.size()),
        stride_(sizeof(Value)) {}
  std::size_t size() const noexcept { return size_; }
  std::int64_t operator[](std::size_t i) const noexcept {
    std::int64_t element;
    std::memcpy(&element, first_ + i * stride_, sizeof element);
    return element;
  }
  // The elements from index n (<= size()) on.
  Elements from(std::size_t n) const noexcept {
    Elements rest = *this;
    rest.first_ += n * stride_;
    rest.size_ -= n;
    return rest;
  }

 private:
  const std::byte* first_ = nullptr;
  std::size_t size_ = 0;
  std::size_t stride_ = 0;
};
// (A List of Ints that came out __ lends none.)
[[nodiscard]] inline Elements elements(const Value& list) {
  if (!list.is_list()) return Elements();
  const List& l = list.as_list();
  return l.is_packed() ? Elements(l.packed()) : Elements(l.items());
}
// Whether v is a List whose elements are all Ints (counted once per List):
// a walk along it may be lent them as Elements.
[[nodiscard]] inline bool is_int_list(const Value& v) { return v.is_list() && v.as_list().all_ints(); }
[[nodiscard]] inline bool has_elements(Elements xs, std::size_t n) noexcept { return xs.size() >= n; }
[[nodiscard]] inline std::int64_t int_element(Elements xs, std::size_t i) noexcept { return xs[i]; }
[[nodiscard]] inline Elements elements_from(Elements xs, std::size_t n) noexcept { return xs.from(n); }
// A List of its own holding the elements (where a Value is needed).
[[nodiscard]] Value from_elements(Elements xs);
// `qs ' i` of lent Elements (a List of Ints a loop only reads by index):
// element i (negative from the end) as an Int, or __ past either end —
// never a heap value, so the caller's comparisons and arithmetic on it
// stay inline. Any other index as get_index reads it of the List.
[[nodiscard]] inline Value element_at(Elements xs, std::int64_t i) noexcept {
  const auto size = static_cast<std::int64_t>(xs.size());
  if (i < 0) i += size;
  return i >= 0 && i < size ? Value::from_int(xs[static_cast<std::size_t>(i)]) : Value();
}
[[nodiscard]] Value element_at_dynamic(Elements xs, const Value& index);
[[nodiscard]] inline Value element_at(Elements xs, const Value& index) {
  return index.is_int() ? element_at(xs, index.as_int()) : element_at_dynamic(xs, index);
}
// The text of a String a caller holds, lent to a twin that walks it by
// `[h ~t]` (issue 11): each step reads a character as a char32_t and
// narrows the view — no String per character or per rest, no count
// changed. Valid while the caller's String is; always valid UTF-8.
using Chars = std::string_view;
// Whether v is a String that may be lent as Chars: its text is valid
// UTF-8 (other bytes keep the general path, which splits them as it can).
[[nodiscard]] bool is_text_dynamic(const String& s) noexcept;
[[nodiscard]] inline bool is_text(const Value& v) noexcept { return v.is_string() && is_text_dynamic(v.as_string()); }
[[nodiscard]] inline Chars chars(const Value& text) noexcept { return text.as_string().text(); }
// The byte where character n of `s` begins (its size past the end).
[[nodiscard]] inline std::size_t char_offset(Chars s, std::size_t n) noexcept {
  std::size_t at = 0;
  for (; n > 0 && at < s.size(); --n) at += utf8_length(static_cast<unsigned char>(s[at]));
  return at;
}
[[nodiscard]] inline bool has_chars(Chars s, std::size_t n) noexcept {
  return n == 1 ? !s.empty() : char_offset(s, n - 1) < s.size();
}
// Character i (there is one: has_chars(s, i + 1)).
[[nodiscard]] inline char32_t char_element(Chars s, std::size_t i) noexcept {
  const std::size_t at = char_offset(s, i);
  const auto lead = static_cast<unsigned char>(s[at]);
  return lead < 0x80 ? lead : decode_utf8(s.substr(at));
}
[[nodiscard]] inline Chars chars_from(Chars s, std::size_t n) noexcept { return s.substr(char_offset(s, n)); }
// The one-character String of a character; a String of its own holding
// the text, where a Value is needed.
[[nodiscard]] Value from_char(char32_t c);
[[nodiscard]] Value from_chars(Chars s);
// The text of an all-ASCII String a caller holds, lent to a twin that
// reads it by index (`s ' i`, issue 11): one byte per character, so
// character i is byte i — no count from the start, no String per read.
// Valid while the caller's String is.
using AsciiText = std::string_view;
// Whether v is a String whose text is all ASCII (as far as the String
// remembers having looked, then the rest, once): it may be lent as AsciiText.
[[nodiscard]] bool is_ascii_text_dynamic(const String& s) noexcept;
[[nodiscard]] inline bool is_ascii_text(const Value& v) noexcept {
  return v.is_string() && is_ascii_text_dynamic(v.as_string());
}
[[nodiscard]] inline AsciiText ascii_text(const Value& text) noexcept { return text.as_string().text(); }
// What `s ' i` reads past either end of lent text: __, as a char32_t that is
// no code point (a comparison of two such reads treats it as __ does).
inline constexpr char32_t kNoChar = 0xFFFFFFFF;
// `s ' i` of lent ASCII text, i an Int (negative: from the end): its
// character, or kNoChar past either end.
[[nodiscard]] inline char32_t ascii_at(AsciiText s, std::int64_t i) noexcept {
  const auto size = static_cast<std::int64_t>(s.size());
  if (i < 0) i += size;
  return i >= 0 && i < size ? static_cast<unsigned char>(s[static_cast<std::size_t>(i)]) : kNoChar;
}
// `a = b` tested, each a read of lent text: equal characters, neither __
// (`__ = __` does not hold). `a != b` is the C++ `!=`: it holds for a __ and
// a character, and not for two __s, as the runtime's comparison.
[[nodiscard]] constexpr bool same_char(char32_t a, char32_t b) noexcept { return a == b && a != kNoChar; }
// `s ' i` of lent ASCII text where a Value is needed: the one-character
// String, or __ past either end; any other index as get_index reads it of
// the String.
[[nodiscard]] inline Value ascii_value_at(AsciiText s, std::int64_t i) {
  const char32_t c = ascii_at(s, i);
  return c == kNoChar ? Value() : from_char(c);
}
[[nodiscard]] Value ascii_value_at(AsciiText s, const Value& index);
// `a , b , c , ...` at once: the List of the operands that are not __.
[[nodiscard]] Value product_of(std::initializer_list<Value> operands);
// The same, built in `reuse` when it is a List nothing else refers to (an
// emptied one from destructure): no allocation.
[[nodiscard]] Value product_reusing(Value&& reuse, std::initializer_list<Value> operands);
// The same operations consuming the String or List they extend: when the
// moved-in Value is its only reference, it grows in place (amortised O(1)
// appends) instead of being copied. Generated code moves a local in at its
// last use (transpiler/lower/last_use.cpp); temporaries bind here anyway.
[[nodiscard]] Value construct(Value&& l, const Value& r);
// `c s` with the String s moved in: text c (a String or a number) goes in
// front of s in place when nothing else holds s (String::prepend_in_place).
[[nodiscard]] Value construct(const Value& l, Value&& r);
// Both moved in: l grows in place if it can, else r does. Text appended
// to a String nothing else holds (a word built syllable by syllable) is
// the common case, inline; the rest out of line.
[[nodiscard]] Value construct_moved(Value&& l, Value&& r);
[[nodiscard]] inline Value construct(Value&& l, Value&& r) {
  if (l.is_string() && r.is_string() && &l != &r && l.object()->use_count() == 1) {
    // Both Strings nothing else holds: the shorter text goes to the longer,
    // so text built from its end (`i `,` acc`, `h acc`) stays linear.
    if (r.object()->use_count() == 1 && r.as_string().text().size() > l.as_string().text().size()) {
      static_cast<String*>(r.object())->prepend_in_place(l.as_string().text());
      return std::move(r);
    }
    static_cast<String*>(l.object())->text_in_place().append(r.as_string().text());
    return std::move(l);
  }
  return construct_moved(std::move(l), std::move(r));
}
// `s `text``, a non-empty text literal appended: a String nothing else
// holds takes its bytes in place, inline — no String for the literal, no
// dispatch on its kind; every other l out of line, as construct(l, the
// literal's String) would.
[[nodiscard]] Value construct_text_dynamic(Value&& l, std::string_view text);
template <std::size_t N>
[[nodiscard]] inline Value construct_text(Value&& l, const char (&text)[N]) {
  if (!l.is_string() || l.object()->use_count() != 1) return construct_text_dynamic(std::move(l), {text, N - 1});
  std::string& in_place = static_cast<String*>(l.object())->text_in_place();
  if constexpr (N == 2) {
    in_place.push_back(text[0]);  // inline, where append calls out
  } else {
    in_place.append(text, N - 1);
  }
  return std::move(l);
}
template <std::size_t N>
[[nodiscard]] inline Value construct_text(const Value& l, const char (&text)[N]) {
  return construct_text_dynamic(Value(l), {text, N - 1});
}
// `w h` with h a character a walk read (a twin's char32_t): a String
// nothing else holds takes its UTF-8 in place, an ASCII one inline — no
// String for h; every other w as construct(w, from_char(h)) would.
[[nodiscard]] Value construct_char_dynamic(Value&& l, char32_t c);
[[nodiscard]] inline Value construct_char(Value&& l, char32_t c) {
  if (c >= 0x80 || !l.is_string() || l.object()->use_count() != 1) return construct_char_dynamic(std::move(l), c);
  static_cast<String*>(l.object())->text_in_place().push_back(static_cast<char>(c));
  return std::move(l);
}
[[nodiscard]] inline Value construct_char(const Value& l, char32_t c) { return construct_char_dynamic(Value(l), c); }
// `h r` with h a twin's character: its bytes go in front of a String r
// nothing else holds, in place (String::prepend_in_place; a text reversed
// character by character makes no String per character); a String held
// elsewhere too into a copy (once), with room in front; anything else as
// construct(from_char(c), r).
[[nodiscard]] Value char_in_front_dynamic(char32_t c, Value&& r);
// The inline step of char_in_front and int_in_front: ASCII byte c into the
// front gap of a String r nothing else holds; false where there is none.
[[nodiscard]] inline bool ascii_in_front(char c, Value& r) noexcept {
  return r.is_string() && r.object()->use_count() == 1 && static_cast<String*>(r.object())->prepend_ascii_in_place(c);
}
[[nodiscard]] inline Value char_in_front(char32_t c, Value&& r) {
  if (c < 0x80 && ascii_in_front(static_cast<char>(c), r)) return std::move(r);
  return char_in_front_dynamic(c, std::move(r));
}
// `d r`, d an Int: its digits put in front of String r as char_in_front
// puts a character; anything else as construct(from_int(d), r).
[[nodiscard]] Value int_in_front_dynamic(std::int64_t d, Value&& r);
[[nodiscard]] inline Value int_in_front(std::int64_t d, Value&& r) {
  // One digit (a number written from its end) into the gap, inline.
  if (static_cast<std::uint64_t>(d) < 10 && ascii_in_front(static_cast<char>('0' + d), r)) return std::move(r);
  return int_in_front_dynamic(d, std::move(r));
}
[[nodiscard]] inline Value int_in_front(std::int64_t d, const Value& r) { return int_in_front(d, Value(r)); }
[[nodiscard]] inline Value char_in_front(char32_t c, const Value& r) { return char_in_front(c, Value(r)); }
// `s i` with i a proven Int (a twin's int64_t): a String s nothing else
// holds takes i's decimal digits in place, without boxing i or dispatching
// on its kind; every other l goes through construct(l, Int i).
[[nodiscard]] Value construct_int_dynamic(Value&& l, std::int64_t r);
[[nodiscard, gnu::always_inline]] inline Value construct(Value&& l, std::int64_t r) {
  // `acc~ i` step after step: i after the Ints of a packed List nothing else holds.
  if (l.is_list() && l.object()->use_count() == 1 && static_cast<List*>(l.object())->push_back_packed(r)) {
    return std::move(l);
  }
  return construct_int_dynamic(std::move(l), r);
}
[[nodiscard]] inline Value construct(const Value& l, std::int64_t r) { return construct(l, Value::from_int(r)); }
[[nodiscard]] Value push_front(const Value& x, Value&& r);
[[nodiscard]] Value push_back(Value&& l, const Value& x);
[[nodiscard]] Value product(Value&& l, const Value& r);

// `l ' r` with r a value: an index (negative from the end, Floats rounded)
// or a List of indices. Strings index by code point.
[[nodiscard]] Value get_index_dynamic(const Value& l, const Value& r);
// `l ' r` read in place where l is a List that stores its Values (not a
// slice, not packed) and r an Int index in it; nullptr otherwise.
[[nodiscard]] inline const Value* stored_element(const Value& l, const Value& r) noexcept {
  if (!l.is_list() || !r.is_int() || !l.as_list().stores_values()) return nullptr;
  const auto items = l.as_list().stored_values();
  const std::int64_t i = r.as_int() < 0 ? r.as_int() + static_cast<std::int64_t>(items.size()) : r.as_int();
  return i >= 0 && static_cast<std::size_t>(i) < items.size() ? &items[static_cast<std::size_t>(i)] : nullptr;
}
// A List and an Int inline; everything else out of line (a packed List's
// element too: a loop that only indexes one is lent its Elements, see
// element_at).
[[nodiscard]] inline Value get_index(const Value& l, const Value& r) {
  const Value* element = stored_element(l, r);
  return element != nullptr ? *element : get_index_dynamic(l, r);
}
// `l ' [a ~ b]`: for a List and Ints 0 <= a <= b within it, elements a..b
// as a slice of l (no range made, no element copied); anything else as
// get_index reads the range's List.
[[nodiscard]] Value get_index_range(const Value& l, const Value& from, const Value& to);
// `al ' i` of a String al whose first i + 1 bytes are ASCII (i an Int from
// 0): character i, the byte there; -1 where it is not read that way.
[[nodiscard]] inline int ascii_char_at(const Value& text, const Value& index) noexcept {
  if (!text.is_string() || !index.is_int() || index.as_int() < 0) return -1;
  return text.as_string().ascii_byte(static_cast<std::size_t>(index.as_int()));
}
// `s (xs ' i)`: the element appended where it is read, no count taken and
// dropped on it — a String s nothing else holds takes a String element's
// text, or an ASCII String's character, in place (s, a String, cannot be
// inside xs); everything else as construct(s, get_index(xs, i)), out of line.
[[nodiscard]] Value construct_element_dynamic(Value&& l, const Value& list, const Value& index);
[[nodiscard, gnu::always_inline]] inline Value construct_element(Value&& l, const Value& list, const Value& index) {
  if (l.is_string() && l.object()->use_count() == 1) {
    if (const int c = ascii_char_at(list, index); c >= 0) {
      static_cast<String*>(l.object())->text_in_place().push_back(static_cast<char>(c));
      return std::move(l);
    }
    const Value* element = stored_element(list, index);
    if (element != nullptr && element->is_string()) {
      static_cast<String*>(l.object())->text_in_place().append(element->as_string().text());
      return std::move(l);
    }
  }
  return construct_element_dynamic(std::move(l), list, index);
}
[[nodiscard]] inline Value construct_element(const Value& l, const Value& list, const Value& index) {
  return construct(l, get_index(list, index));
}
// `l ' name`: the slot `name` of a Dict; for any other l, `name` is a
// variable whose value is the index (a List's inline, as get_index).
[[nodiscard]] Value get_named_dynamic(const Value& l, std::string_view name, const Value& name_value);
[[nodiscard]] inline Value get_named(const Value& l, std::string_view name, const Value& name_value) {
  return l.is_list() ? get_index(l, name_value) : get_named_dynamic(l, name, name_value);
}
// `l ' n~`: the elements from index n on.
[[nodiscard]] Value get_rest(const Value& l, const Value& n);
// The same consuming l: a String nothing else holds drops its first
// characters in place (String::drop_front_in_place), so a walk by
// `s ' 1~` is linear.
[[nodiscard]] Value get_rest(Value&& l, const Value& n);

// `|x|`: element count of a List, String or Dict, absolute value of a
// number. For __ it is 0 when pass 3 proved a List or String operand.
[[nodiscard]] Value absolute_dynamic(const Value& v, bool collection_operand);
[[nodiscard]] inline Value absolute(const Value& v, bool collection_operand) {
  if (v.is_string()) {  // a short ASCII String (a word) counted here: one character per byte
    const std::string_view text = v.as_string().text();
    if (!text.empty() && text.size() <= 32 && is_ascii(text)) {
      return Value::from_int(static_cast<std::int64_t>(text.size()));
    }
  }
  return absolute_dynamic(v, collection_operand);
}
// Postfix `~` as a value: flattens one level.
[[nodiscard]] Value flatten(const Value& v);
// The same consuming v: a List nothing else holds and no item of which is a
// List is its own flattening (no copy).
[[nodiscard]] Value flatten_dynamic(Value&& v);
[[nodiscard]] inline Value flatten(Value&& v) {
  // `acc~` of a packed List nothing else holds (packed: no item is a List).
  if (v.is_list() && v.object()->use_count() == 1 && static_cast<const List*>(v.object())->is_packed() &&
      !static_cast<const List*>(v.object())->is_slice()) {
    return std::move(v);
  }
  return flatten_dynamic(std::move(v));
}
// `x xs~`: construct(x, flatten(xs)). A number x goes in front of a flat
// List xs nothing else holds in place (List::push_front_in_place), so a
// list built by recursion — `(f h) (g t)~`, `h acc~` — costs O(1) a step.
[[nodiscard]] Value construct_expanded_dynamic(Value&& l, Value&& r);
[[nodiscard]] inline Value construct_expanded(Value&& l, Value&& r) {
  // `i acc~` building a packed List nothing else holds: i goes in front here.
  if (l.is_int() && r.is_list() && r.object()->use_count() == 1 &&
      static_cast<List*>(r.object())->push_front_in_gap(l.as_int())) {
    return std::move(r);
  }
  return construct_expanded_dynamic(std::move(l), std::move(r));
}
[[nodiscard]] inline Value construct_expanded(const Value& l, const Value& r) { return construct(l, flatten(r)); }
// `acc~ a bs~`, bs lent Elements: their Ints appended to a packed List l
// nothing else holds, no List made of them; anything else as
// construct_expanded(l, from_elements(r)).
[[nodiscard]] Value construct_expanded(Value&& l, Elements r);
[[nodiscard]] inline Value construct_expanded(const Value& l, Elements r) { return construct_expanded(l, from_elements(r)); }
// `a ~ b` (Ints or single chars), `a ~+ s ~ b` and its siblings.
enum class RangeStep : std::uint8_t { Add, Sub, Mul, Div, Pow };
// The most elements a range makes: a runaway range is __, not an exhausted heap.
inline constexpr std::size_t kMaxRangeLength = std::size_t{1} << 26;
[[nodiscard]] Value range(const Value& start, const Value& end);
[[nodiscard]] Value range_step(const Value& start, RangeStep step_op, const Value& step, const Value& end);

// Prefix `!`: the identity function for __ (true), __ for anything else.
[[nodiscard]] Value logic_not(const Value& v);
// Prefix `@`: what an address holds; any other value is itself (so `@f x`
// calls a function passed as `$f`).
[[nodiscard]] inline Value input(const Value& v) { return v.is_address() ? v.as_address().variable() : v; }
// `a # v`: stores v where the address a points and yields v; a value that
// is not an address has nowhere to store, and the result is still v.
[[nodiscard]] inline Value store(const Value& a, Value v) {
  if (a.is_address()) a.as_address().variable() = v;
  return v;
}
// Layer 0 (option.ms `layer : 0`, memory-model.md §2): `@` and infix `#`
// are volatile accesses — the compiler may neither drop, merge nor move them
// across other memory accesses (a signal fence on each side; the access is
// a device register's in spirit, a Value slot in fact).
[[nodiscard]] inline Value input_volatile(const Value& v) {
  std::atomic_signal_fence(std::memory_order_seq_cst);
  Value out = input(v);
  std::atomic_signal_fence(std::memory_order_seq_cst);
  return out;
}
[[nodiscard]] inline Value store_volatile(const Value& a, Value v) {
  std::atomic_signal_fence(std::memory_order_seq_cst);
  Value out = store(a, std::move(v));
  std::atomic_signal_fence(std::memory_order_seq_cst);
  return out;
}
// `l ^ r`.
[[nodiscard]] Value pow(const Value& l, const Value& r);

// Helpers for generated parameter binding (`[h ~t] ? ...`) live in call.hpp.

// Text of a value when a String joins it (`` `n=` 5 `` → `n=5`).
void append_text(std::string& out, const Value& v);
// Splits UTF-8 text into its code points, one String each.
[[nodiscard]] std::vector<Value> chars_of(std::string_view text);

}  // namespace sign::impl
