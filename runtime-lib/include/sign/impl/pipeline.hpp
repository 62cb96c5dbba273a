// SPDX-License-Identifier: MIT
// sign::impl section pipelines over a range — called only by generated code.
//
// `[+] ([* 2,] ([< 9,] [1 ~ n]~)~)~` makes three Lists in turn, each spread
// into the next section. When the range's ends and every bound operand are
// Ints, the sections are one loop over the range's numbers instead: each
// number goes through the mapping sections in order (`[* 2,]` maps, `[< 9,]`
// keeps or drops it), and what comes out is folded (`fold_range`) or
// collected into the one List the expression makes (`map_range`); a fold
// over another List of Ints takes its elements the same way (`fold_list`).
// Anything
// else — a Float end, a String bound, a zero divisor, a range longer than
// kMaxRangeLength — takes the general path, List by List, so the value is
// always the one the unfused expression has.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <sign/heap.hpp>
#include <sign/impl/arith.hpp>
#include <sign/impl/call.hpp>
#include <sign/impl/ops.hpp>
#include <sign/impl/section.hpp>
#include <sign/value.hpp>

namespace sign::impl {

// One mapping section `[op bound,]` of a pipeline.
template <SectionOp Op>
struct MapStage {
  Value bound;
};
template <SectionOp Op>
[[nodiscard]] MapStage<Op> map_stage(Value bound) {
  return MapStage<Op>{std::move(bound)};
}

namespace pipeline {

// The operators a mapping stage and a fold take on Ints in the loop (not
// `/`: a section's quotient is exact, a Float where it is not whole).
constexpr bool int_stage(SectionOp op) {
  switch (op) {
    case SectionOp::Add: case SectionOp::Sub: case SectionOp::Mul: case SectionOp::Mod:
    case SectionOp::Less: case SectionOp::LessEqual: case SectionOp::Eq: case SectionOp::MoreEqual:
    case SectionOp::More: case SectionOp::Equal: case SectionOp::NotEqual:
      return true;
    default:
      return false;
  }
}
constexpr bool int_fold(SectionOp op) { return op == SectionOp::Add || op == SectionOp::Sub || op == SectionOp::Mul; }

// A bound the loop can use: an Int, and not a zero divisor (x % 0 is a Float).
template <SectionOp Op>
bool int_bound(const MapStage<Op>& stage) {
  if (!stage.bound.is_int()) return false;
  return Op != SectionOp::Mod || stage.bound.as_int() != 0;
}

// `x op b` on Ints for an arithmetic operator.
template <SectionOp Op>
constexpr std::int64_t combine(std::int64_t x, std::int64_t b) {
  if constexpr (Op == SectionOp::Add) return add_wrap(x, b);
  if constexpr (Op == SectionOp::Sub) return sub_wrap(x, b);
  if constexpr (Op == SectionOp::Mul) return mul_wrap(x, b);
  if constexpr (Op == SectionOp::Mod) return mod_trunc(x, b);
  return x;
}

// One stage on x: maps it in place, or says whether a comparison keeps it.
template <SectionOp Op>
constexpr bool apply(std::int64_t& x, std::int64_t b) {
  switch (Op) {
    case SectionOp::Less: return x < b;
    case SectionOp::LessEqual: return x <= b;
    case SectionOp::MoreEqual: return x >= b;
    case SectionOp::More: return x > b;
    case SectionOp::Eq: case SectionOp::Equal: return x == b;
    case SectionOp::NotEqual: return x != b;
    default: x = combine<Op>(x, b); return true;
  }
}

constexpr bool keeps(SectionOp op) { return op >= SectionOp::Less && op <= SectionOp::NotSame; }

// x through every stage in turn; false once one drops it.
template <SectionOp... Ops>
constexpr bool through(std::int64_t& x, const std::array<std::int64_t, sizeof...(Ops)>& bounds) {
  std::size_t i = 0;
  return (apply<Ops>(x, bounds[i++]) && ...);
}

// How many numbers the range [from ~ to] holds, counted as
// sign::impl::range counts them (its direction decided as it decides it);
// nullopt if that is more than a List may hold (then the range is __).
inline std::optional<std::uint64_t> range_length(std::int64_t from, std::int64_t to) {
  const bool ascending = static_cast<double>(from) <= static_cast<double>(to);
  const std::uint64_t span = ascending ? static_cast<std::uint64_t>(to) - static_cast<std::uint64_t>(from)
                                       : static_cast<std::uint64_t>(from) - static_cast<std::uint64_t>(to);
  if (ascending ? from > to : from < to) return 0;  // ends equal as doubles, not as Ints: empty
  if (span >= kMaxRangeLength) return std::nullopt;
  return span + 1;
}

// Each number of a range of `length` (range_length) from `from` toward
// `to` through the stages: `sink` gets each number that comes out.
template <SectionOp... Ops, class Sink>
void for_each(std::int64_t from, std::int64_t to, std::uint64_t length,
              const std::array<std::int64_t, sizeof...(Ops)>& bounds, Sink sink) {
  if (length == 0) return;
  for (std::int64_t v = from;; v = from < to ? v + 1 : v - 1) {
    std::int64_t x = v;
    if (through<Ops...>(x, bounds)) sink(x);
    if (v == to) return;
  }
}

// A fold's running value: the first number, then each next one combined.
template <SectionOp Fold>
struct Folding {
  bool any = false;
  std::int64_t acc = 0;
  void operator()(std::int64_t x) {
    acc = any ? combine<Fold>(acc, x) : x;
    any = true;
  }
  Value result() const { return any ? Value::from_int(acc) : Value(); }
};

// The general path: each section applied to the List before.
template <SectionOp... Ops>
Value mapped(Value xs, const MapStage<Ops>&... stages) {
  ((xs = apply_spread_list(section(Ops, SectionForm::Map, stages.bound), std::move(xs))), ...);
  return xs;
}

template <SectionOp Fold, SectionOp... Ops>
constexpr bool folds_ints = int_fold(Fold) && (int_stage(Ops) && ...);

}  // namespace pipeline

// `[Fold] (… ([Op b,] [from ~ to]~)~ …)~`: the fold of what comes out of
// the stages (innermost first); __ if nothing does.
template <SectionOp Fold, SectionOp... Ops>
[[nodiscard]] Value fold_range(const Value& from, const Value& to, const MapStage<Ops>&... stages) {
  if constexpr (pipeline::folds_ints<Fold, Ops...>) {
    if (from.is_int() && to.is_int() && (pipeline::int_bound(stages) && ...)) {
      if (const auto length = pipeline::range_length(from.as_int(), to.as_int())) {
        pipeline::Folding<Fold> folding;
        pipeline::for_each<Ops...>(from.as_int(), to.as_int(), *length, {stages.bound.as_int()...},
                                   [&](std::int64_t x) { folding(x); });
        return folding.result();
      }
    }
  }
  return apply_spread_list(section(Fold, SectionForm::Fold), pipeline::mapped(range(from, to), stages...));
}

// `[Fold] (… ([Op b,] xs~)~ …)~`, xs not a range: as fold_range, over the
// elements of xs when they are all Ints.
template <SectionOp Fold, SectionOp... Ops>
[[nodiscard]] Value fold_list(Value xs, const MapStage<Ops>&... stages) {
  if constexpr (pipeline::folds_ints<Fold, Ops...>) {
    if (xs.is_list() && (pipeline::int_bound(stages) && ...)) {
      const std::array<std::int64_t, sizeof...(Ops)> bounds{stages.bound.as_int()...};
      pipeline::Folding<Fold> folding;
      if (xs.as_list().is_packed()) {
        for (std::int64_t x : xs.as_list().packed()) {
          if (pipeline::through<Ops...>(x, bounds)) folding(x);
        }
        return folding.result();
      }
      bool ints = true;
      for (const Value& element : xs.as_list().items()) {
        if (!element.is_int()) {
          ints = false;  // not a List of Ints: the general path from the start
          break;
        }
        std::int64_t x = element.as_int();
        if (pipeline::through<Ops...>(x, bounds)) folding(x);
      }
      if (ints) return folding.result();
    }
  }
  return apply_spread_list(section(Fold, SectionForm::Fold), pipeline::mapped(std::move(xs), stages...));
}

// `[Op b,] (… [from ~ to]~ …)~`: the List of what comes out of the stages.
template <SectionOp... Ops>
[[nodiscard]] Value map_range(const Value& from, const Value& to, const MapStage<Ops>&... stages) {
  if constexpr ((pipeline::int_stage(Ops) && ...)) {
    if (from.is_int() && to.is_int() && (pipeline::int_bound(stages) && ...)) {
      if (const auto length = pipeline::range_length(from.as_int(), to.as_int())) {
        // Room for every number unless a stage drops some.
        Value out = new_int_list((pipeline::keeps(Ops) || ...) ? 0 : static_cast<std::size_t>(*length));
        PackedInts& ints = static_cast<List*>(out.object())->ints_in_place();
        pipeline::for_each<Ops...>(from.as_int(), to.as_int(), *length, {stages.bound.as_int()...},
                                   [&](std::int64_t x) { ints.push_back(x); });
        return out;
      }
    }
  }
  return pipeline::mapped(range(from, to), stages...);
}

}  // namespace sign::impl
