// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes through lexer, parser, pass 1–3, the
// S-expression writer and lowering. A crash, a hang, a sanitizer report or a
// write that does not read back is a bug; diagnostics are not.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lower/lower.hpp"
#include "sexpr/sexpr.hpp"
#include "syntax/syntax.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace signc;
  SourceFile file("fuzz.sign", std::string(reinterpret_cast<const char*>(data), size));
  Diagnostics diags;
  const auto tokens = syntax::lex(file, diags);
  const auto tree = syntax::parse(file, tokens, diags);
  const auto program = sema::analyze(file, tree, diags);
  std::ostringstream sexpr;
  sexpr::write(sexpr, program);
  // What the writer prints, the reader must take back unchanged.
  SourceFile json("fuzz.json", sexpr.str());
  sema::Program again;
  Diagnostics read_diags;
  if (sexpr::read(json, again, read_diags)) {
    std::ostringstream rewritten;
    sexpr::write(rewritten, again);
    if (rewritten.str() != sexpr.str()) __builtin_trap();
  }
  if (!diags.has_errors()) {
    static_cast<void>(lower::lower_module(program, "fuzz", diags));
  }
  std::ostringstream printed;
  diags.print(printed);
  return 0;
}
