// SPDX-License-Identifier: MIT
// Point-free sections (contract in sign/impl/section.hpp).
#include <sign/impl/arith.hpp>
#include <sign/impl/call.hpp>
#include <sign/impl/compare.hpp>
#include <sign/impl/ops.hpp>
#include <sign/impl/section.hpp>

#include <span>
#include <vector>

#include "list_building.hpp"

namespace sign::impl {
namespace {

// Function::tag packs the operator, the form and whether the bound operand
// is a slot name.
constexpr std::int32_t pack(SectionOp op, SectionForm form, bool named) {
  return static_cast<std::int32_t>(op) | (static_cast<std::int32_t>(form) << 8) | (named ? 1 << 16 : 0);
}
SectionOp op_of(std::int32_t tag) { return static_cast<SectionOp>(tag & 0xFF); }
SectionForm form_of(std::int32_t tag) { return static_cast<SectionForm>((tag >> 8) & 0xFF); }
bool named(std::int32_t tag) { return (tag >> 16) & 1; }

// In a section a comparison keeps the element itself when it holds: sections
// serve map, filter and fold, where the point is which elements stay.
Value keep_if(const Value& a, const Value& holds) { return holds.is_unit() ? Value() : a; }

Value combine(SectionOp op, const Value& a, const Value& b) {
  switch (op) {
    case SectionOp::Add: return add(a, b);
    case SectionOp::Sub: return sub(a, b);
    case SectionOp::Mul: return mul(a, b);
    case SectionOp::Div: return div_exact(a, b);  // a section's quotient is never typed Int: it does not round
    case SectionOp::Mod: return mod(a, b);
    case SectionOp::Pow: return pow(a, b);
    case SectionOp::Less: return keep_if(a, less(a, b));  // a __ operand absorbs: less(…) is __
    case SectionOp::LessEqual: return keep_if(a, less_equal(a, b));
    case SectionOp::Eq: return keep_if(a, equal_to(a, b));
    case SectionOp::MoreEqual: return keep_if(a, more_equal(a, b));
    case SectionOp::More: return keep_if(a, more(a, b));
    case SectionOp::Equal: return keep_if(a, structural_equal(a, b));
    case SectionOp::NotEqual: return keep_if(a, not_equal(a, b));
    case SectionOp::NotSame: return a.is_unit() ? b : b.is_unit() ? a : keep_if(a, logic_not(structural_equal(a, b)));
    case SectionOp::And: return a.is_unit() || b.is_unit() ? Value() : b;
    case SectionOp::Or: return a.is_unit() ? b : a;
    case SectionOp::Xor: return logic_xor(a, b);
    case SectionOp::GetProp: return get_index(a, b);
    case SectionOp::Construct: return construct(a, b);
    default: return Value();
  }
}

// Calls `visit` with a callable doing combine(op, ·, ·): the arithmetic
// operators inline, so a loop over a List decides the operator once.
template <class Visit>
decltype(auto) with_combine(SectionOp op, Visit visit) {
  switch (op) {
    case SectionOp::Add: return visit([](const Value& a, const Value& b) { return add(a, b); });
    case SectionOp::Sub: return visit([](const Value& a, const Value& b) { return sub(a, b); });
    case SectionOp::Mul: return visit([](const Value& a, const Value& b) { return mul(a, b); });
    default: return visit([op](const Value& a, const Value& b) { return combine(op, a, b); });
  }
}

// `[op b,]` over `items`: each element that is not __, combined with b,
// the __ results dropped; the results go to `out` from index 0, which may
// be `items` itself (each result lands at or before its element).
template <class Out>
std::size_t map_into(SectionOp op, const Value& bound, std::span<const Value> items, Out& out) {
  return with_combine(op, [&](auto apply_op) {
    std::size_t n = 0;
    for (const Value& x : items) {
      if (x.is_unit()) continue;
      Value y = apply_op(x, bound);
      if (!y.is_unit()) out[n++] = std::move(y);
    }
    return n;
  });
}

Value unary(SectionOp op, const Value& x) {
  switch (op) {
    case SectionOp::Not: return logic_not(x);
    case SectionOp::Negate: return negate(x);
    case SectionOp::Factorial: return factorial(x);
    case SectionOp::Flatten: return flatten(x);
    case SectionOp::Input: return input(x);
    default: return Value();
  }
}

Value section_code(const Function& self, Args args) {
  const SectionOp op = op_of(self.tag());
  const SectionForm form = form_of(self.tag());
  const Value& bound = self.captured(0);
  const auto bound_right = [&](const Value& x) {
    if (named(self.tag())) return get_named(x, bound.as_string().text(), self.captured(1));
    return combine(op, x, bound);
  };
  switch (form) {
    case SectionForm::Fold:
      return with_combine(op, [&](auto apply_op) {
        if (args.empty()) return Value();
        Value acc = args[0];
        for (std::size_t i = 1; i < args.size(); ++i) {
          if (acc.is_unit()) return Value();  // __ absorbs the rest of the fold
          acc = apply_op(acc, args[i]);
        }
        return acc;
      });
    case SectionForm::Map: {
      return detail::built_list(args.size(), [&](std::vector<Value>& items) {
        items.resize(args.size());
        items.resize(map_into(op, bound, args, items));
      });
    }
    default: break;
  }
  // A section that fills one operand is a lambda: a __ argument collapses it.
  for (const Value& x : args) {
    if (x.is_unit()) return Value();
  }
  const Value x = args.empty() ? Value() : args[0];
  if (x.is_unit()) return Value();
  switch (form) {
    case SectionForm::RightBound: return bound_right(x);
    case SectionForm::LeftBound: return combine(op, bound, x);
    default: return unary(op, x);
  }
}

}  // namespace

Value section(SectionOp op, SectionForm form, const Value& bound) {
  const bool greedy = form == SectionForm::Fold || form == SectionForm::Map;
  return make_function(&section_code, greedy ? -1 : 1, {bound}, greedy ? Function::Shape::Greedy : Function::Shape::Plain,
                       pack(op, form, false));
}

bool map_in_place(const Value& f, Value& xs) {
  if (!f.is_function() || f.as_function().code() != &section_code) return false;
  const std::int32_t tag = f.as_function().tag();
  if (form_of(tag) != SectionForm::Map || named(tag)) return false;
  List* list = detail::sole_list(xs);
  if (list == nullptr) return false;
  std::vector<Value>& items = list->items_in_place();
  items.resize(map_into(op_of(tag), f.as_function().captured(0), items, items));
  return true;
}

namespace {

// The Ints of `ints` for which `holds(x)`, as a packed List.
template <class Holds>
Value packed_kept(std::span<const std::int64_t> ints, Holds holds) {
  Value out = new_int_list(ints.size());
  PackedInts& kept = static_cast<List*>(out.object())->ints_in_place();
  for (const std::int64_t x : ints) {
    if (holds(x)) kept.push_back(x);
  }
  return out;
}

}  // namespace

Value over_packed(const Value& f, const Value& xs) {
  if (!f.is_function() || f.as_function().code() != &section_code) return Value();
  if (!xs.is_list() || !xs.as_list().is_packed() || xs.as_list().size() == 0) return Value();
  const std::int32_t tag = f.as_function().tag();
  const std::span<const std::int64_t> ints = xs.as_list().packed();
  if (form_of(tag) == SectionForm::Fold && op_of(tag) == SectionOp::Add) {
    std::int64_t sum = 0;
    for (const std::int64_t x : ints) sum = add_wrap(sum, x);
    return Value::from_int(sum);
  }
  const Value& bound = f.as_function().captured(0);
  if (form_of(tag) != SectionForm::Map || named(tag) || !bound.is_int()) return Value();
  const std::int64_t b = bound.as_int();
  switch (op_of(tag)) {
    case SectionOp::Less: return packed_kept(ints, [b](std::int64_t x) { return x < b; });
    case SectionOp::LessEqual: return packed_kept(ints, [b](std::int64_t x) { return x <= b; });
    case SectionOp::MoreEqual: return packed_kept(ints, [b](std::int64_t x) { return x >= b; });
    case SectionOp::More: return packed_kept(ints, [b](std::int64_t x) { return x > b; });
    default: return Value();
  }
}

Value field_section(std::string_view name, const Value& name_value) {
  return make_function(&section_code, 1, {make_string(std::string(name)), name_value}, Function::Shape::Plain,
                       pack(SectionOp::GetProp, SectionForm::RightBound, true));
}

}  // namespace sign::impl
