// SPDX-License-Identifier: MIT
// The shared `main` of Sign executables: load the entry module, print its value.
#include <sign/impl/entry.hpp>

#include <exception>
#include <string>
#include <sign/value.hpp>

#include <pthread.h>

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
  Value result;
  std::string error;  // a load that threw (the module registry refusing a second module of one name)
};

void load_into(StackRun& run) {
  try {
    run.result = run.load();
  } catch (const std::exception& e) {
    run.error = e.what();
  }
}

void* run_thread(void* arg) {
  load_into(*static_cast<StackRun*>(arg));
  return nullptr;
}

StackRun run_on_large_stack(ModuleLoad load) {
  StackRun run{load, Value(), {}};
  pthread_attr_t attr;
  pthread_t thread;
  const bool ok = pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, kProgramStack) == 0 &&
                  pthread_create(&thread, &attr, run_thread, &run) == 0;
  pthread_attr_destroy(&attr);
  if (ok) {
    pthread_join(thread, nullptr);
  } else {
    load_into(run);  // no thread (e.g. address space limits): run on this stack
  }
  return run;
}

}  // namespace

int run_entry(int argc, char** argv, ModuleLoad load) {
  bool json = false;
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
  const StackRun run = run_on_large_stack(load);
  if (!run.error.empty()) {
    std::cerr << argv[0] << ": error: " << run.error << '\n';
    return 1;
  }
  if (json) {
    write_json(std::cout, run.result);
  } else {
    write_literal(std::cout, run.result);
  }
  std::cout << '\n';
  return std::cout.good() ? 0 : 1;
}

}  // namespace sign::impl
