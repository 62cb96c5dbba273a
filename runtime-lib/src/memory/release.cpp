// SPDX-License-Identifier: MIT
// The out-of-line half of dup/drop and iterative release (memory-model.md §5,
// §6; the rc range table is at ObjectHeader). Lean's lean_dec_ref_cold and
// lean_del_core are the model of shape: the dying objects themselves carry
// the worklist, so freeing a 10-million-deep chain needs no stack and no
// allocation.
#include <sign/memory/object_header.hpp>

#include <atomic>

#include "block.hpp"
#include "internal.hpp"

namespace sign {
namespace detail {
namespace {

using Rc = std::atomic_ref<std::int32_t>;

// One reference less on a child being released; true if the caller now owns
// the child exclusively (its count reached zero) and must free it. A dying
// object's rc is set to 0, so a racing weak lock() sees it as gone.
bool release_ref(ObjectHeader* o) noexcept {
  Rc rc(o->rc);
  const std::int32_t n = rc.load(std::memory_order_relaxed);
  if (n > 0) {
    if (n >= kStickyRc) return false;
    if (n > 1) {
      rc.store(n - 1, std::memory_order_relaxed);
      return false;
    }
    rc.store(0, std::memory_order_relaxed);
    return true;
  }
  if (n == 0) return false;  // not counted, or already dying
  if (n == kFreedRc) {
    if constexpr (SIGN_DEBUG >= 1) impl::fatal("drop of an object that was already freed");
    return false;
  }
  if (n <= -kStickyRc) return false;
  // acq_rel: every other thread's writes to the object happen before the
  // one that frees it (TSan models this; it does not model lone fences).
  return rc.fetch_add(1, std::memory_order_acq_rel) == -1;
}

struct Worklist {
  ObjectHeader* head = nullptr;
  void push(ObjectHeader* o) noexcept {
    header_word(o) = reinterpret_cast<std::uintptr_t>(head);
    head = o;
  }
  ObjectHeader* pop() noexcept {
    ObjectHeader* o = head;
    head = reinterpret_cast<ObjectHeader*>(header_word(o));
    return o;
  }
};

void release_child(ObjectHeader* child, void* ctx) {
  if (release_ref(child)) static_cast<Worklist*>(ctx)->push(child);
}

void drop_child(ObjectHeader* child, void*) { impl::drop(child); }

}  // namespace

void finish_heap_object(ObjectHeader* o) noexcept {
  const KindOps* ops = find_kind(o->tag);
  if (ops != nullptr && ops->finalize != nullptr) ops->finalize(o);
  if ((region_bits(o) & header_bits::weak) != 0) weak_target_died(o);
}

void free_heap_object(ObjectHeader* o) noexcept {
  Rc(o->rc).store(kFreedRc, std::memory_order_relaxed);
  count_freed();
  block_free(block_of(o));
}

void release_tree(ObjectHeader* root) noexcept {
  Worklist todo;
  todo.push(root);
  while (todo.head != nullptr) {
    ObjectHeader* o = todo.pop();
    for_each_child(o, release_child, &todo);
    finish_heap_object(o);
    if ((region_bits(o) & header_bits::buffered) != 0) {
      // Still listed in its thread's candidate buffer: the collector frees
      // the block when it next walks the buffer. kFreedRc already, so a
      // checked release of it meanwhile is a double_release.
      set_region_bits(o, region_bits(o) | header_bits::dead);
      Rc(o->rc).store(kFreedRc, std::memory_order_relaxed);
    } else {
      free_heap_object(o);
    }
  }
}

void release_uncounted(ObjectHeader* o) noexcept {
  for_each_child(o, drop_child, nullptr);
  const KindOps* ops = find_kind(o->tag);
  if (ops != nullptr && ops->finalize != nullptr) ops->finalize(o);
}

}  // namespace detail

namespace impl {

void dup_slow(ObjectHeader* o) noexcept {
  detail::Rc rc(o->rc);
  const std::int32_t n = rc.load(std::memory_order_relaxed);
  if (n > 0) {
    if (n < kStickyRc) rc.store(n + 1, std::memory_order_relaxed);
    return;
  }
  if (n == 0) return;
  if (n == kFreedRc) {
    if constexpr (SIGN_DEBUG >= 1) fatal("dup of an object that was already freed");
    return;
  }
  if (n <= -kStickyRc) return;
  rc.fetch_sub(1, std::memory_order_relaxed);  // more negative = one more reference
}

void drop_slow(ObjectHeader* o) noexcept {
  if (detail::release_ref(o)) detail::release_tree(o);
}

}  // namespace impl
}  // namespace sign
