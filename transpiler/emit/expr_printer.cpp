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

void append_int(std::string& out, std::int64_t v) {
  // -9223372036854775808 is not a C++ literal: the negation of a too-large one.
  if (v == std::numeric_limits<std::int64_t>::min()) {
    out += "(-9223372036854775807 - 1)";
    return;
  }
  std::array<char, 24> buf;
  out.append(buf.data(), std::to_chars(buf.data(), buf.data() + buf.size(), v).ptr);
}

void append_float(std::string& out, double v) {
  if (std::isinf(v)) {
    out += v > 0 ? "std::numeric_limits<double>::infinity()" : "-std::numeric_limits<double>::infinity()";
    return;
  }
  std::array<char, 32> buf;
  const std::string_view s(buf.data(), std::to_chars(buf.data(), buf.data() + buf.size(), v).ptr);
  out += s;
  if (s.find_first_of(".e") == std::string_view::npos) out += ".0";
}

// A literal printed with a leading minus (not the parenthesised minimum Int).
bool prints_minus(const Expr& e) {
  if (e.kind == Expr::Kind::IntLit) return e.int_value < 0 && e.int_value != std::numeric_limits<std::int64_t>::min();
  return e.kind == Expr::Kind::FloatLit && std::signbit(e.float_value);
}

// Appends to one buffer: the printed text of a statement is never a
// temporary of its own.
class Printer {
 public:
  Printer(std::string& out, const lower::Module& m, const lower::Function& f) : out_(out), m_(m), f_(f) {}

  void print(ExprId id) {
    const Expr& e = m_.expr(id);
    switch (e.kind) {
      case Expr::Kind::IntLit: append_int(out_, e.int_value); return;
      case Expr::Kind::FloatLit: append_float(out_, e.float_value); return;
      case Expr::Kind::UnitLit: out_ += "sign::Value()"; return;
      case Expr::Kind::Global: out_ += m_.globals[e.index].cpp_name; return;
      case Expr::Kind::Local:
        if (e.moved) {
          out_ += "std::move(";
          out_ += f_.locals[e.index].cpp_name;
          out_ += ')';
        } else {
          out_ += f_.locals[e.index].cpp_name;
        }
        return;
      case Expr::Kind::Cast:
        out_ += "static_cast<double>(";
        print(e.args[0]);
        out_ += ')';
        return;
      case Expr::Kind::Call:
        if (e.callee == "-" && e.args.size() == 1) {
          out_ += "-(";
          print(e.args[0]);
          out_ += ')';
          return;
        }
        call(e.callee, e.args);
        return;
      case Expr::Kind::Infix: {
        const int prec = infix_precedence(e.callee);
        operand(e.args[0], prec, false);
        out_ += ' ';
        out_ += e.callee;
        out_ += ' ';
        operand(e.args[1], prec, true);
        return;
      }
      case Expr::Kind::StringLit:
        out_ += "sign::impl::string_constant<";
        append_cpp_string(out_, e.callee);
        out_ += ">()";
        return;
      case Expr::Kind::TextLit: append_cpp_string(out_, e.callee); return;
      case Expr::Kind::Constant: out_ += e.callee; return;
      case Expr::Kind::Braced:
        out_ += e.callee;
        out_ += '{';
        list(e.args);
        out_ += '}';
        return;
      case Expr::Kind::AddressOf:
        out_ += '&';
        print(e.args[0]);
        return;
      case Expr::Kind::Capture:
        out_ += "self.captured(";
        append_int(out_, e.index);
        out_ += ')';
        return;
      case Expr::Kind::ArgsRef: out_ += "args"; return;
      case Expr::Kind::FunctionValue: function_value(e.index); return;
      case Expr::Kind::DirectCall: {
        // A callee that hands tail calls back is finished here, unless this
        // call is itself in tail position: then the tail call is passed on.
        const lower::Function& callee = m_.functions[e.index];
        const bool settle = callee.defers && !e.tail;
        if (settle) out_ += "sign::impl::settle(";
        call(callee.cpp_name, e.args);
        if (settle) out_ += ')';
        return;
      }
      case Expr::Kind::Field:
        print(e.args[0]);
        out_ += '.';
        out_ += e.callee;
        return;
      case Expr::Kind::MakeClosure: {
        if (e.args.empty()) {  // captures nothing: made once
          function_value(e.index);
          return;
        }
        const lower::Function& f = m_.functions[e.index];
        out_ += "sign::make_function(&";
        out_ += f.cpp_name;
        out_ += ", ";
        append_int(out_, f.arity);
        out_ += ", {";
        list(e.args);
        out_ += "})";
        return;
      }
    }
  }

 private:
  void call(std::string_view callee, const std::vector<ExprId>& args) {
    out_ += callee;
    out_ += '(';
    list(args);
    out_ += ')';
  }

  void list(const std::vector<ExprId>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (i) out_ += ", ";
      print(args[i]);
    }
  }

  // A module function as a sign::Function value, made on first use.
  void function_value(std::uint32_t index) {
    const lower::Function& f = m_.functions[index];
    out_ += "sign::impl::static_function<&";
    out_ += f.cpp_name;
    if (!f.generic) out_ += "_entry";
    out_ += ", ";
    append_int(out_, f.arity);
    out_ += ">()";
  }

  // Parenthesises an infix operand only where C++ precedence needs it.
  void operand(ExprId id, int parent_prec, bool right) {
    const Expr& e = m_.expr(id);
    bool parenthesised = right && prints_minus(e);  // a - (-1), not a - -1
    if (e.kind == Expr::Kind::Infix) {
      const int prec = infix_precedence(e.callee);
      parenthesised = prec < parent_prec || (right && prec == parent_prec);
    }
    if (parenthesised) out_ += '(';
    print(id);
    if (parenthesised) out_ += ')';
  }

  std::string& out_;
  const lower::Module& m_;
  const lower::Function& f_;
};

}  // namespace

void append_expr(std::string& out, const lower::Module& module, const lower::Function& function, ExprId id) {
  Printer(out, module, function).print(id);
}

std::string print_expr(const lower::Module& module, const lower::Function& function, ExprId id) {
  std::string out;
  append_expr(out, module, function, id);
  return out;
}

// A C++ string literal: printable ASCII as is, everything else escaped as
// octal, so the generated file is plain ASCII whatever the Sign text holds.
void append_cpp_string(std::string& out, std::string_view text) {
  out += '"';
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
  out += '"';
}

std::string cpp_string(std::string_view text) {
  std::string out;
  append_cpp_string(out, text);
  return out;
}

}  // namespace signc::emit::detail
