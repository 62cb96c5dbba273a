// SPDX-License-Identifier: MIT
// Fills templates/ from the IR (STYLE "Generated-code shape"): fixed section
// order, a #line directive before every statement, deterministic text.
#include <string>

#include "emit/detail.hpp"

namespace signc::emit {
namespace {

// Where the function definitions go in the module's text until it is
// formatted: they are formatted apart from it, side by side.
constexpr std::string_view kDefinitionsMarker = "// signc: definitions";

using lower::CType;
using lower::ExprId;
using lower::Function;
using lower::Stmt;
using lower::StmtId;

// Block slots sit on lines of their own in the templates: drop the final
// newline so an empty or filled block leaves no stray blank line.
std::string block(std::string text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

class ModuleWriter {
 public:
  ModuleWriter(const lower::Module& m, const Options& o) : m_(m), o_(o) {}

  std::string globals() const {
    if (m_.globals.empty()) return {};
    std::string out;
    for (const auto& g : m_.globals) {
      line_directive(out, g.line);
      if (g.constant) {
        out += "constexpr " + std::string(m_.spelling(g.type)) + " " + g.cpp_name + " = ";
        detail::append_expr(out, m_, m_.load, *g.constant);
        out += ";\n";
        continue;
      }
      out += std::string(m_.spelling(g.type)) + " " + g.cpp_name;
      out += g.type == CType::Value ? ";\n" : " = 0;\n";
    }
    return out + line_reset();
  }

  // The structs of the Int Dicts the functions use (lower::IntDictShape),
  // each with the overload of dicts_::value that makes its Dict.
  std::string int_dicts() const {
    std::string structs;
    for (const lower::IntDictShape& d : m_.int_dicts) {
      if (!d.used) continue;
      const std::string name = d.cpp_name.substr(d.cpp_name.rfind(':') + 1);
      std::string slots, members, entries;
      for (std::size_t k = 0; k < d.slots.size(); ++k) {
        slots += (k ? ", " : "") + d.slots[k];
        members += "  std::int64_t " + d.members[k] + ";\n";
        entries += std::string(k ? ", " : "") + "sign::Dict::Entry(" + detail::cpp_string(d.slots[k]) +
                   ", sign::Value::from_int(d." + d.members[k] + "))";
      }
      structs += "// [" + slots + "]\nstruct " + name + " {\n" + members + "};\n";
      structs += "inline sign::Value value(const " + name + "& d) {\n  return sign::dict_of(" + entries + ");\n}\n";
    }
    if (structs.empty()) return {};
    return detail::fill_template("int_dicts.cpp.tmpl", embedded::int_dicts_cpp_tmpl, {{"structs", block(structs)}});
  }

  // The functions section, with `kDefinitionsMarker` on the line where
  // the definitions go, and the definitions: one text per function.
  std::pair<std::string, std::vector<std::string>> functions() const {
    if (m_.functions.empty()) return {};
    std::string declarations;
    std::vector<std::string> definitions;
    for (const Function& f : m_.functions) {
      if (!f.emitted) continue;
      declarations += signature(f) + ";\n";
      std::string& definition = definitions.emplace_back();
      definition += "// " + f.sign_name + " (" + m_.source_name + ":" + std::to_string(f.line) + ")\n";
      line_directive(definition, f.line);
      definition += signature(f) + " {\n";
      // A Dispatch to the twin is made once, on entry: the twin hands a
      // call back only with arguments that are not all Ints. So is a test
      // made on entry (a String or List lent to the twin that walks it).
      const auto on_entry = [&](const Stmt& s) { return s.kind == Stmt::Kind::Dispatch || s.on_entry; };
      std::size_t first = 0;
      for (; f.loops && first < f.body.size() && on_entry(m_.stmt(f.body[first])); ++first) {
        statement(definition, f, m_.stmt(f.body[first]));
      }
      if (f.loops) definition += "for (;;) {  // the body repeats for self tail calls\n";
      statements(definition, f, {f.body.begin() + static_cast<std::ptrdiff_t>(first), f.body.end()});
      if (f.loops) definition += "}\n";
      definition += "}\n" + line_reset();
    }
    for (const Function& f : m_.functions) {
      if (!f.needs_entry || !f.emitted) continue;
      // The direct function as a sign::Function (a value, or a tail call's target).
      const std::string entry = "sign::Value " + f.cpp_name + "_entry(const sign::Function& /*self*/, sign::Args " +
                                std::string(f.param_count ? "args" : "/*args*/") + ")";
      declarations += entry + ";\n";
      std::string call = f.cpp_name + "(";
      if (f.bracket_params) {
        call += "sign::impl::pattern_source(args)";  // several arguments are destructured as one List
      } else {
        for (std::uint32_t i = 0; i < f.param_count; ++i) {
          const bool rest = f.rest_param && i + 1 == f.param_count;
          call += (i ? ", " : "") + std::string(rest ? "sign::impl::rest_args(args, " : "sign::impl::arg(args, ") +
                  std::to_string(i) + ")";
        }
      }
      call += ")";  // a tail call it hands back goes to the caller's trampoline
      definitions.push_back(entry + " { return " + call + "; }\n");
    }
    const std::string_view marker = definitions.empty() ? "" : kDefinitionsMarker;
    return {int_dicts() + detail::fill_template("functions.cpp.tmpl", embedded::functions_cpp_tmpl,
                                                {{"declarations", block(declarations)}, {"definitions", marker}}),
            std::move(definitions)};
  }

  std::string load_body() const {
    std::string out;
    statements(out, m_.load, m_.load.body);
    return out + line_reset();
  }

  std::string imports() const {
    std::string out;
    for (const auto& i : m_.imports) out += "#include " + detail::cpp_string(i.header) + "\n";
    return out.empty() ? out : "\n" + out;
  }

  // The export table: declarations for the header, definitions for the TU.
  std::pair<std::string, std::string> exports() const {
    if (m_.exports.empty()) return {};
    std::string declarations, definitions;
    for (const auto& e : m_.exports) {
      declarations += "sign::Value " + e.cpp_name + "();  // " + e.marker + " " + e.sign_name + "\n";
      definitions += "sign::Value " + e.cpp_name + "() {\n  load();\n  return module_.exported(" +
                     detail::cpp_string(e.sign_name) + ");\n}\n";
    }
    return {detail::fill_template("exports.hpp.tmpl", embedded::exports_hpp_tmpl,
                                  {{"module_name", m_.registry_name}, {"declarations", block(declarations)}}),
            detail::fill_template("exports.cpp.tmpl", embedded::exports_cpp_tmpl,
                                  {{"definitions", block(definitions)}})};
  }

  std::string unload_body() const {
    std::string out;
    for (const auto& g : m_.globals) {
      if (g.type == CType::Value) out += "  " + g.cpp_name + " = sign::Value();\n";
    }
    return out;
  }

  std::string namespace_name() const { return o_.root_namespace + "::" + m_.name; }

 private:
  std::string signature(const Function& f) const {
    if (f.generic) {
      return "sign::Value " + f.cpp_name + "(const sign::Function& " + (f.captures.empty() ? "/*self*/" : "self") +
             ", sign::Args " + (f.uses_args ? "args" : "/*args*/") + ")";
    }
    std::string s = std::string(m_.spelling(f.result)) + " " + f.cpp_name + "(";
    for (std::uint32_t i = 0; i < f.param_count; ++i) {
      // A parameter the body never names is left unnamed, as -Wunused-parameter asks.
      const bool named = i >= f.named_params.size() || f.named_params[i];
      const std::string& name = f.locals[i].cpp_name;
      s += (i ? ", " : "") + std::string(m_.spelling(f.locals[i].type)) + " " + (named ? name : "/*" + name + "*/");
    }
    return s + ")";
  }

  void statements(std::string& out, const Function& f, const std::vector<StmtId>& body) const {
    for (StmtId id : body) statement(out, f, m_.stmt(id));
  }

  // Appends `s` to `out`: its #line, then the C++ statement.
  void statement(std::string& out, const Function& f, const Stmt& s) const {
    const auto expr = [&](ExprId id) { detail::append_expr(out, m_, f, id); };
    const auto end = [&](std::string_view text) {
      out += text;
      if (!s.comment.empty()) {
        out += "  // ";
        out += s.comment;
      }
      out += '\n';
    };
    line_directive(out, s.line);
    switch (s.kind) {
      case Stmt::Kind::Assign:
        out += m_.globals[s.index].cpp_name;
        out += " = ";
        expr(s.expr);
        out += ";\n";
        return;
      case Stmt::Kind::Result:
        out += "module_result_ = ";
        expr(s.expr);
        out += ";\n";
        return;
      case Stmt::Kind::Let:
        if (m_.expr(s.expr).kind == lower::Expr::Kind::UnitLit && lower::in_sign_value(f.locals[s.index].type)) {
          out += "sign::Value ";
          out += f.locals[s.index].cpp_name;
          end(";");
          return;
        }
        out += m_.spelling(f.locals[s.index].type);
        out += ' ';
        out += f.locals[s.index].cpp_name;
        out += " = ";
        expr(s.expr);
        end(";");
        return;
      case Stmt::Kind::Set:
        out += f.locals[s.index].cpp_name;
        out += " = ";
        expr(s.expr);
        end(";");
        return;
      case Stmt::Kind::Return:
        out += "return ";
        expr(s.expr);
        end(";");
        return;
      case Stmt::Kind::Continue: end("continue;"); return;
      case Stmt::Kind::Evaluate:
        out += "static_cast<void>(";
        expr(s.expr);
        end(");");
        return;
      case Stmt::Kind::Perform:
        expr(s.expr);
        end(";");
        return;
      case Stmt::Kind::Dispatch: {
        const Function& twin = m_.functions[s.index];
        std::string test, args;
        for (std::uint32_t i = 0; i < f.param_count; ++i) {
          const bool int_param = twin.locals[i].type == CType::Int64;  // else a rest List, as it is
          if (int_param) test += (test.empty() ? "" : " && ") + f.locals[i].cpp_name + ".is_int()";
          args += (i ? ", " : "") + f.locals[i].cpp_name + (int_param ? ".as_int()" : "");
        }
        std::string call = twin.cpp_name + "(" + args + ")";
        if (!lower::in_sign_value(twin.result)) call = std::string(lower::boxing_function(twin.result)) + "(" + call + ")";
        out += "if (" + test + ") return " + call;
        end(";");
        return;
      }
      case Stmt::Kind::If:
      case Stmt::Kind::IfUnit: {
        out += "if (";
        if (s.kind == Stmt::Kind::If) {
          // `!f(x)`, `!(a < b)`: only an operator needs the parentheses.
          const bool bare = m_.expr(s.expr).kind != lower::Expr::Kind::Infix;
          if (s.negated) out += bare ? "!" : "!(";
          expr(s.expr);
          if (s.negated && !bare) out += ')';
        } else {
          if (s.negated) out += '!';
          out += f.locals[s.index].cpp_name;
          out += ".is_unit()";
        }
        out += ") ";
        // A guard whose only statement returns reads best on one line.
        if (s.else_body.empty() && s.then_body.size() == 1 && m_.stmt(s.then_body[0]).kind == Stmt::Kind::Return) {
          out += "return ";
          expr(m_.stmt(s.then_body[0]).expr);
          end(";");
          return;
        }
        end("{");
        statements(out, f, s.then_body);
        if (s.else_body.empty()) {
          out += "}\n";
          return;
        }
        out += "} else {\n";
        statements(out, f, s.else_body);
        out += "}\n";
        return;
      }
    }
  }

  // Where mapped code ends, the numbering goes back to the generated file;
  // without this everything after the last #line would be charged to the
  // Sign lines after it. A marker now, a #line once the text is final
  // (line_directives.cpp), because formatting moves lines.
  std::string line_reset() const { return o_.lines == LineDirectives::None ? "" : std::string(detail::kLineReset) + "\n"; }

  void line_directive(std::string& out, std::uint32_t line) const {
    if (o_.lines == LineDirectives::None) return;
    out += "#line ";
    out += std::to_string(line);
    out += ' ';
    detail::append_cpp_string(out, o_.line_path);
    out += '\n';
  }

  const lower::Module& m_;
  const Options& o_;
};

std::optional<std::string> finish(const PiecewiseText& text, const Options& options, Diagnostics& diags,
                                  std::string_view file_name = {}) {
  if (file_name.empty()) return options.format ? format_cpp(text, diags, options.format_cache_dir) : text.whole();
  // An unformatted text is not put together first: the pass reads its pieces.
  if (!options.format) return detail::finish_line_directives(text.pieces(), file_name);
  const std::optional<std::string> formatted = format_cpp(text, diags, options.format_cache_dir);
  if (!formatted) return std::nullopt;
  return detail::finish_line_directives({*formatted}, file_name);
}

std::optional<std::string> finish(std::string text, const Options& options, Diagnostics& diags) {
  return finish(PiecewiseText{std::move(text), {}, {}}, options, diags);
}

// Consecutive definitions in about `count` groups of about one size: the
// pieces formatted side by side (a piece per function costs the formatter's
// set-up per function).
std::vector<std::string> in_groups(std::vector<std::string> definitions, std::size_t count) {
  std::size_t total = 0;
  for (const std::string& d : definitions) total += d.size();
  const std::size_t target = total / count + 1;
  std::vector<std::string> groups;
  for (std::string& d : definitions) {
    if (groups.empty() || groups.back().size() >= target) {
      groups.push_back(std::move(d));
    } else {
      groups.back() += '\n';
      groups.back() += d;
    }
  }
  return groups;
}

}  // namespace

std::optional<ModuleText> emit_module(const lower::Module& module, std::string_view output_stem,
                                      const Options& options, Diagnostics& diags) {
  const ModuleWriter w(module, options);
  ModuleText out;
  out.cpp_name = std::string(output_stem) + ".sign.cpp";
  out.hpp_name = std::string(output_stem) + ".sign.hpp";
  const std::string ns = w.namespace_name();
  const std::string abi = std::to_string(SIGN_RUNTIME_ABI);
  const std::string globals = block(w.globals()), load = block(w.load_body()), unload = block(w.unload_body());
  auto [functions, definitions] = w.functions();
  const auto [export_declarations, export_definitions] = w.exports();
  constexpr std::size_t kDefinitionGroups = 8;
  const bool defines = !definitions.empty();
  PiecewiseText cpp_text{{}, defines ? std::string(kDefinitionsMarker) : "",
                         in_groups(std::move(definitions), kDefinitionGroups)};
  cpp_text.frame = detail::fill_template("module.cpp.tmpl", embedded::module_cpp_tmpl,
                                          {{"source_name", module.source_name},
                                           {"header_name", out.hpp_name},
                                           {"imports", w.imports()},
                                           {"module_name", module.registry_name},
                                           {"exports", block(export_definitions)},
                                           {"cpp_name", out.cpp_name},
                                           {"abi", abi},
                                           {"namespace", ns},
                                           {"globals", globals},
                                           {"functions", functions},
                                           {"load_body", load},
                                           {"unload_body", unload}});
  auto cpp = finish(cpp_text, options, diags, out.cpp_name);
  auto hpp = finish(detail::fill_template("module.hpp.tmpl", embedded::module_hpp_tmpl,
                                          {{"source_name", module.source_name},
                                           {"namespace", ns},
                                           {"module_name", module.registry_name},
                                           {"exports", block(export_declarations)}}),
                    options, diags);
  if (!cpp || !hpp) return std::nullopt;
  out.cpp = std::move(*cpp);
  out.hpp = std::move(*hpp);
  return out;
}

std::optional<std::string> emit_entry_main(const lower::Module& module, std::string_view output_stem,
                                           const Options& options, Diagnostics& diags) {
  const ModuleWriter w(module, options);
  const std::string header = std::string(output_stem) + ".sign.hpp";
  return finish(detail::fill_template("main.cpp.tmpl", embedded::main_cpp_tmpl,
                                      {{"source_name", module.source_name},
                                       {"header_name", header},
                                       {"namespace", w.namespace_name()}}),
                options, diags);
}

}  // namespace signc::emit
