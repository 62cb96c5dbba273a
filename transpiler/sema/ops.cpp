// SPDX-License-Identifier: MIT
// The operator table (guide/operator_table.md, tiers as in the reference's
// operator_table.js: a higher tier binds tighter).
#include <array>

#include "sema/sema.hpp"

namespace signc::sema {
namespace {

struct OpInfo {
  Op op;
  std::string_view name;
  std::string_view symbol;
  int tier;  // infix tier; 0 for prefix, postfix and coproduct meanings
};

constexpr std::array<OpInfo, 55> kOps = {{
    {Op::None, "none", "", 0},
    {Op::Define, "define", ":", 2},
    {Op::Output, "output", "#", 4},
    {Op::Xor, "xor", ";", 5},
    {Op::Or, "or", "|", 6},
    {Op::And, "and", "&", 7},
    {Op::Same, "same", "===", 8},
    {Op::Equal, "equal", "==", 8},
    {Op::NotSame, "xnot_equal", "!==", 8},
    {Op::Product, "product", ",", 9},
    {Op::Range, "range", "~", 12},
    {Op::RangeArith, "range_arithmetic", "~+", 12},
    {Op::RangeArithRev, "range_arithmetic_rev", "~-", 12},
    {Op::RangeGeom, "range_geometric", "~*", 12},
    {Op::RangeGeomRev, "range_geometric_rev", "~/", 12},
    {Op::RangePow, "range_power", "~^", 12},
    {Op::Less, "less", "<", 13},
    {Op::LessEqual, "less_equal", "<=", 13},
    {Op::Eq, "assign_equal", "=", 13},
    {Op::MoreEqual, "more_equal", ">=", 13},
    {Op::More, "more", ">", 13},
    {Op::NotEqual, "not_equal", "!=", 13},
    {Op::Add, "add", "+", 14},
    {Op::Sub, "sub", "-", 14},
    {Op::Mul, "mul", "*", 15},
    {Op::Div, "div", "/", 15},
    {Op::Mod, "mod", "%", 15},
    {Op::Pow, "pow", "^", 16},
    {Op::GetProp, "get_prop", "'", 18},
    {Op::GetAt, "get_at", "@", 18},
    {Op::ShiftLeft, "bit_shift_left", "<<", 19},
    {Op::ShiftRight, "bit_shift_right", ">>", 19},
    {Op::BitOr, "bit_or", "||", 20},
    {Op::BitXor, "bit_xor", ";;", 21},
    {Op::BitAnd, "bit_and", "&&", 22},
    {Op::Apply, "apply", " ", 0},
    {Op::PartialApply, "partial_apply", " ", 0},
    {Op::Compose, "compose", " ", 0},
    {Op::Construct, "construct", " ", 0},
    {Op::Push, "push", " ", 0},
    {Op::Unshift, "unshift", " ", 0},
    {Op::Concat, "concat", " ", 0},
    {Op::ExportInternal, "export_internal", "#", 0},
    {Op::ExportExternal, "export_external", "##", 0},
    {Op::ExportPinned, "export_pin", "###", 0},
    {Op::Continuous, "continuous", "~", 0},
    {Op::Not, "not", "!", 0},
    {Op::Address, "address", "$", 0},
    {Op::Input, "input", "@", 0},
    {Op::BitNot, "bit_not", "!!", 0},
    {Op::Negate, "negate", "-", 0},
    {Op::Factorial, "factorial", "!", 0},
    {Op::Expand, "expand", "~", 0},
    {Op::Import, "import", "@", 0},
    {Op::None, "none", "", 0},
}};

const OpInfo& info(Op op) {
  for (const auto& i : kOps) {
    if (i.op == op) return i;
  }
  return kOps[0];
}

bool is_prefix(Op op) { return op >= Op::ExportInternal && op <= Op::Negate; }
bool is_postfix(Op op) { return op >= Op::Factorial && op <= Op::Import; }

}  // namespace

std::string_view op_name(Op op) { return info(op).name; }
std::string_view op_symbol(Op op) { return info(op).symbol; }

int infix_tier(std::string_view symbol) {
  for (const auto& i : kOps) {
    if (i.tier > 0 && i.symbol == symbol) return i.tier;
  }
  return 0;
}

Op infix_op(std::string_view symbol) {
  for (const auto& i : kOps) {
    if (i.tier > 0 && i.symbol == symbol) return i.op;
  }
  return Op::None;
}

Op prefix_op(std::string_view symbol) {
  for (const auto& i : kOps) {
    if (is_prefix(i.op) && i.symbol == symbol) return i.op;
  }
  return Op::None;
}

Op postfix_op(std::string_view symbol) {
  for (const auto& i : kOps) {
    if (is_postfix(i.op) && i.symbol == symbol) return i.op;
  }
  return Op::None;
}

}  // namespace signc::sema
