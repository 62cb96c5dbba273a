// SPDX-License-Identifier: MIT
// Sign names → C++ names (STYLE "Generated-code shape", Names).
//
// A plain name — letters and digits, single underscores inside — is kept.
// Anything else is escaped: each '_' becomes "_x" and one '_' is appended, so
//   class → class_     a_ → a_x_     __tmp → _x_xtmp_
// (A byte that is not an identifier character, as in a file stem, becomes
// "_y" and two hex digits.) Escaped names always end in '_', plain ones never
// do, and an escaped name has no '_' followed by anything but 'x' or 'y'
// before its last character, so the
// mapping is reversible and can collide neither with plain names nor with
// fresh names (`x_2_`) nor with the generated code's own (`module_result_`).
#include <algorithm>
#include <iterator>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "lower/lower.hpp"

namespace signc::lower {
namespace {

// C++20 keywords and alternative tokens, plus names generated code uses
// unqualified inside a module namespace.
constexpr std::string_view kReserved[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
    "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
    "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default", "delete",
    "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
    "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register", "reinterpret_cast",
    "requires", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast", "struct",
    "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
    // generated code's own unqualified names and namespaces
    "sign", "std", "load", "unload", "main", "sign_mod", "final", "override", "import", "module",
    "assert", "NULL"};

bool is_plain(std::string_view name) {
  if (name.empty() || name.front() == '_' || name.back() == '_') return false;
  if (name.find("__") != std::string_view::npos) return false;
  if (!std::all_of(name.begin(), name.end(),
                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; })) {
    return false;
  }
  if (std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  static const std::vector<std::string_view> reserved = [] {  // sorted once: names are checked by the thousand
    std::vector<std::string_view> sorted(std::begin(kReserved), std::end(kReserved));
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }();
  return !std::binary_search(reserved.begin(), reserved.end(), name);
}

std::string escape(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '_') {
      out += "_x";
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      out += c;
    } else {  // not a Sign identifier character (module stems): hex escape
      constexpr char kHex[] = "0123456789abcdef";
      const auto u = static_cast<unsigned char>(c);
      out += "_y";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front()))) out.insert(0, "n");
  return out + '_';
}

}  // namespace

std::string cpp_identifier(std::string_view sign_name) {
  return is_plain(sign_name) ? std::string(sign_name) : escape(sign_name);
}

std::string cpp_fresh_name(std::string_view sign_name, std::uint32_t version) {
  std::string base = cpp_identifier(sign_name);
  if (version <= 1) return base;
  if (base.back() == '_') base.pop_back();
  return base + '_' + std::to_string(version) + '_';
}

// File stems often use '-' or '.' where C++ cannot: they become '_' so
// `my-module.sign` is namespace `my_module`, as a C++ engineer would name it.
std::string cpp_module_name(std::string_view stem) {
  std::string name(stem);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  }
  return cpp_identifier(name);
}

}  // namespace signc::lower
