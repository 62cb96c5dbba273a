// SPDX-License-Identifier: MIT
// sign::simd — the byte primitives under string/list copies and region
// zeroing (memory-model.md §1), vectorised through xsimd: NEON on aarch64,
// the build's best ISA on x86. copy() is declared in copy.hpp.
//
// Contract, for every function here and for copy() (like mimalloc's prim.h):
//   - pointers may have any alignment: vector loads and stores are
//     unaligned, so a 16-byte aligned region (arena and heap payloads are)
//     is merely the fast case;
//   - source and destination ranges must not overlap;
//   - size 0 is allowed, touches nothing and compares equal;
//   - the tail shorter than one vector is handled with scalar accesses, so no
//     byte outside the given ranges is read or written;
//   - each function has a *_scalar twin: the same result byte for byte, one
//     byte per step, kept for differential tests and benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>

#include <sign/simd/copy.hpp>

namespace sign::simd {

// Sets `size` bytes at `dst` to `byte`.
void fill(void* dst, std::uint8_t byte, std::size_t size) noexcept;
void fill_scalar(void* dst, std::uint8_t byte, std::size_t size) noexcept;

// Sets `size` bytes at `dst` to zero (allocation zeroing).
void zero(void* dst, std::size_t size) noexcept;
void zero_scalar(void* dst, std::size_t size) noexcept;

// Orders two byte ranges like memcmp, as unsigned bytes: -1, 0 or 1 (always
// exactly one of the three, unlike memcmp's "some negative number").
int compare(const void* a, const void* b, std::size_t size) noexcept;
int compare_scalar(const void* a, const void* b, std::size_t size) noexcept;

// True if the two ranges hold the same bytes.
bool equal(const void* a, const void* b, std::size_t size) noexcept;
bool equal_scalar(const void* a, const void* b, std::size_t size) noexcept;

// Bytes per vector on this build (16 on NEON and SSE2).
std::size_t vector_width() noexcept;

}  // namespace sign::simd
