// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes through the JSON S-expression reader, pass 3
// and lowering (memory-model.md §10 input). Bad JSON must be a diagnostic.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lower/lower.hpp"
#include "sexpr/sexpr.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace signc;
  SourceFile file("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
  Diagnostics diags;
  sema::Program program;
  if (sexpr::read(file, program, diags)) {
    sema::finish_analysis(program, diags);
    std::ostringstream out;
    sexpr::write(out, program);
    if (!diags.has_errors()) static_cast<void>(lower::lower_module(program, "fuzz", diags));
  }
  std::ostringstream printed;
  diags.print(printed);
  return 0;
}
