// SPDX-License-Identifier: MIT
// The sema entry point and its dumps.
#include <ostream>

#include "sema/detail/resolver.hpp"

namespace signc::sema {

void propagate_types(Program& program);  // types.cpp
void annotate_atom_types(Program& program);  // atom_types.cpp

namespace {

bool is_allocation(Op op) { return op == Op::ExportInternal || op == Op::ExportExternal || op == Op::ExportPinned; }

// memory-model.md §3: `name : #e` (and `#name : e`) allocate at top level;
// anywhere else the prefix is ignored today and an error in a future version.
void check_allocation_prefixes(const Program& p, ExprId id, bool allowed_here, Diagnostics& diags, bool strict) {
  if (id == kNoExpr) return;
  const Expr& e = p.expr(id);
  if (e.kind == ExprKind::Prefix && is_allocation(e.op) && !allowed_here) {
    const std::string message = "allocation prefix '" + std::string(op_symbol(e.op)) +
                                "' inside an expression " +
                                (strict ? "is not allowed (--strict-alloc)" : "is ignored (memory-model.md §3)");
    if (strict) {
      diags.error(*p.file, e.span, message);
    } else {
      diags.warning(*p.file, e.span, message);
    }
  }
  for (ExprId k : {e.a, e.b, e.c}) check_allocation_prefixes(p, k, false, diags, strict);
  for (ExprId k : e.kids) check_allocation_prefixes(p, k, false, diags, strict);
}

// option_ms_schema.md §4: what a layer below 2 (no FPU) or 0 (bare: no
// dynamic allocation) rules out is a located compile error.
void check_layer(const Program& p, ExprId id, int layer, Diagnostics& diags) {
  if (id == kNoExpr) return;
  const Expr& e = p.expr(id);
  if (layer == 0 && e.kind == ExprKind::Prefix && is_allocation(e.op)) {
    diags.error(*p.file, e.span,
                "allocation prefix '" + std::string(op_symbol(e.op)) +
                    "' is not available in layer 0 (bare: no dynamic allocation); set `layer` in option.ms to 1 or more");
  }
  if (layer == 0 && e.kind == ExprKind::Infix && e.op == Op::Define && e.exported != 0) {
    diags.error(*p.file, p.expr(e.a).span,
                "export prefix '" + std::string(e.exported, '#') +
                    "' allocates the export and is not available in layer 0 (bare); set `layer` in option.ms to 1 or more");
  }
  if (layer < 2 && e.kind == ExprKind::Atom && e.atom == syntax::AtomKind::Float) {
    diags.error(*p.file, e.span,
                "Float literal '" + std::string(e.text) + "' needs layer 2 (fpu) or more; this module is layer " +
                    std::to_string(layer) + " (option.ms)");
  }
  for (ExprId k : {e.a, e.b, e.c}) check_layer(p, k, layer, diags);
  for (ExprId k : e.kids) check_layer(p, k, layer, diags);
}

}  // namespace

void finish_analysis(Program& program, Diagnostics& diags, const Options& options) {
  if (options.layer < 4) {
    for (ExprId form : program.forms) check_layer(program, form, options.layer, diags);
  }
  for (ExprId form : program.forms) {
    const Expr& e = program.expr(form);
    if (e.kind == ExprKind::Infix && e.op == Op::Define) {
      check_allocation_prefixes(program, e.a, false, diags, options.strict_alloc);
      check_allocation_prefixes(program, e.b, true, diags, options.strict_alloc);
    } else {
      check_allocation_prefixes(program, form, false, diags, options.strict_alloc);
    }
  }
  annotate_atom_types(program);  // the language's own types, which pass 3 defers to
  propagate_types(program);
}

Program analyze(const SourceFile& file, const syntax::SyntaxTree& tree, Diagnostics& diags, const Options& options) {
  Program program;
  program.file = &file;
  program.tree = &tree;
  if (tree.root == syntax::kNoNode) return program;
  detail::Resolver(program, diags, &options.imports).run();
  finish_analysis(program, diags, options);
  return program;
}

std::optional<BindingId> lookup(const Program& program, std::string_view name, ScopeId scope) {
  for (ScopeId s = scope; s != kNoScope; s = program.scopes[s].parent) {
    const auto it = program.scopes[s].names.find(name);
    if (it != program.scopes[s].names.end()) return it->second;
  }
  return std::nullopt;
}

std::optional<std::string_view> import_spec(const Program& program, ExprId id) {
  if (id == kNoExpr) return std::nullopt;
  const Expr& e = program.expr(id);
  if (e.kind != ExprKind::Postfix || e.op != Op::Import || e.a == kNoExpr) return std::nullopt;
  const Expr& what = program.expr(e.a);
  if (what.kind != ExprKind::Atom) return std::nullopt;
  if (!what.name.empty()) return what.name;
  if (what.atom == syntax::AtomKind::String && what.text.size() >= 2) return what.text.substr(1, what.text.size() - 2);
  return std::nullopt;
}

namespace {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? 'n' : c;
  }
  return out + '"';
}

void dump(std::ostream& out, const Program& p, ExprId id, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  if (id == kNoExpr) {
    out << pad << "()";
    return;
  }
  const Expr& e = p.expr(id);
  const LineCol at = p.file->line_col(e.span.begin);
  out << pad << '(';
  switch (e.kind) {
    case ExprKind::Atom:
      if (!e.name.empty()) {
        out << "name " << e.name;
      } else {
        out << syntax::atom_kind_name(e.atom) << ' ' << quoted(e.text);
      }
      break;
    case ExprKind::Prefix: out << "prefix " << op_name(e.op); break;
    case ExprKind::Postfix: out << "postfix " << op_name(e.op); break;
    case ExprKind::Infix: out << op_name(e.op); break;
    case ExprKind::ChainCompare: out << "chain " << op_name(e.op); break;
    case ExprKind::Section: out << "section " << op_name(e.op) << ((e.flags & kPointfreeMap) ? " map" : ""); break;
    case ExprKind::Lambda: out << "lambda" << ((e.flags & kHoleLambda) ? " holes" : ""); break;
    case ExprKind::Params: out << "params" << ((e.flags & kBracketParams) ? " bracket" : ""); break;
    case ExprKind::Param: out << "param " << (e.name.empty() ? "[]" : e.name) << ((e.flags & kRest) ? " rest" : ""); break;
    case ExprKind::Block: out << "block " << syntax::block_kind_name(e.block); break;
  }
  if (e.exported) out << " export" << int(e.exported);
  out << " @" << at.line << ':' << at.col;
  if (id < p.atom_type.size() && p.atom_type[id] != AtomType::Unknown) out << " : " << atom_type_name(p.atom_type[id]);
  if (e.kind == ExprKind::Section) {
    for (ExprId k : {e.a, e.b}) {
      out << '\n';
      dump(out, p, k, indent + 1);
    }
  } else {
    for (ExprId k : {e.a, e.b, e.c}) {
      if (k == kNoExpr) continue;
      out << '\n';
      dump(out, p, k, indent + 1);
    }
  }
  for (ExprId k : e.kids) {
    out << '\n';
    dump(out, p, k, indent + 1);
  }
  out << ')';
}

}  // namespace

void dump_tree(std::ostream& out, const Program& program) {
  for (ExprId form : program.forms) {
    dump(out, program, form, 0);
    out << '\n';
  }
}

void dump_types(std::ostream& out, const Program& program) {
  if (program.file_scope == kNoScope) return;
  for (const Binding& b : program.bindings) {
    if (b.scope != program.file_scope) continue;
    const LineCol at = program.file->line_col(b.line == syntax::kNoNode ? 0 : program.tree->at(b.line).span.begin);
    out << at.line << ':' << at.col << " binding " << b.name << " : "
        << (b.category == Category::Lambda ? "Lambda" : "Atom");
    if (b.arity == kUnbounded) {
      out << " arity ~";
    } else if (b.arity >= 0) {
      out << " arity " << b.arity;
    }
    if (b.required_arity >= 0) out << " required " << b.required_arity;
    if (b.exported) out << " export" << int(b.exported);
    out << '\n';
  }
  for (ExprId form : program.forms) {
    const LineCol at = program.file->line_col(program.expr(form).span.begin);
    out << at.line << ':' << at.col << " form : " << type_name(program.type_of[form]) << ", atom type "
        << atom_type_name(program.atom_type[form]) << '\n';
  }
}

}  // namespace signc::sema
