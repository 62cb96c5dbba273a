// SPDX-License-Identifier: MIT
// `signc run`. The cache key covers everything that decides the executable —
// signc's version, the compiler and flags of run-config.json, and the
// generated C++ — so a hit can be trusted and a second run of an unchanged
// program starts the cached binary without compiling.
#include "driver/run.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "driver/output.hpp"
#include "driver/pipeline.hpp"
#include "support/text_cache.hpp"

extern char** environ;

namespace signc::driver {
namespace fs = std::filesystem;

namespace {

struct RunConfig {
  std::string text;  // the file as read: part of the cache key
  std::string compiler;
  std::vector<std::string> compile_flags;
  std::vector<std::string> include_dirs;
  std::vector<std::string> link;
};

fs::path executable_dir() {
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

std::string read_text(const fs::path& p) { return read_text_file(p).value_or(""); }

// run-config.json is written by CMake next to signc (build tree) or installed
// with it; "@prefix@" in a path stands for the directory above bin/.
std::optional<RunConfig> load_run_config(Diagnostics& diags) {
  const fs::path prefix = (executable_dir() / "..").lexically_normal();
  const fs::path path = prefix / "share" / "sign" / "run-config.json";
  RunConfig cfg;
  cfg.text = read_text(path);
  if (cfg.text.empty()) {
    diags.error("cannot read " + path.string() + "; signc run needs the runtime it was built with");
    return std::nullopt;
  }
  try {
    const auto j = nlohmann::json::parse(cfg.text);
    auto expand = [&](std::string s) {
      if (s.starts_with("@prefix@")) s = prefix.string() + s.substr(8);
      return s;
    };
    cfg.compiler = expand(j.at("compiler").get<std::string>());
    for (const auto& f : j.at("compile_flags")) cfg.compile_flags.push_back(expand(f.get<std::string>()));
    for (const auto& f : j.at("include_dirs")) cfg.include_dirs.push_back(expand(f.get<std::string>()));
    for (const auto& f : j.at("link")) cfg.link.push_back(expand(f.get<std::string>()));
  } catch (const nlohmann::json::exception& e) {
    diags.error(path.string() + ": " + e.what());
    return std::nullopt;
  }
  return cfg;
}

// Runs argv[0] with stdout and stderr sent to `log`; returns its exit status.
int spawn_and_wait(const std::vector<std::string>& argv, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The runtime headers, precompiled once per compiler, flags and header
// text: the compile of each program then skips parsing them. Returns the
// header to -include (its .gch beside it), or nothing if the precompiled
// header cannot be built — the program then compiles without it.
std::optional<fs::path> runtime_pch(const RunConfig& cfg, const fs::path& root, bool verbose) {
  // A .gch does not notice its headers changing: their text is in the key.
  std::string key = cfg.text;
  std::error_code ec;
  for (const auto& inc : cfg.include_dirs) {
    std::vector<fs::path> headers;
    for (auto it = fs::recursive_directory_iterator(fs::path(inc) / "sign", ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec)) headers.push_back(it->path());
    }
    std::sort(headers.begin(), headers.end());
    for (const auto& h : headers) key += "\n--" + h.string() + "--\n" + read_text(h);
  }
  const fs::path dir = root / ("pch-" + fnv1a_hex(key));
  const fs::path header = dir / "sign-run.hpp";
  if (fs::exists(header.string() + ".gch", ec)) return header;
  Diagnostics quiet;
  const fs::path tmp = root / (dir.filename().string() + ".tmp." + std::to_string(::getpid()));
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  std::vector<std::string> cmd = {cfg.compiler};
  cmd.insert(cmd.end(), cfg.compile_flags.begin(), cfg.compile_flags.end());
  for (const auto& inc : cfg.include_dirs) cmd.push_back("-I" + inc);
  cmd.insert(cmd.end(), {"-x", "c++-header", (tmp / "sign-run.hpp").string(), "-o", (tmp / "sign-run.hpp.gch").string()});
  const bool built = write_atomically((tmp / "sign-run.hpp").string(),
                                      "// Generated by signc run: what every program includes, precompiled.\n"
                                      "#include <sign/runtime.hpp>\n#include <sign/impl/entry.hpp>\n",
                                      WriteMode::Always, quiet) &&
                     spawn_and_wait(cmd, tmp / "compile.log") == 0;
  if (verbose) std::cerr << "signc: precompiled runtime header " << (built ? "built: " : "failed: ") << dir.string() << '\n';
  if (built) fs::rename(tmp, dir, ec);  // fails harmlessly if another signc run published it first
  fs::remove_all(tmp, ec);
  return fs::exists(header.string() + ".gch", ec) ? std::optional<fs::path>(header) : std::nullopt;
}

// The program's TUs are compiled as one (program.cpp includes them all):
// the runtime header is parsed once, not once per TU, which halves the
// compile time of a one-module program. Every module lives in its own
// namespace, so they share a TU without clashes.
bool compile_program(const RunConfig& cfg, const fs::path& dir, const std::vector<std::string>& sources,
                     const std::optional<fs::path>& pch, bool verbose, Diagnostics& diags) {
  std::string unity = "// Generated by signc run: the program's translation units, compiled as one.\n";
  for (const auto& src : sources) unity += "#include \"" + src + "\"\n";
  if (!write_atomically((dir / "program.cpp").string(), unity, WriteMode::Always, diags)) return false;
  std::vector<std::string> cmd = {cfg.compiler};
  cmd.insert(cmd.end(), cfg.compile_flags.begin(), cfg.compile_flags.end());
  cmd.push_back("-I" + dir.string());
  for (const auto& inc : cfg.include_dirs) cmd.push_back("-I" + inc);
  if (pch) cmd.insert(cmd.end(), {"-include", pch->string()});
  cmd.push_back((dir / "program.cpp").string());
  cmd.insert(cmd.end(), cfg.link.begin(), cfg.link.end());
  cmd.push_back("-o");
  cmd.push_back((dir / "program").string());
  if (verbose) {
    std::cerr << "signc: compiling:";
    for (const auto& a : cmd) std::cerr << ' ' << a;
    std::cerr << '\n';
  }
  const fs::path log = dir / "compile.log";
  if (spawn_and_wait(cmd, log) == 0) return true;
  diags.error("internal error: the C++ generated for this program did not compile (this is a signc bug); "
              "compiler output:\n" + read_text(log));
  return false;
}

// One file of the program as generated: its name in the cache entry and text.
struct GeneratedFile {
  std::string name;
  std::string text;
  bool compiled = false;  // a TU (not a header)
};

}  // namespace

int run_program(const RunOptions& options, Diagnostics& diags) {
  sema::Options sopts;
  sopts.strict_alloc = options.strict_alloc;
  ModuleGraph graph(options.import_dirs, sopts);
  const std::vector<Translation*> modules = graph.program(options.file, diags);
  if (modules.empty()) return 1;
  // Not formatted: nobody reads it, and formatting would load LLVM.
  std::vector<GeneratedFile> files;
  std::map<std::string, std::string> header_of;  // module path -> its header's text
  for (Translation* t : modules) {
    const auto eopts = emit_options(t->file->path(), emit::LineDirectives::Absolute, false, "sign_mod");
    auto text = emit::emit_module(t->module, t->stem, eopts, diags);
    if (!text) return 1;
    header_of[t->path] = text->hpp;
    files.push_back({text->hpp_name, std::move(text->hpp), false});
    files.push_back({text->cpp_name, std::move(text->cpp), true});
    if (t == modules.front()) {
      auto main_text = emit::emit_entry_main(t->module, t->stem, eopts, diags);
      if (!main_text) return 1;
      files.push_back({t->stem + ".main.cpp", std::move(*main_text), true});
    }
  }
  // Every TU sits in one directory; an import spelled with a directory
  // (`` `util/x.sign`@ `` includes "util/x.sign.hpp") gets its header there too.
  for (Translation* t : modules) {
    for (const auto& [spelling, path] : t->imported_headers) {
      if (spelling.find('/') != std::string::npos) files.push_back({spelling, header_of.at(path), false});
    }
  }
  auto cfg = load_run_config(diags);
  if (!cfg) return 1;

  std::string key = std::string("signc " SIGN_VERSION "\n") + cfg->text;
  // The libraries linked in (a rebuilt runtime in a build tree) by size and
  // time: a cached program linked against an older one is not reused.
  for (const auto& lib : cfg->link) {
    std::error_code ec;
    const auto size = fs::file_size(lib, ec);
    const auto time = fs::last_write_time(lib, ec).time_since_epoch().count();
    if (!ec) key += "\n--link " + lib + " " + std::to_string(size) + " " + std::to_string(time);
  }
  for (const auto& f : files) key += "\n--" + f.name + "--\n" + f.text;
  const fs::path root = cache_root();
  const fs::path entry = root / fnv1a_hex(key);
  const fs::path program = entry / "program";
  std::error_code ec;
  const bool hit = fs::exists(program, ec) && read_text(entry / "key") == key;
  if (options.verbose) std::cerr << "signc: cache " << (hit ? "hit: " : "miss: ") << entry.string() << '\n';
  if (!hit) {
    fs::create_directories(root, ec);
    const fs::path tmp = root / (entry.filename().string() + ".tmp." + std::to_string(::getpid()));
    fs::remove_all(tmp, ec);
    if (!fs::create_directories(tmp, ec)) {
      diags.error("cannot create the cache directory " + tmp.string() + ": " + ec.message());
      return 1;
    }
    bool ok = true;
    std::vector<std::string> sources;
    for (const auto& f : files) {
      fs::create_directories((tmp / f.name).parent_path(), ec);
      ok = ok && write_atomically((tmp / f.name).string(), f.text, WriteMode::Always, diags);
      if (f.compiled) sources.push_back(f.name);
    }
    const auto pch = runtime_pch(*cfg, root, options.verbose);
    ok = ok && compile_program(*cfg, tmp, sources, pch, options.verbose, diags) &&
         write_atomically((tmp / "key").string(), key, WriteMode::Always, diags);
    if (!ok) {
      fs::remove_all(tmp, ec);
      return 1;
    }
    fs::remove_all(entry, ec);  // a stale entry with a different key (collision)
    fs::rename(tmp, entry, ec);
    if (ec) fs::remove_all(tmp, ec);  // another signc run published the same entry first
  }

  diags.print(std::cerr);  // warnings, before the program owns the terminal
  std::vector<std::string> argv = {program.string()};
  if (options.json) argv.push_back("--json");
  argv.push_back("--");
  argv.insert(argv.end(), options.args.begin(), options.args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  ::execv(cargv[0], cargv.data());
  std::cerr << "signc: error: cannot execute " << program.string() << ": " << std::strerror(errno) << '\n';
  return 1;
}

}  // namespace signc::driver
