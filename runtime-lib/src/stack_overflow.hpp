// SPDX-License-Identifier: MIT
// Reports a Sign program that outgrows its stack as an error, not a crash.
#pragma once

namespace sign::impl {

// While alive, a fault on the calling thread's stack guard (recursion deeper
// than the stack allows) prints "PROGRAM: error: stack overflow: …" and ends
// the process with exit code 1, as any other runtime error does; every other
// fault keeps its default action (a crash with a core dump).
//
// One program thread per process holds it: the signal handler is
// process-wide and reads the guarded range from static storage. Under a
// sanitizer it does nothing, the sanitizer reporting the overflow itself.
class StackOverflowReport {
 public:
  explicit StackOverflowReport(const char* program);
  ~StackOverflowReport();
  StackOverflowReport(const StackOverflowReport&) = delete;
  StackOverflowReport& operator=(const StackOverflowReport&) = delete;

 private:
  void* alternate_stack_ = nullptr;
};

}  // namespace sign::impl
