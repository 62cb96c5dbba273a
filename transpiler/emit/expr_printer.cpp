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

int infix_precedence(std::string_view op) { return (op == "+" || op == "-") ? 1 : 2; }

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
      case Expr::Kind::Local: return f_.locals[e.index].cpp_name;
      case Expr::Kind::Cast: return "static_cast<double>(" + print(e.args[0]) + ")";
      case Expr::Kind::Call: {
        if (e.callee == "-" && e.args.size() == 1) return "-(" + print(e.args[0]) + ")";
        std::string out = e.callee + "(";
        for (std::size_t i = 0; i < e.args.size(); ++i) {
          if (i) out += ", ";
          out += print(e.args[i]);
        }
        return out + ")";
      }
      case Expr::Kind::Infix: {
        const int prec = infix_precedence(e.callee);
        return operand(e.args[0], prec, false) + " " + e.callee + " " + operand(e.args[1], prec, true);
      }
    }
    return {};
  }

 private:
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

}  // namespace signc::emit::detail
