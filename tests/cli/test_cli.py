#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The signc command-line contract (DESIGN "Command line", issue: bad input):
usage errors and bad files exit 1 with a located message, and a failed
translation leaves no output behind. One check per rule; prints
'N passed, N failed'."""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

SIGNC = sys.argv[1]
checks = []


def check(fn):
    checks.append(fn)
    return fn


def signc(*args, cwd=None):
    return subprocess.run([SIGNC, *args], capture_output=True, text=True, cwd=cwd)


@check
def help_exits_zero_and_lists_commands(tmp):
    p = signc("--help")
    assert p.returncode == 0, p
    for word in ("build", "run", "check", "--emit"):
        assert word in p.stdout, word


@check
def version_names_the_runtime_abi(tmp):
    p = signc("--version")
    assert p.returncode == 0 and "Sign runtime ABI" in p.stdout, p


@check
def unknown_option_is_a_usage_error(tmp):
    p = signc("--no-such-option")
    assert p.returncode == 1 and "signc: error:" in p.stderr and "--help" in p.stderr, p


@check
def no_command_prints_usage_and_fails(tmp):
    p = signc()
    assert p.returncode == 1 and "Usage:" in p.stderr, p


@check
def missing_file_is_reported(tmp):
    p = signc("build", "missing.sign", "-o", "out", cwd=tmp)
    assert p.returncode == 1 and "cannot open 'missing.sign'" in p.stderr, p


@check
def non_sign_extension_is_rejected(tmp):
    (tmp / "x.txt").write_text("1\n")
    p = signc("check", "x.txt", cwd=tmp)
    assert p.returncode == 1 and "not a Sign source file" in p.stderr, p


@check
def syntax_error_is_located_with_caret(tmp):
    (tmp / "bad.sign").write_text("x : 1\ny : (2 +\n")
    p = signc("check", "bad.sign", cwd=tmp)
    assert p.returncode == 1, p
    assert p.stderr.startswith("bad.sign:2:"), p.stderr
    assert "\n  y : (2 +\n" in p.stderr and "^" in p.stderr, p.stderr


@check
def failed_build_leaves_no_output(tmp):
    (tmp / "m.sign").write_text("x : 1\n")
    assert signc("build", "m.sign", "-o", "out", cwd=tmp).returncode == 0
    assert (tmp / "out" / "m.sign.cpp").exists()
    (tmp / "m.sign").write_text("x : (1\n")
    p = signc("build", "m.sign", "-o", "out", cwd=tmp)
    assert p.returncode == 1, p
    left = sorted(f.name for f in (tmp / "out").iterdir())
    assert left == [], left


@check
def one_bad_input_does_not_block_the_good_ones(tmp):
    (tmp / "good.sign").write_text("x : 1\n")
    (tmp / "bad.sign").write_text("x : )\n")
    p = signc("build", "good.sign", "bad.sign", "-o", "out", cwd=tmp)
    assert p.returncode == 1, p
    names = sorted(f.name for f in (tmp / "out").iterdir())
    assert names == ["good.sign.cpp", "good.sign.d", "good.sign.hpp"], names


@check
def build_writes_module_header_and_depfile(tmp):
    (tmp / "a.sign").write_text("1 + 1\n")
    assert signc("build", "a.sign", "-o", "gen", cwd=tmp).returncode == 0
    dep = (tmp / "gen" / "a.sign.d").read_text()
    assert dep.startswith("gen/a.sign.cpp gen/a.sign.hpp:"), dep
    # Every file signc read, and nothing else: today the module alone.
    prerequisites = dep.split(":", 1)[1].replace("\\\n", " ").split()
    assert prerequisites == [str(tmp / "a.sign")], dep


@check
def output_is_deterministic(tmp):
    (tmp / "a.sign").write_text("x : 2\nx * 3.5\n")
    assert signc("build", "a.sign", "-o", "one", cwd=tmp).returncode == 0
    assert signc("build", "a.sign", "-o", "two", cwd=tmp).returncode == 0
    for f in ("a.sign.cpp", "a.sign.hpp"):
        assert (tmp / "one" / f).read_bytes() == (tmp / "two" / f).read_bytes(), f


@check
def write_if_changed_keeps_the_timestamp(tmp):
    (tmp / "a.sign").write_text("1\n")
    assert signc("build", "a.sign", "-o", "o", cwd=tmp).returncode == 0
    cpp = tmp / "o" / "a.sign.cpp"
    os.utime(cpp, (1, 1))
    assert signc("build", "a.sign", "-o", "o", "--write-if-changed", cwd=tmp).returncode == 0
    assert cpp.stat().st_mtime == 1


@check
def run_prints_the_last_value_as_json(tmp):
    (tmp / "p.sn").write_text("a : 6\nb : 7\na * b\n")
    p = signc("run", "--json", "p.sn", cwd=tmp)
    assert p.returncode == 0 and p.stdout == "42\n", p


@check
def run_prints_sign_literal_form_without_json(tmp):
    (tmp / "p.sign").write_text("x : 3\nx * 1.0\n")
    p = signc("run", "p.sign", cwd=tmp)
    assert p.returncode == 0 and p.stdout == "3.0\n", p


@check
def run_of_a_bad_program_is_a_located_error(tmp):
    (tmp / "p.sign").write_text("x : 1 >> 3\ny : 1 << 2\n")
    p = signc("run", "p.sign", cwd=tmp)
    assert p.returncode == 1 and p.stderr.startswith("p.sign:1:5: error:"), p
    assert "p.sign:2:5: error:" in p.stderr, p


@check
def recursion_deeper_than_the_stack_is_an_error_not_a_crash(tmp):
    # 10^8 nested calls outgrow the 1 GiB program stack; the modulo keeps the
    # C++ compiler from turning the recursion into a loop.
    (tmp / "p.sign").write_text("depth : n ?\n\tn = 0 : 0\n\t(depth (n - 1) * 31 + n) % 1000003\n"
                                "depth 100000000\n")
    p = signc("run", "p.sign", cwd=tmp)
    # Under ASan its own report ("stack-overflow") stands in for the runtime's.
    assert p.returncode == 1 and re.search(r"(error: stack overflow|AddressSanitizer: stack-overflow)", p.stderr) and p.stdout == "", p


@check
def s_expression_literal_without_its_prefix_is_an_error(tmp):
    (tmp / "p.json").write_text('[[":", "r", ["reg", "0"]]]\n')
    p = signc("check", "p.json", cwd=tmp)
    assert p.returncode == 1 and "error:" in p.stderr and "'reg' takes" in p.stderr, p
    (tmp / "q.json").write_text('[[":", "r", ["reg", "0b101"]], "r"]\n')
    q = signc("run", "--json", "q.json", cwd=tmp)
    assert q.returncode == 0 and q.stdout.strip() == "5", q


@check
def run_precompiles_the_runtime_header_once_per_cache(tmp):
    env = dict(os.environ, SIGN_CACHE_DIR=str(tmp / "cache"))
    run = lambda name: subprocess.run([SIGNC, "run", "-v", "--json", name], capture_output=True, text=True,
                                      cwd=tmp, env=env)
    (tmp / "a.sign").write_text("2 + 3\n")
    (tmp / "b.sign").write_text("2 * 3\n")
    a = run("a.sign")
    assert a.returncode == 0 and a.stdout == "5\n", a
    assert "precompiled runtime header built" in a.stderr and "-include" in a.stderr, a
    b = run("b.sign")
    assert b.returncode == 0 and b.stdout == "6\n", b
    assert "precompiled runtime header" not in b.stderr and "-include" in b.stderr, b


def build_with_cache(tmp, *args):
    env = dict(os.environ, SIGN_CACHE_DIR=str(tmp / "cache"))
    return subprocess.run([SIGNC, "build", *args], capture_output=True, text=True, cwd=tmp, env=env)


def format_cache_entries(tmp):
    d = tmp / "cache" / "format"
    return sorted(d.iterdir()) if d.is_dir() else []


@check
def formatted_output_is_reused_from_the_cache(tmp):
    (tmp / "a.sign").write_text("f : x ? x * 2\nf 21\n")
    assert build_with_cache(tmp, "a.sign", "-o", "one").returncode == 0
    entries = format_cache_entries(tmp)
    assert len(entries) == 2, entries  # the .cpp and the .hpp
    for e in entries:
        os.utime(e, (1, 1))
    assert build_with_cache(tmp, "a.sign", "-o", "two").returncode == 0
    assert all(e.stat().st_mtime > 1 for e in entries), "a hit marks its entry used"
    for f in ("a.sign.cpp", "a.sign.hpp"):
        assert (tmp / "one" / f).read_bytes() == (tmp / "two" / f).read_bytes(), f


@check
def a_damaged_format_cache_entry_is_formatted_again(tmp):
    (tmp / "a.sign").write_text("f : x ? x * 2\nf 21\n")
    assert build_with_cache(tmp, "a.sign", "-o", "one").returncode == 0
    sizes = {e: e.stat().st_size for e in format_cache_entries(tmp)}
    for e in sizes:
        with open(e, "r+b") as f:
            f.truncate(sizes[e] // 2)
    p = build_with_cache(tmp, "a.sign", "-o", "two")
    assert p.returncode == 0 and p.stderr == "", p
    assert (tmp / "one" / "a.sign.cpp").read_bytes() == (tmp / "two" / "a.sign.cpp").read_bytes()
    assert {e: e.stat().st_size for e in format_cache_entries(tmp)} == sizes, "the entries are whole again"


@check
def no_format_cache_neither_reads_nor_writes_the_cache(tmp):
    (tmp / "a.sign").write_text("1 + 2\n")
    assert build_with_cache(tmp, "a.sign", "-o", "o", "--no-format-cache").returncode == 0
    assert format_cache_entries(tmp) == []
    assert build_with_cache(tmp, "a.sign", "-o", "o", "--no-format").returncode == 0
    assert format_cache_entries(tmp) == []


def main():
    passed = failed = 0
    for fn in checks:
        with tempfile.TemporaryDirectory() as d:
            try:
                fn(pathlib.Path(d))
                passed += 1
            except AssertionError as e:
                failed += 1
                print(f"FAIL {fn.__name__}: {e}")
    print(f"cli: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
