#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Translation time of 1,000-line modules (issue 11: "transpiling 1,000 lines
of Sign takes <= 10 ms"): wall time of the signc process, median of N runs,
for three kinds of module, side by side with `signc --version` (process
start) in the same run. Prints a Markdown table for bench/RESULTS.md.

  bench/translate_time.py [--signc build/dev/bin/signc] [--runs 30]
                          [--sign-repo /path/to/et-key/sign]

Modules: "generated" (functions with match_case bodies and Int twins,
sections over lists, comparison chains: the front-end benchmark's mix);
"conformance" (this repository's conformance programs, one after another,
their top-level names made distinct); with --sign-repo, "the language's
programs" (alpha/sign/*.sn of the language's repository, read from there,
repeated with distinct names). Each is cut at a program boundary past 1,000
lines."""
import argparse
import os
import pathlib
import re
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def generated(lines):
    out, written, i = [], 0, 0
    while written < lines:
        n, p = str(i), str(max(i - 1, 0))
        out.append(f"f{n} : a b ?\n\ta > b : a - b + {n}\n\ta * 2 + (f{p} a b)\n")
        out.append(f"v{n} : f{n} {n} 3\nw{n} : [* 2,] [1 2 {n}]~\n` comment {n}\nc{n} : 1 < v{n} < 9 & v{n} | 0\n")
        written += 7
        i += 1
    return "".join(out)


def distinct(texts, lines):
    """Programs one after another, each one's top-level names suffixed by its
    position, until `lines` lines."""
    out, written, k = [], 0, 0
    while written < lines:
        for text in texts:
            if "@" in text:  # imports and input need files and a terminal
                continue
            names = set(re.findall(r"^#*([A-Za-z_][A-Za-z0-9_]*)\s*:", text, re.M))
            for name in sorted(names, key=len, reverse=True):
                text = re.sub(r"(?<![A-Za-z0-9_'\"`])" + name + r"(?![A-Za-z0-9_])", f"{name}_{k}", text)
            text = re.sub(r"^#+(?=[A-Za-z_])", "", text, flags=re.M)  # no exports: one module
            out.append(text if text.endswith("\n") else text + "\n")
            written += out[-1].count("\n")
            k += 1
            if written >= lines:
                break
    return "".join(out)


def wall_ms(argv, runs):
    """Median wall time of `runs` runs of argv, stdout discarded (posix_spawn:
    no fork of this interpreter per run)."""
    null = os.open(os.devnull, os.O_WRONLY)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
        _, status = os.waitpid(pid, 0)
        times.append((time.perf_counter() - start) * 1000)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(argv)}")
    os.close(null)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--signc", default=str(ROOT / "build" / "dev" / "bin" / "signc"))
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--sign-repo", help="a clone of et-key/sign, for its alpha/sign programs")
    args = ap.parse_args()

    modules = {"generated": generated(1000)}
    conformance = sorted((ROOT / "tests" / "conformance").glob("*/*.sign"))
    modules["conformance"] = distinct([p.read_text() for p in conformance], 1000)
    if args.sign_repo:
        programs = sorted(pathlib.Path(args.sign_repo, "alpha", "sign").glob("*.sn"))
        modules["the language's programs"] = distinct([p.read_text() for p in programs], 1000)

    signc = str(pathlib.Path(args.signc).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # #line directives name "m.sign", as in a build tree
        os.environ["SIGN_CACHE_DIR"] = str(pathlib.Path(tmp, "cache"))
        out = "out"
        start = wall_ms([signc, "--version"], args.runs)
        print(f"Process start (`signc --version`): {start:.1f} ms. Median of {args.runs} runs "
              f"(cold formatting: of {min(args.runs, 5)}).\n")
        print("| module | lines | C++ | `check` | `build --no-format` | `build`, formatted text cached | "
              "`build`, formatting (`--no-format-cache`) |")
        print("|---|---|---|---|---|---|---|")
        for name, text in modules.items():
            src = pathlib.Path("m.sign")
            src.write_text(text)
            check = wall_ms([signc, "check", str(src)], args.runs)
            plain = wall_ms([signc, "build", "--no-format", str(src), "-o", out], args.runs)
            cold = wall_ms([signc, "build", "--no-format-cache", str(src), "-o", out], min(args.runs, 5))
            wall_ms([signc, "build", str(src), "-o", out], 1)  # fills the cache
            cached = wall_ms([signc, "build", str(src), "-o", out], args.runs)
            cpp = pathlib.Path(out, "m.sign.cpp").read_text()
            lines, cpp_lines = text.count("\n"), cpp.count("\n")
            print(f"| {name} | {lines:,} | {cpp_lines:,} lines, {len(cpp) // 1024} KB | "
                  f"{check:.1f} ms | {plain:.1f} ms | {cached:.1f} ms | {cold:.0f} ms |")


if __name__ == "__main__":
    main()
