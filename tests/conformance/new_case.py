#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Adds conformance cases: writes <area>/<name>.sign and the expected
<name>.json, taken from the reference interpreter through sign-oracle.

  new_case.py AREA NAME < program.sign
  new_case.py --table cases.txt     # blocks: "=== area/name" then the program

A program the reference cannot run is reported and not added: its expected
value has to come from the specification, written by hand."""
import argparse
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ORACLE = HERE.parents[2] / "shared" / "tools" / "sign-oracle" / "run.sh"


def add(area, name, program, oracle):
    proc = subprocess.run([str(oracle), "-"], input=program, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0 or not proc.stdout.strip():
        print(f"skipped {area}/{name}: the reference says: {proc.stderr.strip()[:200]}")
        return False
    out = HERE / area
    out.mkdir(exist_ok=True)
    (out / f"{name}.sign").write_text(program if program.endswith("\n") else program + "\n")
    (out / f"{name}.json").write_text(proc.stdout.strip() + "\n")
    return True


def table(path):
    area = name = None
    lines = []
    for line in pathlib.Path(path).read_text().splitlines():
        if line.startswith("=== "):
            if area:
                yield area, name, "\n".join(lines).strip("\n") + "\n"
            area, name = line[4:].strip().split("/")
            lines = []
        else:
            lines.append(line)
    if area:
        yield area, name, "\n".join(lines).strip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("area", nargs="?")
    ap.add_argument("name", nargs="?")
    ap.add_argument("--table")
    ap.add_argument("--oracle", default=str(ORACLE))
    args = ap.parse_args()
    if args.table:
        added = sum(add(a, n, p, args.oracle) for a, n, p in table(args.table))
        print(f"added {added} cases")
        return 0
    if not (args.area and args.name):
        ap.error("give AREA NAME, or --table")
    return 0 if add(args.area, args.name, sys.stdin.read(), args.oracle) else 1


if __name__ == "__main__":
    sys.exit(main())
