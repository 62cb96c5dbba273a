// SPDX-License-Identifier: MIT
// {{slot}} substitution for templates/.
#include <stdexcept>
#include <string>
#include <vector>

#include "emit/detail.hpp"

namespace signc::emit::detail {

std::string fill_template(std::string_view tmpl_name, std::string_view tmpl, Slots slots) {
  std::string out;
  std::size_t size = tmpl.size();
  for (const auto& slot : slots) size += slot.second.size();
  out.reserve(size);  // a module's text is the size of its slots: one allocation, not a doubling series
  std::vector<bool> used(slots.size(), false);
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    const std::size_t open = tmpl.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = tmpl.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(pos, open - pos));
    const std::string_view name = tmpl.substr(open + 2, close - open - 2);
    bool found = false;
    std::size_t i = 0;
    for (const auto& [slot, value] : slots) {
      if (slot == name) {
        out.append(value);
        used[i] = found = true;
        break;
      }
      ++i;
    }
    if (!found) throw std::logic_error(std::string(tmpl_name) + ": no value for slot {{" + std::string(name) + "}}");
    pos = close + 2;
  }
  out.append(tmpl.substr(pos));
  std::size_t i = 0;
  for (const auto& slot : slots) {
    if (!used[i++]) throw std::logic_error(std::string(tmpl_name) + ": unused slot " + std::string(slot.first));
  }
  return out;
}

}  // namespace signc::emit::detail
