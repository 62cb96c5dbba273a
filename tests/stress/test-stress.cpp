// SPDX-License-Identifier: MIT
// Multi-threaded stress test of ARC (thread-shared reference counts), the
// HandleTable, WeakRefs, shared cells and the §8 atomics (memory-model.md
// §5-§8), in the shape of mimalloc's test-stress.c. NOT a benchmark: it
// exists to run under ThreadSanitizer (tsan preset) and ASan, and to fail
// loudly if an object is freed early, twice, or never.
//
//   test-stress [THREADS [SCALE [ITER]]]
//     THREADS  threads per round (default 8)
//     SCALE    operations per thread per round (default 10000; 5000 under TSan)
//     ITER     rounds; every round starts fresh threads, so objects made by
//              one round's threads die on another's (default 40; 30 under TSan)
//
// Objects travel between threads through atomic slots (ownership moves
// with an exchange) and through handles; each carries a cookie derived from
// its address that is checked on every use and cleared by its finalizer.
#include <atomic>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include <sign/memory/cell.hpp>
#include <sign/memory/debug.hpp>
#include <sign/memory/error.hpp>
#include <sign/memory/handle_table.hpp>
#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>
#include <sign/memory/weak_ref.hpp>

using namespace sign;

namespace {

//=== the payload kind =========================================================
// Payload: cookie, child count, children (owned refs). The finalizer checks
// the cookie and clears it, so a second free or a use after free is seen.
struct Payload {
  std::uint64_t cookie;
  std::uint64_t count;
  ObjectHeader* children[2];
};
constexpr std::uint8_t kTag = 200;
std::atomic<std::uint64_t> g_made{0}, g_finalized{0}, g_errors{0};

std::uint64_t cookie_of(const ObjectHeader* o) {
  return (reinterpret_cast<std::uintptr_t>(o) * 0x9E3779B97F4A7C15ull) ^ 0x5157E55ull;
}
Payload& body(ObjectHeader* o) { return *static_cast<Payload*>(payload(o)); }

void fail(const char* what) {
  std::fprintf(stderr, "test-stress: %s\n", what);
  g_errors.fetch_add(1);
}
void check(ObjectHeader* o) {
  if (body(o).cookie != cookie_of(o)) fail("cookie mismatch: object used after free or corrupted");
}
void visit(ObjectHeader* self, ChildFn fn, void* ctx) {
  Payload& p = body(self);
  for (std::uint64_t i = 0; i < p.count; ++i) {
    if (p.children[i] != nullptr) fn(p.children[i], ctx);
  }
}
void finalize(ObjectHeader* self) noexcept {
  check(self);
  body(self).cookie = 0;
  g_finalized.fetch_add(1, std::memory_order_relaxed);
}

// A new thread-shared object holding up to two (owned) children.
ObjectHeader* make(ObjectHeader* a, ObjectHeader* b) {
  ObjectHeader* o = shared_heap().allocate_object(kTag, sizeof(Payload));
  body(o) = Payload{cookie_of(o), 2, {a, b}};
  shared_heap().share(o);
  g_made.fetch_add(1, std::memory_order_relaxed);
  return o;
}

//=== deterministic PRNG (splitmix64) ==========================================
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

//=== shared state =============================================================
constexpr std::size_t kSlots = 1024;
constexpr std::size_t kHandleSlots = 256;
struct World {
  std::vector<std::atomic<ObjectHeader*>> slots = std::vector<std::atomic<ObjectHeader*>>(kSlots);
  std::vector<std::atomic<Handle>> handles = std::vector<std::atomic<Handle>>(kHandleSlots);
  HandleTable table;
  ProjectArena globals{1};
  Cell<std::int64_t>* counter = globals.make_cell<std::int64_t>(0);
  Cell<ObjectHeader*>* global_ref = globals.make_cell<ObjectHeader*>(nullptr);
  std::atomic<std::int64_t> expected_counter{0};
  std::atomic<std::uint64_t> lookups{0}, stale{0};
};

// Puts `o` (owned) into a random slot; drops whatever was there.
void put(World& w, Rng& rng, ObjectHeader* o) {
  if (ObjectHeader* old = w.slots[rng.below(kSlots)].exchange(o, std::memory_order_acq_rel)) {
    check(old);
    impl::drop(old);
  }
}
// Takes the object out of a random slot (owned), or null.
ObjectHeader* take(World& w, Rng& rng) {
  return w.slots[rng.below(kSlots)].exchange(nullptr, std::memory_order_acq_rel);
}

void run_thread(World& w, std::uint64_t seed, std::size_t ops) {
  Rng rng{seed};
  for (std::size_t i = 0; i < ops; ++i) {
    switch (rng.below(10)) {
      case 0:
      case 1: {  // allocate, linking to up to two objects from other slots
        ObjectHeader* a = take(w, rng);
        ObjectHeader* b = take(w, rng);
        if (a != nullptr) impl::dup(a);  // one for the new object, one goes back
        put(w, rng, make(a, b));
        if (a != nullptr) put(w, rng, a);
        break;
      }
      case 2:
      case 3: {  // ARC traffic: copies and drops of a shared object and its children
        ObjectHeader* o = take(w, rng);
        if (o == nullptr) break;
        check(o);
        for (int k = 0; k < 4; ++k) impl::dup(o);
        for (ObjectHeader* c : body(o).children) {
          if (c == nullptr) continue;
          check(c);
          impl::dup(c);
          put(w, rng, c);  // the child now also lives in a slot
        }
        for (int k = 0; k < 4; ++k) impl::drop(o);
        put(w, rng, o);
        break;
      }
      case 4: {  // export through a handle
        ObjectHeader* o = take(w, rng);
        if (o == nullptr) break;
        impl::dup(o);
        const Handle h = w.table.create_handle(o);
        put(w, rng, o);
        if (const Handle old = w.handles[rng.below(kHandleSlots)].exchange(h, std::memory_order_acq_rel)) {
          w.table.release_handle(old);  // exclusively ours now: must succeed
        }
        break;
      }
      case 5:
      case 6: {  // look a handle up while others may release it
        const Handle h = w.handles[rng.below(kHandleSlots)].load(std::memory_order_acquire);
        if (h == 0) break;
        try {
          ObjectHeader* o = w.table.lookup_handle(h);
          check(o);
          impl::drop(o);
          w.lookups.fetch_add(1, std::memory_order_relaxed);
        } catch (const MemoryError& e) {
          if (e.code() != MemoryErrc::stale_handle) fail(e.what());
          w.stale.fetch_add(1, std::memory_order_relaxed);
        }
        break;
      }
      case 7: {  // a weak back link, upgraded after the object went back
        ObjectHeader* o = take(w, rng);
        if (o == nullptr) break;
        WeakRef weak(o);
        put(w, rng, o);
        if (ObjectHeader* again = weak.lock()) {
          check(again);
          impl::drop(again);
        }
        break;
      }
      case 8: {  // a module global ref cell, assigned and read by everyone
        if (rng.below(2) == 0) {
          ObjectHeader* o = take(w, rng);
          if (o != nullptr) impl::drop(assign(w.global_ref, o));
        } else if (ObjectHeader* o = deref(w.global_ref)) {
          check(o);
          impl::drop(o);
        }
        break;
      }
      default: {  // §8 atomics on a shared Int cell
        const std::int64_t n = static_cast<std::int64_t>(rng.below(5));
        atomic_inc(w.counter);
        fetch_add(w.counter, n);
        w.expected_counter.fetch_add(n + 1, std::memory_order_relaxed);
        break;
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t threads = 8, scale = SIGN_TSAN ? 5000 : 10000, iter = SIGN_TSAN ? 30 : 40;
  if (argc > 1) threads = std::strtoul(argv[1], nullptr, 10);
  if (argc > 2) scale = std::strtoul(argv[2], nullptr, 10);
  if (argc > 3) iter = std::strtoul(argv[3], nullptr, 10);
  register_kind(kTag, KindOps{"stress_payload", visit, finalize});
  std::printf("test-stress: %zu threads x %zu ops x %zu rounds = %zu operations\n", threads, scale, iter,
              threads * scale * iter);

  {
    World w;
    for (std::size_t round = 0; round < iter; ++round) {
      std::vector<std::thread> pool;
      for (std::size_t t = 0; t < threads; ++t) {
        pool.emplace_back(run_thread, std::ref(w), round * 1000003 + t * 7919 + 1, scale);
      }
      for (auto& t : pool) t.join();
      if (!w.table.is_valid()) fail("handle table invariant broken");
    }
    if (deref(w.counter) != w.expected_counter.load()) fail("atomic_inc/fetch_add lost an update");
    std::printf("test-stress: %" PRIu64 " lookups, %" PRIu64 " stale handles seen\n", w.lookups.load(),
                w.stale.load());
    // Drain: every object must die exactly once.
    for (auto& h : w.handles) {
      if (const Handle x = h.exchange(0)) w.table.release_handle(x);
    }
    for (auto& s : w.slots) {
      if (ObjectHeader* o = s.exchange(nullptr)) impl::drop(o);
    }
    assign(w.global_ref, nullptr);  // drops the last content
    if (w.table.size() != 0) fail("handles left in the table");
  }  // World: the arena drops the global cell's content
  std::printf("test-stress: %" PRIu64 " objects made, %" PRIu64 " finalized\n", g_made.load(), g_finalized.load());
  if (g_made.load() != g_finalized.load()) fail("objects leaked or freed twice");
  if (g_errors.load() != 0) {
    std::fprintf(stderr, "test-stress: FAILED with %" PRIu64 " errors\n", g_errors.load());
    return 1;
  }
  std::printf("test-stress: ok\n");
  return 0;
}
