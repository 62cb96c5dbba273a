// SPDX-License-Identifier: MIT
// Front-end throughput on a generated 100,000-line Sign program (issue:
// "the front end processes a 100,000-line program in under 1 s"). Not a
// test: run on request (`build/dev/bin/bench-frontend`), results go to
// bench/RESULTS.md. The baseline in the same run is a plain read of the
// same bytes (std::count of newlines), so the figure can be compared
// across machines as a ratio.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>

#include "sema/sema.hpp"
#include "syntax/syntax.hpp"

namespace {

// A mix of what real programs contain: functions with match_case bodies,
// calls with partial application, lists and sections, value definitions.
std::string generate(int lines) {
  std::string s;
  s.reserve(static_cast<std::size_t>(lines) * 30);
  int written = 0;
  for (int i = 0; written < lines; ++i) {
    const std::string n = std::to_string(i);
    s += "f" + n + " : a b ?\n\ta > b : a - b + " + n + "\n\ta * 2 + (f" + std::to_string(i > 0 ? i - 1 : 0) +
         " a b)\n";
    s += "v" + n + " : f" + n + " " + n + " 3\n";
    s += "w" + n + " : [* 2,] [1 2 " + n + "]~\n";
    s += "` comment " + n + "\n";
    s += "c" + n + " : 1 < v" + n + " < 9 & v" + n + " | 0\n";
    written += 7;
  }
  return s;
}

const std::string& program() {
  static const std::string text = generate(100'000);
  return text;
}

void BM_ReadBaseline(benchmark::State& state) {
  const std::string& text = program();
  for (auto _ : state) benchmark::DoNotOptimize(std::count(text.begin(), text.end(), '\n'));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadBaseline)->Unit(benchmark::kMillisecond);

void BM_Lex(benchmark::State& state) {
  signc::SourceFile file("bench.sign", program());
  for (auto _ : state) {
    signc::Diagnostics diags;
    benchmark::DoNotOptimize(signc::syntax::lex(file, diags));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * program().size()));
}
BENCHMARK(BM_Lex)->Unit(benchmark::kMillisecond);

void BM_LexParse(benchmark::State& state) {
  signc::SourceFile file("bench.sign", program());
  for (auto _ : state) {
    signc::Diagnostics diags;
    const auto tokens = signc::syntax::lex(file, diags);
    benchmark::DoNotOptimize(signc::syntax::parse(file, tokens, diags));
  }
}
BENCHMARK(BM_LexParse)->Unit(benchmark::kMillisecond);

// The whole front end: lex, parse, pass 1, pass 2, pass 3.
void BM_FrontEnd100kLines(benchmark::State& state) {
  signc::SourceFile file("bench.sign", program());
  for (auto _ : state) {
    signc::Diagnostics diags;
    const auto tokens = signc::syntax::lex(file, diags);
    const auto tree = signc::syntax::parse(file, tokens, diags);
    const auto sema = signc::sema::analyze(file, tree, diags);
    if (diags.has_errors()) state.SkipWithError("the generated program has errors");
    benchmark::DoNotOptimize(sema.forms.size());
  }
  state.counters["lines"] = 100'000;
}
BENCHMARK(BM_FrontEnd100kLines)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
