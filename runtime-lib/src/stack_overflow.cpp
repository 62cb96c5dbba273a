// SPDX-License-Identifier: MIT
#include "stack_overflow.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SIGN_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SIGN_SANITIZED 1
#endif
#endif

namespace sign::impl {
namespace {

// The handler runs on a stack of its own: the faulting thread has none left.
constexpr std::size_t kAlternateStack = std::size_t{64} << 10;
// A frame larger than the guard page faults below it; a fault this far below
// the stack's low end still counts as the stack's.
constexpr std::uintptr_t kBelowStack = std::uintptr_t{1} << 20;
constexpr std::uintptr_t kAboveStack = std::uintptr_t{64} << 10;

// What the handler needs, set before it is installed. Static, not
// thread_local: reading TLS in a signal handler is not async-signal-safe.
std::uintptr_t stack_low = 0;
const char* program_name = "";

void write_all(const char* text) {
  for (std::size_t left = std::strlen(text); left > 0;) {
    const ssize_t n = ::write(STDERR_FILENO, text, left);
    if (n <= 0) return;
    text += n;
    left -= static_cast<std::size_t>(n);
  }
}

void on_fault(int, siginfo_t* info, void*) {
  const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  if (address + kBelowStack >= stack_low && address < stack_low + kAboveStack) {
    write_all(program_name);
    write_all(": error: stack overflow: the program recursed deeper than its stack allows"
              " (a call in tail position does not grow the stack)\n");
    ::_exit(1);
  }
  // Not the stack: SA_RESETHAND restored the default action, so returning
  // re-runs the faulting instruction into an ordinary crash.
}

// The lowest address of the calling thread's stack, or 0 if unknown.
std::uintptr_t current_stack_low() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* low = nullptr;
  std::size_t size = 0;
  const bool ok = pthread_attr_getstack(&attr, &low, &size) == 0;
  pthread_attr_destroy(&attr);
  return ok ? reinterpret_cast<std::uintptr_t>(low) : 0;
}

}  // namespace

StackOverflowReport::StackOverflowReport(const char* program) {
#ifndef SIGN_SANITIZED
  stack_low = current_stack_low();
  if (stack_low == 0) return;
  void* stack = ::mmap(nullptr, kAlternateStack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (stack == MAP_FAILED) return;
  stack_t alternate{};
  alternate.ss_sp = stack;
  alternate.ss_size = kAlternateStack;
  if (::sigaltstack(&alternate, nullptr) != 0) {
    ::munmap(stack, kAlternateStack);
    return;
  }
  alternate_stack_ = stack;
  program_name = program;
  struct sigaction action {};
  action.sa_sigaction = on_fault;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGSEGV, &action, nullptr);
#else
  (void)program;
#endif
}

StackOverflowReport::~StackOverflowReport() {
  if (alternate_stack_ == nullptr) return;
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGSEGV, &action, nullptr);
  stack_t disabled{};
  disabled.ss_flags = SS_DISABLE;
  ::sigaltstack(&disabled, nullptr);
  ::munmap(alternate_stack_, kAlternateStack);
}

}  // namespace sign::impl
