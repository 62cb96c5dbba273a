// SPDX-License-Identifier: MIT
// IR expressions → C++ expressions. Prints only; every choice of function
// and type was made by lower/.
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "emit/detail.hpp"

namespace signc::emit::detail {
namespace {

using lower::Expr;
using lower::ExprId;

int infix_precedence(std::string_view op) {
  if (op == "&&") return -1;
  if (op == "<" || op == "<=" || op == "==" || op == ">=" || op == ">") return 0;
  return (op == "+" || op == "-") ? 1 : 2;
}

std::string int_literal(std::int64_t v) {
  // -9223372036854775808 is not a C++ literal: the negation of a too-large one.
  if (v == std::numeric_limits<std::int64_t>::min()) return "(-9223372036854775807 - 1)";
  return std::to_string(v);
}

std::string float_literal(double v) {
  if (std::isinf(v)) return v > 0 ? "std::numeric_limits<double>::infinity()" : "-std::numeric_limits<double>::infinity()";
  std::array<char, 32> buf;
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  std::string s(buf.data(), res.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}


class Printer {
 public:
  Printer(const lower::Module& m, const lower::Function& f) : m_(m), f_(f) {}

  std::string print(ExprId id) {
    const Expr& e = m_.expr(id);
    switch (e.kind) {
      case Expr::Kind::IntLit: return int_literal(e.int_value);
      case Expr::Kind::FloatLit: return float_literal(e.float_value);
      case Expr::Kind::UnitLit: return "sign::Value()";
      case Expr::Kind::Global: return m_.globals[e.index].cpp_name;
      case Expr::Kind::Local: return e.moved ? "std::move(" + f_.locals[e.index].cpp_name + ")" : f_.locals[e.index].cpp_name;
      case Expr::Kind::Cast: return "static_cast<double>(" + print(e.args[0]) + ")";
      case Expr::Kind::Call:
        if (e.callee == "-" && e.args.size() == 1) return "-(" + print(e.args[0]) + ")";
        return e.callee + "(" + list(e.args) + ")";
      case Expr::Kind::Infix: {
        const int prec = infix_precedence(e.callee);
        return operand(e.args[0], prec, false) + " " + e.callee + " " + operand(e.args[1], prec, true);
      }
      case Expr::Kind::StringLit: return "sign::impl::string_constant<" + cpp_string(e.callee) + ">()";
      case Expr::Kind::TextLit: return cpp_string(e.callee);
      case Expr::Kind::Constant: return e.callee;
      case Expr::Kind::Braced: return "{" + list(e.args) + "}";
      case Expr::Kind::AddressOf: return "&" + print(e.args[0]);
      case Expr::Kind::Capture: return "self.captured(" + std::to_string(e.index) + ")";
      case Expr::Kind::ArgsRef: return "args";
      case Expr::Kind::FunctionValue: return function_value(e.index);
      case Expr::Kind::DirectCall: {
        const lower::Function& callee = m_.functions[e.index];
        const std::string call = callee.cpp_name + "(" + list(e.args) + ")";
        // A callee that hands tail calls back is finished here, unless this
        // call is itself in tail position: then the tail call is passed on.
        return callee.defers && !e.tail ? "sign::impl::settle(" + call + ")" : call;
      }
      case Expr::Kind::Field: return print(e.args[0]) + "." + e.callee;
      case Expr::Kind::MakeClosure: {
        if (e.args.empty()) return function_value(e.index);  // captures nothing: made once
        const lower::Function& f = m_.functions[e.index];
        return "sign::make_function(&" + f.cpp_name + ", " + std::to_string(f.arity) + ", {" + list(e.args) + "})";
      }
    }
    return {};
  }

 private:
  std::string list(const std::vector<ExprId>& args) {
    std::string out;
    for (std::size_t i = 0; i < args.size(); ++i) out += (i ? ", " : "") + print(args[i]);
    return out;
  }

  // A module function as a sign::Function value, made on first use.
  std::string function_value(std::uint32_t index) {
    const lower::Function& f = m_.functions[index];
    const std::string code = f.generic ? f.cpp_name : f.cpp_name + "_entry";
    return "sign::impl::static_function<&" + code + ", " + std::to_string(f.arity) + ">()";
  }

  // Parenthesises an infix operand only where C++ precedence needs it.
  std::string operand(ExprId id, int parent_prec, bool right) {
    const Expr& e = m_.expr(id);
    std::string text = print(id);
    const bool negative_literal = (e.kind == Expr::Kind::FloatLit || e.kind == Expr::Kind::IntLit) &&
                                  !text.empty() && text.front() == '-';
    if (e.kind == Expr::Kind::Infix) {
      const int prec = infix_precedence(e.callee);
      if (prec < parent_prec || (right && prec == parent_prec)) return "(" + text + ")";
    }
    if (negative_literal && right) return "(" + text + ")";  // a - (-1), not a - -1
    return text;
  }

  const lower::Module& m_;
  const lower::Function& f_;
};

}  // namespace

std::string print_expr(const lower::Module& module, const lower::Function& function, ExprId id) {
  return Printer(module, function).print(id);
}

// A C++ string literal: printable ASCII as is, everything else escaped as
// octal, so the generated file is plain ASCII whatever the Sign text holds.
std::string cpp_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u >= 0x20 && u < 0x7F) {
      out += c;
    } else {
      out += '\\';
      out += static_cast<char>('0' + (u >> 6));
      out += static_cast<char>('0' + ((u >> 3) & 7));
      out += static_cast<char>('0' + (u & 7));
    }
  }
  return out + '"';
}

}  // namespace signc::emit::detail
