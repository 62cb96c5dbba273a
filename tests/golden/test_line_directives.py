#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""golden/line-directives (issue 10, STYLE "#line"): with #line directives a
C++ compiler's error in generated code names the .sign file and the line of
the Sign code that produced it, and --line-directives=none|relative|absolute
do what `signc --help` says: none writes no #line at all, relative names the
input by its path from the working directory, absolute by its absolute path.

The compiler errors are real ones, provoked without touching the generated
file: a forced include poisons (#pragma GCC poison) a runtime function that
only the C++ of one Sign line calls, after including the runtime itself.
Usage: test_line_directives.py SIGNC CXX..."""
import os
import re
import subprocess
import sys

from checks import (CONFORMANCE, GOLDEN, LINE_DIRECTIVE, build_ok, is_line_reset, case_groups, check, compile_command, line_map,
                    line_paths, outputs, run_checks, run_config, signc, Stale)

# Each function on a line of its own, blank lines between them, so every line
# that holds code is one Sign construct.
PROBE = """\
` #line probe
double : x ? x * 2

inc : x ? x + 1

half : x ? x / 2

inc (double (half 40) % 7)
"""
CODE_LINES = (2, 4, 6, 8)

SIGNC = None
COMPILERS = []
DIAGNOSTIC = re.compile(r"^(.+?):(\d+):(?:\d+:)? (?:fatal )?error: ", re.M)


def write_probe(directory, name="prog.sign"):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(PROBE)
    return directory / name


def runtime_names(text):
    return set(re.findall(r"\bsign::impl::(\w+)", text))


def statements_of_line(cpp, sign_line):
    """The C++ lines the emitter wrote for `sign_line`: each statement after a
    `#line sign_line` directive, up to the line that ends it (clang-format may
    have wrapped it over several)."""
    lines, taken, inside = cpp.splitlines(), [], False
    for number, text in enumerate(lines, 1):
        m = LINE_DIRECTIVE.match(text)
        if m:
            inside = int(m.group(1)) == sign_line
            continue
        if inside:
            taken.append(number)
            if text.split("//")[0].rstrip().endswith((";", "{", "}")):
                inside = False
    return taken


def name_only_on_line(cpp, sign_line):
    """A name that only the C++ of `sign_line` uses (a runtime function if
    there is one): poisoning it breaks that line and no other."""
    mine, others = set(), set()
    taken = set(statements_of_line(cpp, sign_line))
    for number, text in enumerate(cpp.splitlines(), 1):
        if not text.startswith("#"):
            names = re.findall(r"\b[A-Za-z_]\w*", text.split("//")[0])
            (mine if number in taken else others).update(names)
    unique = sorted(mine - others, key=lambda n: (n not in runtime_names(cpp), n))
    assert unique, f"no name is used by the C++ of Sign line {sign_line} alone:\n{cpp}"
    return unique[0]


def errors_when_poisoned(cxx, cpp_file, name, cwd, tmp):
    """Compiles cpp_file with `name` poisoned; returns the (file, line) of each error."""
    cfg = run_config(SIGNC)
    poison = tmp / f"poison-{name}.h"
    poison.write_text(f"#include <sign/runtime.hpp>\n#pragma GCC poison {name}\n")
    cfg = dict(cfg, compiler=cxx)
    extra = ["-include", str(poison), f"-I{cpp_file.parent}"]
    cmd = compile_command(cfg, [os.path.relpath(cpp_file, cwd)], extra=extra, syntax_only=True)
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    assert p.returncode != 0, f"{cxx} accepted {cpp_file} with {name} poisoned"
    found = {(m.group(1), int(m.group(2))) for m in DIAGNOSTIC.finditer(p.stderr)}
    assert found, f"{cxx}: no located error in:\n{p.stderr}"
    return found, p.stderr


# ---- compiler errors ----------------------------------------------------------------

@check
def compiler_error_names_the_sign_line(tmp):
    src = write_probe(tmp / "src")
    build_ok(SIGNC, "prog.sign", "-o", "gen", "--line-directives=relative", cwd=src.parent)
    cpp = src.parent / "gen" / "prog.sign.cpp"
    for line in CODE_LINES:
        name = name_only_on_line(cpp.read_text(), line)
        for cxx in COMPILERS:
            found, stderr = errors_when_poisoned(cxx, cpp, name, src.parent, tmp)
            assert found == {("prog.sign", line)}, \
                f"{cxx}, {name} poisoned: errors at {sorted(found)}, want prog.sign:{line}\n{stderr}"


WRAPPED = """\
` a statement too long for one line of C++
twice_the_given_number : x ? x * 2
one_more_than_the_given_number : x ? x + 1
one_more_than_the_given_number (twice_the_given_number (twice_the_given_number 40)) % 7
"""


def compiler_error_in_a_wrapped_statement_names_its_sign_line(tmp):
    (tmp / "prog.sign").write_text(WRAPPED)
    build_ok(SIGNC, "prog.sign", "-o", "gen", cwd=tmp)
    cpp = tmp / "gen" / "prog.sign.cpp"
    text = cpp.read_text().splitlines()
    statement = statements_of_line(cpp.read_text(), 4)
    if len(statement) < 2:
        raise Stale("line 4 no longer wraps; lengthen its names")
    # A name on a continuation line: where the mapping goes wrong.
    names = {n for i in statement[1:] for n in re.findall(r"\b[A-Za-z_]\w*", text[i - 1])}
    elsewhere = {n for i, line in enumerate(text, 1) if i not in statement for n in re.findall(r"\b[A-Za-z_]\w*", line)}
    unique = sorted(names - elsewhere, key=lambda n: (n not in runtime_names(cpp.read_text()), n))
    if not unique:
        raise Stale(f"no name on the continuation lines is unique to them:\n{cpp.read_text()}")
    name = unique[0]
    for cxx in COMPILERS:
        found, stderr = errors_when_poisoned(cxx, cpp, name, tmp, tmp)
        assert found == {("prog.sign", 4)}, f"{cxx}, {name} poisoned: errors at {sorted(found)}, want prog.sign:4"


@check
def compiler_error_names_the_absolute_path_in_absolute_mode(tmp):
    src = write_probe(tmp / "src")
    (tmp / "build").mkdir()
    build_ok(SIGNC, "../src/prog.sign", "-o", "gen", "--line-directives=absolute", cwd=tmp / "build")
    cpp = tmp / "build" / "gen" / "prog.sign.cpp"
    name = name_only_on_line(cpp.read_text(), 4)
    for cxx in COMPILERS:
        found, stderr = errors_when_poisoned(cxx, cpp, name, tmp, tmp)  # from a third directory
        assert found == {(os.path.realpath(src), 4)}, f"{cxx}: errors at {sorted(found)}\n{stderr}"


@check
def compiler_error_names_the_generated_file_without_line_directives(tmp):
    write_probe(tmp)
    build_ok(SIGNC, "prog.sign", "-o", "gen", "--line-directives=none", cwd=tmp)
    cpp = tmp / "gen" / "prog.sign.cpp"
    text = cpp.read_text()
    header = (tmp / "gen" / "prog.sign.hpp").read_text()
    name = sorted(n for n in runtime_names(text) if not re.search(rf"\b{n}\b", header))[0]
    want = {n for n, line in enumerate(text.splitlines(), 1) if re.search(rf"\b{name}\b", line)}
    for cxx in COMPILERS:
        found, stderr = errors_when_poisoned(cxx, cpp, name, tmp, tmp)
        assert {f for f, _ in found} == {"gen/prog.sign.cpp"}, f"{cxx}: errors at {sorted(found)}\n{stderr}"
        assert {n for _, n in found} == want, f"{cxx}: errors at {sorted(found)}, want lines {sorted(want)}"


# ---- the three modes ----------------------------------------------------------------

def paths_in(out_dir):
    """The Sign paths #line names; the resets to the generated file itself
    (where mapped code ends) name NAME.sign.cpp and are left out."""
    found = set()
    for text in outputs(out_dir).values():
        found |= {p for p in line_paths(text.decode()) if not p.endswith(".sign.cpp")}
    return found


@check
def relative_is_the_default(tmp):
    write_probe(tmp / "src")
    build_ok(SIGNC, "src/prog.sign", "-o", "default", cwd=tmp)
    build_ok(SIGNC, "src/prog.sign", "-o", "relative", "--line-directives=relative", cwd=tmp)
    assert outputs(tmp / "default") == outputs(tmp / "relative")
    assert paths_in(tmp / "default") == {"src/prog.sign"}, paths_in(tmp / "default")


@check
def relative_mode_names_the_input_as_given_from_the_working_directory(tmp):
    write_probe(tmp / "src" / "deep")
    (tmp / "build").mkdir()
    for given, want in (("src/deep/prog.sign", "src/deep/prog.sign"),
                        ("./src/x/../deep/prog.sign", "src/deep/prog.sign")):
        (tmp / "src" / "x").mkdir(exist_ok=True)
        build_ok(SIGNC, given, "-o", tmp / "out", "--line-directives=relative", cwd=tmp)
        assert paths_in(tmp / "out") == {want}, (given, paths_in(tmp / "out"))
    build_ok(SIGNC, "../src/deep/prog.sign", "-o", tmp / "out", "--line-directives=relative", cwd=tmp / "build")
    assert paths_in(tmp / "out") == {"../src/deep/prog.sign"}, paths_in(tmp / "out")


@check
def relative_mode_makes_an_absolute_input_relative_to_the_working_directory(tmp):
    src = write_probe(tmp / "src")
    (tmp / "build").mkdir()
    build_ok(SIGNC, os.path.realpath(src), "-o", "out", "--line-directives=relative", cwd=tmp / "build")
    assert paths_in(tmp / "build" / "out") == {"../src/prog.sign"}, paths_in(tmp / "build" / "out")


@check
def absolute_mode_names_the_absolute_path(tmp):
    src = write_probe(tmp / "src")
    (tmp / "build").mkdir()
    for given in ("../src/prog.sign", os.path.realpath(src), "../src/./prog.sign"):
        build_ok(SIGNC, given, "-o", "out", "--line-directives=absolute", cwd=tmp / "build")
        assert paths_in(tmp / "build" / "out") == {os.path.realpath(src)}, (given, paths_in(tmp / "build" / "out"))


@check
def none_mode_writes_no_line_directive_at_all(tmp):
    write_probe(tmp)
    for flag in ("--line-directives=none", "--no-line"):
        build_ok(SIGNC, "--entry", "prog.sign", "-o", flag.strip("-"), flag, cwd=tmp)
        files = outputs(tmp / flag.strip("-"))
        assert len(files) == 3, sorted(files)
        for name, text in files.items():
            assert b"#line" not in text, f"{flag}: {name} has a #line directive"
        p = signc(SIGNC, "--emit=cpp", flag, "prog.sign", cwd=tmp)
        assert p.returncode == 0 and "#line" not in p.stdout and "load()" in p.stdout, p


@check
def the_last_line_directive_option_wins(tmp):
    write_probe(tmp)
    build_ok(SIGNC, "prog.sign", "-o", "out", "--line-directives=none", "--line-directives=absolute", cwd=tmp)
    assert paths_in(tmp / "out") == {os.path.realpath(tmp / "prog.sign")}, paths_in(tmp / "out")


# ---- what the directives point at -----------------------------------------------------

@check
def every_line_directive_names_a_line_of_sign_code(tmp):
    """Over every golden and conformance program: each #line names its own input
    and a line that holds Sign code (not blank, not only a comment)."""
    for root, files in case_groups(GOLDEN, CONFORMANCE):
        directory = root / files[0].parent
        out = tmp / directory.relative_to(root.parent)
        build_ok(SIGNC, "--no-format", *[f.name for f in files], "-o", out, cwd=directory)
        for f in files:
            source = (directory / f.name).read_text().splitlines()
            cpp = (out / (f.name.rsplit(".", 1)[0] + ".sign.cpp")).read_text()
            for m in LINE_DIRECTIVE.finditer(cpp):
                line, path = int(m.group(1)), m.group(2)
                where = f"{directory / f.name}: #line {line} \"{path}\""
                if is_line_reset(path):  # back to the generated file: the line after the directive
                    own = cpp.count("\n", 0, m.start()) + 1
                    assert path == f.name.rsplit(".", 1)[0] + ".sign.cpp" and line == own + 1, where
                    continue
                assert path == f.name, where
                assert 1 <= line <= len(source), f"{where}: past the end ({len(source)} lines)"
                code = source[line - 1].strip()
                comment = code.startswith("`") and code.count("`") == 1  # a backtick left open
                assert code and not comment, f"{where}: names {source[line - 1]!r}"


def no_generated_line_is_attributed_past_the_end_of_the_sign_file(tmp):
    src = write_probe(tmp)
    build_ok(SIGNC, "prog.sign", "-o", "out", cwd=tmp)
    last = len(src.read_text().splitlines())
    cpp = (tmp / "out" / "prog.sign.cpp").read_text()
    beyond = [(n, line, text) for n, line, text in line_map(cpp) if line > last]
    assert not beyond, f"C++ lines attributed to prog.sign past its {last} lines: " + \
        ", ".join(f"{n}→{line} {text.strip()!r}" for n, line, text in beyond[:4])


def main():
    global SIGNC, COMPILERS
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    SIGNC = os.path.abspath(sys.argv[1])
    COMPILERS = sys.argv[2:]
    return run_checks("line-directives")


if __name__ == "__main__":
    sys.exit(main())
