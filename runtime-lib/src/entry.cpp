// SPDX-License-Identifier: MIT
// The shared `main` of Sign executables: load the entry module, print its value.
#include <sign/impl/entry.hpp>
#include <sign/memory/debug.hpp>

#include <exception>
#include <string>
#include <sign/value.hpp>

#include "stack_overflow.hpp"

#include <pthread.h>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <cstring>
#include <iostream>

namespace sign::impl {
namespace {

// Deep non-tail recursion is ordinary in Sign (a list walk recurses once per
// element), so a program runs on a thread whose stack is reserved large and
// committed only as it is touched: 100,000 nested calls must not crash
// where the 8 MiB default stack would.
constexpr std::size_t kProgramStack = std::size_t{1} << 30;

struct StackRun {
  ModuleLoad load;
  bool json = false;
  const char* program = "";
  bool exits = false;  // the program thread ends the process (run_program)
  int code = 1;
};

// Loads the module and prints its value (or the error a load threw: the
// module registry refusing a second module of one name); the exit code.
int load_and_print(const StackRun& run) {
  const StackOverflowReport overflow_report(run.program);
  Value result;
  try {
    result = run.load();
  } catch (const std::exception& e) {
    std::cerr << run.program << ": error: " << e.what() << '\n';
    return 1;
  }
  if (run.json) {
    write_json(std::cout, result);
  } else {
    write_literal(std::cout, result);
  }
  std::cout << '\n';
  std::cout.flush();
  return std::cout.good() ? 0 : 1;
}

// A program's thread ends the process itself: a thread that returned would
// first hand its allocator heap back (mimalloc's thread teardown, about a
// millisecond — as long as a short program runs). Outside sanitizer builds
// (whose leak checks run at exit) it ends it at once, its output flushed:
// what the module's variables hold is memory the system takes back whole,
// where releasing it value by value (a List of 4·10^6 elements is 64 MB
// read) took up to a tenth of a program's time.
void* run_thread(void* arg) {
  auto& run = *static_cast<StackRun*>(arg);
  run.code = load_and_print(run);
  if (!run.exits) return nullptr;
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  if constexpr (!SIGN_ASAN && !SIGN_TSAN) std::_Exit(run.code);
  std::exit(run.code);
}

int run_on_large_stack(StackRun run) {
  pthread_attr_t attr;
  pthread_t thread;
  const bool ok = pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, kProgramStack) == 0 &&
                  pthread_create(&thread, &attr, run_thread, &run) == 0;
  pthread_attr_destroy(&attr);
  if (!ok) return load_and_print(run);  // no thread (e.g. address space limits): run on this stack
  pthread_join(thread, nullptr);
  return run.code;
}

// The options before `--`; returns the exit code if they end the run (`--help`, an unknown one).
std::optional<int> read_options(int argc, char** argv, bool& json) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0) {
      json = true;
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << "usage: " << argv[0] << " [--json]\n"
                << "Runs the Sign program and prints its value (the last top-level\n"
                << "expression) in Sign literal form, or as one line of JSON.\n";
      return 0;
    } else if (std::strcmp(argv[i], "--") == 0) {
      break;  // the rest belongs to the program
    } else if (argv[i][0] == '-' && argv[i][1] == '-') {
      std::cerr << argv[0] << ": error: unknown option '" << argv[i] << "' (try --help)\n";
      return 1;
    }
  }
  return std::nullopt;
}

int run(int argc, char** argv, ModuleLoad load, bool exits) {
  bool json = false;
  if (const auto code = read_options(argc, argv, json)) return *code;
  return run_on_large_stack(StackRun{load, json, argv[0], exits});
}

}  // namespace

int run_entry(int argc, char** argv, ModuleLoad load) { return run(argc, argv, load, false); }

int run_program(int argc, char** argv, ModuleLoad load) { return run(argc, argv, load, true); }

}  // namespace sign::impl
