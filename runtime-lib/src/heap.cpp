// SPDX-License-Identifier: MIT
// Heap values: construction and iterative release (contract in sign/heap.hpp).
#include <sign/value.hpp>
#include <sign/memory/cell.hpp>

#include <new>
#include <utility>
#include <vector>

namespace sign {
namespace {

using Pending = std::vector<std::pair<Kind, HeapObject*>>;

// While an object is being freed, objects its members release are queued
// here instead of being freed from inside its destructor: the depth of the
// C++ stack stays constant however deeply values nest.
thread_local Pending* pending = nullptr;

// Freed small Lists: the object's storage and its element buffer, kept for
// the next List built on this thread. A program that builds a short-lived
// List per step (a pair taken apart and rebuilt) then allocates nothing in
// the steady state. Bounded, so a burst of frees does not pin memory.
class ListPool {
 public:
  static constexpr std::size_t kLists = 64;
  static constexpr std::size_t kCapacity = 16;  // elements; larger buffers go back to the allocator

  ~ListPool() {
    for (Entry& e : free_) ::operator delete(e.storage);
  }

  // Takes `list` (count zero) if it fits; false: the caller deletes it.
  bool keep(List* list) noexcept {
    std::vector<Value>& items = list->items_in_place();
    if (free_.size() == kLists || list->is_slice() || items.capacity() > kCapacity) return false;
    std::vector<Value> buffer = std::move(items);
    buffer.clear();  // releases the elements (queued: see destroy)
    list->~List();
    free_.push_back({list, std::move(buffer)});
    return true;
  }

  Value take(std::size_t capacity) {
    if (free_.empty() || capacity > kCapacity) {
      std::vector<Value> items;
      items.reserve(capacity);
      return make_list(std::move(items));
    }
    Entry e = std::move(free_.back());
    free_.pop_back();
    e.buffer.reserve(capacity);
    return Value::adopt(Kind::List, new (e.storage) List(std::move(e.buffer)));
  }

 private:
  struct Entry {
    void* storage;
    std::vector<Value> buffer;
  };
  // Reserved up front: keep() runs inside destroy(), which must not allocate or throw.
  std::vector<Entry> free_ = [] {
    std::vector<Entry> v;
    v.reserve(kLists);
    return v;
  }();
};
thread_local ListPool list_pool;

void free_one(Kind kind, HeapObject* object) noexcept {
  switch (kind) {
    case Kind::String: delete static_cast<String*>(object); return;
    case Kind::List:
      if (!list_pool.keep(static_cast<List*>(object))) delete static_cast<List*>(object);
      return;
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
Value new_list(std::size_t capacity) { return list_pool.take(capacity); }
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
