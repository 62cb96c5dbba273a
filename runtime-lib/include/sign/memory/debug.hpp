// SPDX-License-Identifier: MIT
// SIGN_DEBUG: graded run-time checking of the memory library, 0-3, in the
// spirit of mimalloc's MI_DEBUG. No level changes a layout or a signature, so
// code built at one level links with a runtime built at another.
#pragma once

// 0  the always-on checks only: every public entry point that takes a
//    pointer, handle or module id from outside validates it (MemoryError);
// 1  + invariant checks on the slow paths (a freed header reaching
//      drop_slow aborts with a message instead of being ignored), counters;
// 2  + released arena and pinned memory is filled with a poison pattern
//      before it is reused or returned (ASan builds always poison);
// 3  + full walkers (ProjectArena::is_valid, HandleTable::is_valid) after
//      every mutation. Stress tests call the walkers themselves.
#ifndef SIGN_DEBUG
#ifdef NDEBUG
#define SIGN_DEBUG 0
#else
#define SIGN_DEBUG 2
#endif
#endif

#if defined(__SANITIZE_ADDRESS__)
#define SIGN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIGN_ASAN 1
#endif
#endif
#ifndef SIGN_ASAN
#define SIGN_ASAN 0
#endif

#if defined(__SANITIZE_THREAD__)
#define SIGN_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SIGN_TSAN 1
#endif
#endif
#ifndef SIGN_TSAN
#define SIGN_TSAN 0
#endif

namespace sign::impl {

// Reports a broken runtime invariant on stderr and aborts; used where a
// noexcept path (dup/drop) finds memory it cannot trust.
[[noreturn]] void fatal(const char* what) noexcept;

}  // namespace sign::impl
