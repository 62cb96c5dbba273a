// SPDX-License-Identifier: MIT
// Applying function values, and the tail-call trampoline (sign/impl/call.hpp).
#include <sign/impl/call.hpp>
#include <sign/impl/section.hpp>

#include <algorithm>
#include <string>
#include <utility>

#include "list_building.hpp"

namespace sign::impl {
namespace {

// detail::handed_args for the length of one call, put back however it ends.
class HandedArgs {
 public:
  explicit HandedArgs(const Value* args) noexcept : outer_(std::exchange(detail::handed_args, args)) {}
  ~HandedArgs() { detail::handed_args = outer_; }
  HandedArgs(const HandedArgs&) = delete;
  HandedArgs& operator=(const HandedArgs&) = delete;

 private:
  const Value* outer_;
};

// The one tail call in flight on this thread: set by tail_call, taken by the
// trampoline before anything else can run.
struct PendingCall {
  Value f;
  std::vector<Value> args;
};
thread_local PendingCall pending_call;

// One call without running the tail calls it hands back.
Value call_once(const Value& f, Args args) {
  if (f.is_function()) {
    const Function& fn = f.as_function();
    return fn.code()(fn, args);
  }
  // Unit in function position passes its argument through (type_system.md §6.1).
  if (f.is_unit()) return args.size() == 1 ? args[0] : make_list(std::vector<Value>(args.begin(), args.end()));
  return Value();
}

Value hand_over(Value f, std::vector<Value> args) {
  pending_call.f = std::move(f);
  pending_call.args = std::move(args);
  return Value::tail_call_marker();
}

void append_spread(std::vector<Value>& out, const Value& v, bool spread) {
  if (spread && v.is_list()) {
    for (const Value& item : v.as_list().items()) out.push_back(item);
  } else {
    out.push_back(v);
  }
}

std::vector<Value> spread_args(std::initializer_list<Value> args, std::uint64_t spread) {
  std::vector<Value> out;
  out.reserve(args.size());
  std::size_t i = 0;
  for (const Value& v : args) append_spread(out, v, i < 64 && ((spread >> i++) & 1) != 0);
  return out;
}

Value partial_code(const Function& self, Args args) {
  std::vector<Value> all(self.captured().begin() + 1, self.captured().end());
  all.insert(all.end(), args.begin(), args.end());
  return hand_over(self.captured(0), std::move(all));
}

bool is_greedy(const Value& f) { return f.is_function() && f.as_function().shape() == Function::Shape::Greedy; }

Value compose_code(const Function& self, Args args) {
  Value mid = apply(self.captured(0), args);
  if (mid.is_unit()) return Value();  // the completeness axiom holds for the whole chain
  // Between point-free stages the value is a stream (list_model.md §2.4): a
  // greedy stage consumes a List's elements as its arguments.
  const Value& g = self.captured(1);
  if (mid.is_list() && is_greedy(g)) {
    const auto items = mid.as_list().items();
    return hand_over(g, std::vector<Value>(items.begin(), items.end()));
  }
  return hand_over(g, {std::move(mid)});
}

// `~rest` of no arguments or of a lone __ is the empty List.
bool makes_empty_rest(Args rest) { return rest.empty() || (rest.size() == 1 && rest[0].is_unit()); }

Value identity_code(const Function&, Args args) { return args.empty() ? Value() : args[0]; }

}  // namespace

Value detail::run_tail_calls() {
  // The arguments of the call being made. Its buffer and pending_call's
  // trade places each round, so a chain of tail calls (mutual recursion
  // through the trampoline) allocates no argument vectors once running.
  std::vector<Value> args;
  for (;;) {
    const Value f = std::move(pending_call.f);
    args.clear();
    args.swap(pending_call.args);
    Value result = call_once(f, args);
    if (result.kind() != Kind::TailCall) return result;
  }
}

Value apply(const Value& f, Args args) { return settle(call_once(f, args)); }

Value apply_spread(const Value& f, std::initializer_list<Value> args, std::uint64_t spread) {
  const std::vector<Value> all = spread_args(args, spread);
  return apply(f, all);
}

Value apply_spread_list(const Value& f, Value xs) {
  if (!xs.is_list()) return apply(f, Args(&xs, 1));  // a spread scalar is one argument
  if (Value result = over_packed(f, xs); !result.is_unit()) return result;
  if (map_in_place(f, xs)) return xs;
  const bool packed = xs.as_list().is_packed();
  if (f.is_function() && (packed || (xs.object()->use_count() == 1 && xs.as_list().stores_values()))) {
    // `@f [acc, h]~`: arguments this call owns are handed to f for good —
    // f's parameters take them (arg), so a List among them stays sole there
    // instead of held twice. A packed List's are made from its int64s,
    // where reading its items would box it (and keep that copy); a List
    // only this call holds gives its items.
    std::vector<Value> handed;
    if (packed) {
      const auto ints = xs.as_list().packed();
      handed.reserve(ints.size());
      for (const std::int64_t x : ints) handed.push_back(Value::from_int(x));
    } else {
      handed = std::move(static_cast<List*>(xs.object())->items_in_place());
    }
    xs = Value();
    const HandedArgs for_this_call(handed.data());
    return apply(f, handed);
  }
  return apply(f, xs.as_list().items());
}

Value tail_call(const Value& f, std::initializer_list<Value> args) {
  pending_call.f = f;
  pending_call.args.assign(args.begin(), args.end());  // into the buffer run_tail_calls gave back
  return Value::tail_call_marker();
}

Value tail_call_spread(const Value& f, std::initializer_list<Value> args, std::uint64_t spread) {
  return hand_over(f, spread_args(args, spread));
}

Value partial(const Value& f, std::initializer_list<Value> args) {
  std::vector<Value> captured{f};
  captured.insert(captured.end(), args.begin(), args.end());
  const std::int32_t arity = f.is_function() && f.as_function().arity() >= 0
                                 ? f.as_function().arity() - static_cast<std::int32_t>(args.size())
                                 : -1;
  return make_function(&partial_code, arity, std::move(captured));
}

Value compose(const Value& f, const Value& g) { return make_function(&compose_code, 1, {f, g}); }

Value rest_args(Args args, std::size_t i) {
  const Args rest = args.subspan(std::min(i, args.size()));
  if (makes_empty_rest(rest)) return make_list({});
  // Ints make a packed List, as rest_list makes them: a walk that comes
  // back through the trampoline (`cols n c acc qs~`) keeps its rest packed.
  if (std::all_of(rest.begin(), rest.end(), [](const Value& v) { return v.is_int(); })) {
    Value out = new_int_list(rest.size());
    PackedInts& packed = static_cast<List*>(out.object())->ints_in_place();
    for (const Value& v : rest) packed.push_back(v.as_int());
    return out;
  }
  return make_list(std::vector<Value>(rest.begin(), rest.end()));
}

Value rest_list(std::initializer_list<Value> args, std::uint64_t spread) {
  const auto spreads = [&](std::size_t i, const Value& v) { return i < 64 && ((spread >> i) & 1) != 0 && v.is_list(); };
  std::size_t count = 0;
  std::size_t i = 0;
  // Ints and spread packed Lists make a packed List (`c qs~`); an empty
  // List spread adds nothing, so the first step of such a walk (`solve 0`,
  // its rest empty) makes a packed List too.
  bool ints = true;
  for (const Value& v : args) {
    const bool spread_here = spreads(i++, v);
    count += spread_here ? v.as_list().size() : 1;
    ints = ints && (spread_here ? v.as_list().is_packed() || v.as_list().size() == 0 : v.is_int());
  }
  if (ints) {
    Value out = new_int_list(count);
    PackedInts& packed = static_cast<List*>(out.object())->ints_in_place();
    for (const Value& v : args) {
      if (v.is_int()) {
        packed.push_back(v.as_int());
      } else if (v.as_list().is_packed()) {
        append_packed(packed, v.as_list().packed());
      }
    }
    return out;
  }
  return detail::built_list(count, [&](std::vector<Value>& items) {
    std::size_t k = 0;
    for (const Value& v : args) append_spread(items, v, spreads(k++, v));
    if (makes_empty_rest(items)) items.clear();
  });
}

Value spread_rest_dynamic(Value v) {
  if (v.is_list()) return v.as_list().is_packed() || !makes_empty_rest(v.as_list().items()) ? std::move(v) : new_list(0);
  return detail::built_list(1, [&](std::vector<Value>& items) {
    if (!makes_empty_rest(Args(&v, 1))) items.push_back(std::move(v));
  });
}

const Value& identity() {
  static const Value id = make_function(&identity_code, 1);
  return id;
}

}  // namespace sign::impl
