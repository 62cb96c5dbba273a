// SPDX-License-Identifier: MIT
// Ref cells and the §8 library API over them (memory-model.md §2, §4, §8):
// `# e`, `## e`, `### e` yield a ref to a Cell in the Project-Arena,
// Shared-Heap or Pinned-Area; `@ r` is deref, `r # v` is assign, and
// inc/dec/atomic_inc/atomic_dec/fetch_add/fetch_sub mutate Int cells.
#pragma once

#include <atomic>
#include <cstdint>
#include <new>

#include <sign/memory/object_header.hpp>
#include <sign/value.hpp>

namespace sign {

// Which tag a cell of T carries. Cells exist for the representations pass 3
// produces: a proven Int or Float, an object reference, a dynamic Value.
template <class T>
struct CellTraits;
template <>
struct CellTraits<std::int64_t> {
  static constexpr std::uint8_t tag = tags::cell_int;
};
template <>
struct CellTraits<double> {
  static constexpr std::uint8_t tag = tags::cell_float;
};
template <>
struct CellTraits<ObjectHeader*> {
  static constexpr std::uint8_t tag = tags::cell_object;
};
template <>
struct CellTraits<Value> {
  static constexpr std::uint8_t tag = tags::cell_value;
};

// A mutable location: the header, then the value (16-byte aligned, see the
// object layout in object_header.hpp). A Sign `counter : # 0` becomes an
// arena Cell<std::int64_t>; `logger : ## f` a heap Cell<Value> with rc 1.
//
// Invariants:
//  - a Cell<ObjectHeader*> owns one reference to its content (or is null);
//  - a cell that other threads may see — a thread-shared heap cell (rc < 0)
//    or an uncounted one (arena, pinned: module globals are visible to every
//    thread) — only ever holds thread-shared or uncounted objects: assign
//    shares what it stores there, so sign::share never has to enter rc-0
//    objects;
//  - a thread-local heap cell that was assigned an object is a cycle
//    candidate (SharedHeap::add_cycle_candidate): only assignment can close
//    a cycle in Sign, whose other values are immutable.
template <class T>
struct Cell {
  ObjectHeader header;
  T value;
};

template <class T>
inline ObjectHeader* as_object(Cell<T>* c) noexcept {
  return &c->header;
}

namespace impl {
// Constructs the content of a freshly allocated cell object.
template <class T>
inline Cell<T>* init_cell(ObjectHeader* o, T v) noexcept {
  auto* c = reinterpret_cast<Cell<T>*>(o);
  ::new (static_cast<void*>(&c->value)) T(v);
  return c;
}
inline std::atomic_ref<std::int64_t> int_slot(Cell<std::int64_t>* r) noexcept {
  return std::atomic_ref<std::int64_t>(r->value);
}
inline std::int64_t wrap_add(std::int64_t a, std::int64_t b) noexcept {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
}  // namespace impl
using impl::init_cell;

//=== §8: Int cells ============================================================
// The non-atomic pair is a plain read-modify-write: concurrent inc on one
// cell may lose updates (that is what "non-atomic" means in §8) but is never
// undefined behaviour, because the accesses are relaxed atomic loads and
// stores, which compile to ordinary moves. Arithmetic wraps like Sign Int.

// inc(ref): the new value.
inline std::int64_t inc(Cell<std::int64_t>* r) noexcept {
  auto slot = impl::int_slot(r);
  const std::int64_t v = impl::wrap_add(slot.load(std::memory_order_relaxed), 1);
  slot.store(v, std::memory_order_relaxed);
  return v;
}
// dec(ref): the new value.
inline std::int64_t dec(Cell<std::int64_t>* r) noexcept {
  auto slot = impl::int_slot(r);
  const std::int64_t v = impl::wrap_add(slot.load(std::memory_order_relaxed), -1);
  slot.store(v, std::memory_order_relaxed);
  return v;
}
// atomic_inc(ref) / atomic_dec(ref): one indivisible step; the new value.
inline std::int64_t atomic_inc(Cell<std::int64_t>* r) noexcept {
  return impl::wrap_add(impl::int_slot(r).fetch_add(1), 1);
}
inline std::int64_t atomic_dec(Cell<std::int64_t>* r) noexcept {
  return impl::wrap_add(impl::int_slot(r).fetch_sub(1), -1);
}
// fetch_add(ref, n) / fetch_sub(ref, n): atomic; the old value.
inline std::int64_t fetch_add(Cell<std::int64_t>* r, std::int64_t n) noexcept {
  return impl::int_slot(r).fetch_add(n);
}
inline std::int64_t fetch_sub(Cell<std::int64_t>* r, std::int64_t n) noexcept {
  return impl::int_slot(r).fetch_sub(n);
}

//=== §8: deref and assign =====================================================
// deref(ref) ≡ `@ref`: the current content (for an object cell a new owned
// reference, per the calling convention: results are owned).
// assign(ref, v) ≡ `ref # v`: stores v (consumed) and returns v (owned: for
// an object cell one more reference); the old content is released (§4 "rc
// adjusted").
inline std::int64_t deref(const Cell<std::int64_t>* r) noexcept {
  return std::atomic_ref<std::int64_t>(const_cast<std::int64_t&>(r->value)).load(std::memory_order_relaxed);
}
inline std::int64_t assign(Cell<std::int64_t>* r, std::int64_t v) noexcept {
  impl::int_slot(r).store(v, std::memory_order_relaxed);
  return v;
}
inline double deref(const Cell<double>* r) noexcept {
  return std::atomic_ref<double>(const_cast<double&>(r->value)).load(std::memory_order_relaxed);
}
inline double assign(Cell<double>* r, double v) noexcept {
  std::atomic_ref<double>(r->value).store(v, std::memory_order_relaxed);
  return v;
}
// Object and Value cells that other threads may see are guarded by a
// striped lock, so a deref never duplicates a reference an assign is
// releasing at the same moment; thread-local cells take no lock.
ObjectHeader* deref(const Cell<ObjectHeader*>* r) noexcept;
ObjectHeader* assign(Cell<ObjectHeader*>* r, ObjectHeader* v) noexcept;
Value deref(const Cell<Value>* r) noexcept;
Value assign(Cell<Value>* r, Value v) noexcept;

}  // namespace sign
