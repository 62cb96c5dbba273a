// SPDX-License-Identifier: MIT
// sign::simd copy — the byte-copy primitive under string/list copies and
// arena moves (memory-model.md §1), vectorised through xsimd: NEON on
// aarch64, the build's best ISA on x86.
//
// Contract (stated once, like mimalloc's prim.h):
//   - dst and src may have any alignment; vector loads/stores are unaligned;
//   - the ranges must not overlap (use memmove semantics elsewhere);
//   - size 0 is allowed and touches nothing;
//   - the tail shorter than one vector is copied with scalar stores, so not a
//     byte outside [dst, dst + size) is written.
#pragma once

#include <cstddef>

namespace sign::simd {

// Copies `size` bytes from `src` to `dst` with vector loads/stores.
void copy(void* dst, const void* src, std::size_t size) noexcept;

// The scalar reference the vector path is tested against.
void copy_scalar(void* dst, const void* src, std::size_t size) noexcept;

// Bytes moved per vector iteration on this build (16 on NEON and SSE2).
std::size_t copy_vector_width() noexcept;

}  // namespace sign::simd
