// SPDX-License-Identifier: MIT
// The signc command line (DESIGN "Command line").
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "driver/driver.hpp"
#include "driver/output.hpp"
#include "driver/pipeline.hpp"
#include "driver/run.hpp"
#include "sexpr/sexpr.hpp"
#include "support/process_lifetime.hpp"
#include "support/text_cache.hpp"

namespace signc::driver {
namespace fs = std::filesystem;

namespace {

#define SIGN_STRINGIFY2(x) #x
#define SIGN_STRINGIFY(x) SIGN_STRINGIFY2(x)
constexpr const char* kVersion = "signc " SIGN_VERSION " (Sign runtime ABI " SIGN_STRINGIFY(SIGN_RUNTIME_ABI) ")";

struct BuildOptions {
  std::vector<std::string> files;
  std::string out_dir = ".";
  std::string depfile;
  std::vector<std::string> import_dirs;
  std::string line_directives = "relative";
  bool no_line = false;
  bool no_format = false;
  bool no_format_cache = false;
  bool entry = false;
  bool write_if_changed = false;
  std::string root_namespace = "sign_mod";
  sema::Options sema;
};

emit::LineDirectives line_mode(const BuildOptions& o) {
  if (o.no_line || o.line_directives == "none") return emit::LineDirectives::None;
  return o.line_directives == "absolute" ? emit::LineDirectives::Absolute : emit::LineDirectives::Relative;
}

emit::Options codegen_options(const std::string& file, const BuildOptions& o) {
  emit::Options options = emit_options(file, line_mode(o), !o.no_format, o.root_namespace);
  if (!o.no_format_cache) options.format_cache_dir = (cache_root() / "format").string();
  return options;
}

int finish(const Diagnostics& diags) {
  diags.print(std::cerr);
  return diags.has_errors() ? 1 : 0;
}

// signc build: one .sign.cpp/.sign.hpp/.sign.d per input; an input with
// errors leaves none of its outputs behind.
int build(const BuildOptions& o) {
  Diagnostics diags;
  if (!o.depfile.empty() && o.files.size() != 1) {
    diags.error("--depfile needs exactly one input file (without it, each input gets OUT/NAME.sign.d)");
    return finish(diags);
  }
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (!fs::is_directory(o.out_dir, ec)) {
    diags.error("cannot create the output directory '" + o.out_dir + "'");
    return finish(diags);
  }
  const WriteMode mode = o.write_if_changed ? WriteMode::IfChanged : WriteMode::Always;
  bool failed = false;
  auto graph = std::make_unique<ModuleGraph>(o.import_dirs, o.sema);  // modules imported by several inputs are read once
  for (const auto& file : o.files) {
    Diagnostics file_diags;
    Translation* t = graph->translate(file, Stage::Ir, file_diags);
    const std::string stem = fs::path(file).filename().string();
    std::optional<emit::ModuleText> text;
    std::optional<std::string> main_text;
    const auto eopts = codegen_options(file, o);
    const std::string base = t ? t->stem : stem.substr(0, stem.find('.'));
    const fs::path out = fs::path(o.out_dir);
    const std::string cpp_path = (out / (base + ".sign.cpp")).string();
    const std::string hpp_path = (out / (base + ".sign.hpp")).string();
    const std::string main_path = (out / (base + ".main.cpp")).string();
    const std::string dep_path = o.depfile.empty() ? (out / (base + ".sign.d")).string() : o.depfile;
    if (t) text = emit::emit_module(t->module, t->stem, eopts, file_diags);
    if (t && o.entry) main_text = emit::emit_entry_main(t->module, t->stem, eopts, file_diags);
    bool ok = text && (!o.entry || main_text);
    ok = ok && write_atomically(hpp_path, text->hpp, mode, file_diags) &&
         write_atomically(cpp_path, text->cpp, mode, file_diags) &&
         (!o.entry || write_atomically(main_path, *main_text, mode, file_diags));
    if (ok) {
      std::vector<std::string> targets = {cpp_path, hpp_path};
      if (o.entry) targets.push_back(main_path);
      ok = write_atomically(dep_path, depfile_text(targets, t->inputs), WriteMode::Always, file_diags);
    }
    if (!ok) remove_outputs({cpp_path, hpp_path, main_path, dep_path});
    file_diags.print(std::cerr);
    failed = failed || file_diags.has_errors();
  }
  keep_until_exit(std::move(graph));
  return failed ? 1 : 0;
}

int check(const std::vector<std::string>& files, const sema::Options& options,
          const std::vector<std::string>& import_dirs) {
  Diagnostics diags;
  auto graph = std::make_unique<ModuleGraph>(import_dirs, options);
  for (const auto& f : files) graph->translate(f, Stage::Sema, diags);
  keep_until_exit(std::move(graph));
  return finish(diags);
}

int emit_stage(const std::string& stage, const std::vector<std::string>& files, const BuildOptions& o) {
  Diagnostics diags;
  for (const auto& file : files) {
    const Stage stop = stage == "tokens" ? Stage::Tokens
                       : stage == "ast"  ? Stage::Ast
                       : (stage == "sexpr" || stage == "types" || stage == "sema") ? Stage::Sema
                                                                : Stage::Ir;
    auto t = translate(file, stop, diags, o.sema, o.import_dirs);
    if (!t) continue;
    if (stage == "tokens") syntax::dump_tokens(std::cout, *t->file, t->tokens);
    if (stage == "ast") syntax::dump_ast(std::cout, *t->file, t->tree);
    if (stage == "sexpr") sexpr::write(std::cout, t->program);
    if (stage == "types") sema::dump_types(std::cout, t->program);
    if (stage == "sema") sema::dump_tree(std::cout, t->program);
    if (stage == "ir") lower::dump_ir(std::cout, t->module);
    if (stage == "cpp" || stage == "hpp") {
      const auto eopts = codegen_options(file, o);
      if (auto text = emit::emit_module(t->module, t->stem, eopts, diags)) {
        std::cout << (stage == "cpp" ? text->cpp : text->hpp);
      }
    }
  }
  return finish(diags);
}

void add_codegen_options(CLI::App& cmd, BuildOptions& o) {
  cmd.add_option("--line-directives", o.line_directives,
                 "#line directives naming the .sign source: none, relative (to the working directory) or "
                 "absolute")
      ->check(CLI::IsMember({"none", "relative", "absolute"}))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->default_val("relative");
  cmd.add_flag("--no-line", o.no_line, "Same as --line-directives=none");
  cmd.add_flag("--no-format", o.no_format, "Skip clang-format on the generated C++ (faster)");
  cmd.add_flag("--no-format-cache", o.no_format_cache,
               "Format the generated C++ afresh instead of reusing what was formatted before from the cache "
               "($SIGN_CACHE_DIR, else ~/.cache/signc)");
  cmd.add_flag("--strict-alloc", o.sema.strict_alloc,
               "Make an allocation prefix (# ## ###) inside an expression an error instead of a warning");
  cmd.add_option("--namespace", o.root_namespace, "C++ root namespace of generated modules")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->default_val("sign_mod");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"signc — ahead-of-time transpiler from Sign (.sign, .sn) to C++20", "signc"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(0, 1);
  app.footer("Examples:\n"
             "  signc run --json prog.sign          transpile, compile (cached) and run\n"
             "  signc build a.sign -o out/          write out/a.sign.cpp, .hpp and .d\n"
             "  signc --emit=ast prog.sign          print the syntax tree");

  std::string emit_what;
  std::vector<std::string> emit_files;
  BuildOptions emit_opts;
  app.add_option("--emit", emit_what, "Print one stage's output for FILE: tokens, ast, sema, sexpr, types, ir, cpp, hpp")
      ->check(CLI::IsMember({"tokens", "ast", "sema", "sexpr", "types", "ir", "cpp", "hpp"}));
  app.add_option("files", emit_files, "Input files for --emit");
  add_codegen_options(app, emit_opts);
  app.add_option("-I,--import-dir", emit_opts.import_dirs, "Directory searched for imported modules (after the importer's own)");

  BuildOptions build_opts;
  auto* build_cmd = app.add_subcommand("build", "Translate Sign modules to C++ (NAME.sign.cpp, .hpp, .d)");
  build_cmd->add_option("files", build_opts.files, "Sign source files")->required();
  build_cmd->add_option("-o,--output-dir", build_opts.out_dir, "Output directory")->default_val(".");
  build_cmd->add_option("--depfile", build_opts.depfile, "Depfile path (one input only; default OUT/NAME.sign.d)");
  build_cmd->add_option("-I,--import-dir", build_opts.import_dirs,
                        "Directory searched for imported modules (after the importer's own)");
  build_cmd->add_flag("--entry", build_opts.entry, "Also write NAME.main.cpp, a main() that prints the module's value");
  build_cmd->add_flag("--write-if-changed", build_opts.write_if_changed,
                      "Leave outputs whose content is unchanged untouched (for Ninja restat)");
  add_codegen_options(*build_cmd, build_opts);

  RunOptions run_opts;
  auto* run_cmd = app.add_subcommand("run", "Transpile, compile (cached by content) and run a Sign program");
  run_cmd->add_flag("--json", run_opts.json, "Print the program's value as one line of JSON");
  run_cmd->add_flag("-v,--verbose", run_opts.verbose, "Show the compile command and cache decisions");
  run_cmd->add_flag("--strict-alloc", run_opts.strict_alloc,
                    "Make an allocation prefix (# ## ###) inside an expression an error");
  run_cmd->add_option("-I,--import-dir", run_opts.import_dirs,
                      "Directory searched for imported modules (after the importer's own)");
  run_cmd->add_option("file", run_opts.file, "The program's entry module")->required();
  run_cmd->add_option("args", run_opts.args, "Arguments passed to the program");
  run_cmd->prefix_command();

  std::vector<std::string> check_files;
  std::vector<std::string> check_dirs;
  sema::Options check_opts;
  auto* check_cmd = app.add_subcommand("check", "Run the front end and report diagnostics only");
  check_cmd->add_option("files", check_files, "Sign source files")->required();
  check_cmd->add_option("-I,--import-dir", check_dirs,
                        "Directory searched for imported modules (after the importer's own)");
  check_cmd->add_flag("--strict-alloc", check_opts.strict_alloc,
                      "Make an allocation prefix (# ## ###) inside an expression an error instead of a warning");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "signc: error: " << e.what() << "\nRun 'signc --help' for usage.\n";
    return 1;
  }

  if (*build_cmd) return build(build_opts);
  if (*run_cmd) {
    Diagnostics diags;
    const int rc = run_program(run_opts, diags);
    diags.print(std::cerr);
    return rc;
  }
  if (*check_cmd) return check(check_files, check_opts, check_dirs);
  if (!emit_what.empty()) {
    if (emit_files.empty()) {
      std::cerr << "signc: error: --emit needs an input file\nRun 'signc --help' for usage.\n";
      return 1;
    }
    return emit_stage(emit_what, emit_files, emit_opts);
  }
  std::cerr << app.help() << "\nsignc: error: no command given\n";
  return 1;
}

}  // namespace signc::driver
