// SPDX-License-Identifier: MIT
// Private: how ops.cpp, call.cpp and section.cpp build a new List or change
// one in place (the Perceus-style reuse of issue 11).
#pragma once

#include <vector>

#include <sign/value.hpp>

namespace sign::impl::detail {

// v's List when v is its only reference and owns its elements (not a
// slice): free to change in place.
inline List* sole_list(const Value& v) {
  if (!v.is_list() || v.object()->use_count() != 1 || v.as_list().is_slice()) return nullptr;
  return static_cast<List*>(v.object());
}

// A new List (see new_list) with room for `capacity` elements, filled by `fill`.
template <class Fill>
Value built_list(std::size_t capacity, Fill fill) {
  Value out = new_list(capacity);
  fill(static_cast<List*>(out.object())->items_in_place());
  return out;
}

}  // namespace sign::impl::detail
