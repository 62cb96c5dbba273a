// SPDX-License-Identifier: MIT
// Memory-library benchmarks (memory-model.md §1, §6), each against the
// baseline the issue names, measured in the same run:
//   ProjectArena allocation   vs std::pmr::monotonic_buffer_resource, malloc
//   SharedHeap alloc+release  vs std::make_shared, mimalloc direct
//   RC dup/drop               vs std::shared_ptr copies
// Ratios go to bench/RESULTS.md.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <memory_resource>
#include <vector>

#include <mimalloc.h>

#include <sign/memory/project_arena.hpp>
#include <sign/memory/shared_heap.hpp>

namespace {

// One batch = kBatch allocations of `size` bytes, then the region is reset
// (the unload of a module, in miniature). Both bump allocators start from
// a retained buffer big enough for a batch, so neither pays the OS.
constexpr int kBatch = 1000;

//=== ProjectArena vs pmr vs malloc ============================================
void BM_arena_allocate(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  sign::ProjectArena arena(1, sign::ArenaOptions{1u << 17, 1u << 20});
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) benchmark::DoNotOptimize(arena.allocate(size));
    arena.reset();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BM_pmr_monotonic_allocate(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  std::vector<std::byte> buffer(1u << 17);
  std::pmr::monotonic_buffer_resource pmr(buffer.data(), buffer.size());
  std::pmr::memory_resource* r = &pmr;  // the way pmr containers call it: virtually
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) benchmark::DoNotOptimize(r->allocate(size, 16));
    pmr.release();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BM_malloc_allocate(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  std::vector<void*> blocks(kBatch);
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) {
      blocks[i] = std::malloc(size);
      benchmark::DoNotOptimize(blocks[i]);
    }
    for (void* b : blocks) std::free(b);  // a malloc'ed "arena" is freed one by one
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

// `# e` for a 16-byte value: header, zeroed payload, module tag.
void BM_arena_allocate_object(benchmark::State& state) {
  sign::ProjectArena arena(1, sign::ArenaOptions{1u << 17, 1u << 20});
  for (auto _ : state) {
    for (int i = 0; i < kBatch; ++i) benchmark::DoNotOptimize(arena.allocate_object(sign::tags::bytes, 16));
    arena.reset();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

BENCHMARK(BM_arena_allocate)->Arg(16)->Arg(64);
BENCHMARK(BM_pmr_monotonic_allocate)->Arg(16)->Arg(64);
BENCHMARK(BM_malloc_allocate)->Arg(16)->Arg(64);
BENCHMARK(BM_arena_allocate_object);

//=== SharedHeap alloc+release vs make_shared vs mimalloc =======================
// A 32-byte payload, allocated and released at once (the common short-lived
// boxed value).
void BM_heap_alloc_release(benchmark::State& state) {
  for (auto _ : state) {
    sign::ObjectHeader* o = sign::shared_heap().allocate_object(sign::tags::bytes, 32);
    benchmark::DoNotOptimize(o);
    sign::impl::drop(o);
  }
}

void BM_make_shared_alloc_release(benchmark::State& state) {
  for (auto _ : state) {
    auto p = std::make_shared<std::array<std::byte, 32>>();  // value-initialised, like ours
    benchmark::DoNotOptimize(p.get());
  }
}

void BM_mimalloc_alloc_free(benchmark::State& state) {
  for (auto _ : state) {
    void* p = mi_zalloc(48);  // our block: cookie word + header + 32 bytes
    benchmark::DoNotOptimize(p);
    mi_free(p);
  }
}

BENCHMARK(BM_heap_alloc_release);
BENCHMARK(BM_make_shared_alloc_release);
BENCHMARK(BM_mimalloc_alloc_free);

//=== RC: dup/drop vs shared_ptr copies ==========================================
// One "copy" = one increment and one decrement of a live object's count.
void BM_rc_dup_drop_thread_local(benchmark::State& state) {
  sign::ObjectHeader* o = sign::shared_heap().allocate_object(sign::tags::bytes, 32);
  for (auto _ : state) {
    sign::impl::dup(o);
    benchmark::ClobberMemory();
    sign::impl::drop(o);
    benchmark::ClobberMemory();
  }
  sign::impl::drop(o);
}

void BM_rc_dup_drop_thread_shared(benchmark::State& state) {
  sign::ObjectHeader* o = sign::shared_heap().allocate_object(sign::tags::bytes, 32);
  sign::shared_heap().share(o);
  for (auto _ : state) {
    sign::impl::dup(o);
    benchmark::ClobberMemory();
    sign::impl::drop(o);
    benchmark::ClobberMemory();
  }
  sign::impl::drop(o);
}

void BM_shared_ptr_copy(benchmark::State& state) {
  auto p = std::make_shared<std::array<std::byte, 32>>();
  for (auto _ : state) {
    std::shared_ptr<std::array<std::byte, 32>> copy = p;  // atomic inc (the program has threads)
    benchmark::ClobberMemory();
    copy.reset();  // atomic dec
    benchmark::ClobberMemory();
  }
}

BENCHMARK(BM_rc_dup_drop_thread_local);
BENCHMARK(BM_rc_dup_drop_thread_shared);
BENCHMARK(BM_shared_ptr_copy);

}  // namespace

BENCHMARK_MAIN();
