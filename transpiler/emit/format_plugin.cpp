// SPDX-License-Identifier: MIT
// signc-format: clang::format::reformat behind a C interface, loaded by
// signc with dlopen only when formatting is asked for (DESIGN "Costs").
#include <clang/Format/Format.h>
#include <clang/Tooling/Core/Replacement.h>
#include <llvm/Support/Error.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace {

int give(const std::string& text, char** out, std::size_t* out_len, int rc) {
  *out = static_cast<char*>(std::malloc(text.size() + 1));
  if (!*out) return 2;
  std::memcpy(*out, text.c_str(), text.size() + 1);
  *out_len = text.size();
  return rc;
}

}  // namespace

// Formats `code` with the YAML clang-format `style`. On success returns 0 and
// the formatted text; otherwise non-zero and an error message. Either way
// *out is released with signc_format_free.
extern "C" __attribute__((visibility("default"))) int signc_format_reformat(const char* code, std::size_t code_len,
                                                                            const char* style, std::size_t style_len,
                                                                            char** out, std::size_t* out_len) {
  clang::format::FormatStyle fmt = clang::format::getLLVMStyle();
  fmt.Language = clang::format::FormatStyle::LK_Cpp;
  if (const auto ec = clang::format::parseConfiguration(llvm::StringRef(style, style_len), &fmt)) {
    return give("invalid .clang-format style: " + ec.message(), out, out_len, 1);
  }
  const llvm::StringRef input(code, code_len);
  const clang::tooling::Range all(0, static_cast<unsigned>(code_len));
  const auto replacements = clang::format::reformat(fmt, input, {all}, "generated.cpp");
  auto result = clang::tooling::applyAllReplacements(input, replacements);
  if (!result) return give(llvm::toString(result.takeError()), out, out_len, 1);
  return give(*result, out, out_len, 0);
}

extern "C" __attribute__((visibility("default"))) void signc_format_free(char* p) { std::free(p); }
