// SPDX-License-Identifier: MIT
// Operations on Strings, Lists and Dicts (contract in sign/impl/ops.hpp).
#include <sign/impl/arith.hpp>
#include <sign/impl/call.hpp>
#include <sign/impl/ops.hpp>

#include "list_building.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace sign::impl {
namespace {

// A List's elements; __ is no element, any other value one (a scalar is a
// one-element List: `[5]` is 5). append_items: items += as_items(v).
void append_items(std::vector<Value>& items, const Value& v) {
  if (v.is_unit()) return;
  if (!v.is_list()) {
    items.push_back(v);
  } else if (v.as_list().is_packed()) {  // boxed here, not in the List
    for (const std::int64_t i : v.as_list().packed()) items.push_back(Value::from_int(i));
  } else {
    items.insert(items.end(), v.as_list().items().begin(), v.as_list().items().end());
  }
}

// Whether as_items(v) are Ints a packed List can take: v an Int or a packed
// List (append_ints adds them).
bool packs(const Value& v) { return v.is_int() || (v.is_list() && v.as_list().is_packed()); }
void append_ints(PackedInts& ints, const Value& v) {
  if (v.is_int()) {
    ints.push_back(v.as_int());
  } else {
    append_packed(ints, v.as_list().packed());
  }
}

// How many elements as_items(v) has.
std::size_t item_count(const Value& v) {
  if (v.is_unit()) return 0;
  return v.is_list() ? v.as_list().size() : 1;
}

std::vector<Value> as_items(const Value& v) {
  std::vector<Value> items;
  append_items(items, v);
  return items;
}

// What `'` indexes: List elements, a String's characters, a Dict's slots in
// order, or the scalar itself.
std::vector<Value> indexable(const Value& v) {
  if (v.is_string()) return chars_of(v.as_string().text());
  if (v.is_dict()) {
    std::vector<Value> out;
    for (const auto& entry : v.as_dict().entries()) out.push_back(entry.second);
    return out;
  }
  return as_items(v);
}

// The code points of UTF-8 text, as [begin, end) byte ranges, one at a time.
template <class Visit>
void for_each_char(std::string_view text, Visit visit) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = std::min(utf8_length(static_cast<unsigned char>(text[i])), text.size() - i);
    if (!visit(text.substr(i, n))) return;
    i += n;
  }
}

// The ASCII one-character Strings of a thread, made once each: `w ' 0` in
// a loop allocates nothing. Plain data, constant-initialised, as ListPool in
// heap.cpp: the hot path has no thread_local initialisation guard.
struct AsciiChars {
  Value* strings;  // the thread's table, once made
  bool closed;     // the thread is exiting: make Strings as usual
};
constinit thread_local AsciiChars ascii_chars{};

Value* ascii_table() {
  struct Table {
    std::array<Value, 0x80> strings;
    ~Table() { ascii_chars = {nullptr, true}; }
  };
  thread_local Table table;  // its guard is paid here, once per thread
  return table.strings.data();
}

Value char_string(std::string_view c) {
  if (c.size() != 1 || static_cast<unsigned char>(c[0]) >= 0x80 || ascii_chars.closed) return make_string(std::string(c));
  if (ascii_chars.strings == nullptr) ascii_chars.strings = ascii_table();
  Value& made = ascii_chars.strings[static_cast<unsigned char>(c[0])];
  if (made.is_unit()) made = make_string(std::string(c));
  return made;
}

// The byte where character n of s begins, or its size when s has fewer
// characters; in place over the ASCII start s remembers.
std::size_t char_offset(const String& s, std::size_t n) {
  if (n == 0) return 0;
  if (s.ascii_through(n - 1)) return n;
  const std::string_view text = s.text();
  std::size_t offset = text.size();
  for_each_char(text, [&](std::string_view c) {
    if (n-- > 0) return true;
    offset = static_cast<std::size_t>(c.data() - text.data());
    return false;
  });
  return offset;
}

// Character i of `string`, or __ past its end.
Value char_at(const String& string, std::size_t i) {
  const std::string_view text = string.text();
  const std::size_t at = char_offset(string, i);
  if (at >= text.size()) return Value();
  return char_string(text.substr(at, std::min(utf8_length(static_cast<unsigned char>(text[at])), text.size() - at)));
}

// How many elements `'` sees in v (see indexable), without copying them.
std::size_t element_count(const Value& v) {
  if (v.is_unit()) return 0;
  switch (v.kind()) {
    case Kind::List: return v.as_list().size();
    case Kind::Dict: return v.as_dict().entries().size();
    case Kind::String: {  // all ASCII, as the String remembers once it has looked: one per byte
      const std::string_view text = v.as_string().text();
      return !text.empty() && v.as_string().ascii_through(text.size() - 1) ? text.size() : char_count(text);
    }
    default: return 1;
  }
}

// Element i (< element_count(v)) of v, as indexable(v)[i] without the copy.
Value element(const Value& v, std::size_t i) {
  switch (v.kind()) {
    case Kind::List: return v.as_list().at(i);
    case Kind::Dict: return v.as_dict().entries()[i].second;
    case Kind::String: return char_at(v.as_string(), i);
    default: return v;
  }
}

std::int64_t round_half_away(double d) { return static_cast<std::int64_t>(d < 0 ? -std::round(-d) : std::round(d)); }

// Index i (negative counts from the end), or -1 when it is out of range.
std::int64_t resolve_index(const Value& i, std::size_t size) {
  std::int64_t n = i.is_int() ? i.as_int() : round_half_away(i.as_float());
  if (n < 0) n += static_cast<std::int64_t>(size);
  return n >= 0 && static_cast<std::size_t>(n) < size ? n : -1;
}

Value join_chars(const std::vector<Value>& chars) {
  std::string text;
  for (const Value& c : chars) append_text(text, c);
  return make_string(std::move(text));
}

// As (pointer, count): an iterator pair would go through std::string's slower _M_replace.
template <typename Number>
void append_chars(std::string& out, Number n) {
  std::array<char, 32> buf;
  const std::to_chars_result res = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out.append(buf.data(), static_cast<std::size_t>(res.ptr - buf.data()));
}

void append_int(std::string& out, std::int64_t n) { append_chars(out, n); }

void append_number(std::string& out, const Value& v) {
  // Text as the reference prints numbers: integral Floats without ".0".
  if (v.is_float() && std::isfinite(v.as_float()) && v.as_float() == std::trunc(v.as_float()) &&
      std::fabs(v.as_float()) < 1e21) {
    append_int(out, static_cast<std::int64_t>(v.as_float()));
    return;
  }
  if (v.is_float() && !std::isfinite(v.as_float())) {
    out += std::isnan(v.as_float()) ? "NaN" : v.as_float() > 0 ? "Infinity" : "-Infinity";
    return;
  }
  if (v.is_int()) {
    append_int(out, v.as_int());
  } else {
    append_chars(out, v.as_float());
  }
}

}  // namespace

std::vector<Value> chars_of(std::string_view text) {
  std::vector<Value> out;
  for_each_char(text, [&](std::string_view c) { return out.push_back(char_string(c)), true; });
  return out;
}

void append_text(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Kind::String: out += v.as_string().text(); return;
    case Kind::Int:
    case Kind::Float: append_number(out, v); return;
    case Kind::List:
      for (const Value& item : v.as_list().items()) append_text(out, item);
      return;
    case Kind::Dict: out += "[object Object]"; return;
    default: return;  // __ joins as nothing
  }
}

namespace {

// v's String or List when v is its only reference: free to change in place.
String* sole_string(const Value& v) {
  return v.is_string() && v.object()->use_count() == 1 ? static_cast<String*>(v.object()) : nullptr;
}
using detail::built_list;
using detail::sole_list;

// A new String of both texts: one allocation.
Value text_joined(std::string_view front, std::string_view back) {
  Value joined = new_string(front.size() + back.size());
  static_cast<String*>(joined.object())->text_in_place().append(front).append(back);
  return joined;
}

}  // namespace

Value construct(const Value& l, const Value& r) {
  // __ is the unit of the coproduct, but an empty String literal is a text
  // seed: `` `` 1 2 `` is the text `12`.
  if (l.is_unit() && !l.is_string()) return r;
  if (r.is_unit() && !r.is_string()) return l;
  if (l.is_function() && !r.is_function()) return apply(l, {r});
  if (l.is_string() && r.is_string()) {  // the common case: one allocation, no conversions
    return text_joined(l.as_string().text(), r.as_string().text());
  }
  if (l.is_string() || r.is_string()) {
    std::string text;
    append_text(text, l);
    append_text(text, r);
    return make_string(std::move(text));
  }
  if (packs(l) && packs(r)) {  // `i acc~` starting a List of Ints from two: packed
    Value built = new_int_list(item_count(l) + item_count(r));
    PackedInts& ints = static_cast<List*>(built.object())->ints_in_place();
    append_ints(ints, l);
    append_ints(ints, r);
    return built;
  }
  return built_list(item_count(l) + item_count(r), [&](std::vector<Value>& items) {
    append_items(items, l);
    append_items(items, r);
  });
}


Value construct(Value&& l, const Value& r) {
  String* s = sole_string(l);
  if (s != nullptr && r.is_string() && &l != &r) {  // the common case first: text appended in place
    s->text_in_place().append(r.as_string().text());
    return std::move(l);
  }
  if (&l == &r) return construct(std::as_const(l), r);
  if (l.is_unit() && !l.is_string()) return r;
  if (r.is_unit() && !r.is_string()) return std::move(l);
  if (s != nullptr) {
    append_text(s->text_in_place(), r);
    return std::move(l);
  }
  if (List* list = sole_list(l); list != nullptr && list->is_packed() && packs(r)) {  // `acc~ i`: stays packed
    append_ints(list->ints_in_place(), r);
    return std::move(l);
  }
  if (List* list = sole_list(l); list != nullptr && !r.is_string()) {
    const bool stays_flat = list->known_flat() && !r.is_list();  // `acc~ x`, step after step
    append_items(list->items_in_place(), r);
    if (stays_flat) list->mark_flat();
    return std::move(l);
  }
  return construct(std::as_const(l), r);
}

namespace {

// r's String when `l r` can put l's text in front of it in place: r a
// String nothing else holds, l a String or a number.
String* takes_text_in_front(const Value& l, const Value& r) {
  return &l != &r && (l.is_string() || l.is_int() || l.is_float()) ? sole_string(r) : nullptr;
}

Value text_in_front(const Value& l, Value&& r, String& s) {
  if (l.is_string()) {
    s.prepend_in_place(l.as_string().text());
  } else {
    std::string number;
    append_number(number, l);
    s.prepend_in_place(number);
  }
  return std::move(r);
}

}  // namespace

Value construct(const Value& l, Value&& r) {
  if (String* s = takes_text_in_front(l, r)) return text_in_front(l, std::move(r), *s);
  return construct(l, std::as_const(r));
}

// One dispatch for the out-of-line cases: l extends in place, or r takes
// l in front, or a new value.
Value construct_moved(Value&& l, Value&& r) {
  if (&l != &r && (sole_string(l) != nullptr || sole_list(l) != nullptr)) {
    return construct(std::move(l), std::as_const(r));
  }
  if (String* s = takes_text_in_front(l, r)) return text_in_front(l, std::move(r), *s);
  return construct(std::as_const(l), std::as_const(r));
}

Value construct_text_dynamic(Value&& l, std::string_view text) {
  if (String* s = sole_string(l)) {
    s->text_in_place().append(text);
    return std::move(l);
  }
  if (l.is_string()) return text_joined(l.as_string().text(), text);  // held elsewhere too
  if (l.is_int()) {  // `i `,``: the digits and the literal in one new String, no String for the literal
    std::string joined;
    append_int(joined, l.as_int());
    joined.append(text);
    return make_string(std::move(joined));
  }
  return construct(std::move(l), make_string(std::string(text)));
}

Value construct_element_dynamic(Value&& l, const Value& list, const Value& index) {
  return construct(std::move(l), get_index(list, index));
}

Value construct_char_dynamic(Value&& l, char32_t c) {
  if (!l.is_string()) return construct(std::move(l), from_char(c));
  if (String* s = sole_string(l)) {
    append_utf8(s->text_in_place(), c);
    return std::move(l);
  }
  std::string utf8;  // held elsewhere too: a new String (the character's bytes fit in place)
  append_utf8(utf8, c);
  return text_joined(l.as_string().text(), utf8);
}

namespace {

// `front` put in front of String r: in place where nothing else holds r,
// else in a copy with room in front for what comes next (a literal the
// first character or digit goes in front of is copied once).
Value prepended(std::string_view front, Value&& r) {
  Value text = sole_string(r) != nullptr ? std::move(r) : make_string(std::string(r.as_string().text()));
  static_cast<String*>(text.object())->prepend_in_place(front);
  return text;
}

}  // namespace

Value char_in_front_dynamic(char32_t c, Value&& r) {
  if (!r.is_string()) return construct(from_char(c), std::move(r));
  std::string utf8;  // at most 4 bytes: in the small-string buffer
  append_utf8(utf8, c);
  return prepended(utf8, std::move(r));
}

Value int_in_front_dynamic(std::int64_t d, Value&& r) {
  if (!r.is_string()) return construct(Value::from_int(d), std::move(r));
  std::array<char, 24> digits;
  const std::to_chars_result end = std::to_chars(digits.data(), digits.data() + digits.size(), d);
  return prepended(std::string_view(digits.data(), static_cast<std::size_t>(end.ptr - digits.data())), std::move(r));
}

Value construct_int_dynamic(Value&& l, std::int64_t r) {
  if (String* s = sole_string(l)) {
    append_int(s->text_in_place(), r);
    return std::move(l);
  }
  return construct(std::move(l), Value::from_int(r));
}

Value push_front(const Value& x, Value&& r) {
  List* list = &x != &r ? sole_list(r) : nullptr;
  if (list == nullptr) return push_front(x, std::as_const(r));
  if (!x.is_unit()) list->push_front_in_place(x);
  return std::move(r);
}

Value push_back(Value&& l, const Value& x) {
  List* list = &l != &x ? sole_list(l) : nullptr;
  if (list == nullptr) return push_back(std::as_const(l), x);
  if (!x.is_unit()) list->items_in_place().push_back(x);
  return std::move(l);
}

Value product(Value&& l, const Value& r) {
  if (&l == &r) return product(std::as_const(l), r);
  return built_list(2, [&](std::vector<Value>& items) {
    if (!l.is_unit()) items.push_back(std::move(l));
    if (!r.is_unit()) items.push_back(r);
  });
}

namespace {
// The operands of a `,` product that are not __, in order.
void append_operands(std::vector<Value>& items, std::initializer_list<Value> operands) {
  for (const Value& v : operands) {
    if (!v.is_unit()) items.push_back(v);
  }
}
}  // namespace

Value product_of(std::initializer_list<Value> operands) {
  return built_list(operands.size(), [&](std::vector<Value>& items) { append_operands(items, operands); });
}

Value from_int_pair(IntPair pair) {
  Value list = new_int_list(2);
  static_cast<List*>(list.object())->ints_in_place().assign({pair.first, pair.second});
  return list;
}

bool valid_utf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t i = ascii_prefix(text); i < size;) {
    const unsigned char lead = p[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (n == 0 || size - i < n) return false;
    // The second byte's range rules out overlong forms, surrogates and values past U+10FFFF.
    const unsigned char second = p[i + 1];
    const unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    if (second < low || second > high) return false;
    for (std::size_t k = 2; k < n; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

bool is_text_dynamic(const String& s) noexcept {
  const std::string_view text = s.text();
  return text.empty() || s.ascii_through(text.size() - 1) || valid_utf8(text);
}

Value from_char(char32_t c) {
  if (c < 0x80) {
    const char ascii = static_cast<char>(c);
    return char_string(std::string_view(&ascii, 1));
  }
  std::string text;
  append_utf8(text, c);
  return make_string(std::move(text));
}

// (An empty rest is an empty String, as destructure() makes it.)
Value from_chars(Chars s) { return make_string(std::string(s)); }

bool is_ascii_text_dynamic(const String& s) noexcept {
  const std::string_view text = s.text();
  return text.empty() || s.ascii_through(text.size() - 1);
}

Value ascii_value_at(AsciiText s, const Value& index) {
  if (index.is_int()) return ascii_value_at(s, index.as_int());
  return get_index_dynamic(from_chars(s), index);
}

Value element_at_dynamic(Elements xs, const Value& index) { return get_index_dynamic(from_elements(xs), index); }

Value from_elements(Elements xs) {
  Value list = new_int_list(xs.size());
  PackedInts& ints = static_cast<List*>(list.object())->ints_in_place();
  for (std::size_t i = 0; i < xs.size(); ++i) ints.push_back(xs[i]);
  return list;
}

Value product_reusing(Value&& reuse, std::initializer_list<Value> operands) {
  List* list = sole_list(reuse);
  if (list == nullptr) return product_of(operands);
  const auto int_or_unit = [](const Value& v) { return v.is_int() || v.is_unit(); };
  if (list->is_packed() && std::all_of(operands.begin(), operands.end(), int_or_unit)) {
    PackedInts& ints = list->ints_in_place();
    ints.clear();
    for (const Value& v : operands) {
      if (v.is_int()) ints.push_back(v.as_int());
    }
    return std::move(reuse);
  }
  list->items_in_place().clear();
  append_operands(list->items_in_place(), operands);
  return std::move(reuse);
}

Value push_front(const Value& x, const Value& r) {
  return built_list(1 + item_count(r), [&](std::vector<Value>& items) {
    if (!x.is_unit()) items.push_back(x);
    append_items(items, r);
  });
}

Value push_back(const Value& l, const Value& x) {
  return built_list(item_count(l) + 1, [&](std::vector<Value>& items) {
    append_items(items, l);
    if (!x.is_unit()) items.push_back(x);
  });
}

Value product(const Value& l, const Value& r) { return product_of({l, r}); }

Value get_index_dynamic(const Value& l, const Value& r) {
  if (l.is_unit()) return Value();
  // A character counted from the start needs no count of them all.
  if (l.is_string() && r.is_int() && r.as_int() >= 0) return char_at(l.as_string(), static_cast<std::size_t>(r.as_int()));
  const std::size_t size = element_count(l);
  if (r.is_number()) {
    const std::int64_t i = resolve_index(r, size);
    return i < 0 ? Value() : element(l, static_cast<std::size_t>(i));
  }
  if (r.is_list()) {
    std::vector<Value> picked;
    for (const Value& i : r.as_list().items()) {
      const std::int64_t n = i.is_number() ? resolve_index(i, size) : -1;
      picked.push_back(n < 0 ? Value() : element(l, static_cast<std::size_t>(n)));
    }
    return l.is_string() ? join_chars(picked) : make_list(std::move(picked));
  }
  return Value();
}

Value get_index_range(const Value& l, const Value& from, const Value& to) {
  if (l.is_list() && from.is_int() && to.is_int()) {
    const std::int64_t a = from.as_int(), b = to.as_int();
    if (a >= 0 && a <= b && b < static_cast<std::int64_t>(l.as_list().size())) {
      return list_slice(l, static_cast<std::size_t>(a), static_cast<std::size_t>(b) + 1);
    }
  }
  return get_index(l, range(from, to));
}

Value get_named_dynamic(const Value& l, std::string_view name, const Value& name_value) {
  if (l.is_unit()) return Value();
  if (l.is_dict()) {
    const Value* slot = l.as_dict().find(name);
    return slot ? *slot : Value();
  }
  return get_index(l, name_value);
}

namespace {

// The byte where character `from` of s begins (negative: counted from the
// end), or its size when s has fewer characters: where `s ' from~` starts.
std::size_t rest_offset(const String& s, std::int64_t from) {
  if (from < 0) from = std::max<std::int64_t>(0, static_cast<std::int64_t>(char_count(s.text())) + from);
  return char_offset(s, static_cast<std::size_t>(from));
}

// Where `l ' n~` starts: a Float n is truncated toward zero (the
// reference slices from it, unlike `l ' n`, which rounds); NaN is 0.
std::int64_t rest_start(const Value& n) {
  if (n.is_int()) return n.as_int();
  const double f = n.as_float();
  if (std::isnan(f)) return 0;
  constexpr double kLimit = 9.0e18;  // beyond any List or String
  return static_cast<std::int64_t>(std::trunc(std::clamp(f, -kLimit, kLimit)));
}

}  // namespace

Value get_rest(Value&& l, const Value& n) {
  if (!l.is_string() || l.is_unit() || !n.is_number() || l.object()->use_count() != 1) {
    return get_rest(std::as_const(l), n);
  }
  auto* s = static_cast<String*>(l.object());
  s->drop_front_in_place(rest_offset(*s, rest_start(n)));
  return std::move(l);
}

Value get_rest(const Value& l, const Value& n) {
  if (l.is_unit() || !n.is_number()) return Value();
  std::int64_t from = rest_start(n);
  if (l.is_string()) return make_string(std::string(l.as_string().text().substr(rest_offset(l.as_string(), from))));
  if (l.is_list()) {
    const auto size = static_cast<std::int64_t>(l.as_list().size());
    if (from < 0) from = std::max<std::int64_t>(0, size + from);
    return list_slice(l, static_cast<std::size_t>(std::min(from, size)), static_cast<std::size_t>(size));
  }
  std::vector<Value> items = indexable(l);
  const auto size = static_cast<std::int64_t>(items.size());
  if (from < 0) from = std::max<std::int64_t>(0, size + from);
  std::vector<Value> rest;
  for (std::int64_t i = from; i < size; ++i) rest.push_back(items[static_cast<std::size_t>(i)]);
  return make_list(std::move(rest));
}

Value absolute_dynamic(const Value& v, bool collection_operand) {
  if (v.is_unit()) return collection_operand ? Value::from_int(0) : Value();
  switch (v.kind()) {
    case Kind::List:
    case Kind::String:
    case Kind::Dict: return Value::from_int(static_cast<std::int64_t>(element_count(v)));
    case Kind::Int: return Value::from_int(v.as_int() < 0 ? sub_wrap(0, v.as_int()) : v.as_int());
    case Kind::Float: return Value::from_float(std::fabs(v.as_float()));
    default: return Value();
  }
}

Value flatten(const Value& v) {
  if (!v.is_list() || v.as_list().is_packed()) return v;
  std::vector<Value> out;
  for (const Value& item : v.as_list().items()) {
    if (item.is_list()) {
      out.insert(out.end(), item.as_list().items().begin(), item.as_list().items().end());
    } else {
      out.push_back(item);
    }
  }
  return make_list(std::move(out));
}

Value flatten_dynamic(Value&& v) {
  if (List* list = sole_list(v); list != nullptr && list->flat_in_place()) return std::move(v);
  return flatten(std::as_const(v));
}

namespace {

// Whether number x is the number `element` is, to the bit (a Float's sign
// of zero, its NaN).
bool same_number(const Value& element, const Value& x) {
  if (x.is_int()) return element.is_int() && element.as_int() == x.as_int();
  return element.is_float() && std::bit_cast<std::uint64_t>(element.as_float()) == std::bit_cast<std::uint64_t>(x.as_float());
}

// `b bs~` after a walk `[b ~bs]` took b off: bs is a slice whose owning
// List holds b just before it, so the List they make is that slice one
// element wider — O(1), where making it anew copies bs (a merge that puts
// the head it did not take back on its List each step was quadratic).
// Unit where r is no such slice (or not flat: `x r~` flattens r).
Value widened_slice(const Value& x, const Value& r) {
  if (!r.is_list() || !(x.is_int() || x.is_float())) return Value();
  const List& slice = r.as_list();
  if (!slice.is_slice() || slice.slice_begin() == 0) return Value();
  const List& base = slice.slice_base().as_list();
  if (!base.known_flat() && !base.all_ints()) return Value();  // (all_ints: counted once, kept)
  const std::size_t begin = slice.slice_begin() - 1;
  if (!same_number(base.at(begin), x)) return Value();
  return list_slice(slice.slice_base(), begin, begin + 1 + slice.size());
}

}  // namespace

Value construct_expanded_dynamic(Value&& l, Value&& r) {
  if (Value widened = widened_slice(l, r); !widened.is_unit()) return widened;
  if ((l.is_int() || l.is_float()) && !r.is_unit()) {
    if (List* list = sole_list(r); list != nullptr && list->flat_in_place()) {
      list->push_front_in_place(std::move(l));
      return std::move(r);
    }
  }
  return construct(std::move(l), flatten(std::move(r)));
}

Value construct_expanded(Value&& l, Elements r) {
  List* list = sole_list(l);
  if (list == nullptr || !list->is_packed() || l.is_unit() || r.size() == 0) {
    return construct_expanded(std::move(l), from_elements(r));
  }
  PackedInts& ints = list->ints_in_place();
  for (std::size_t i = 0; i < r.size(); ++i) ints.push_back(r[i]);
  return std::move(l);
}

Value range(const Value& start, const Value& end) {
  if (start.is_unit() || end.is_unit()) return Value();
  if (start.is_string() && end.is_string()) {
    const auto a = chars_of(start.as_string().text()), b = chars_of(end.as_string().text());
    if (a.size() != 1 || b.size() != 1) return Value();
    // Code points, decoded from the one-character Strings.
    const char32_t from = decode_utf8(start.as_string().text()), to = decode_utf8(end.as_string().text());
    std::string text;
    const int delta = from <= to ? 1 : -1;
    for (char32_t c = from;; c = static_cast<char32_t>(static_cast<int>(c) + delta)) {
      append_utf8(text, c);
      if (c == to) break;
    }
    return make_string(std::move(text));
  }
  const bool ascending = start.to_double() <= end.to_double();
  return range_step(start, ascending ? RangeStep::Add : RangeStep::Sub, Value::from_int(1), end);
}

Value range_step(const Value& start, RangeStep step_op, const Value& step, const Value& end) {
  if (!start.is_number() || !step.is_number() || !end.is_number()) return Value();
  const bool ints = start.is_int() && step.is_int() && end.is_int() && step_op != RangeStep::Div;
  const bool ascending = start.to_double() <= end.to_double();
  if (ints) {
    PackedInts packed;
    const std::int64_t s = step.as_int(), e = end.as_int();
    if ((step_op == RangeStep::Add || step_op == RangeStep::Sub) && s > 0) {
      // |end - start| / step + 1 elements, counted in unsigned arithmetic (no overflow)
      const auto span = ascending ? static_cast<std::uint64_t>(e) - static_cast<std::uint64_t>(start.as_int())
                                  : static_cast<std::uint64_t>(start.as_int()) - static_cast<std::uint64_t>(e);
      packed.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(span / static_cast<std::uint64_t>(s) + 1, kMaxRangeLength)));
    }
    for (std::int64_t v = start.as_int(); ascending ? v <= e : v >= e;) {
      if (packed.size() == kMaxRangeLength) return Value();
      packed.push_back(v);
      std::int64_t next = v;
      switch (step_op) {
        case RangeStep::Add: next = add_wrap(v, s); break;
        case RangeStep::Sub: next = sub_wrap(v, s); break;
        case RangeStep::Mul: next = mul_wrap(v, s); break;
        case RangeStep::Pow: next = static_cast<std::int64_t>(std::pow(static_cast<double>(v), static_cast<double>(s))); break;
        case RangeStep::Div: break;
      }
      // A step that does not move toward the end (or wraps past it) ends the range.
      if (ascending ? next <= v : next >= v) break;
      v = next;
    }
    return make_int_list(std::move(packed));
  }
  std::vector<Value> out;
  const double s = step.to_double(), e = end.to_double();
  for (double v = start.to_double(); ascending ? v <= e : v >= e;) {
    if (out.size() == kMaxRangeLength) return Value();
    out.push_back(Value::from_float(v));
    double next = v;
    switch (step_op) {
      case RangeStep::Add: next = v + s; break;
      case RangeStep::Sub: next = v - s; break;
      case RangeStep::Mul: next = v * s; break;
      case RangeStep::Div: next = v / s; break;
      case RangeStep::Pow: next = std::pow(v, s); break;
    }
    if (ascending ? !(next > v) : !(next < v)) break;
    v = next;
  }
  return make_list(std::move(out));
}

Value logic_not(const Value& v) { return v.is_unit() ? identity() : Value(); }

Value pow(const Value& l, const Value& r) {
  if (l.is_unit() || l.is_string()) return Value();
  if (r.is_unit()) return l;
  if (l.is_list()) {  // `[0 1] ^ 3`: three copies of the List, as elements
    if (!r.is_number()) return Value();
    std::vector<Value> out;
    for (std::int64_t i = 0; i < round_half_away(r.to_double()); ++i) out.push_back(l);
    return make_list(std::move(out));
  }
  if (!l.is_number() || !r.is_number()) return Value();
  if (l.is_int() && r.is_int() && r.as_int() >= 0) {
    std::int64_t result = 1, base = l.as_int();
    for (std::int64_t e = r.as_int(); e > 0; e >>= 1) {
      if (e & 1) result = mul_wrap(result, base);
      base = mul_wrap(base, base);
    }
    return Value::from_int(result);
  }
  return Value::from_float(std::pow(l.to_double(), r.to_double()));
}

Value pattern_source(Args args) {
  if (args.size() == 1) return args[0];
  return make_list(std::vector<Value>(args.begin(), args.end()));
}

Value spread_pattern(Value xs) {
  if (xs.is_list() && xs.as_list().size() == 1) return xs.as_list().at(0);
  return xs;
}

namespace {

void destructure_by_name(const Dict& dict, std::int64_t rest_at, std::initializer_list<std::string_view> names,
                         std::initializer_list<Value*> parts) {
  std::int64_t k = 0;
  for (const std::string_view name : names) {
    Value& part = *parts.begin()[k];
    if (k++ == rest_at) {
      std::vector<Dict::Entry> unclaimed;
      for (const auto& entry : dict.entries()) {
        if (std::find(names.begin(), names.end(), entry.first) == names.end()) unclaimed.push_back(entry);
      }
      part = make_dict(std::move(unclaimed));
      continue;
    }
    const Value* slot = dict.find(name);
    part = slot ? *slot : Value();
  }
}

// destructure() over the elements `items`; `rest_of(begin, end)` makes the
// rest entry's value from the elements [begin, end).
template <class RestOf>
void destructure_items(std::span<const Value> items, std::int64_t rest_at, std::initializer_list<Value*> parts,
                       RestOf rest_of) {
  const std::size_t n = parts.size();
  const std::size_t before = rest_at < 0 ? n : static_cast<std::size_t>(rest_at);
  const auto at = [&](std::size_t i) { return i < items.size() ? items[i] : Value(); };
  for (std::size_t i = 0; i < before; ++i) *parts.begin()[i] = at(i);
  if (rest_at < 0) return;
  const std::size_t after = n - before - 1;
  const std::size_t rest_end = std::max(before, items.size() >= after ? items.size() - after : 0);
  *parts.begin()[before] = rest_of(std::min(before, items.size()), std::min(rest_end, items.size()));
  for (std::size_t k = 0; k < after; ++k) *parts.begin()[before + 1 + k] = at(rest_end + k);
}

// The first `before` entries of `parts` take the first characters of
// `text` (__ past its end); returns the byte where the characters after
// them begin.
std::size_t take_leading_chars(std::string_view text, std::size_t before, std::initializer_list<Value*> parts) {
  std::size_t i = 0, offset = 0;
  for_each_char(text, [&](std::string_view c) {
    if (i == before) return false;
    *parts.begin()[i++] = char_string(c);
    offset += c.size();
    return true;
  });
  for (; i < before; ++i) *parts.begin()[i] = Value();
  return offset;
}

// destructure() of a String: a one-character String per plain entry and,
// for the rest entry, the text between them as one String.
void destructure_text(std::string_view text, std::int64_t rest_at, std::initializer_list<Value*> parts) {
  const std::size_t n = parts.size();
  if (rest_at < 0 || static_cast<std::size_t>(rest_at) + 1 == n) {
    // No entry after the rest (`[a b]`, `[h ~t]`, the common shapes): only
    // the leading characters are read; the rest is the text after them.
    const std::size_t before = rest_at < 0 ? n : static_cast<std::size_t>(rest_at);
    const std::size_t offset = take_leading_chars(text, before, parts);
    if (rest_at >= 0) *parts.begin()[before] = make_string(std::string(text.substr(offset)));
    return;
  }
  std::vector<std::string_view> chars;
  for_each_char(text, [&](std::string_view c) { return chars.push_back(c), true; });
  std::vector<Value> items;  // only the characters an entry takes; the rest's stay views
  const auto before = static_cast<std::size_t>(rest_at);
  const std::size_t after = n - before - 1;
  const auto offset = [&](std::size_t i) {
    return i < chars.size() ? static_cast<std::size_t>(chars[i].data() - text.data()) : text.size();
  };
  items.reserve(chars.size());
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const bool taken = i < before || i + after >= chars.size();
    items.push_back(taken ? char_string(chars[i]) : Value());
  }
  destructure_items(items, rest_at, parts, [&](std::size_t begin, std::size_t end) {
    return make_string(std::string(text.substr(offset(begin), offset(end) - offset(begin))));
  });
}

}  // namespace

void detail::destructure_sole_text(Value&& v, std::size_t before, std::initializer_list<Value*> parts) {
  auto* s = static_cast<String*>(v.object());
  s->drop_front_in_place(take_leading_chars(s->text(), before, parts));
  *parts.begin()[before] = std::move(v);
}

void detail::destructure_any(const Value& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                             std::initializer_list<Value*> parts) {
  if (v.is_dict()) return destructure_by_name(v.as_dict(), rest_at, names, parts);
  if (v.is_list()) {
    return destructure_items(v.as_list().items(), rest_at, parts,
                             [&](std::size_t begin, std::size_t end) { return list_slice(v, begin, end); });
  }
  if (v.is_string()) return destructure_text(v.as_string().text(), rest_at, parts);
  const std::vector<Value> items = indexable(v);
  destructure_items(items, rest_at, parts, [&](std::size_t begin, std::size_t end) {
    const std::vector<Value> middle(items.begin() + static_cast<std::ptrdiff_t>(begin),
                                    items.begin() + static_cast<std::ptrdiff_t>(end));
    return make_list(middle);
  });
}

}  // namespace sign::impl
