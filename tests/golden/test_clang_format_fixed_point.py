#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""golden/clang-format-fixed-point (issue 10 acceptance): the C++ signc emits
is a fixed point of clang-format with the style shipped with the templates
(templates/.clang-format): running clang-format over it changes nothing.

signc formats in process with the LibTooling of one LLVM release (the
signc-format plugin); formatting decisions change between releases, so the
check runs the clang-format binary of that same release, and skips (exit 77)
when it is not installed.
Usage: test_clang_format_fixed_point.py SIGNC CLANG_FORMAT LLVM_VERSION STYLE_FILE"""
import difflib
import os
import re
import shutil
import subprocess
import sys

from checks import CONFORMANCE, GOLDEN, build_ok, case_groups, check, outputs, run_checks

SIGNC = CLANG_FORMAT = LLVM_VERSION = STYLE = None
VIOLATION = re.compile(r"^(.+?):\d+:\d+: (?:error|warning): code should be clang-formatted", re.M)


def not_fixed_points(files):
    """The files among `files` that clang-format with STYLE would change."""
    files = [str(f) for f in files]
    bad = set()
    for i in range(0, len(files), 200):  # one clang-format per batch, not per file
        p = subprocess.run([CLANG_FORMAT, "--dry-run", "--Werror", f"--style=file:{STYLE}", *files[i:i + 200]],
                           capture_output=True, text=True)
        found = set(VIOLATION.findall(p.stderr))
        assert p.returncode == 0 or found, f"{CLANG_FORMAT} failed:\n{p.stderr}"
        bad |= found
    return sorted(bad)


def explain(path):
    """A unified diff of what clang-format would change in `path`."""
    text = open(path).read()
    formatted = subprocess.run([CLANG_FORMAT, f"--style=file:{STYLE}", path], capture_output=True,
                               text=True).stdout
    diff = difflib.unified_diff(text.splitlines(True), formatted.splitlines(True), path, "clang-formatted")
    return "".join(list(diff)[:40])


def assert_fixed_points(files, what):
    assert files, f"{what}: no files"
    bad = not_fixed_points(files)
    assert not bad, f"{what}: clang-format changes {len(bad)} of {len(files)} files, e.g.\n{explain(bad[0])}"


# ---- the rules -------------------------------------------------------------------

@check
def clang_format_is_the_release_signc_formats_with(tmp):
    p = subprocess.run([CLANG_FORMAT, "--version"], capture_output=True, text=True)
    m = re.search(r"clang-format version (\d+)\.(\d+)\.(\d+)", p.stdout)
    assert m, p.stdout
    assert m.group(1) == LLVM_VERSION.split(".")[0], \
        f"{CLANG_FORMAT} is {m.group(0)}, signc's formatter is LLVM {LLVM_VERSION}"
    system = shutil.which("clang-format")
    if system and os.path.realpath(system) != os.path.realpath(CLANG_FORMAT):
        v = subprocess.run([system, "--version"], capture_output=True, text=True).stdout.strip()
        if m.group(0) not in v:
            print(f"note: {system} is {v}; using {CLANG_FORMAT} ({m.group(0)}), the release signc links")


@check
def golden_files_are_fixed_points(tmp):
    files = sorted(p for p in GOLDEN.rglob("*") if p.name.endswith((".sign.cpp", ".sign.hpp")))
    assert_fixed_points(files, "tests/golden")


@check
def fresh_output_is_a_fixed_point_in_every_line_directive_mode(tmp):
    """Every golden and conformance program, module and entry main."""
    for mode in ("relative", "none", "absolute"):
        files = []
        for root, inputs in case_groups(GOLDEN, CONFORMANCE):
            directory = root / inputs[0].parent
            out = tmp / mode / directory.relative_to(root.parent)
            build_ok(SIGNC, "--entry", f"--line-directives={mode}", *[f.name for f in inputs], "-o", out,
                     cwd=directory)
            files += [out / name for name in outputs(out)]
        assert_fixed_points(files, f"--line-directives={mode}")


@check
def the_check_notices_unformatted_code(tmp):
    """--no-format output is not a fixed point, and neither is signc's output
    under another style: so the two checks above do apply the shipped style."""
    (tmp / "m.sign").write_text("f : x y ? x + y\nf 1 2\n")
    build_ok(SIGNC, "m.sign", "-o", "raw", "--no-format", cwd=tmp)
    assert not_fixed_points([tmp / "raw" / "m.sign.cpp"]), "clang-format accepts unformatted output"
    build_ok(SIGNC, "m.sign", "-o", "formatted", cwd=tmp)
    formatted = tmp / "formatted" / "m.sign.cpp"
    assert not not_fixed_points([formatted]), explain(str(formatted))
    p = subprocess.run([CLANG_FORMAT, "--dry-run", "--Werror", "--style=LLVM", str(formatted)], capture_output=True,
                       text=True)
    assert p.returncode != 0, "the shipped style makes no difference to LLVM's own"


def main():
    global SIGNC, CLANG_FORMAT, LLVM_VERSION, STYLE
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    SIGNC, CLANG_FORMAT, LLVM_VERSION, STYLE = os.path.abspath(sys.argv[1]), *sys.argv[2:]
    if not CLANG_FORMAT or CLANG_FORMAT.endswith("-NOTFOUND") or not shutil.which(CLANG_FORMAT):
        print(f"SKIP clang-format-fixed-point: no clang-format {LLVM_VERSION.split('.')[0]} installed "
              f"(the release of signc's formatter)")
        return 77
    return run_checks("clang-format-fixed-point")


if __name__ == "__main__":
    sys.exit(main())
