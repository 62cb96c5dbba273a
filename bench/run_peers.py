#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the issue-11 workloads side by side and records them in RESULTS.md.

Every workload in bench/workloads/ exists as a Sign program (NAME.sign), an
idiomatic hand-written C++ program (NAME.cpp, g++ -O2) and a CHICKEN Scheme
program (NAME.scm, csc -O3); the Sign program also runs through the reference
interpreter (the sign-oracle tool). Each variant runs --runs times
(interleaved), the median wall time and the peak RSS are kept, every variant
must print the same value, and the table of ratios to hand C++ replaces the
"Peers" section of RESULTS.md (with --write).

Sizes: each .sign file defines its size as a top-level line `N : <int>`; the
script rewrites that line (so queens.sign serves queens8 and queens10). The
C++ and Scheme programs take N as their first argument. The reference
interpreter runs some workloads at a reduced N; its time is then
extrapolated per unit of work (see Workload.work) and marked as such.

  bench/run_peers.py                      # measure, print the tables
  bench/run_peers.py --write              # ... and update bench/RESULTS.md
  bench/run_peers.py --only fib,pairs --runs 7 --no-oracle
  bench/run_peers.py --aarch64 --write    # cross-built Sign and hand C++ under qemu-aarch64

Build outputs and generated sources go to --work-dir (default
build/bench-peers, never committed).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORKLOADS = HERE / "workloads"


# ---------------------------------------------------------------------------
# Workloads

def fib_calls(n: int) -> int:
    """Calls made by the doubly recursive fib(n): 2 * F(n + 1) - 1."""
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1


@dataclasses.dataclass
class Workload:
    name: str          # row name in the tables
    stem: str          # bench/workloads/STEM.{sign,cpp,scm}
    n: int             # the size measured
    oracle_n: int      # the size the reference interpreter runs
    # Units of work at size n, given the value the program printed at that
    # size; used to extrapolate the reference interpreter's time.
    work: Callable[[int, str], float] = lambda n, _out: float(n)
    what: str = ""


WORKLOAD_LIST = [
    Workload("startup", "startup", 0, 0, what="print a number: process start-up and exit"),
    Workload("fib", "fib", 32, 27, lambda n, _o: float(fib_calls(n)), "fib 32, doubly recursive"),
    Workload("queens8", "queens", 8, 8, what="n-queens 8, all 92 solutions"),
    Workload("queens10", "queens", 10, 10, what="n-queens 10, all 724 solutions"),
    Workload("tailloop", "tailloop", 100_000_000, 1_000_000, what="10^8-iteration self tail loop"),
    # Collatz work: one unit per step and per start value; the printed value
    # is the total number of steps.
    Workload("collatz", "collatz", 1_000_000, 100_000, lambda n, out: float(int(out) + n),
             "Collatz step totals for 1..10^6"),
    Workload("listmapfold", "listmapfold", 1_000_000, 1_000_000, what="list 1..10^6, map (* 2), fold (+)"),
    Workload("strbuild", "strbuild", 100_000, 100_000, what="a string from 10^5 appended pieces"),
    Workload("wordcount", "wordcount", 100_000, 100_000, what="word statistics over 10^5 generated words"),
    Workload("pairs", "pairs", 10_000_000, 1_000_000, what="10^7 short-lived pairs"),
]

SYLLABLES = ["ka", "to", "ri", "mo", "sa", "ne", "lu", "pi", "da", "ve", "sho", "qui"]


def write_word_list(n: int, path: Path) -> str:
    """The word count's dictionary, one word a line, from the generator every
    variant of wordcount uses; returns the value they must print, computed
    here from the file (an independent check of all three)."""
    def nxt(s: int) -> int:
        return (s * 75 + 74) % 65537
    words, s = [], 1
    for _ in range(n):
        w, t = SYLLABLES[s % 12], nxt(s)
        for _ in range(s % 4):
            w, t = w + SYLLABLES[t % 12], nxt(t)
        words.append(w)
        s = nxt(s)
    path.write_text("\n".join(words) + "\n")
    words = path.read_text().split()
    return "[{},{},{},{}]".format(sum(map(len, words)), words.count("tone"),
                                  sum(w[0] == "s" for w in words), sum(len(w) >= 8 for w in words))


N_LINE = re.compile(r"^N : \d+$", re.M)


# ---------------------------------------------------------------------------
# Running and measuring

@dataclasses.dataclass
class Sample:
    seconds: float       # wall
    cpu_seconds: float   # user + system
    max_rss_kb: int
    stdout: str
    stderr: str


TIME = "/usr/bin/time"


def run_timed(cmd: list[str], timeout: float) -> Sample:
    """Runs cmd as Python's own child: wall time and CPU time (wait4's rusage
    of that child), nothing in between — /usr/bin/time would add its own
    exec and start-up (≈ 1 ms here) to every figure. No peak RSS (-1): a
    child forked from Python starts with Python's peak RSS as its own."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"exit {proc.returncode}: {' '.join(cmd)}\n{stderr[-2000:]}")
    return Sample(seconds, usage.ru_utime + usage.ru_stime, -1, stdout.strip(), stderr)


def run_measured(cmd: list[str], timeout: float, env: Optional[dict] = None) -> Sample:
    """Runs cmd: wall time, CPU time (getrusage of the children, microsecond
    resolution) and peak RSS (/usr/bin/time: a child forked from Python
    starts with Python's peak RSS as its own, and exec keeps it)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = [TIME, "-f", "%M", "-o", tf.name, *cmd]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        try:
            res = subprocess.run(full, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"timed out after {timeout:.0f} s: {' '.join(cmd)}")
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        err = res.stderr.decode(errors="replace")
        if res.returncode != 0:
            raise RuntimeError(f"exit {res.returncode}: {' '.join(cmd)}\n{err[-2000:]}")
        fields = tf.read().split()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(seconds, cpu, int(fields[-1]), res.stdout.decode(errors="replace").strip(), err)


def check(cmd: list[str], cwd: Optional[Path] = None, env: Optional[dict] = None) -> float:
    """Runs a build step; returns its wall time; fails loudly."""
    start = time.perf_counter()
    res = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if res.returncode != 0:
        sys.exit(f"run_peers: failed: {' '.join(map(str, cmd))}\n{res.stdout.decode(errors='replace')[-4000:]}")
    return time.perf_counter() - start


def nice() -> list[str]:
    return ["nice", "-n", "10"] if shutil.which("nice") else []


# ---------------------------------------------------------------------------
# Variants

@dataclasses.dataclass
class Toolchain:
    signc: Path
    config: dict             # run-config.json: compiler, compile_flags, include_dirs, link
    cxx: str                 # the compiler for hand C++ (the run-config's, for a fair pair)
    cxx_flags: list[str]
    emulator: list[str]      # [] natively, qemu-aarch64 ... when cross-built
    label: str


def link_mode(cfg: dict) -> list[str]:
    """The run-config's link options (-static-libstdc++ ...): hand C++ is
    linked the same way, so a ratio compares code, not how it was linked."""
    return [f for f in cfg["link"] if f.startswith("-") and not f.startswith("-l")]


def sign_source(w: Workload, n: int, out_dir: Path) -> Path:
    text = (WORKLOADS / f"{w.stem}.sign").read_text()
    if not N_LINE.search(text):
        sys.exit(f"run_peers: {w.stem}.sign has no `N : <int>` line")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{w.stem}.sign"
    new = N_LINE.sub(f"N : {n}", text, count=1)
    if not path.exists() or path.read_text() != new:
        path.write_text(new)
    return path


_PCH_BUILT: set[str] = set()


def runtime_pch(tc: Toolchain, work: Path) -> Path:
    """The precompiled runtime header, built once per toolchain and not
    timed, as `signc run` builds it once per compiler and flags."""
    d = work / tc.label / "pch"
    header = d / "sign-run.hpp"
    if tc.label not in _PCH_BUILT:  # rebuilt each run: a .gch does not notice its headers changing
        _PCH_BUILT.add(tc.label)
        d.mkdir(parents=True, exist_ok=True)
        header.write_text("#include <sign/runtime.hpp>\n#include <sign/impl/entry.hpp>\n")
        cfg = tc.config
        check([cfg["compiler"], *cfg["compile_flags"], *[f"-I{inc}" for inc in cfg["include_dirs"]],
               "-x", "c++-header", str(header), "-o", str(d / "sign-run.hpp.gch")])
    return header


def build_sign(w: Workload, tc: Toolchain, work: Path) -> tuple[Path, float, float]:
    """signc build --entry, then the run-config's compile; returns the
    executable, the signc time and the C++ compile time."""
    d = work / tc.label / "sign" / w.name
    src = sign_source(w, w.n, d)
    t_signc = check([str(tc.signc), "build", "--entry", "--no-line", "-o", str(d), str(src)])
    exe = d / w.stem
    cfg = tc.config
    cmd = nice() + [cfg["compiler"], *cfg["compile_flags"], f"-I{d}"]
    cmd += [f"-I{inc}" for inc in cfg["include_dirs"]]
    cmd += ["-include", str(runtime_pch(tc, work))]
    # As `signc run` compiles a program: its TUs included by one program.cpp.
    unity = d / "program.cpp"
    unity.write_text(f'#include "{w.stem}.sign.cpp"\n#include "{w.stem}.main.cpp"\n')
    cmd += [str(unity), *cfg["link"], "-o", str(exe)]
    t_cxx = check(cmd)
    return exe, t_signc, t_cxx


def build_cpp(w: Workload, tc: Toolchain, work: Path) -> tuple[Path, float]:
    d = work / tc.label / "cpp"
    d.mkdir(parents=True, exist_ok=True)
    exe = d / w.stem
    t = check(nice() + [tc.cxx, *tc.cxx_flags, str(WORKLOADS / f"{w.stem}.cpp"), "-o", str(exe)])
    return exe, t


def build_scheme(w: Workload, work: Path) -> Path:
    d = work / "scheme"
    d.mkdir(parents=True, exist_ok=True)
    exe = d / w.stem
    # csc writes its .c next to the output; compile from a copy in d.
    shutil.copyfile(WORKLOADS / f"{w.stem}.scm", d / f"{w.stem}.scm")
    check(nice() + ["csc", "-O3", f"{w.stem}.scm", "-o", w.stem], cwd=d)
    return exe


# ---------------------------------------------------------------------------
# Formatting

def fmt_time(s: Optional[float]) -> str:
    if s is None:
        return "—"
    if s >= 100:
        return f"{s:.0f} s"
    if s >= 1:
        return f"{s:.2f} s"
    return f"{s * 1000:.3g} ms"


def fmt_ratio(r: Optional[float]) -> str:
    if r is None:
        return "—"
    if r >= 100:
        return f"{r:,.0f}×"
    if r >= 10:
        return f"{r:.1f}×"
    if r < 0.1:
        return f"{r:.2g}×"
    return f"{r:.2f}×"


def fmt_mb(kb: Optional[int]) -> str:
    return "—" if kb is None else f"{kb / 1024:.1f} MB"


def tool_version(cmd: list[str]) -> str:
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        lines = [l for l in res.stdout.decode(errors="replace").splitlines() if l.strip()]
        return lines[0].strip() if lines else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def git_describe(path: Path) -> str:
    """The last commit that changed what signc generates and links (the
    transpiler, runtime, templates), and whether those have local changes."""
    parts = ["transpiler", "runtime-lib", "templates"]
    try:
        head = subprocess.run(["git", "-C", str(path), "log", "-1", "--format=%h %s", "--", *parts],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(path), "status", "--porcelain", "--untracked-files=no", "--", *parts],
                               capture_output=True, text=True, check=True).stdout.strip()
        # A subject's first clause is enough to recognise the commit by.
        short = re.split(r"[:;(]", head, maxsplit=1)[0].strip()
        if len(short) > 90:
            short = short[:87].rstrip() + "…"
        return short + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def replace_section(text: str, begin: str, end: str, body: str, heading: str) -> str:
    block = f"{begin}\n{body.rstrip()}\n{end}"
    if begin in text and end in text:
        return text[: text.index(begin)] + block + text[text.index(end) + len(end):]
    return text.rstrip() + f"\n\n{heading}\n\n{block}\n"


# ---------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="runs per variant (median kept); default 5")
    ap.add_argument("--min-seconds", type=float, default=2.0,
                    help="short workloads run more often (up to 4 × --runs), this long for the slowest variant")
    ap.add_argument("--oracle-runs", type=int, default=5, help="runs of the reference interpreter; default 5")
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--build-dir", type=Path, default=REPO / "build" / "dev",
                    help="signc build holding bin/signc and share/sign/run-config.json (default build/dev)")
    ap.add_argument("--work-dir", type=Path, default=REPO / "build" / "bench-peers")
    ap.add_argument("--no-oracle", action="store_true", help="skip the reference interpreter")
    ap.add_argument("--no-chicken", action="store_true", help="skip CHICKEN Scheme")
    ap.add_argument("--sign-repo", default=os.environ.get("SIGN_REPO", "/tmp/sign"),
                    help="et-key/sign clone for the reference interpreter (default $SIGN_REPO or /tmp/sign)")
    ap.add_argument("--oracle", type=Path, default=Path(os.environ.get(
        "SIGN_ORACLE", "/work/shared/tools/sign-oracle/run.sh")), help="sign-oracle run.sh")
    ap.add_argument("--aarch64", action="store_true",
                    help="cross-build the Sign and hand C++ variants and run them under qemu-aarch64")
    ap.add_argument("--aarch64-build", type=Path, default=REPO / "build" / "aarch64",
                    help="aarch64 preset build holding lib/libsign-runtime.a (default build/aarch64)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per run")
    ap.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    ap.add_argument("--json", type=Path, help="also write the raw figures as JSON")
    args = ap.parse_args()

    chosen = WORKLOAD_LIST
    if args.only:
        names = args.only.split(",")
        unknown = set(names) - {w.name for w in WORKLOAD_LIST}
        if unknown:
            sys.exit(f"run_peers: unknown workload(s): {', '.join(sorted(unknown))}")
        chosen = [w for w in WORKLOAD_LIST if w.name in names]

    signc = args.build_dir / "bin" / "signc"
    cfg_path = args.build_dir / "share" / "sign" / "run-config.json"
    if not signc.exists() or not cfg_path.exists():
        sys.exit(f"run_peers: no signc build at {args.build_dir} (build the dev preset first)")
    host_cfg = json.loads(cfg_path.read_text())
    source_root = Path(host_cfg["include_dirs"][0]).resolve().parent.parent
    work = args.work_dir.resolve()
    work.mkdir(parents=True, exist_ok=True)

    if args.aarch64:
        tc = aarch64_toolchain(args, signc, host_cfg)
        use_chicken = False
        use_oracle = False
    else:
        tc = Toolchain(signc, host_cfg, host_cfg["compiler"], ["-std=c++20", "-O2", *link_mode(host_cfg)], [], "native")
        use_chicken = not args.no_chicken and shutil.which("csc") is not None
        use_oracle = not args.no_oracle and args.oracle.exists()
        if not args.no_chicken and not use_chicken:
            print("run_peers: csc not found (apt-get install chicken-bin); CHICKEN column skipped", file=sys.stderr)
        if not args.no_oracle and not use_oracle:
            print(f"run_peers: {args.oracle} not found; reference interpreter skipped", file=sys.stderr)

    # Build everything first, then measure.
    variants: dict[str, dict[str, list[str]]] = {}
    compile_times: dict[str, dict[str, float]] = {}
    for w in chosen:
        print(f"[build] {w.name}", file=sys.stderr, flush=True)
        sign_exe, t_signc, t_sign_cxx = build_sign(w, tc, work)
        cpp_exe, t_cpp = build_cpp(w, tc, work)
        v = {
            "cpp": tc.emulator + [str(cpp_exe), str(w.n)],
            "sign": tc.emulator + [str(sign_exe), "--json"],
        }
        if use_chicken:
            v["chicken"] = [str(build_scheme(w, work)), str(w.n)]
        variants[w.name] = v
        compile_times[w.name] = {"signc": t_signc, "sign_cxx": t_sign_cxx, "cpp": t_cpp}

    # Measure: the runs of all variants interleave, so a slow minute on the
    # shared machine hits every variant alike.
    samples: dict[str, dict[str, list[Sample]]] = {w.name: {k: [] for k in variants[w.name]} for w in chosen}
    peak_rss: dict[str, dict[str, int]] = {}
    for w in chosen:
        # Peak RSS from one run under /usr/bin/time; the timed runs are the program alone.
        peak_rss[w.name] = {kind: run_measured(cmd, args.timeout).max_rss_kb for kind, cmd in variants[w.name].items()}
        rounds, done = args.runs, 0
        while done < rounds:
            for kind, cmd in variants[w.name].items():
                samples[w.name][kind].append(run_timed(cmd, args.timeout))
            done += 1
            if done == 1:
                # Short workloads get more runs (up to 4 * --runs), about
                # --min-seconds for the slowest variant, to tame the noise.
                slowest = max(ss[0].seconds for ss in samples[w.name].values())
                rounds = max(args.runs, min(4 * args.runs, math.ceil(args.min_seconds / slowest)))
                print(f"[run] {w.name}: {rounds} runs per variant", file=sys.stderr, flush=True)

    # Agreement.
    failures = []
    results: dict[str, dict] = {}
    for w in chosen:
        outs = {kind: {s.stdout for s in ss} for kind, ss in samples[w.name].items()}
        expected = outs["cpp"]
        for kind, got in outs.items():
            if got != expected:
                failures.append(f"{w.name}: {kind} printed {sorted(got)}, hand C++ {sorted(expected)}")
        if w.stem == "wordcount":
            from_file = write_word_list(w.n, work / "words.txt")
            if expected != {from_file}:
                failures.append(f"{w.name}: the variants printed {sorted(expected)}, "
                                f"the word list file gives {from_file}")
        row = {"value": next(iter(expected))}
        for kind, ss in samples[w.name].items():
            row[kind] = {"seconds": statistics.median(s.seconds for s in ss),
                         "cpu_seconds": statistics.median(s.cpu_seconds for s in ss),
                         "max_rss_kb": peak_rss[w.name][kind],
                         "all_seconds": [round(s.seconds, 4) for s in ss]}
        results[w.name] = row

    # The reference interpreter.
    if use_oracle:
        env = dict(os.environ, SIGN_REPO=args.sign_repo)
        for w in chosen:
            print(f"[oracle] {w.name} at N={w.oracle_n}", file=sys.stderr, flush=True)
            src = sign_source(w, w.oracle_n, work / "oracle" / w.name)
            # The expected value at the oracle's size comes from hand C++.
            ref = run_measured(tc.emulator + [variants[w.name]["cpp"][-2], str(w.oracle_n)], args.timeout).stdout
            ss = []
            for _ in range(args.oracle_runs):
                s = run_measured([str(args.oracle), "--time", str(src)], args.timeout, env)
                if s.stdout != ref:
                    failures.append(f"{w.name}: reference interpreter printed {s.stdout!r} at N={w.oracle_n}, "
                                    f"hand C++ {ref!r}")
                ss.append(s)
            wall = statistics.median(s.seconds for s in ss)
            evals = []
            for s in ss:
                m = re.search(r"eval=([\d.]+)ms", s.stderr)
                evals.append(float(m.group(1)) / 1000 if m else s.seconds)
            ev = statistics.median(evals)
            scale = 1.0 if w.n == w.oracle_n else w.work(w.n, results[w.name]["value"]) / w.work(w.oracle_n, ref)
            results[w.name]["oracle"] = {
                "n": w.oracle_n, "seconds_measured": wall, "eval_seconds": ev, "scale": scale,
                # Start-up and parsing once, evaluation scaled by the work.
                "seconds": (wall - ev) + ev * scale,
                "max_rss_kb": max(s.max_rss_kb for s in ss),
                "extrapolated": w.oracle_n != w.n,
            }

    for f in failures:
        print(f"run_peers: MISMATCH {f}", file=sys.stderr)

    meta = {
        "date": time.strftime("%Y-%m-%d"),
        "host": f"{platform.machine()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
        "cpu": cpu_model(),
        "signc": f"{tool_version([str(signc), '--version'])} from {source_root} at {git_describe(source_root)}",
        "cxx": tool_version([tc.cxx, "--version"]),
        "csc": tool_version(["csc", "-release"]) if use_chicken else "",
        "node": tool_version(["node", "--version"]) if use_oracle else "",
        "runs": args.runs,
        "oracle_runs": args.oracle_runs,
    }
    text = render(chosen, results, compile_times, meta, tc, use_chicken, use_oracle)
    print(text)
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "results": results, "compile": compile_times}, indent=1))
    if args.write:
        if failures:
            print("run_peers: RESULTS.md not written: the variants disagree", file=sys.stderr)
        else:
            path = HERE / "RESULTS.md"
            tag = "aarch64" if args.aarch64 else "native"
            heading = ("## Peers under qemu-aarch64 (bench/run_peers.py --aarch64)" if args.aarch64
                       else "## Peers: Sign vs hand C++, CHICKEN and the reference interpreter (bench/run_peers.py)")
            path.write_text(replace_section(path.read_text(), f"<!-- run_peers:{tag}:begin -->",
                                            f"<!-- run_peers:{tag}:end -->", text, heading))
            print(f"run_peers: wrote {path}", file=sys.stderr)
    return 1 if failures else 0


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def aarch64_toolchain(args, signc: Path, host_cfg: dict) -> Toolchain:
    build = args.aarch64_build.resolve()
    lib = build / "lib" / "libsign-runtime.a"
    if not lib.exists():
        sys.exit(f"run_peers: no aarch64 runtime at {lib} "
                 "(cmake --preset aarch64 && cmake --build --preset aarch64 --target sign_runtime)")
    home = None
    cache = build / "CMakeCache.txt"
    if cache.exists():
        m = re.search(r"^CMAKE_HOME_DIRECTORY:INTERNAL=(.*)$", cache.read_text(), re.M)
        home = Path(m.group(1)) if m else None
    include = (home or REPO) / "runtime-lib" / "include"
    cxx = "aarch64-linux-gnu-g++"
    if not shutil.which(cxx) or not shutil.which("qemu-aarch64"):
        sys.exit("run_peers: --aarch64 needs aarch64-linux-gnu-g++ and qemu-aarch64")
    link = [str(lib)]
    if any("mimalloc" in l for l in host_cfg["link"]):
        link.append("-lmimalloc")
    link += link_mode(host_cfg)
    cfg = {"compiler": cxx, "compile_flags": ["-std=c++20", "-O2"], "include_dirs": [str(include)], "link": link}
    # As cmake/toolchains/aarch64-linux-gnu.cmake runs the tests.
    emulator = ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "-E", "LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib"]
    return Toolchain(signc, cfg, cxx, ["-std=c++20", "-O2", *link_mode(host_cfg)], emulator, "aarch64")


def render(chosen, results, compile_times, meta, tc: Toolchain, use_chicken: bool, use_oracle: bool) -> str:
    L = []
    L.append(f"Measured {meta['date']} by `bench/run_peers.py{' --aarch64' if tc.emulator else ''}` "
             f"(median of {meta['runs']} or more interleaved runs — short workloads up to {4 * meta['runs']} —, wall time of the whole process, spawned directly by the script; CPU = user + system time of that process; peak RSS from one more run under `/usr/bin/time`).")
    L.append("")
    L.append(f"- machine: {meta['host']} ({meta['cpu']})")
    L.append(f"- signc: {meta['signc']}; generated C++ compiled with `{tc.config['compiler']} "
             f"{' '.join(tc.config['compile_flags'] + link_mode(tc.config))}` as `signc run` does")
    L.append(f"- hand C++: `{tc.cxx} {' '.join(tc.cxx_flags)}` ({meta['cxx']})")
    if tc.emulator:
        L.append(f"- both run under `{' '.join(tc.emulator)}`: only the ratio means anything")
    if use_chicken:
        L.append(f"- CHICKEN: `csc -O3` ({meta['csc']})")
    if use_oracle:
        L.append(f"- reference interpreter: sign-oracle (et-key/sign alpha/javascript, node {meta['node']}), "
                 f"median of {meta['oracle_runs']} runs; * = run at a smaller N and extrapolated: start-up as "
                 "measured plus evaluation time scaled by the units of work (fib: calls; Collatz: steps + "
                 "start values; loops: iterations)")
    L.append("")
    base = results.get("startup")
    head = ["workload", "hand C++", "Sign", "Sign ÷ C++", "(CPU time)"]
    if base:
        head += ["(CPU, net of start-up)"]
    if use_chicken:
        head += ["CHICKEN -O3", "CHICKEN ÷ C++", "CHICKEN ÷ Sign"]
    if use_oracle:
        head += ["ref. interpreter", "interp. ÷ Sign"]
    L.append("| " + " | ".join(head) + " |")
    L.append("|" + "---|" * len(head))
    for w in chosen:
        r = results[w.name]
        c, s = r["cpp"]["seconds"], r["sign"]["seconds"]
        cpu = r["sign"]["cpu_seconds"] / r["cpp"]["cpu_seconds"]
        row = [f"{w.name}", fmt_time(c), fmt_time(s), f"**{fmt_ratio(s / c)}**", f"({fmt_ratio(cpu)})"]
        if base:
            # CPU time less the start-up row's, only where hand C++ works
            # long enough (5 ms of CPU) for the difference to mean something.
            net_c = r["cpp"]["cpu_seconds"] - base["cpp"]["cpu_seconds"]
            net_s = r["sign"]["cpu_seconds"] - base["sign"]["cpu_seconds"]
            row.append(f"({fmt_ratio(net_s / net_c)})" if w.name != "startup" and net_c >= 0.005 else "")
        if use_chicken:
            k = r["chicken"]["seconds"]
            row += [fmt_time(k), fmt_ratio(k / c), fmt_ratio(k / s)]
        if use_oracle:
            o = r["oracle"]
            star = "*" if o["extrapolated"] else ""
            row += [f"{fmt_time(o['seconds'])}{star}", fmt_ratio(o["seconds"] / s)]
        L.append("| " + " | ".join(row) + " |")
    L.append("")
    L.append("Peak RSS:")
    L.append("")
    head = ["workload", "hand C++", "Sign", "Sign ÷ C++"]
    if use_chicken:
        head += ["CHICKEN -O3"]
    if use_oracle:
        head += ["ref. interpreter"]
    L.append("| " + " | ".join(head) + " |")
    L.append("|" + "---|" * len(head))
    for w in chosen:
        r = results[w.name]
        c, s = r["cpp"]["max_rss_kb"], r["sign"]["max_rss_kb"]
        row = [w.name, fmt_mb(c), fmt_mb(s), fmt_ratio(s / c)]
        if use_chicken:
            row.append(fmt_mb(r["chicken"]["max_rss_kb"]))
        if use_oracle:
            o = r["oracle"]
            row.append(fmt_mb(o["max_rss_kb"]) + (f" (N={o['n']:,})" if o["extrapolated"] else ""))
        L.append("| " + " | ".join(row) + " |")
    L.append("")
    L.append("Build time (one build each): `signc build` (transpile + clang-format), compiling its C++, "
             "compiling the hand C++:")
    L.append("")
    L.append("| workload | signc build | generated C++ compile | hand C++ compile | compile ratio |")
    L.append("|---|---|---|---|---|")
    for w in chosen:
        t = compile_times[w.name]
        L.append(f"| {w.name} | {fmt_time(t['signc'])} | {fmt_time(t['sign_cxx'])} | {fmt_time(t['cpp'])} | "
                 f"{fmt_ratio(t['sign_cxx'] / t['cpp'])} |")
    L.append("")
    L.append("Values printed (every variant printed the same): " +
             ", ".join(f"{w.name} `{results[w.name]['value']}`" for w in chosen))
    return "\n".join(L)


if __name__ == "__main__":
    sys.exit(main())
