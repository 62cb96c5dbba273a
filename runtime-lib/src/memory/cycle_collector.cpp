// SPDX-License-Identifier: MIT
// The cycle collector (memory-model.md §5 "plus a (tracing) cycle
// collector"): synchronous trial deletion after Bacon & Rajan, "Concurrent
// Cycle Collection in Reference Counted Systems" (2001), sections 2-3, over
// the calling thread's candidate roots. Every phase uses an explicit stack,
// so a cycle of millions of objects does not overflow the C++ stack.
#include <sign/memory/shared_heap.hpp>

#include <algorithm>
#include <atomic>
#include <unordered_set>
#include <vector>

#include "block.hpp"
#include "internal.hpp"

namespace sign {
namespace detail {
namespace {

namespace hb = header_bits;
constexpr std::size_t kMinThreshold = 4096;

using Rc = std::atomic_ref<std::int32_t>;
std::int32_t rc(const ObjectHeader* o) noexcept { return rc_of(o); }
void set_rc(ObjectHeader* o, std::int32_t n) noexcept { Rc(o->rc).store(n, std::memory_order_relaxed); }
std::uint8_t colour(const ObjectHeader* o) noexcept { return region_bits(o) & hb::colour_mask; }
void paint(ObjectHeader* o, std::uint8_t c) noexcept {
  set_region_bits(o, static_cast<std::uint8_t>((region_bits(o) & ~hb::colour_mask) | c));
}
bool buffered(const ObjectHeader* o) noexcept { return (region_bits(o) & hb::buffered) != 0; }
void clear_bits(ObjectHeader* o, std::uint8_t bits) noexcept {
  set_region_bits(o, static_cast<std::uint8_t>(region_bits(o) & ~bits));
}

// Only this thread's counted heap objects take part. During a collection a
// gray object's count may drop to 0 (its references are all internal), so
// "counted" here is rc >= 0 with region heap and not dead. Shared, sticky
// and uncounted children are opaque: their counts are never touched.
bool traced(const ObjectHeader* c) noexcept {
  if (c == nullptr) return false;
  const std::uint8_t bits = region_bits(c);  // one load: c may be thread-shared
  if ((bits & hb::region_mask) != static_cast<std::uint8_t>(Region::heap) || (bits & hb::dead) != 0) return false;
  const std::int32_t n = rc(c);
  return n >= 0 && n < kStickyRc;
}

using Stack = std::vector<ObjectHeader*>;
template <class F>
void for_each_traced(ObjectHeader* o, F&& f) {
  for_each_child(
      o,
      [](ObjectHeader* c, void* ctx) {
        if (traced(c)) (*static_cast<F*>(ctx))(c);
      },
      &f);
}

// MarkGray: subtract every internal reference reachable from s.
void mark_gray(ObjectHeader* s, Stack& stack) {
  if (colour(s) == hb::gray) return;
  paint(s, hb::gray);
  stack.push_back(s);
  while (!stack.empty()) {
    ObjectHeader* o = stack.back();
    stack.pop_back();
    for_each_traced(o, [&](ObjectHeader* c) {
      set_rc(c, rc(c) - 1);
      if (colour(c) != hb::gray) {
        paint(c, hb::gray);
        stack.push_back(c);
      }
    });
  }
}

// ScanBlack: s is externally referenced; restore the counts it reaches.
void scan_black(ObjectHeader* s, Stack& stack) {
  paint(s, hb::black);
  stack.push_back(s);
  while (!stack.empty()) {
    ObjectHeader* o = stack.back();
    stack.pop_back();
    for_each_traced(o, [&](ObjectHeader* c) {
      set_rc(c, rc(c) + 1);
      if (colour(c) != hb::black) {
        paint(c, hb::black);
        stack.push_back(c);
      }
    });
  }
}

// Scan: gray objects left with a count are live (black), the rest white.
void scan(ObjectHeader* s, Stack& stack, Stack& black_stack) {
  stack.push_back(s);
  while (!stack.empty()) {
    ObjectHeader* o = stack.back();
    stack.pop_back();
    if (colour(o) != hb::gray) continue;
    if (rc(o) > 0) {
      scan_black(o, black_stack);
    } else {
      paint(o, hb::white);
      for_each_traced(o, [&](ObjectHeader* c) { stack.push_back(c); });
    }
  }
}

// CollectWhite: gather the white objects reachable from s (not buffered
// ones: their own turn in the root loop collects them).
void collect_white(ObjectHeader* s, Stack& stack, Stack& garbage) {
  if (colour(s) != hb::white || buffered(s)) return;
  paint(s, hb::black);
  garbage.push_back(s);
  stack.push_back(s);
  while (!stack.empty()) {
    ObjectHeader* o = stack.back();
    stack.pop_back();
    for_each_traced(o, [&](ObjectHeader* c) {
      if (colour(c) == hb::white && !buffered(c)) {
        paint(c, hb::black);
        garbage.push_back(c);
        stack.push_back(c);
      }
    });
  }
}

struct CandidateBuffer {
  Stack roots;
  std::size_t threshold = kMinThreshold;
  bool collecting = false;

  std::size_t collect() noexcept;
  ~CandidateBuffer() {
    collect();
    for (ObjectHeader* r : roots) clear_bits(r, hb::buffered);
  }
};
thread_local CandidateBuffer t_buffer;

std::size_t CandidateBuffer::collect() noexcept {
  if (collecting) return 0;
  collecting = true;
  std::size_t freed = 0;
  // Objects that died while buffered only wait for their block to be freed.
  Stack live;
  live.reserve(roots.size());
  for (ObjectHeader* r : roots) {
    if ((region_bits(r) & hb::dead) != 0) {
      free_heap_object(r);
      ++freed;
    } else {
      live.push_back(r);
    }
  }
  roots.swap(live);
  Stack stack, black_stack, garbage;
  for (ObjectHeader* r : roots) mark_gray(r, stack);
  for (ObjectHeader* r : roots) scan(r, stack, black_stack);
  Stack keep;
  for (ObjectHeader* r : roots) {
    if (colour(r) == hb::white) {
      clear_bits(r, hb::buffered);
      collect_white(r, stack, garbage);
    } else {
      keep.push_back(r);
    }
  }
  roots.swap(keep);
  // White objects' references to traced objects were subtracted for good;
  // their references to opaque objects (shared, uncounted) still count and
  // are dropped here, before any white block is freed.
  for (ObjectHeader* g : garbage) {
    for_each_child(
        g,
        [](ObjectHeader* c, void*) {
          if (!traced(c)) impl::drop(c);
        },
        nullptr);
  }
  for (ObjectHeader* g : garbage) {
    set_rc(g, 0);
    finish_heap_object(g);
    free_heap_object(g);
  }
  freed += garbage.size();
  threshold = std::max(kMinThreshold, 2 * roots.size());
  collecting = false;
  return freed;
}

}  // namespace

void unbuffer_candidates(const std::vector<ObjectHeader*>& objects) noexcept {
  const std::unordered_set<ObjectHeader*> gone(objects.begin(), objects.end());
  auto& roots = t_buffer.roots;
  roots.erase(std::remove_if(roots.begin(), roots.end(), [&](ObjectHeader* r) { return gone.count(r) != 0; }),
              roots.end());
}

}  // namespace detail

void SharedHeap::add_cycle_candidate(ObjectHeader* o) noexcept {
  if (o == nullptr || region_of(o) != Region::heap) return;
  const std::int32_t n = rc_of(o);
  if (n <= 0 || n >= kStickyRc || (region_bits(o) & header_bits::buffered) != 0) return;
  set_region_bits(o, region_bits(o) | header_bits::buffered);
  auto& buffer = detail::t_buffer;
  buffer.roots.push_back(o);
  if (buffer.roots.size() >= buffer.threshold) buffer.collect();
}

std::size_t SharedHeap::collect_cycles() noexcept { return detail::t_buffer.collect(); }

std::size_t SharedHeap::cycle_candidates() const noexcept { return detail::t_buffer.roots.size(); }

}  // namespace sign
