// SPDX-License-Identifier: MIT
#include "support/diagnostics.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace signc {
namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

auto sort_key(const Diagnostic& d) { return std::tie(d.path, d.at.line, d.at.col, d.message); }

}  // namespace

void Diagnostics::add(Severity severity, const SourceFile& file, Span span, std::string message) {
  if (severity == Severity::Error && ++error_count_ > kMaxErrors) return;
  Diagnostic d;
  d.severity = severity;
  d.path = file.path();
  d.at = file.line_col(span.begin);
  d.line_text = std::string(file.line_text(d.at.line));
  // The caret underlines the span's part on its first line (at least one
  // column), one mark per code point, not per UTF-8 byte.
  const std::size_t col0 = d.at.col - 1;
  const std::size_t first = std::min(col0, d.line_text.size());
  const std::size_t last = std::min<std::size_t>(col0 + (span.end - span.begin), d.line_text.size());
  std::uint32_t width = 0;
  for (std::size_t i = first; i < last; ++i) width += (static_cast<unsigned char>(d.line_text[i]) & 0xC0) != 0x80;
  d.caret_width = std::max<std::uint32_t>(width, 1);
  d.message = std::move(message);
  items_.push_back(std::move(d));
}

void Diagnostics::append(Diagnostics&& other) {
  for (Diagnostic& d : other.items_) {
    if (d.severity == Severity::Error && ++error_count_ > kMaxErrors) continue;
    items_.push_back(std::move(d));
  }
  // Errors `other` counted past its own cap still count here.
  error_count_ += other.error_count_ - std::min(other.error_count_, kMaxErrors);
  other = Diagnostics();
}

void Diagnostics::error(const SourceFile& file, Span span, std::string message) {
  add(Severity::Error, file, span, std::move(message));
}
void Diagnostics::warning(const SourceFile& file, Span span, std::string message) {
  add(Severity::Warning, file, span, std::move(message));
}
void Diagnostics::note(const SourceFile& file, Span span, std::string message) {
  add(Severity::Note, file, span, std::move(message));
}
void Diagnostics::error(std::string message) {
  if (++error_count_ > kMaxErrors) return;
  Diagnostic d;
  d.message = std::move(message);
  items_.push_back(std::move(d));
}

void Diagnostics::print(std::ostream& out) const {
  std::vector<const Diagnostic*> order;
  for (const auto& d : items_) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(),
                   [](const Diagnostic* a, const Diagnostic* b) { return sort_key(*a) < sort_key(*b); });
  const Diagnostic* prev = nullptr;
  for (const Diagnostic* d : order) {
    if (prev && sort_key(*prev) == sort_key(*d) && prev->severity == d->severity) continue;
    prev = d;
    if (d->path.empty()) {
      out << "signc: " << severity_name(d->severity) << ": " << d->message << '\n';
      continue;
    }
    out << d->path << ':' << d->at.line << ':' << d->at.col << ": " << severity_name(d->severity) << ": "
        << d->message << '\n';
    // A very long line (minified JSON, generated code) is shown as a window
    // around the column, as Clang does.
    std::string_view shown = d->line_text;
    std::size_t first = 0;
    // A column past the shown text (a span in the line's trailing \r run,
    // which line_text drops) puts the caret just after it.
    const std::size_t col0 = std::min<std::size_t>(d->at.col - 1, d->line_text.size());
    if (shown.size() > kMaxShownLine) {
      first = col0 > kMaxShownLine / 2 ? col0 - kMaxShownLine / 2 : 0;
      while (first > 0 && (static_cast<unsigned char>(shown[first]) & 0xC0) == 0x80) --first;
      shown = shown.substr(first, kMaxShownLine);
    }
    out << "  " << (first > 0 ? "..." : "") << shown << (first + shown.size() < d->line_text.size() ? "..." : "")
        << '\n';
    // Tabs in the source line stay tabs under the caret so it lines up.
    std::string pad = first > 0 ? "   " : "";
    for (std::size_t i = first; i < col0 && i < d->line_text.size(); ++i) pad += d->line_text[i] == '\t' ? '\t' : ' ';
    const std::uint32_t width = std::min<std::uint32_t>(d->caret_width, kMaxShownLine);
    out << "  " << pad << '^' << std::string(width - 1, '~') << '\n';
  }
  if (error_count_ > kMaxErrors) {
    out << "signc: note: " << error_count_ << " errors in all; only the first " << kMaxErrors
        << " are shown\n";
  }
}

}  // namespace signc
