#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the module cases: every directory under cases/ is one program of one
or more modules (and option.ms files). `signc run --json` runs its entry
(main.sign, or expected.json's "main"; "args" are more signc run options) and the result must be expected.json's
"value", or the build must fail with each of its "error" lines in the
diagnostics. The case's name says the rule it checks (memory-model.md,
build_system.md)."""
import argparse
import json
import os
import pathlib
import subprocess
import sys


def run_case(signc, case, env):
    expected = json.loads((case / "expected.json").read_text())
    entry = expected.get("main", "main.sign")
    proc = subprocess.run([signc, "run", "--json", *expected.get("args", []), entry], cwd=case, capture_output=True, text=True,
                          env=env, timeout=600)
    for warning in expected.get("warning", []):
        if warning not in proc.stderr:
            return f"diagnostics lack the warning {warning!r}:\n{proc.stderr}"
    if "error" in expected:
        if proc.returncode == 0:
            return f"expected a compile error, but it ran and printed {proc.stdout.strip()}"
        missing = [e for e in expected["error"] if e not in proc.stderr]
        if missing:
            return f"diagnostics lack {missing}:\n{proc.stderr}"
        return None
    if proc.returncode != 0:
        return f"exit {proc.returncode}:\n{proc.stderr}"
    try:
        got = json.loads(proc.stdout)
    except json.JSONDecodeError:
        return f"not JSON: {proc.stdout!r}\n{proc.stderr}"
    if got != expected["value"]:
        return f"got {json.dumps(got)}, expected {json.dumps(expected['value'])}"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--signc", required=True)
    ap.add_argument("--cases", required=True, type=pathlib.Path)
    args = ap.parse_args()
    env = dict(os.environ)
    failures = 0
    cases = sorted(p for p in args.cases.iterdir() if (p / "expected.json").exists())
    for case in cases:
        why = run_case(os.path.abspath(args.signc), case, env)
        print(f"{'FAIL' if why else 'ok  '} {case.name}" + (f": {why}" if why else ""))
        failures += why is not None
    print(f"{len(cases) - failures}/{len(cases)} module cases pass")
    return 1 if failures or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
