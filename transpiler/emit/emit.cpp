// SPDX-License-Identifier: MIT
// Fills templates/ from the IR (STYLE "Generated-code shape"): fixed section
// order, a #line directive before every statement, deterministic text.
#include <string>

#include "emit/detail.hpp"

namespace signc::emit {
namespace {

using lower::CType;
using lower::Stmt;

std::string quoted_path(std::string_view path) {
  std::string out = "\"";
  for (char c : path) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

class ModuleWriter {
 public:
  ModuleWriter(const lower::Module& m, const Options& o) : m_(m), o_(o) {}

  std::string globals() const {
    std::string out;
    for (const auto& g : m_.globals) {
      out += line_directive(g.line);
      out += std::string(lower::ctype_spelling(g.type)) + " " + g.cpp_name;
      out += g.type == CType::Value ? ";\n" : " = 0;\n";
    }
    return out;
  }

  std::string load_body() const {
    std::string out;
    for (const Stmt& s : m_.load) {
      out += line_directive(s.line);
      const std::string value = detail::print_expr(m_, s.expr);
      switch (s.kind) {
        case Stmt::Kind::Assign: out += "  " + m_.globals[s.global].cpp_name + " = " + value + ";\n"; break;
        case Stmt::Kind::Discard: out += "  static_cast<void>(" + value + ");\n"; break;
        case Stmt::Kind::Result: out += "  module_result_ = " + value + ";\n"; break;
      }
    }
    return out;
  }

  std::string unload_body() const {
    std::string out;
    for (const auto& g : m_.globals) {
      if (g.type == CType::Value) out += "  " + g.cpp_name + " = sign::Value();\n";
    }
    return out;
  }

  // Block slots sit on lines of their own in the templates: drop the final
  // newline so an empty or filled block leaves no stray blank line.
  static std::string block(std::string text) {
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }

  std::string namespace_name() const { return o_.root_namespace + "::" + m_.name; }

 private:
  std::string line_directive(std::uint32_t line) const {
    if (o_.lines == LineDirectives::None) return {};
    return "#line " + std::to_string(line) + " " + quoted_path(o_.line_path) + "\n";
  }

  const lower::Module& m_;
  const Options& o_;
};

std::optional<std::string> finish(std::string text, const Options& options, Diagnostics& diags) {
  if (!options.format) return text;
  return format_cpp(text, diags);
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
  const std::string globals = ModuleWriter::block(w.globals()), load = ModuleWriter::block(w.load_body()),
                    unload = ModuleWriter::block(w.unload_body());
  auto cpp = finish(detail::fill_template("module.cpp.tmpl", embedded::module_cpp_tmpl,
                                          {{"source_name", module.source_name},
                                           {"header_name", out.hpp_name},
                                           {"cpp_name", out.cpp_name},
                                           {"abi", abi},
                                           {"namespace", ns},
                                           {"globals", globals},
                                           {"load_body", load},
                                           {"unload_body", unload}}),
                    options, diags);
  auto hpp = finish(detail::fill_template("module.hpp.tmpl", embedded::module_hpp_tmpl,
                                          {{"source_name", module.source_name}, {"namespace", ns}}),
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
