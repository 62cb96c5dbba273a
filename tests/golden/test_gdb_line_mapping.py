#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""golden/gdb-line-mapping (issue 10 acceptance): with #line directives, a gdb
breakpoint on `prog.sign:N` stops at Sign line N, in the C++ function made
from the Sign code on that line, gdb lists the Sign source there, and a
backtrace names the .sign lines of the callers.

The program is built as a user builds one: `signc build --entry` (absolute
paths, as add_sign_module passes), then the compiler of run-config.json with
its flags, at -O0 -g. Skips (exit 77) without gdb or where ptrace is denied.
Usage: test_gdb_line_mapping.py SIGNC"""
import os
import re
import shutil
import subprocess
import sys

from checks import Skip, Stale, build_ok, check, compile_command, run_checks, run_config

# One function per line and blank lines between, so no two Sign constructs are
# on neighbouring lines (breakpoint_on_a_line_stops_only_in_that_lines_code checks the case where they are).
PROBE = """\
` gdb probe
double : x ? x * 2

inc : x ? x + 1

inc (double 20)
"""

ADJACENT = """\
` gdb probe: functions on neighbouring lines
double : x ? x * 2
inc : x ? x + 1
inc (double 20)
"""

SIGNC = None
GDB = None


def build_program(tmp, source, *flags, compile_dir=None):
    """Writes src/prog.sign, generates into gen/ and links gen/prog; returns
    (path of prog.sign, executable)."""
    src = tmp / "src"
    src.mkdir(exist_ok=True)
    (src / "prog.sign").write_text(source)
    gen = tmp / "gen"
    build_ok(SIGNC, "--entry", "prog.sign", "-o", gen, *flags, cwd=src)
    exe = gen / "prog"
    cmd = compile_command(run_config(SIGNC), [gen / "prog.sign.cpp", gen / "prog.main.cpp"], exe,
                          extra=[f"-I{gen}"], debug=True)
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=compile_dir or gen)
    assert p.returncode == 0, f"{' '.join(cmd)}\n{p.stderr}"
    return src / "prog.sign", exe


def gdb(exe, *commands, cwd=None):
    """Runs exe --json under gdb in batch mode; returns gdb's output."""
    args = [GDB, "-batch", "-nx", "-iex", "set debuginfod enabled off", "-iex", "set pagination off"]
    for c in commands:
        args += ["-ex", c]
    env = dict(os.environ, DEBUGINFOD_URLS="")
    p = subprocess.run(args + ["--args", str(exe), "--json"], capture_output=True, text=True, cwd=cwd, env=env,
                       timeout=120)
    out = p.stdout + p.stderr
    if re.search(r"ptrace: Operation not permitted|Could not trace the inferior|not allowed to trace", out):
        raise Skip("gdb may not trace processes here (ptrace denied)")
    return out


def stops(out, sign_file):
    """[(function, line)] of each breakpoint stop gdb reports in sign_file."""
    pattern = re.compile(r"hit Breakpoint [\d.]+, (.+?) \(.*\) at (.+?):(\d+)\n|"
                         r"^Breakpoint [\d.]+, (.+?) \(.*\) at (.+?):(\d+)\n", re.M)
    found = []
    for m in pattern.finditer(out):
        fn, path, line = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        assert os.path.basename(path) == os.path.basename(sign_file), f"stopped in {path}, not the Sign file:\n{out}"
        # An Int twin (`inc_int`, `inc_int_x`) is the same Sign function.
        found.append((re.sub(r"_int(_\w+)?$", "", fn.rsplit("::", 1)[-1]), int(line)))
    return found


# ---- the rules -------------------------------------------------------------------

@check
def breakpoint_on_a_function_line_stops_there(tmp):
    sign_file, exe = build_program(tmp, PROBE, "--line-directives=absolute")
    out = gdb(exe, "break prog.sign:4", "run", cwd=tmp)
    assert re.search(r"Breakpoint 1 at 0x[0-9a-f]+: file .*prog\.sign, line 4\.", out), \
        f"want one location at prog.sign:4:\n{out}"
    assert stops(out, sign_file)[:1] == [("inc", 4)], out
    # gdb found the .sign file through the directive and lists its line 4.
    assert re.search(r"^4\tinc : x \? x \+ 1$", out, re.M), out


@check
def backtrace_names_the_sign_lines_of_the_callers(tmp):
    sign_file, exe = build_program(tmp, PROBE, "--line-directives=absolute")
    out = gdb(exe, "break prog.sign:2", "run", "bt", cwd=tmp)
    first = stops(out, sign_file)[:1]
    assert first and first[0][0].startswith("double") and first[0][1] == 2, out  # C++ spells it double_
    frames = re.findall(r"^#(\d+) .*?(\w+) \(.*\) at (\S+):(\d+)$", out, re.M)
    assert frames[:2] and frames[0][3] == "2" and frames[0][2] == os.path.realpath(sign_file), frames or out
    assert frames[1][1] == "load" and frames[1][2] == os.path.realpath(sign_file) and frames[1][3] == "6", frames


@check
def breakpoint_on_a_top_level_line_stops_in_load(tmp):
    sign_file, exe = build_program(tmp, PROBE, "--line-directives=absolute")
    out = gdb(exe, "break prog.sign:6", "run", cwd=tmp)
    assert stops(out, sign_file)[:1] == [("load", 6)], out


@check
def relative_line_directives_work_when_compiled_beside_the_source(tmp):
    # Relative paths resolve against the compiler's working directory.
    sign_file, exe = build_program(tmp, PROBE, "--line-directives=relative", compile_dir=tmp / "src")
    out = gdb(exe, "break prog.sign:4", "run", cwd=tmp)
    assert stops(out, sign_file)[:1] == [("inc", 4)], out
    assert re.search(r"^4\tinc : x \? x \+ 1$", out, re.M), out


@check
def without_line_directives_gdb_sees_only_the_generated_file(tmp):
    _, exe = build_program(tmp, PROBE, "--line-directives=none")
    out = gdb(exe, "break prog.sign:4", "info sources", cwd=tmp)
    assert "No source file named prog.sign." in out, out
    sources = re.split(r"[,\s]+", out)
    assert any(s.endswith("/prog.sign.cpp") for s in sources), out
    assert not any(s.endswith("/prog.sign") for s in sources), out


def breakpoint_on_a_line_stops_only_in_that_lines_code(tmp):
    sign_file, exe = build_program(tmp, ADJACENT, "--line-directives=absolute")
    out = gdb(exe, "break prog.sign:3", "run", cwd=tmp)
    if not stops(out, sign_file):
        raise Stale(f"gdb did not stop at all:\n{out}")
    assert stops(out, sign_file)[:1] == [("inc", 3)], \
        f"break prog.sign:3 (inc) stopped first at {stops(out, sign_file)[:1]}"


def main():
    global SIGNC, GDB
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    SIGNC = os.path.abspath(sys.argv[1])
    GDB = shutil.which("gdb")
    if not GDB:
        print("SKIP gdb-line-mapping: gdb is not installed")
        return 77
    return run_checks("gdb-line-mapping")


if __name__ == "__main__":
    sys.exit(main())
