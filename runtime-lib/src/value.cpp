// SPDX-License-Identifier: MIT
// Printing and dynamic arithmetic of sign::Value (DESIGN "Command line").
#include <sign/impl/arith.hpp>
#include <sign/value.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <ostream>
#include <string_view>

namespace sign {
namespace {

// Shortest text that reads back to the same double (std::to_chars), so
// output is deterministic and exact, as JavaScript prints numbers.
std::string_view shortest(double v, std::array<char, 32>& buf) {
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return {buf.data(), static_cast<std::size_t>(res.ptr - buf.data())};
}

bool looks_integral(std::string_view text) {
  return text.find_first_of(".en") == std::string_view::npos;  // "1e+20", "nan", "inf"
}

}  // namespace

void write_literal(std::ostream& out, const Value& v) {
  switch (v.kind()) {
    case Kind::Unit: out << "__"; return;
    case Kind::Int: out << v.as_int(); return;
    case Kind::Float: {
      std::array<char, 32> buf;
      const auto text = shortest(v.as_float(), buf);
      out << text;
      // Keep the Float visible in the literal form: 3.0, not 3.
      if (std::isfinite(v.as_float()) && looks_integral(text)) out << ".0";
      return;
    }
  }
}

void write_json(std::ostream& out, const Value& v) {
  switch (v.kind()) {
    case Kind::Unit: out << "null"; return;
    case Kind::Int: out << v.as_int(); return;
    case Kind::Float: {
      const double d = v.as_float();
      if (std::isnan(d)) { out << "\"NaN\""; return; }
      if (std::isinf(d)) { out << (d > 0 ? "\"Infinity\"" : "\"-Infinity\""); return; }
      std::array<char, 32> buf;
      out << shortest(d, buf);
      return;
    }
  }
}

}  // namespace sign

namespace sign::impl {
namespace {

double to_double(const Value& v) noexcept {
  return v.is_int() ? static_cast<double>(v.as_int()) : v.as_float();
}

// One place decides what an arithmetic operator means for dynamic operands:
// Unit rules first, then Int∘Int in wrapping int64, else Float.
template <class IntOp, class FloatOp>
Value arith(const Value& l, const Value& r, IntOp int_op, FloatOp float_op) noexcept {
  if (l.is_unit()) return Value::unit();
  if (r.is_unit()) return l;
  if (l.is_int() && r.is_int()) return int_op(l.as_int(), r.as_int());
  return Value::from_float(float_op(to_double(l), to_double(r)));
}

}  // namespace

Value add(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return Value::from_int(add_wrap(a, b)); },
               [](double a, double b) { return a + b; });
}
Value sub(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return Value::from_int(sub_wrap(a, b)); },
               [](double a, double b) { return a - b; });
}
Value mul(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return Value::from_int(mul_wrap(a, b)); },
               [](double a, double b) { return a * b; });
}
Value div(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return div_int(a, b); },
               [](double a, double b) { return a / b; });
}
Value mod(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return mod_int(a, b); },
               [](double a, double b) { return mod_float(a, b); });
}

}  // namespace sign::impl
