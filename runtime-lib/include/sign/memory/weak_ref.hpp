// SPDX-License-Identifier: MIT
// sign::WeakRef — a reference that does not keep a Shared-Heap object alive,
// for the back links of §5 ("weak references for back links, plus a cycle
// collector").
#pragma once

#include <cstddef>
#include <utility>

#include <sign/memory/object_header.hpp>

namespace sign {

namespace impl {
struct WeakControl;
}

// A weak reference to a Shared-Heap object. The object records that it has
// weak refs with a header bit; a process-wide side table maps it to a small
// control block that the WeakRefs share and that outlives the object. When
// the object dies the control block's target is cleared under the table's
// lock, before the memory is freed, so lock() can never return freed memory.
//
// Thread safety: a WeakRef to a thread-shared object may be copied, locked
// and destroyed from any thread (one WeakRef object by one thread at a
// time, like std::weak_ptr). A WeakRef to a thread-local object belongs to
// that object's thread.
class WeakRef {
 public:
  WeakRef() noexcept = default;
  // `target` (borrowed) must be a live Shared-Heap object; an uncounted
  // (arena, pinned, static) object has no lifetime to observe and is
  // rejected with MemoryError not_counted, null with null_pointer.
  explicit WeakRef(ObjectHeader* target);
  WeakRef(const WeakRef& other) noexcept;
  WeakRef(WeakRef&& other) noexcept : control_(other.control_) { other.control_ = nullptr; }
  WeakRef& operator=(WeakRef other) noexcept {
    std::swap(control_, other.control_);
    return *this;
  }
  ~WeakRef();

  // A new owned reference to the target, or null once it has died.
  ObjectHeader* lock() const noexcept;
  bool expired() const noexcept;

 private:
  impl::WeakControl* control_ = nullptr;
};

// Weak control blocks alive (SIGN_DEBUG-independent; for tests and leak checks).
std::size_t weak_controls_alive() noexcept;

}  // namespace sign
