// SPDX-License-Identifier: MIT
// Heap values: construction and iterative release (contract in sign/heap.hpp).
#include <sign/value.hpp>
#include <sign/memory/cell.hpp>

#include <utility>
#include <vector>

namespace sign {
namespace {

using Pending = std::vector<std::pair<Kind, HeapObject*>>;

// While an object is being freed, objects its members release are queued
// here instead of being freed from inside its destructor: the depth of the
// C++ stack stays constant however deeply values nest.
thread_local Pending* pending = nullptr;

void free_one(Kind kind, HeapObject* object) noexcept {
  switch (kind) {
    case Kind::String: delete static_cast<String*>(object); return;
    case Kind::List: delete static_cast<List*>(object); return;
    case Kind::Dict: delete static_cast<Dict*>(object); return;
    case Kind::Function: delete static_cast<Function*>(object); return;
    case Kind::Address: delete static_cast<Address*>(object); return;
    default: return;
  }
}

}  // namespace

void destroy(Kind kind, HeapObject* object) noexcept {
  if (pending != nullptr) {
    pending->emplace_back(kind, object);
    return;
  }
  Pending queue;
  pending = &queue;
  free_one(kind, object);
  while (!queue.empty()) {
    const auto [k, o] = queue.back();
    queue.pop_back();
    free_one(k, o);
  }
  pending = nullptr;
}

const Value* Dict::find(std::string_view key) const noexcept {
  for (const auto& [name, value] : entries_) {
    if (name == key) return &value;
  }
  return nullptr;
}

Value make_string(std::string text) { return Value::adopt(Kind::String, new String(std::move(text))); }
Value make_list(std::vector<Value> items) { return Value::adopt(Kind::List, new List(std::move(items))); }
Value list_slice(const Value& list, std::size_t begin, std::size_t end) {
  const std::span<const Value> items = list.as_list().items();
  if (begin == 0 && end == items.size()) return list;
  if (begin >= end) return make_list({});
  // A slice of a slice views the owning List directly: no chains.
  const Value& base = list.as_list().is_slice() ? list.as_list().slice_base() : list;
  return Value::adopt(Kind::List, new List(base, items.subspan(begin, end - begin)));
}
Value make_dict(std::vector<Dict::Entry> entries) { return Value::adopt(Kind::Dict, new Dict(std::move(entries))); }
Address::Address(Value* variable, ObjectHeader* cell) noexcept : variable_(variable), cell_(cell) {
  if (cell_ != nullptr) impl::dup(cell_);
}

Address::~Address() {
  if (cell_ != nullptr) impl::drop(cell_);
}

Value make_address(Value* variable) { return Value::adopt(Kind::Address, new Address(variable)); }

Value make_address(ObjectHeader* value_cell) {
  auto* cell = reinterpret_cast<Cell<Value>*>(value_cell);
  // Only a Shared-Heap cell is counted; arena and pinned cells outlive their refs.
  ObjectHeader* counted = region_of(value_cell) == Region::heap ? value_cell : nullptr;
  return Value::adopt(Kind::Address, new Address(&cell->value, counted));
}
Value make_function(Function::Code code, std::int32_t arity, std::vector<Value> captured, Function::Shape shape,
                    std::int32_t tag) {
  return Value::adopt(Kind::Function, new Function(code, arity, std::move(captured), shape, tag));
}

}  // namespace sign
