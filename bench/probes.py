#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Held-out probes (issue 11: "checked independently with held-out
workloads of the same kinds"): programs of the workloads' kinds written
another way than bench/workloads/, each a Sign program and an idiomatic
hand-written C++ program printing the same value. Prints a Markdown table
of wall times (median of --runs, the program alone) and Sign ÷ C++.

  bench/probes.py [--build-dir build/dev] [--runs 7] [--only tak,points]
                  [--dir bench/probes]

The Sign program is compiled as `signc run` compiles it (its cached binary
is timed); the C++ with the compiler and flags of the build's
share/sign/run-config.json, linked alike."""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
PROBES = ROOT / "bench" / "probes"


def wall_ms(cmd, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build-dir", default=str(ROOT / "build" / "dev"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--only", help="comma-separated probe names")
    ap.add_argument("--dir", default=str(PROBES), help="where the probes' NAME.sign and NAME.cpp are")
    args = ap.parse_args()
    build = pathlib.Path(args.build_dir)
    signc = build / "bin" / "signc"
    config = json.loads((build / "share" / "sign" / "run-config.json").read_text())
    probes = pathlib.Path(args.dir)
    names = sorted(p.stem for p in probes.glob("*.sign"))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    link = [f for f in config["link"] if f.startswith("-static")]  # linked as the Sign program is
    with tempfile.TemporaryDirectory() as tmp:
        print("| probe | kind | hand C++ | Sign | Sign ÷ C++ |")
        print("|---|---|---|---|---|")
        for name in names:
            sign_src = probes / f"{name}.sign"
            hand = pathlib.Path(tmp, name)
            subprocess.run([config["compiler"], *config["compile_flags"], str(probes / f"{name}.cpp"), "-o", str(hand),
                            *link], check=True)
            # `signc run` compiles (into the cache) and runs; the program it
            # ran is the one entry in a cache of this probe's own.
            cache = pathlib.Path(tmp, "cache-" + name)
            env = dict(os.environ, SIGN_CACHE_DIR=str(cache))
            sign_out = subprocess.run([str(signc), "run", str(sign_src)], env=env, capture_output=True, text=True,
                                      check=True).stdout.strip()
            programs = [p for p in cache.rglob("program") if p.is_file() and os.access(p, os.X_OK)]
            if len(programs) != 1:
                sys.exit(f"{name}: expected one cached program, found {len(programs)}")
            hand_out = subprocess.run([str(hand)], capture_output=True, text=True, check=True).stdout.strip()
            if hand_out != sign_out:
                sys.exit(f"{name}: hand C++ printed {hand_out}, Sign {sign_out}")
            kind = sign_src.read_text().splitlines()[0].lstrip("` ").split(":")[0]
            h = wall_ms([str(hand)], args.runs)
            s = wall_ms([str(programs[0])], args.runs)
            print(f"| {name} | {kind} | {h:.1f} ms | {s:.1f} ms | {s / h:.2f}× |")


if __name__ == "__main__":
    main()
