// SPDX-License-Identifier: MIT
// sema-internal: the state pass 1 and pass 2 share. The identifier table is
// built per scope (pass 1), but a name's category and arity are only known
// once its right-hand side is resolved (pass 2), so the two passes run
// interleaved and lazily, exactly as in the reference pipeline.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sema/sema.hpp"

namespace signc::sema::detail {

struct ResolveError {};  // unwinds to the line loop after a diagnostic

struct ArityInfo {
  std::int32_t arity = -1;
  std::int32_t required = -1;
  std::int32_t consumed = 0;
};

// One element of a line being reduced: a bare operator or an expression.
struct Item {
  bool is_op = false;
  std::string_view symbol;  // operators only
  Span span;
  ExprId expr = kNoExpr;
  int tier = 0;  // an infix operator's tier (0: not one), looked up once per line
};

class Resolver {
 public:
  Resolver(Program& program, Diagnostics& diags, const InterfaceLookup* imports = nullptr)
      : p_(program), diags_(&diags), imports_(imports) {}

  // Pass 1 + 2 over the whole file: fills program.forms.
  void run();

  //--- pass 1 (identifiers.cpp) ---
  ScopeId make_scope(std::span<const syntax::NodeId> lines, ScopeId parent);
  ScopeId bind_parameters(const std::vector<std::string_view>& names, ScopeId parent);
  std::optional<BindingId> lookup(std::string_view name, ScopeId scope) const;
  void resolve_binding(BindingId id);

  //--- pass 2 (resolver.cpp) ---
  ExprId reduce_line(syntax::NodeId line, ScopeId scope);
  void adopt_definition(syntax::NodeId line, ExprId form, ScopeId scope);
  ExprId reduce_items(std::span<const syntax::NodeId> items, ScopeId scope, Span span);
  Category category(ExprId id, ScopeId scope, bool closed = false);
  std::optional<ArityInfo> known_arity(ExprId id, ScopeId scope);

  //--- parameters (params.cpp) ---
  // Builds the Params (or single-name Atom) of `params ? body`; returns the
  // scope the body sees.
  ExprId parameters(std::span<const syntax::NodeId> items, ScopeId scope, Span span, ScopeId& body_scope);

  //--- shared helpers ---
  ExprId add(Expr e);
  Expr& at(ExprId id) { return p_.exprs[id]; }
  const syntax::Node& node(syntax::NodeId id) const { return p_.tree->at(id); }
  std::string_view text(syntax::NodeId id) const { return p_.file->slice(node(id).span); }
  [[noreturn]] void fail(Span span, std::string message);
  void warn(Span span, std::string message);

  // Syntax-level shape helpers (pass 1 needs them before anything is resolved).
  bool is_operator(syntax::NodeId item, std::string_view symbol) const;
  // The identifier a Term names, with its export marker (0 when none), or "".
  std::string_view term_identifier(syntax::NodeId item, std::uint8_t* exported = nullptr) const;
  // The block a Term consists of (no prefix/postfix), or kNoNode.
  syntax::NodeId term_block(syntax::NodeId item) const;
  bool is_rest_term(syntax::NodeId item) const;  // `~name`

  Program& p_;
  Diagnostics* diags_;  // swapped for a quiet sink while resolving a binding lazily

 private:
  ExprId term_expr(syntax::NodeId term, ScopeId scope);
  ExprId block_expr(syntax::NodeId block, ScopeId scope);
  ExprId atom_expr(syntax::NodeId atom);
  ExprId lambda_line(std::span<const syntax::NodeId> items, std::size_t q, ScopeId scope, Span span);
  bool reduce_once(std::vector<Item>& items, int tier, ScopeId scope, int phase);
  ExprId coproduct(ExprId a, ExprId b, ScopeId scope);
  ExprId finish_line(std::vector<Item>& items, ScopeId scope, Span span);
  void mark_undersaturated(ExprId id, ScopeId scope);
  ExprId desugar_holes(ExprId id, ScopeId scope);
  bool replace_holes(ExprId id, std::vector<std::string_view>& names);
  bool is_real_list(ExprId id) const;
  bool greedy_pointfree(ExprId id, ScopeId scope);
  bool pointfree_lambda(ExprId id, ScopeId scope);
  ExprId deref_bound(ExprId id, ScopeId scope);
  ExprId unwrap_solo_block(ExprId id) const;
  // `m ' name` where m is (bound to) an import or a struct literal: what
  // the module interface or the struct's slot says `name` is.
  std::optional<ExportInfo> member_info(ExprId get_prop, ScopeId scope);
  void collect_exports();
  const InterfaceLookup* imports_;
  int depth_ = 0;
  std::size_t path_terms_ = 0;
};

// Arity of a parameter list written between `:` and `?` (pass 1, before
// anything is resolved): the count of entries (kUnbounded with a ~rest), and
// of required ones (without default or rest).
ArityInfo count_parameters(const Resolver& r, std::span<const syntax::NodeId> params);

}  // namespace signc::sema::detail
