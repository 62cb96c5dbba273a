// SPDX-License-Identifier: MIT
// sign::impl calls — how generated code applies function values.
//
// Tail calls are guaranteed (impl/core/tco.md). A self tail call becomes the
// function's loop at compile time; every other call in tail position returns
// `tail_call(f, args)`: a marker Value that hands the call to the nearest
// trampoline — `apply` or `settle` — instead of growing the C++ stack.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <sign/heap.hpp>
#include <sign/value.hpp>

namespace sign::impl {

// Calls `f` with `args` and runs any tail calls it hands back. A Unit in
// function position passes its argument through (type_system.md §6.1); any
// other non-function value is not callable and the call is __.
[[nodiscard]] Value apply(const Value& f, Args args);
[[nodiscard]] inline Value apply(const Value& f, std::initializer_list<Value> args) {
  return apply(f, Args(args.begin(), args.size()));
}
// `f a xs~ c`: the arguments whose bit is set in `spread` are Lists spread
// into several arguments.
[[nodiscard]] Value apply_spread(const Value& f, std::initializer_list<Value> args, std::uint64_t spread);

// `f xs~`, the one argument spread: the List's elements are the arguments
// as they are (no copy), and a mapping section maps a List only this call
// holds in place.
[[nodiscard]] Value apply_spread_list(const Value& f, Value xs);

// A call in tail position: the caller's trampoline makes it.
[[nodiscard]] Value tail_call(const Value& f, std::initializer_list<Value> args);
[[nodiscard]] Value tail_call_spread(const Value& f, std::initializer_list<Value> args, std::uint64_t spread);
// Value j the closure `f` captured: a twin specialised for f's lambda
// (which writes its body in place of calling it) reads them once, on entry.
[[nodiscard]] inline const Value& captured(const Value& f, std::size_t j) noexcept {
  return f.as_function().captured(j);
}

// Finishes a result that may be a tail call (the value of a direct call of a
// module function that hands tail calls back).
[[nodiscard]] inline Value settle(Value result);

// `f a` where pass 2 proved too few arguments: a Function waiting for the rest.
[[nodiscard]] Value partial(const Value& f, std::initializer_list<Value> args);
// `f g`: left to right, g after f (coproduct_resolver.md §3).
[[nodiscard]] Value compose(const Value& f, const Value& g);

namespace detail {
// The arguments the call being entered was handed for good (see
// apply_spread_list): its parameters may take them. (Constant-initialized
// and defined here, so a read is a plain TLS load, no wrapper call.)
inline constinit thread_local const Value* handed_args = nullptr;
}  // namespace detail

// Parameter binding in generated functions: argument i, or __ when absent.
// Each is read once, on entry: from arguments handed over for good it is
// moved, so a List or String the caller let go stays sole in the callee
// (`@f [acc, h]~` into `$[a h ? h a~]` puts h in front of a in place).
[[nodiscard]] inline Value arg(Args args, std::size_t i) {
  if (i >= args.size()) return Value();
  if (args.data() == detail::handed_args) return std::move(const_cast<Value&>(args[i]));  // owned by the caller, not const
  return args[i];
}
// `~rest`: the arguments from i on, as a List (empty for none or a lone __).
[[nodiscard]] Value rest_args(Args args, std::size_t i);
// A direct call of a function with a `~rest` parameter: rest_args of the
// arguments written from its position on (those whose bit is set in
// `spread` spread), made without the argument span.
[[nodiscard]] Value rest_list(std::initializer_list<Value> args, std::uint64_t spread);
// `f a xs~` with rest parameter `~rest`: the rest is xs itself when xs is a
// List (shared, not copied), as rest_list would make it. A packed List (a
// walk's `qs~` passed on each step) inline.
[[nodiscard]] Value spread_rest_dynamic(Value v);
[[nodiscard]] inline Value spread_rest(Value v) {
  if (v.is_list() && v.as_list().is_packed()) return v;
  return spread_rest_dynamic(std::move(v));
}
// `[a b ~rest c] ? ...`: destructures one List (or String, or a scalar as a
// one-element List) into the entries' locals `parts`: the leading entries
// take the first elements, the entry at `rest_at` (-1: none) the run in
// between — a slice sharing the List's storage —, the trailing entries the
// last elements; missing ones are __. A Dict is destructured by name instead
// (`names`: the entries in order): each entry takes the slot of its name,
// the rest entry a Dict of the slots no entry named.
inline void destructure(const Value& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                        std::initializer_list<Value*> parts);
// What a bracket parameter list destructures: the one argument, or several
// taken as a List.
[[nodiscard]] Value pattern_source(Args args);
// `f xs~` for a bracket function f: pattern_source of xs's elements, which
// is xs itself unless it has exactly one element.
[[nodiscard]] Value spread_pattern(Value xs);

// The function value of a module function `code` (made once).
template <Function::Code code, int arity>
const Value& static_function() {
  static const Value f = make_function(code, arity);
  return f;
}

// The identity morphism `!__` (categorical_truth.md): true, and callable.
[[nodiscard]] const Value& identity();

namespace detail {
[[nodiscard]] Value run_tail_calls();
void destructure_any(const Value& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                     std::initializer_list<Value*> parts);
// `[h ~t]` (rest entry last, at `before`) of a String nothing else holds:
// the leading characters, then the String itself, its front dropped in place.
void destructure_sole_text(Value&& v, std::size_t before, std::initializer_list<Value*> parts);
// The first `n` entries take the first elements (__ past the end); returns
// where the rest begins.
inline std::size_t take_leading(const List& list, std::initializer_list<Value*> parts, std::size_t n) {
  const std::size_t size = list.size();
  for (std::size_t i = 0; i < n; ++i) *parts.begin()[i] = i < size ? list.at(i) : Value();
  return n < size ? n : size;
}
}  // namespace detail

// The last use of the value destructured: a slice nothing else refers to
// becomes the rest entry's value itself, narrowed in place.
inline void destructure(Value&& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                        std::initializer_list<Value*> parts);

// A List with no rest entry or the rest entry last (`[a b]`, `[h ~t]`), the
// common cases, inline; everything else out of line.
inline void destructure(const Value& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                        std::initializer_list<Value*> parts) {
  const auto last = static_cast<std::int64_t>(parts.size()) - 1;
  if (!v.is_list() || (rest_at >= 0 && rest_at != last)) return detail::destructure_any(v, names, rest_at, parts);
  const List& list = v.as_list();
  const std::size_t before = rest_at < 0 ? parts.size() : static_cast<std::size_t>(rest_at);
  const std::size_t rest_begin = detail::take_leading(list, parts, before);
  if (rest_at >= 0) *parts.begin()[before] = list_slice(v, rest_begin, list.size());
}

inline void destructure(Value&& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                        std::initializer_list<Value*> parts) {
  const auto last = static_cast<std::int64_t>(parts.size()) - 1;
  if (rest_at >= 0 && rest_at == last && v.is_string() && v.object()->use_count() == 1) {
    return detail::destructure_sole_text(std::move(v), static_cast<std::size_t>(rest_at), parts);
  }
  if (rest_at < 0 || rest_at != last || !v.is_list() || !v.as_list().is_slice() || v.object()->use_count() != 1) {
    return destructure(std::as_const(v), names, rest_at, parts);
  }
  const auto before = static_cast<std::size_t>(rest_at);
  static_cast<List*>(v.object())->drop_front_in_place(detail::take_leading(v.as_list(), parts, before));
  *parts.begin()[before] = std::move(v);
}

// `f : [a b] ? ...` at the last use of the List: when nothing else refers
// to it, its elements move out and the emptied List becomes `*reuse`, for
// the List the body builds (product_reusing) — a pair taken apart and built
// anew allocates nothing (Perceus-style reuse).
inline void destructure(Value&& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                        std::initializer_list<Value*> parts, Value* reuse) {
  if (rest_at >= 0 || !v.is_list() || v.as_list().is_slice() || v.object()->use_count() != 1) {
    return destructure(std::move(v), names, rest_at, parts);
  }
  auto* list = static_cast<List*>(v.object());
  if (list->is_packed()) {  // stays packed, for Ints built anew
    PackedInts& ints = list->ints_in_place();
    for (std::size_t i = 0; i < parts.size(); ++i) *parts.begin()[i] = i < ints.size() ? Value::from_int(ints[i]) : Value();
    ints.clear();
  } else {
    std::vector<Value>& items = list->items_in_place();
    for (std::size_t i = 0; i < parts.size(); ++i) *parts.begin()[i] = i < items.size() ? std::move(items[i]) : Value();
    items.clear();
  }
  *reuse = std::move(v);
}
inline void destructure(const Value& v, std::initializer_list<std::string_view> names, std::int64_t rest_at,
                        std::initializer_list<Value*> parts, Value* /*reuse: only a List it may consume*/) {
  destructure(v, names, rest_at, parts);
}

inline Value settle(Value result) {
  if (result.kind() != Kind::TailCall) return result;
  return detail::run_tail_calls();
}

}  // namespace sign::impl
