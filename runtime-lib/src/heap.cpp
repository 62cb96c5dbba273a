// SPDX-License-Identifier: MIT
// Heap values: construction and iterative release (contract in sign/heap.hpp).
#include <sign/value.hpp>
#include <sign/memory/cell.hpp>
#include <sign/simd/copy.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <new>
#include <span>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace sign {

// The one place outside HeapObject that sets a count.
struct HeapRelease {
  // A pooled object (count zero) handed out again, to its new Value.
  static void revive(HeapObject* object) noexcept { object->count_ = 1; }
};

namespace {

using Pending = std::vector<std::pair<Kind, HeapObject*>>;

// While an object is being freed, objects its members release are queued
// here instead of being freed from inside its destructor: the depth of the
// C++ stack stays constant however deeply values nest.
thread_local Pending* pending = nullptr;

// A bounded stack of freed objects of one kind, plain data so that a
// constinit thread_local holds it (see ListPool).
template <class T>
struct FreeStack {
  static constexpr std::size_t kSize = 64;
  T* items[kSize];
  std::size_t count;
  bool push(T* object) noexcept {
    if (count == kSize) return false;
    items[count++] = object;
    return true;
  }
  T* pop() noexcept { return count == 0 ? nullptr : items[--count]; }
};

// Freed small Lists, kept whole for the next List built on this thread:
// the object and, for an owning List, its element buffer (elements
// released). A program that builds a short-lived List or slice per step (a
// pair taken apart and rebuilt, `[h ~t]` walking a list) then allocates
// nothing in the steady state. Bounded, so a burst of frees does not pin
// memory.
//
// Plain data, constant-initialised: the hot paths reach it without the
// thread_local initialisation guard a constructor would bring. The pooled
// objects are deleted at thread exit by a guard registered on first use.
class ListPool {
 public:
  static constexpr std::size_t kCapacity = 16;  // elements; larger buffers go back to the allocator

  // Takes `list` (count zero) if it fits; false: the caller deletes it.
  // Runs inside destroy(): allocates nothing, and the elements and slice
  // base it releases are queued.
  bool keep(List* list) noexcept {
    if (closed_ || list->capacity() > kCapacity) return false;
    if (!registered_) register_cleanup();
    if (list->is_slice()) {  // drop the slice's base now: a pooled object holds nothing
      list->~List();
      new (list) List(std::vector<Value>{});
    } else {
      list->reset(false);
    }
    return list->capacity() == 0 ? bare_.push(list) : buffered_.push(list);
  }

  // An owning List with room for `capacity` elements, packed or not.
  Value take(std::size_t capacity, bool packed) {
    List* list = capacity > 0 && capacity <= kCapacity ? buffered_.pop() : nullptr;
    if (list == nullptr) list = bare_.pop();
    if (list == nullptr) {
      if (packed) {
        PackedInts ints;
        ints.reserve(capacity);
        return Value::adopt(Kind::List, new List(std::move(ints)));
      }
      std::vector<Value> items;
      items.reserve(capacity);
      return make_list(std::move(items));
    }
    list->reset(packed);
    if (packed) {
      list->ints_in_place().reserve(capacity);
    } else {
      list->items_in_place().reserve(capacity);
    }
    HeapRelease::revive(list);
    return Value::adopt(Kind::List, list);
  }

  // A slice of `base` (see List's slice constructor).
  Value take_slice(Value base, std::size_t begin, std::size_t count) {
    List* list = bare_.pop();
    if (list == nullptr) list = buffered_.pop();
    if (list == nullptr) return Value::adopt(Kind::List, new List(std::move(base), begin, count));
    list->~List();
    return Value::adopt(Kind::List, new (list) List(std::move(base), begin, count));
  }

  // At thread exit: free Lists normally from now on.
  void close() noexcept {
    closed_ = true;
    while (List* list = bare_.pop()) delete list;
    while (List* list = buffered_.pop()) delete list;
  }

 private:
  void register_cleanup() noexcept;

  FreeStack<List> buffered_;  // owning Lists with an element buffer
  FreeStack<List> bare_;      // objects without one
  bool registered_;
  bool closed_;
};
constinit thread_local ListPool list_pool{};

void register_pool_cleanup() noexcept;

// Freed small objects of one kind kept with their buffer, as ListPool keeps
// Lists: a String (its text) or a Dict (its slots) built and dropped per
// step — a word from syllables, a point moved along — reuses one instead
// of allocating the object and its buffer. `kLimit`: the largest buffer
// kept (bytes of text, slots); larger ones go back to the allocator.
template <class T, Kind kKind, std::size_t kLimit>
class BufferedPool {
 public:
  // Runs inside destroy(): the values a Dict's slots release are queued.
  bool keep(T* object) noexcept {
    if (closed_ || buffer(object).capacity() > kLimit) return false;
    if (!registered_) {
      registered_ = true;
      register_pool_cleanup();
    }
    buffer(object).clear();
    return free_.push(object);
  }

  // An empty object with room for `capacity` in its buffer.
  Value take(std::size_t capacity) {
    T* object = capacity <= kLimit ? free_.pop() : nullptr;
    if (object == nullptr) {
      std::remove_reference_t<decltype(buffer(object))> fresh;
      fresh.reserve(capacity);
      return Value::adopt(kKind, new T(std::move(fresh)));
    }
    buffer(object).reserve(capacity);
    HeapRelease::revive(object);
    return Value::adopt(kKind, object);
  }

  void close() noexcept {
    closed_ = true;
    while (T* object = free_.pop()) delete object;
  }

 private:
  static std::string& buffer(String* string) noexcept { return string->text_in_place(); }
  static std::vector<Dict::Entry>& buffer(Dict* dict) noexcept { return dict->entries_in_place(); }

  FreeStack<T> free_;
  bool registered_;
  bool closed_;
};
constinit thread_local BufferedPool<String, Kind::String, 64> string_pool{};
constinit thread_local BufferedPool<Dict, Kind::Dict, 8> dict_pool{};

// The pools empty themselves when their thread exits; the guard is a
// function-local thread_local, its initialisation paid once per thread.
struct PoolCleanup {
  ~PoolCleanup() {
    list_pool.close();
    string_pool.close();
    dict_pool.close();
  }
};
void register_pool_cleanup() noexcept {
  thread_local PoolCleanup cleanup;
  static_cast<void>(cleanup);
}
void ListPool::register_cleanup() noexcept {
  registered_ = true;
  register_pool_cleanup();
}

void free_one(Kind kind, HeapObject* object) noexcept {
  switch (kind) {
    case Kind::String:
      if (!string_pool.keep(static_cast<String*>(object))) delete static_cast<String*>(object);
      return;
    case Kind::List:
      if (!list_pool.keep(static_cast<List*>(object))) delete static_cast<List*>(object);
      return;
    case Kind::Dict:
      if (!dict_pool.keep(static_cast<Dict*>(object))) delete static_cast<Dict*>(object);
      return;
    case Kind::Function: delete static_cast<Function*>(object); return;
    case Kind::Address: delete static_cast<Address*>(object); return;
    default: return;
  }
}

}  // namespace

void destroy(Kind kind, HeapObject* object) noexcept {
  if (kind == Kind::String) return free_one(kind, object);  // holds no values: nothing to queue
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
  // Slot names are short: compared here, not by a call to memcmp per slot.
  const auto same = [key](std::string_view name) {
    if (name.size() != key.size()) return false;
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (name[i] != key[i]) return false;
    }
    return true;
  };
  for (const auto& [name, value] : entries_) {
    if (same(name)) return &value;
  }
  return nullptr;
}

void String::prepend_in_place(std::string_view front) {
  if (front_ < front.size()) {
    // A gap as long as the text (at least 16 bytes and room for `front`),
    // as List::push_front_in_place keeps one — or, for a short text, as long
    // as the string's in-object buffer leaves: a number written digit by
    // digit from its end then needs no allocation.
    const std::string_view now = text();
    const std::size_t in_object = std::string().capacity();
    const std::size_t needed = std::max(now.size(), front.size());
    const std::size_t gap = now.size() + needed <= in_object ? in_object - now.size() : std::max(needed, std::size_t{16});
    std::string grown;
    grown.reserve(gap + now.size());
    grown.append(gap, '\0').append(now);
    text_ = std::move(grown);
    front_ = gap;
  }
  front_ -= front.size();
  front.copy(text_.data() + front_, front.size());
  ascii_checked_.store(0, std::memory_order_relaxed);
}

template <class T, class Buffer>
void FrontGapped<T, Buffer>::push_front(T x) {
  if (front_ == 0) {
    // A gap as long as the elements (at least 4): each element moves once
    // per doubling, as push_back's growth moves it.
    const std::size_t gap = std::max<std::size_t>(slots_.size(), 4);
    Buffer grown;
    if constexpr (std::is_trivially_copyable_v<T>) {  // packed: one vector copy, the gap left unwritten
      grown.resize(gap + slots_.size());
      simd::copy(grown.data() + gap, slots_.data(), slots_.size() * sizeof(T));
    } else {
      grown.reserve(gap + slots_.size());
      grown.resize(gap);
      grown.insert(grown.end(), std::make_move_iterator(slots_.begin()), std::make_move_iterator(slots_.end()));
    }
    slots_ = std::move(grown);
    front_ = gap;
  }
  slots_[--front_] = std::move(x);
}
template class FrontGapped<Value>;
template class FrontGapped<std::int64_t, PackedInts>;

void append_packed(PackedInts& to, std::span<const std::int64_t> from) {
  const std::size_t at = to.size();
  to.resize(at + from.size());  // uninitialised until copied
  simd::copy(to.data() + at, from.data(), from.size_bytes());
}

void List::box_packed() const {
  for (;;) {
    Boxing boxing = boxing_.load(std::memory_order_acquire);
    if (boxing == Boxing::Done) return;
    if (boxing == Boxing::None &&
        boxing_.compare_exchange_weak(boxing, Boxing::Started, std::memory_order_acquire)) {
      const std::span<const std::int64_t> ints = packed_.view();
      std::vector<Value> boxed;
      boxed.reserve(ints.size());
      for (const std::int64_t i : ints) boxed.push_back(Value::from_int(i));
      boxed_ = FrontGapped<Value>(std::move(boxed));
      boxing_.store(Boxing::Done, std::memory_order_release);
      return;
    }
    std::this_thread::yield();  // another thread is boxing it
  }
}

std::vector<Value>& List::items_in_place() {
  if (is_packed_) {  // unpacked: the boxed copy is all that stays
    box_packed();
    packed_.release();
    is_packed_ = false;
    boxing_.store(Boxing::None, std::memory_order_relaxed);
  }
  flatness_ = Flatness::Unknown;
  ints_.store(Ints::Unknown, std::memory_order_relaxed);
  return boxed_.closed();
}

void List::push_front_in_place(Value x) {
  if (is_packed()) {
    if (x.is_int()) {
      drop_boxed_copy();
      packed_.push_front(x.as_int());
      return;
    }
    items_in_place();  // unpacked for good: x is no Int
    flatness_ = Flatness::Flat;
    ints_.store(Ints::All, std::memory_order_relaxed);
  }
  if (x.is_list() && flatness_ == Flatness::Flat) flatness_ = Flatness::Nested;
  if (!x.is_int() && ints_.load(std::memory_order_relaxed) == Ints::All) ints_.store(Ints::NotAll, std::memory_order_relaxed);
  boxed_.push_front(std::move(x));
}

bool List::all_ints() const {
  if (is_packed()) return true;
  Ints known = ints_.load(std::memory_order_relaxed);
  if (known == Ints::Unknown) {
    const auto all = items();
    known = std::all_of(all.begin(), all.end(), [](const Value& v) { return v.is_int(); }) ? Ints::All : Ints::NotAll;
    ints_.store(known, std::memory_order_relaxed);
  }
  return known == Ints::All;
}

void List::grow_packed(std::int64_t x) { ints_in_place().push_back(x); }

bool List::flat_in_place() noexcept {
  if (is_packed()) return true;
  if (flatness_ == Flatness::Unknown) {
    const auto all = boxed_.view();
    flatness_ = std::none_of(all.begin(), all.end(), [](const Value& v) { return v.is_list(); }) ? Flatness::Flat
                                                                                                 : Flatness::Nested;
  }
  return flatness_ == Flatness::Flat;
}

void List::reset(bool packed) noexcept {
  boxed_.clear();
  packed_.clear();
  is_packed_ = packed;
  boxing_.store(Boxing::None, std::memory_order_relaxed);
  flatness_ = Flatness::Unknown;
  ints_.store(Ints::Unknown, std::memory_order_relaxed);
}

Value make_string(std::string text) { return Value::adopt(Kind::String, new String(std::move(text))); }
Value make_list(std::vector<Value> items) { return Value::adopt(Kind::List, new List(std::move(items))); }
Value make_int_list(PackedInts ints) {
  return Value::adopt(Kind::List, new List(std::move(ints)));
}
Value new_list(std::size_t capacity) { return list_pool.take(capacity, false); }
Value new_int_list(std::size_t capacity) { return list_pool.take(capacity, true); }
Value new_string(std::size_t capacity) { return string_pool.take(capacity); }
Value new_dict(std::size_t capacity) { return dict_pool.take(capacity); }
Value list_slice(const Value& list, std::size_t begin, std::size_t end) {
  const List& l = list.as_list();
  if (begin == 0 && end == l.size()) return list;
  if (begin >= end) return make_list({});
  // A slice of a slice views the owning List directly: no chains.
  if (l.is_slice()) return list_pool.take_slice(l.slice_base(), l.slice_begin() + begin, end - begin);
  return list_pool.take_slice(list, begin, end - begin);
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
