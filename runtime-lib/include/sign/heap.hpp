// SPDX-License-Identifier: MIT
// The heap kinds of sign::Value: String, List, Dict and Function objects with
// an intrusive reference count (included by sign/value.hpp).
//
// Counts are plain integers: a program's values belong to the thread that
// runs it. Objects are immutable once shared — every operation builds a new
// one — so a count is the only thing that changes (besides what an object
// remembers about itself: a String's ASCII prefix, a packed List's boxed
// copy, made for its first reader on whichever thread); an object with one
// owner may be reused in place by an operation that consumes that owner.
// Freeing is iterative (src/heap.cpp): a list nested ten million deep is
// released without recursion.
#pragma once

#include <atomic>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <sign/impl/text.hpp>
#include <sign/value.hpp>

namespace sign {

struct ObjectHeader;  // sign/memory/object_header.hpp

class HeapObject {
 public:
  HeapObject(const HeapObject&) = delete;
  HeapObject& operator=(const HeapObject&) = delete;

  std::uint32_t use_count() const noexcept { return count_; }

 protected:
  HeapObject() = default;
  ~HeapObject() = default;

 private:
  friend class Value;
  friend struct HeapRelease;
  std::uint32_t count_ = 1;
};

// UTF-8 text. Chars are Strings of one code point.
class String final : public HeapObject {
 public:
  explicit String(std::string text) : text_(std::move(text)) {}
  std::string_view text() const noexcept { return {text_.data() + front_, text_.size() - front_}; }
  // For an object only one Value refers to (use_count() == 1): nobody can
  // see it change, so the runtime extends it in place instead of copying.
  std::string& text_in_place() noexcept {
    if (front_ != 0) {  // bytes drop_front_in_place left behind go now
      text_.erase(0, front_);
      front_ = 0;
    }
    ascii_checked_.store(0, std::memory_order_relaxed);
    return text_;
  }
  // The text, moved out (use_count() == 1): the String is left empty.
  std::string release_text() noexcept {
    std::string out = std::move(text_in_place());
    text_.clear();
    return out;
  }
  // The text replaced by `text`, the buffer kept (use_count() == 1).
  void assign_in_place(std::string_view text) {
    text_.clear();  // (assign would call _M_replace, 4x the cost for a short text)
    text_.append(text);
    front_ = 0;
    ascii_checked_.store(0, std::memory_order_relaxed);
  }
  // `s ' n~` on a String only one Value refers to: its first `bytes` bytes
  // are dropped in O(1), so walking a String by its rest stays linear.
  // Precondition: use_count() == 1, bytes <= text().size().
  void drop_front_in_place(std::size_t bytes) noexcept {
    front_ += bytes;
    const std::size_t checked = ascii_checked_.load(std::memory_order_relaxed);
    ascii_checked_.store(checked > bytes ? checked - bytes : 0, std::memory_order_relaxed);
  }
  // `c s` with s a String only one Value refers to: c's text goes in
  // front in amortised O(1) — a gap as long as the text is kept before it —
  // so text built from its end (a reversal) stays linear.
  void prepend_in_place(std::string_view front);
  // The same for one ASCII byte while the front gap lasts, inline (a
  // number's digits, a text reversed character by character); false when
  // there is no gap left. The text stays ASCII as far as it was, one more.
  bool prepend_ascii_in_place(char c) noexcept {
    if (front_ == 0) return false;
    text_[--front_] = c;
    ascii_checked_.store(ascii_checked_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    return true;
  }
  // Whether the first i + 1 bytes are ASCII, so byte i is character i
  // (`s ' i` reads it in place). Remembers how far the text is known to be
  // ASCII: a walk over a String by index reads each byte once, not a
  // prefix per step.
  bool ascii_through(std::size_t i) const noexcept {
    std::size_t checked = ascii_checked_.load(std::memory_order_relaxed);
    if (i < checked) return true;
    const std::string_view all = text();
    if (i >= all.size()) return false;
    checked += impl::ascii_prefix(all.substr(checked, i + 1 - checked));
    ascii_checked_.store(checked, std::memory_order_relaxed);
    return i < checked;
  }
  // Byte i where the text is ASCII through it, so character i read in place;
  // -1 past the end or after a byte that is not ASCII.
  int ascii_byte(std::size_t i) const noexcept { return ascii_through(i) ? static_cast<unsigned char>(text()[i]) : -1; }

 private:
  std::string text_;  // text() is text_ from byte front_ on
  std::size_t front_ = 0;
  // A prefix of text() known to be ASCII. Atomic (relaxed: plain loads and stores)
  // because a String shared between threads is read by both; any value one
  // stores is a true lower bound.
  mutable std::atomic<std::size_t> ascii_checked_{0};
};

// std::allocator, except that a trivial T made without a value is left
// uninitialised: a gap FrontGapped never reads costs no writes, and no
// pages of memory the List never fills.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  template <class U, class... Args>
  void construct(U* at, Args&&... args) {
    if constexpr (sizeof...(Args) == 0 && std::is_trivially_default_constructible_v<U>) {
      ::new (static_cast<void*>(at)) U;
    } else {
      ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }
  }
};

// The int64s of a packed List (see List).
using PackedInts = std::vector<std::int64_t, UninitializedAllocator<std::int64_t>>;
// Appends `from` (not part of `to`) to `to`, copied by sign::simd::copy.
void append_packed(PackedInts& to, std::span<const std::int64_t> from);

// The elements of an owning List, with a gap before them: putting an
// element in front is amortised O(1) — the gap, when used up, is regrown as
// long as the elements — so a List built from its end stays linear.
template <class T, class Buffer = std::vector<T>>
class FrontGapped {
 public:
  FrontGapped() = default;
  explicit FrontGapped(Buffer items) noexcept : slots_(std::move(items)) {}
  std::span<const T> view() const noexcept { return std::span<const T>(slots_).subspan(front_); }
  std::size_t size() const noexcept { return slots_.size() - front_; }
  // The slots, the gap included (reading it does not close the gap).
  std::size_t capacity() const noexcept { return slots_.capacity(); }
  void push_front(T x);
  // push_back without a gap in front and while the buffer has room, inline;
  // false: neither moved nor grown.
  bool push_back_in_room(T x) noexcept {
    if (front_ != 0 || slots_.size() == slots_.capacity()) return false;
    slots_.push_back(std::move(x));
    return true;
  }
  // push_front while the gap lasts, inline; false: it is used up.
  bool push_front_in_gap(T x) noexcept {
    if (front_ == 0) return false;
    slots_[--front_] = std::move(x);
    return true;
  }
  // Exactly the elements, the gap closed first (it holds only default Ts).
  Buffer& closed() noexcept {
    if (front_ != 0) {
      slots_.erase(slots_.begin(), slots_.begin() + static_cast<std::ptrdiff_t>(front_));
      front_ = 0;
    }
    return slots_;
  }
  // No elements; the buffer is kept (small ones are reused, see heap.cpp).
  void clear() noexcept {
    slots_.clear();
    front_ = 0;
  }
  // No elements and no buffer.
  void release() noexcept { *this = FrontGapped(); }

 private:
  Buffer slots_;  // slots_[front_..] are the elements
  std::size_t front_ = 0;
};

// A List owns its elements, or is a slice: a run of another List's elements
// that shares its storage (the rest of `[h ~t]`, `l ' n~`), so taking the
// tail of a list costs one small object, not a copy — recursion over a list
// stays linear. A slice keeps the List it views alive.
//
// An owning List built of Ints (a range, `i acc~` from two Ints, `c qs~`
// from an Int and a packed List, Ints put in front of those) is packed: it stores the int64s themselves, 8 bytes an
// element instead of a 16-byte Value, with nothing to release one by one.
// Walks read them as Elements; code that needs Values reads items(), which
// boxes a packed List once, on first read, and keeps both from then on.
class List final : public HeapObject {
 public:
  explicit List(std::vector<Value> items) noexcept : boxed_(std::move(items)) {}
  // A packed List.
  explicit List(PackedInts ints) noexcept : packed_(std::move(ints)), is_packed_(true) {}
  // Elements [begin, begin + count) of `base`. Precondition: `base` is an
  // owning List and holds them.
  List(Value base, std::size_t begin, std::size_t count) noexcept
      : base_(std::move(base)), begin_(begin), count_(count) {}

  bool is_slice() const noexcept { return base_.is_list(); }
  const Value& slice_base() const noexcept { return base_; }
  // Where a slice's elements start in its base (0 for an owning List).
  std::size_t slice_begin() const noexcept { return begin_; }
  std::size_t size() const noexcept {
    if (is_slice()) return count_;
    return is_packed_ ? packed_.size() : boxed_.size();
  }
  // The elements as Values (a packed List is boxed on the first call).
  std::span<const Value> items() const {
    const bool slice = is_slice();
    const List& owner = slice ? base_.as_list() : *this;
    if (owner.is_packed_ && owner.boxing_.load(std::memory_order_acquire) != Boxing::Done) owner.box_packed();
    const std::span<const Value> all = owner.boxed_.view();
    return slice ? all.subspan(begin_, count_) : all;
  }
  // Whether this is an owning List of Values (not packed, not a slice),
  // whose stored_values() are its items, for inline fast paths.
  bool stores_values() const noexcept { return !is_slice() && !is_packed_; }
  std::span<const Value> stored_values() const noexcept { return boxed_.view(); }
  // Element i, a Value, without boxing a packed List. Precondition: i < size().
  Value at(std::size_t i) const noexcept {
    const List& owner = is_slice() ? base_.as_list() : *this;
    const std::size_t at = begin_ + i;  // begin_ is 0 for an owning List
    if (owner.is_packed_) return Value::from_int(owner.packed_.view()[at]);
    return owner.boxed_.view()[at];
  }
  // Whether the elements are stored as int64s (a slice: its base's are).
  bool is_packed() const noexcept {
    const List& owner = is_slice() ? base_.as_list() : *this;
    return owner.is_packed_;
  }
  // Precondition: is_packed().
  std::span<const std::int64_t> packed() const noexcept {
    if (is_slice()) return base_.as_list().packed_.view().subspan(begin_, count_);
    return packed_.view();
  }

  // A slice only one Value refers to drops its first `n` elements in place
  // (`[h ~t]` walking a list reuses the rest's slice). Precondition: a
  // slice, n <= size().
  void drop_front_in_place(std::size_t n) noexcept {
    begin_ += n;
    count_ -= n;
    if (ints_.load(std::memory_order_relaxed) == Ints::NotAll) ints_.store(Ints::Unknown, std::memory_order_relaxed);
  }
  // As String::text_in_place: only while use_count() == 1, and not for a
  // slice. The vector is exactly the items (a packed List is unpacked, a
  // gap push_front_in_place left is closed), and whether any is a List, or
  // all are Ints, is no longer known.
  std::vector<Value>& items_in_place();
  // The same for a packed List, which stays packed. Precondition: is_packed().
  PackedInts& ints_in_place() noexcept {
    drop_boxed_copy();
    return packed_.closed();
  }
  // The elements an owning List has room for, its gaps included.
  std::size_t capacity() const noexcept { return boxed_.capacity() + packed_.capacity(); }
  // `x xs~` building a List from its end (`(f h) (g t)~`): x goes in front
  // in amortised O(1), so a list built by recursion stays linear. A packed
  // List stays packed while x is an Int. Same preconditions.
  void push_front_in_place(Value x);
  // The same for an Int, inline, while a packed List has room in front;
  // false: push_front_in_place does it.
  bool push_front_in_gap(std::int64_t x) noexcept {
    return is_packed_ && boxing_.load(std::memory_order_relaxed) == Boxing::None && packed_.push_front_in_gap(x);
  }
  // `acc~ i`: an Int after the elements of a packed owning List that has
  // some (an empty one is __), inline; false: construct does it. Same
  // preconditions.
  bool push_back_packed(std::int64_t x) {
    if (!is_packed_ || is_slice() || packed_.size() == 0) return false;
    if (boxing_.load(std::memory_order_relaxed) != Boxing::None || !packed_.push_back_in_room(x)) grow_packed(x);
    return true;
  }
  // Whether no item is a List (so `xs~` spreads to the items themselves);
  // counted once, then kept while the List changes only through
  // push_front_in_place. Same preconditions.
  bool flat_in_place() noexcept;
  // Flatness as far as known without counting; mark_flat records that no
  // item is a List (after a scalar was appended to a flat List).
  bool known_flat() const noexcept { return is_packed() || flatness_ == Flatness::Flat; }
  void mark_flat() noexcept { flatness_ = Flatness::Flat; }
  // Whether every item is an Int, so that a walk may be lent them
  // (sign::impl::Elements): known for a packed List, else counted once,
  // then kept while the List changes only by push_front_in_place and
  // drop_front_in_place.
  bool all_ints() const;
  // An empty owning List again, packed or not, for a pool to hand out; the
  // buffers are kept.
  void reset(bool packed) noexcept;

 private:
  enum class Flatness : std::uint8_t { Unknown, Flat, Nested };
  enum class Ints : std::uint8_t { Unknown, All, NotAll };
  // Whether a packed List has been boxed for a reader (it then holds both).
  enum class Boxing : std::uint8_t { None, Started, Done };

  // push_back_packed where the buffer is full, has a gap in front or a
  // boxed copy.
  void grow_packed(std::int64_t x);
  // Fills boxed_ from packed_, once, whichever thread reads items() first;
  // the others wait for it.
  void box_packed() const;
  // An owning List changed in place keeps one storage: a boxed copy of a
  // packed List is dropped (no reader can hold it: use_count() == 1).
  void drop_boxed_copy() noexcept {
    if (boxing_.load(std::memory_order_relaxed) == Boxing::Done) {
      boxed_.release();
      boxing_.store(Boxing::None, std::memory_order_relaxed);
    }
  }

  mutable FrontGapped<Value> boxed_;
  FrontGapped<std::int64_t, PackedInts> packed_;
  // Which storage an owning List holds. Changes only in place (one owner);
  // a slice's is its base's.
  bool is_packed_ = false;
  mutable std::atomic<Boxing> boxing_{Boxing::None};
  Flatness flatness_ = Flatness::Unknown;
  // Atomic (relaxed) as String::ascii_checked_: a List shared between threads
  // is read by both, and any value one stores is true.
  mutable std::atomic<Ints> ints_{Ints::Unknown};
  Value base_;
  std::size_t begin_ = 0;
  std::size_t count_ = 0;
};

// Named slots in definition order (`[x : 1 / y : 2]`).
class Dict final : public HeapObject {
 public:
  using Entry = std::pair<std::string, Value>;
  explicit Dict(std::vector<Entry> entries) : entries_(std::move(entries)) {}
  std::span<const Entry> entries() const noexcept { return entries_; }
  // The value of slot `key`, or nullptr.
  const Value* find(std::string_view key) const noexcept;
  // As List::items_in_place: only while use_count() == 1.
  std::vector<Entry>& entries_in_place() noexcept { return entries_; }

 private:
  friend struct HeapRelease;
  std::vector<Entry> entries_;
};

using Args = std::span<const Value>;

// A function value: code plus the values it captured. Generated lambdas,
// module functions used as values, compositions, sections and partial
// applications are all Functions; sign::impl::apply calls them.
class Function final : public HeapObject {
 public:
  using Code = Value (*)(const Function& self, Args args);
  // What the code does with surplus arguments: Greedy ones (a bare `[+]`, a
  // mapping section `[* 2,]`) consume every argument of a stream.
  enum class Shape : std::uint8_t { Plain, Greedy };

  Function(Code entry, std::int32_t arity, std::vector<Value> captured, Shape shape = Shape::Plain,
           std::int32_t tag = 0)
      : code_(entry), arity_(arity), shape_(shape), tag_(tag), captured_(std::move(captured)) {}

  Code code() const noexcept { return code_; }
  std::int32_t arity() const noexcept { return arity_; }
  Shape shape() const noexcept { return shape_; }
  std::int32_t tag() const noexcept { return tag_; }  // runtime-made functions: which operator
  const Value& captured(std::size_t i) const noexcept { return captured_[i]; }
  std::span<const Value> captured() const noexcept { return captured_; }

 private:
  friend struct HeapRelease;
  Code code_;
  std::int32_t arity_;
  Shape shape_;
  std::int32_t tag_;
  std::vector<Value> captured_;
};

// A place `@` reads and infix `#` writes: a module variable (`$x`), or the
// value slot of a ref cell a top-level `# e`, `## e` or `### e` allocated in
// the module's Project-Arena, the Shared-Heap or the Pinned-Area
// (memory-model.md §2, §3). A Shared-Heap cell is kept alive by the Address
// (one counted reference, §6); arena and pinned cells are not counted and
// live until their module unloads (§5), which resets the module's own refs.
class Address final : public HeapObject {
 public:
  explicit Address(Value* variable, ObjectHeader* cell = nullptr) noexcept;
  ~Address();
  Value& variable() const noexcept { return *variable_; }
  ObjectHeader* cell() const noexcept { return cell_; }

 private:
  Value* variable_;
  ObjectHeader* cell_;
};

// Frees an object whose count reached zero, and every object only it kept
// alive, without recursion.
void destroy(Kind kind, HeapObject* object) noexcept;

inline void Value::retain() const noexcept { ++object_->count_; }
inline void Value::release() noexcept {
  if (--object_->count_ == 0) destroy(kind_, object_);
}

inline const String& Value::as_string() const noexcept { return *static_cast<const String*>(object_); }
inline const List& Value::as_list() const noexcept { return *static_cast<const List*>(object_); }
inline const Dict& Value::as_dict() const noexcept { return *static_cast<const Dict*>(object_); }
inline const Function& Value::as_function() const noexcept { return *static_cast<const Function*>(object_); }
inline const Address& Value::as_address() const noexcept { return *static_cast<const Address*>(object_); }

inline bool Value::is_unit() const noexcept {
  switch (kind_) {
    case Kind::Unit: return true;
    case Kind::String: return as_string().text().empty();
    case Kind::List: return as_list().size() == 0;
    default: return false;
  }
}

// Constructors of heap values.
Value make_string(std::string text);
Value make_list(std::vector<Value> items);
// A packed List (see List) of these Ints.
Value make_int_list(PackedInts ints);
// An empty List with room for `capacity` elements, to be filled through
// List::items_in_place(); small ones reuse a freed List and its buffer.
Value new_list(std::size_t capacity);
// The same for a packed List (of Ints), filled through List::ints_in_place().
Value new_int_list(std::size_t capacity);
// An empty String with room for `capacity` bytes, to be filled through
// String::text_in_place(); short ones reuse a freed String and its buffer.
Value new_string(std::size_t capacity);
// Elements [begin, end) of List `list` without copying them (a slice).
Value list_slice(const Value& list, std::size_t begin, std::size_t end);
Value make_dict(std::vector<Dict::Entry> entries);
// An empty Dict with room for `capacity` slots, to be filled through
// Dict::entries_in_place(); small ones reuse a freed Dict and its slots.
Value new_dict(std::size_t capacity);
// `[a : x / b : y]` as generated code builds it: each entry moved in (an
// initializer list would copy every key and value once more), in a Dict a
// struct built and dropped per step reuses.
template <class... Entries>
Value dict_of(Entries&&... entries) {
  Value dict = new_dict(sizeof...(entries));
  std::vector<Dict::Entry>& all = static_cast<Dict*>(dict.object())->entries_in_place();
  (all.push_back(std::forward<Entries>(entries)), ...);
  return dict;
}
Value make_address(Value* variable);
// A ref to a Cell<Value> (sign/memory/cell.hpp) of any region.
Value make_address(ObjectHeader* value_cell);
Value make_function(Function::Code code, std::int32_t arity, std::vector<Value> captured = {},
                    Function::Shape shape = Function::Shape::Plain, std::int32_t tag = 0);

}  // namespace sign
