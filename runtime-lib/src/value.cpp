// SPDX-License-Identifier: MIT
// Printing and dynamic arithmetic of sign::Value (DESIGN "Command line").
#include <sign/impl/arith.hpp>
#include <sign/impl/ops.hpp>
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

void write_json_string(std::ostream& out, std::string_view text) {
  out << '"';
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out << "\\\""; break;
      case '\\': out << "\\\\"; break;
      case '\n': out << "\\n"; break;
      case '\t': out << "\\t"; break;
      case '\r': out << "\\r"; break;
      default:
        if (u < 0x20) {
          static constexpr char hex[] = "0123456789abcdef";
          out << "\\u00" << hex[u >> 4] << hex[u & 0xF];
        } else {
          out << c;
        }
    }
  }
  out << '"';
}

}  // namespace

void write_literal(std::ostream& out, const Value& v) {
  switch (v.kind()) {
    case Kind::Unit: out << "__"; return;
    case Kind::String: out << '`' << v.as_string().text() << '`'; return;
    case Kind::List: {
      if (v.is_unit()) { out << "__"; return; }
      out << '[';
      const char* sep = "";
      for (const Value& item : v.as_list().items()) {
        out << sep;
        write_literal(out, item);
        sep = " ";
      }
      out << ']';
      return;
    }
    case Kind::Dict: {
      out << '[';
      const char* sep = "";
      for (const auto& [key, value] : v.as_dict().entries()) {
        out << sep << key << " : ";
        write_literal(out, value);
        sep = " / ";
      }
      out << ']';
      return;
    }
    case Kind::Function: out << "<function>"; return;
    case Kind::Address: out << "<address>"; return;
    case Kind::TailCall: return;
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
    case Kind::Unit:
    case Kind::TailCall: out << "null"; return;
    case Kind::String: write_json_string(out, v.as_string().text()); return;
    case Kind::List: {
      if (v.is_unit()) { out << "null"; return; }
      out << '[';
      const char* sep = "";
      for (const Value& item : v.as_list().items()) {
        out << sep;
        write_json(out, item);
        sep = ",";
      }
      out << ']';
      return;
    }
    case Kind::Dict: {
      out << '{';
      const char* sep = "";
      for (const auto& [key, value] : v.as_dict().entries()) {
        out << sep;
        write_json_string(out, key);
        out << ':';
        write_json(out, value);
        sep = ",";
      }
      out << '}';
      return;
    }
    case Kind::Function: out << "\"<function>\""; return;
    case Kind::Address: out << "\"<address>\""; return;
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

enum class ListArith { None, Repeat, Split };

// `[0 1] * 3` repeats a List; `[1 2 3 4] / 2` splits it into 2 groups.
Value list_arith(ListArith what, const Value& l, const Value& r) {
  if (what == ListArith::None || !r.is_number()) return Value::unit();
  const auto items = l.as_list().items();
  const auto n = static_cast<std::int64_t>(std::llround(r.to_double()));
  std::vector<Value> out;
  if (what == ListArith::Repeat) {
    for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
    return make_list(std::move(out));
  }
  if (n <= 0) return Value::unit();
  const std::size_t size = (items.size() + static_cast<std::size_t>(n) - 1) / static_cast<std::size_t>(n);
  for (std::size_t i = 0; i < items.size(); i += size) {
    out.push_back(make_list(std::vector<Value>(items.begin() + static_cast<std::ptrdiff_t>(i),
                                               items.begin() + static_cast<std::ptrdiff_t>(std::min(i + size, items.size())))));
  }
  return make_list(std::move(out));
}

// One place decides what an arithmetic operator means for dynamic operands
// (type_system.md §3.2): Unit rules first (a __ left operand absorbs, a __
// right one is the identity); a String on the left is a type error (__);
// Lists repeat and split; Int∘Int in wrapping int64, else Float; anything
// that is not a number is __.
template <class IntOp, class FloatOp>
Value arith(const Value& l, const Value& r, IntOp int_op, FloatOp float_op, ListArith list_op = ListArith::None) noexcept {
  if (l.is_unit() || l.is_string()) return Value::unit();
  if (r.is_unit()) return l;
  if (l.is_list()) return list_arith(list_op, l, r);
  if (!l.is_number() || !r.is_number()) return Value::unit();
  if (l.is_int() && r.is_int()) return int_op(l.as_int(), r.as_int());
  return Value::from_float(float_op(l.to_double(), r.to_double()));
}

}  // namespace

Value add_dynamic(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return Value::from_int(add_wrap(a, b)); },
               [](double a, double b) { return a + b; });
}
Value sub_dynamic(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return Value::from_int(sub_wrap(a, b)); },
               [](double a, double b) { return a - b; });
}
Value mul_dynamic(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return Value::from_int(mul_wrap(a, b)); },
               [](double a, double b) { return a * b; }, ListArith::Repeat);
}
Value div_dynamic(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return div_int(a, b); },
               [](double a, double b) { return a / b; }, ListArith::Split);
}
Value mod_dynamic(const Value& l, const Value& r) noexcept {
  return arith(l, r, [](auto a, auto b) { return mod_int(a, b); },
               [](double a, double b) { return mod_float(a, b); });
}

}  // namespace sign::impl
