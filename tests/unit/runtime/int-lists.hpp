// SPDX-License-Identifier: MIT
// Lists of Ints for runtime tests: made from, and read back as, int64 vectors.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <sign/value.hpp>

namespace sign::test {

using Ints = std::vector<std::int64_t>;

inline Value ints(const Ints& xs) {
  std::vector<Value> items;
  for (std::int64_t x : xs) items.push_back(Value::from_int(x));
  return make_list(std::move(items));
}

inline Ints int_items(const Value& list) {
  Ints out;
  for (const Value& v : list.as_list().items()) out.push_back(v.as_int());
  return out;
}

}  // namespace sign::test
