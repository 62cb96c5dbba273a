// SPDX-License-Identifier: MIT
// What lives as long as the signc process does.
#pragma once

#include <memory>

namespace signc {

// Built with AddressSanitizer, ThreadSanitizer or MemorySanitizer.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// Hands `object` to the end of the process instead of destroying it: a
// module graph holds a node per expression of every module, and taking it
// apart visits them all, while the operating system takes the memory back
// at once (clang's -disable-free does the same). Sanitizer builds destroy
// it, so leak checking still sees everything.
template <class T>
void keep_until_exit(std::unique_ptr<T> object) {
  if constexpr (kSanitized) {
    object.reset();
  } else {
    static_cast<void>(object.release());
  }
}

}  // namespace signc
