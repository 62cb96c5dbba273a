#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs Sign programs through `signc run --json` and compares each result with
the expected JSON beside it (<name>.json). Values are compared as JSON values:
integers exactly, other numbers with relative tolerance 1e-9, strings exactly,
arrays element-wise, objects by key set (the sign-oracle convention).
Prints one line per failure and a closing 'N passed, N failed' line."""
import argparse
import json
import math
import pathlib
import subprocess
import sys


def same(want, got):
    if isinstance(want, bool) or isinstance(got, bool):
        return want is got
    if isinstance(want, int) and isinstance(got, int):
        return want == got
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        if want == got:
            return True
        return math.isclose(float(want), float(got), rel_tol=1e-9, abs_tol=0.0)
    if isinstance(want, list) and isinstance(got, list):
        return len(want) == len(got) and all(same(a, b) for a, b in zip(want, got))
    if isinstance(want, dict) and isinstance(got, dict):
        return want.keys() == got.keys() and all(same(want[k], got[k]) for k in want)
    return want == got


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--signc", required=True)
    ap.add_argument("dirs", nargs="+", type=pathlib.Path)
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    cases = sorted(p for d in args.dirs for p in d.rglob("*") if p.suffix in (".sign", ".sn"))
    passed = failed = 0
    for case in cases:
        expected_file = case.with_suffix(".json")
        if not expected_file.exists():
            print(f"FAIL {case}: no expected file {expected_file.name}")
            failed += 1
            continue
        want = json.loads(expected_file.read_text())
        proc = subprocess.run([args.signc, "run", "--json", str(case)], capture_output=True, text=True,
                              timeout=args.timeout)
        lines = proc.stdout.strip().splitlines()
        if proc.returncode != 0 or not lines:
            print(f"FAIL {case}: exit {proc.returncode}\n{proc.stderr.strip()}")
            failed += 1
            continue
        try:
            got = json.loads(lines[-1])
        except json.JSONDecodeError:
            print(f"FAIL {case}: output is not JSON: {lines[-1]!r}")
            failed += 1
            continue
        if same(want, got):
            passed += 1
        else:
            print(f"FAIL {case}: want {json.dumps(want)}, got {json.dumps(got)}")
            failed += 1
    print(f"conformance: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
