// SPDX-License-Identifier: MIT
// Reads JSON S-expressions (the writer's shapes, memory-model.md §10) into a
// resolved program, which enters the pipeline after pass 2. The JSON has no
// source positions, so diagnostics name the top-level form and the path to
// the bad element instead.
#include <nlohmann/json.hpp>

#include "sexpr/sexpr.hpp"

namespace signc::sexpr {
namespace {

using nlohmann::json;
using sema::Expr;
using sema::ExprId;
using sema::ExprKind;
using sema::kNoExpr;
using sema::Op;
using syntax::AtomKind;

constexpr int kMaxDepth = 512;

struct BadForm {
  std::string message;
};

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  const bool lead = std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_' || s[0] == '$';
  if (!lead) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$') return false;
  }
  return true;
}

// A prefixed literal as the lexer accepts it: `0`, one of `prefixes`, then
// at least one digit (binary after `b`, hexadecimal otherwise). Lowering
// reads the digits without checking them again.
bool is_prefixed_literal(const std::string& s, std::string_view prefixes) {
  if (s.size() < 3 || s[0] != '0' || prefixes.find(s[1]) == std::string_view::npos) return false;
  for (std::size_t i = 2; i < s.size(); ++i) {
    const bool ok = s[1] == 'b' ? (s[i] == '0' || s[i] == '1') : std::isxdigit(static_cast<unsigned char>(s[i])) != 0;
    if (!ok) return false;
  }
  return true;
}

class Reader {
 public:
  explicit Reader(sema::Program& p) : p_(p) {}

  ExprId form(const json& j, int depth = 0) {
    if (depth > kMaxDepth) throw BadForm{"nested more than 512 levels"};
    if (j.is_null()) throw BadForm{"null is only allowed as a missing section operand"};
    if (j.is_number_integer() || j.is_number_unsigned()) {
      Expr e = atom(AtomKind::Int, j.dump());
      e.int_value = j.is_number_unsigned() ? static_cast<std::int64_t>(j.get<std::uint64_t>()) : j.get<std::int64_t>();
      return add(std::move(e));
    }
    if (j.is_number_float()) {
      Expr e = atom(AtomKind::Float, j.dump());
      e.float_value = j.get<double>();
      return add(std::move(e));
    }
    if (j.is_string()) return name(j.get<std::string>());
    if (!j.is_array() || j.empty() || !j[0].is_string()) {
      throw BadForm{"expected a number, a name or an array starting with an operator: " + j.dump()};
    }
    return compound(j, depth);
  }

 private:
  ExprId add(Expr e) {
    p_.exprs.push_back(std::move(e));
    return static_cast<ExprId>(p_.exprs.size() - 1);
  }
  Expr atom(AtomKind kind, std::string text) {
    Expr e;
    e.kind = ExprKind::Atom;
    e.atom = kind;
    e.text = p_.keep(std::move(text));
    return e;
  }
  ExprId name(const std::string& s) {
    if (s == "__") return add(atom(AtomKind::Unit, s));
    if (s == "_") return add(atom(AtomKind::Hole, s));
    if (!is_identifier(s)) throw BadForm{"'" + s + "' is not a Sign name"};
    Expr e = atom(AtomKind::Identifier, s);
    e.name = e.text;
    return add(std::move(e));
  }
  ExprId node(ExprKind kind, Op op, ExprId a = kNoExpr, ExprId b = kNoExpr, ExprId c = kNoExpr) {
    Expr e;
    e.kind = kind;
    e.op = op;
    e.a = a;
    e.b = b;
    e.c = c;
    return add(std::move(e));
  }
  static void arity(const json& j, std::size_t n) {
    if (j.size() != n + 1) {
      throw BadForm{"'" + j[0].get<std::string>() + "' takes " + std::to_string(n) + " operand(s): " + j.dump()};
    }
  }

  ExprId compound(const json& j, int depth) {
    const std::string head = j[0].get<std::string>();
    auto sub = [&](std::size_t i) { return form(j[i], depth + 1); };
    if (head == ":") {
      arity(j, 2);
      // [":", name, rhs], [":", ["#", name], rhs] (exported), or, in a
      // match_case block, [":", condition, result].
      std::uint8_t exported = 0;
      const json& target = j[1];
      if (target.is_array() && target.size() == 2 && target[0].is_string() && target[1].is_string()) {
        const std::string marker = target[0].get<std::string>();
        exported = marker == "#" ? 1 : marker == "##" ? 2 : marker == "###" ? 3 : 0;
      }
      const ExprId left = exported ? name(target[1].get<std::string>()) : sub(1);
      const ExprId id = node(ExprKind::Infix, Op::Define, left, sub(2));
      p_.exprs[id].exported = exported;
      return id;
    }
    if (head == "?") {
      arity(j, 2);
      const ExprId params = parameters(j[1], depth + 1);
      const ExprId body = sub(2);
      Expr e;
      e.kind = ExprKind::Lambda;
      e.a = params;
      e.b = body;
      return add(std::move(e));
    }
    if (head == "call") {
      if (j.size() < 3) throw BadForm{"'call' needs a function and at least one argument: " + j.dump()};
      ExprId f = sub(1);
      for (std::size_t i = 2; i < j.size(); ++i) f = node(ExprKind::Infix, Op::Apply, f, sub(i));
      return f;
    }
    for (Op op : {Op::Compose, Op::Construct, Op::Push, Op::Unshift, Op::Concat}) {
      if (head == sema::op_name(op)) {
        arity(j, 2);
        return node(ExprKind::Infix, op, sub(1), sub(2));
      }
    }
    if (head == "section" || head == "section,") return section(j, head == "section,", depth);
    if (head == "block") return block(j, depth);
    if (head == "str" || head == "char" || head == "addr" || head == "reg" || head == "u") return literal(j, head);
    // Operators by symbol: "_" + symbol is postfix.
    if (head.size() > 1 && head[0] == '_') {
      arity(j, 1);
      const Op op = sema::postfix_op(head.substr(1));
      if (op == Op::None) throw BadForm{"unknown postfix operator '" + head + "'"};
      return node(ExprKind::Postfix, op, sub(1));
    }
    if (j.size() == 2) {
      const Op op = sema::prefix_op(head);
      if (op == Op::None) throw BadForm{"unknown prefix operator '" + head + "'"};
      return node(ExprKind::Prefix, op, sub(1));
    }
    const Op op = sema::infix_op(head);
    if (op == Op::None) throw BadForm{"unknown operator '" + head + "'"};
    if (j.size() == 3) return node(ExprKind::Infix, op, sub(1), sub(2));
    if (j.size() == 4 && sema::infix_tier(head) == 13) return node(ExprKind::ChainCompare, op, sub(1), sub(2), sub(3));
    throw BadForm{"wrong number of operands for '" + head + "': " + j.dump()};
  }

  ExprId section(const json& j, bool map, int depth) {
    if (j.size() == 2 && j[1].is_string()) {  // ["section", "!"], ["section", "_!"]
      const std::string sym = j[1].get<std::string>();
      const Op op = sym.size() > 1 && sym[0] == '_' ? sema::postfix_op(sym.substr(1)) : sema::prefix_op(sym);
      if (op == Op::None) throw BadForm{"unknown operator in section: " + j.dump()};
      return node(ExprKind::Section, op);
    }
    arity(j, 3);
    const Op op = j[1].is_string() ? sema::infix_op(j[1].get<std::string>()) : Op::None;
    if (op == Op::None) throw BadForm{"unknown operator in section: " + j.dump()};
    const ExprId l = j[2].is_null() ? kNoExpr : form(j[2], depth + 1);
    const ExprId r = j[3].is_null() ? kNoExpr : form(j[3], depth + 1);
    const ExprId id = node(ExprKind::Section, op, l, r);
    if (map) p_.exprs[id].flags |= sema::kPointfreeMap;
    return id;
  }

  ExprId block(const json& j, int depth) {
    if (j.size() < 2 || !j[1].is_string()) throw BadForm{"a block is [\"block\", kind, lines...]: " + j.dump()};
    const std::string kind = j[1].get<std::string>();
    Expr e;
    e.kind = ExprKind::Block;
    bool known = false;
    for (auto k : {syntax::BlockKind::Paren, syntax::BlockKind::Bracket, syntax::BlockKind::Brace,
                   syntax::BlockKind::Indent, syntax::BlockKind::Abs}) {
      if (kind == syntax::block_kind_name(k)) {
        e.block = k;
        known = true;
      }
    }
    if (!known) throw BadForm{"unknown block kind '" + kind + "'"};
    for (std::size_t i = 2; i < j.size(); ++i) e.kids.push_back(form(j[i], depth + 1));
    return add(std::move(e));
  }

  ExprId literal(const json& j, const std::string& head) {
    arity(j, 1);
    if (!j[1].is_string()) throw BadForm{"'" + head + "' takes a string: " + j.dump()};
    const std::string s = j[1].get<std::string>();
    if (head == "str") {
      if (s.find('`') != std::string::npos || s.find('\n') != std::string::npos) {
        throw BadForm{"a Sign string holds no backtick or newline: " + j.dump()};
      }
      return add(atom(AtomKind::String, "`" + s + "`"));
    }
    if (head == "char") return add(atom(AtomKind::Char, "\\" + s));
    const std::string_view prefixes = head == "addr" ? "x" : head == "reg" ? "rb" : "u";
    if (!is_prefixed_literal(s, prefixes)) {
      const std::string spelled = head == "reg" ? "0r or 0b" : "0" + std::string(prefixes);
      throw BadForm{"'" + head + "' takes " + spelled + " followed by digits: " + j.dump()};
    }
    return add(atom(head == "addr" ? AtomKind::Address : head == "reg" ? AtomKind::Register : AtomKind::Codepoint, s));
  }

  ExprId parameters(const json& j, int depth) {
    if (j.is_string()) {
      const std::string text = j.get<std::string>();
      if (!is_identifier(text)) throw BadForm{"'" + text + "' is not a parameter name"};
      Expr e = atom(AtomKind::Identifier, text);
      e.name = e.text;
      return add(std::move(e));
    }
    if (!j.is_array()) throw BadForm{"parameters are a name or an array: " + j.dump()};
    if (j.empty()) return kNoExpr;
    Expr params;
    params.kind = ExprKind::Params;
    std::size_t first = 0;
    if (j[0] == "[]") {
      params.flags |= sema::kBracketParams;
      first = 1;
    }
    for (std::size_t i = first; i < j.size(); ++i) params.kids.push_back(parameter(j[i], depth + 1));
    return add(std::move(params));
  }

  ExprId parameter(const json& j, int depth) {
    if (depth > kMaxDepth) throw BadForm{"nested more than 512 levels"};
    Expr e;
    e.kind = ExprKind::Param;
    if (j.is_string()) {
      e.name = p_.keep(j.get<std::string>());
    } else if (j.is_array() && j.size() == 2 && j[0] == "~" && j[1].is_string()) {
      e.name = p_.keep(j[1].get<std::string>());
      e.flags |= sema::kRest;
    } else if (j.is_array() && j.size() == 3 && j[0] == ":" && j[1].is_string()) {
      e.name = p_.keep(j[1].get<std::string>());
      e.a = form(j[2], depth + 1);
    } else if (j.is_array() && !j.empty() && j[0] == "[]") {
      for (std::size_t i = 1; i < j.size(); ++i) e.kids.push_back(parameter(j[i], depth + 1));
    } else {
      throw BadForm{"a parameter is a name, [\"~\", name], [\":\", name, default] or [\"[]\", ...]: " + j.dump()};
    }
    if (!e.name.empty() && e.name != "_" && !is_identifier(std::string(e.name))) {
      throw BadForm{"'" + std::string(e.name) + "' is not a parameter name"};
    }
    return add(std::move(e));
  }

  sema::Program& p_;
};

// The file scope: one binding per top-level definition, its category read
// from the definition's value.
void bind_file_scope(sema::Program& p) {
  p.file_scope = 0;
  p.scopes.push_back({sema::kNoScope, {}});
  for (ExprId form : p.forms) {
    const Expr& e = p.expr(form);
    if (e.kind != ExprKind::Infix || e.op != Op::Define) continue;
    sema::Binding b;
    b.name = p.expr(e.a).name;
    b.scope = 0;
    b.exported = e.exported;
    b.resolved = true;
    b.value = e.b;
    const Expr& v = p.expr(e.b);
    b.category = (v.kind == ExprKind::Lambda || v.kind == ExprKind::Section ||
                  (v.kind == ExprKind::Infix && v.op == Op::Compose))
                     ? sema::Category::Lambda
                     : sema::Category::Atom;
    p.scopes[0].names[b.name] = static_cast<sema::BindingId>(p.bindings.size());
    p.bindings.push_back(std::move(b));
  }
}

// Byte offsets of the elements of the outermost JSON array, so a bad form
// can be pointed at (the JSON library keeps no positions).
std::vector<std::uint32_t> top_level_offsets(std::string_view text) {
  std::vector<std::uint32_t> out;
  int depth = 0;
  bool in_string = false;
  bool expect = false;
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (depth == 1 && expect && c != ']') {
      out.push_back(i);
      expect = false;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') {
      if (++depth == 1) expect = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect = true;
    }
  }
  return out;
}

}  // namespace

bool read(const SourceFile& file, sema::Program& program, Diagnostics& diags) {
  program.file = &file;
  json all;
  try {
    all = json::parse(file.text());
  } catch (const json::parse_error& e) {
    const auto at = static_cast<std::uint32_t>(e.byte == 0 ? 0 : e.byte - 1);
    diags.error(file, {at, at + 1}, std::string("invalid JSON: ") + e.what());
    return false;
  } catch (const json::exception& e) {  // e.g. a number out of range
    diags.error(file, {0, 1}, std::string("invalid JSON: ") + e.what());
    return false;
  }
  if (!all.is_array()) {
    diags.error(file, {0, 1}, "an S-expression program is a JSON array of top-level forms");
    return false;
  }
  Reader reader(program);
  const auto offsets = top_level_offsets(file.text());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::uint32_t at = i < offsets.size() ? offsets[i] : 0;
    const auto before = program.exprs.size();
    try {
      program.forms.push_back(reader.form(all[i]));
      for (auto k = before; k < program.exprs.size(); ++k) program.exprs[k].span = {at, at + 1};
    } catch (const BadForm& bad) {
      diags.error(file, {at, at + 1}, "top-level form " + std::to_string(i + 1) + ": " + bad.message);
    }
  }
  bind_file_scope(program);
  return !diags.has_errors();
}

}  // namespace signc::sexpr
