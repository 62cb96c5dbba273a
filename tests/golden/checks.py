# SPDX-License-Identifier: MIT
"""Shared by the whole-output checks of tests/golden (test_*.py): a registry of
named checks run in fresh temporary directories, signc and compiler helpers.

A check is a function named after the rule it checks; it passes unless it
raises AssertionError. @xfail marks a check that fails today because of a known
bug, named in its reason: its failure is reported but does not fail the test,
and its passing does (XPASS, lit's convention), so the mark goes when the bug
is fixed; Stale says its probe no longer provokes the bug, a failure too. Skip
raises a whole-test skip (exit 77, ctest SKIP_RETURN_CODE)."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

SKIP = 77
REPO = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden"
CONFORMANCE = REPO / "tests" / "conformance"

_checks = []


class Skip(Exception):
    """The test cannot run here (a tool is missing); exits 77."""


class Stale(Exception):
    """The check's probe no longer provokes what it is about (say, after a
    change in the emitted shape): a failure even for an @xfail check."""


def check(fn):
    _checks.append((fn, None))
    return fn


def xfail(reason):
    def mark(fn):
        _checks.append((fn, reason))
        return fn
    return mark


def run_checks(name, *args):
    """Runs every registered check as fn(tmp, *args); returns the exit status."""
    passed = failed = xfailed = 0
    for fn, reason in _checks:
        with tempfile.TemporaryDirectory(prefix="signc-check-") as d:
            try:
                fn(pathlib.Path(d), *args)
            except Skip as e:
                print(f"SKIP {name}: {e}")
                return SKIP
            except Stale as e:
                failed += 1
                print(f"ERROR {fn.__name__}: the probe is stale: {e}")
                continue
            except AssertionError as e:
                if reason:
                    xfailed += 1
                    print(f"XFAIL {fn.__name__} (known bug: {reason}): {e}")
                else:
                    failed += 1
                    print(f"FAIL {fn.__name__}: {e}")
                continue
            if reason:
                failed += 1
                print(f"XPASS {fn.__name__}: passes now; remove its @xfail ({reason})")
            else:
                passed += 1
    print(f"{name}: {passed} passed, {failed} failed, {xfailed} expected failures")
    return 1 if failed else 0


# ---- signc ---------------------------------------------------------------------

def signc(signc_path, *args, cwd=None, env=None):
    return subprocess.run([str(signc_path), *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env)


def build_ok(signc_path, *args, cwd=None, env=None):
    """signc build ARGS; asserts success and returns the process."""
    p = signc(signc_path, "build", *args, cwd=cwd, env=env)
    assert p.returncode == 0, f"signc build {' '.join(map(str, args))} (in {cwd}) failed:\n{p.stderr}"
    return p


def sample_stride():
    """SIGN_CHECK_SAMPLE=N (set by tests/golden/CMakeLists.txt for sanitizer
    builds, where signc formats ~15x slower): the whole-output checks take every
    Nth conformance program of each directory instead of all of them."""
    value = os.environ.get("SIGN_CHECK_SAMPLE", "1")
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"SIGN_CHECK_SAMPLE={value!r}: expected a whole number from 1")
    return int(value)


def case_groups(*roots):
    """Sign inputs grouped by directory (names are unique within one), relative
    to their root: [(root, [relative paths])]. Syntax goldens (front end only)
    and *-error cases are left out: they produce no C++. Under a sample stride,
    conformance directories keep every Nth program (each stands alone); golden
    directories stay whole (one of them imports a sibling)."""
    stride = sample_stride()
    groups = []
    for root in roots:
        dirs = sorted({p.parent for p in root.rglob("*") if p.suffix in (".sign", ".sn")})
        for d in dirs:
            if d.relative_to(root).parts[:1] == ("syntax",):
                continue
            files = sorted(p.relative_to(root) for p in d.iterdir()
                           if p.suffix in (".sign", ".sn") and not p.stem.endswith("-error"))
            if root == CONFORMANCE:
                files = files[::stride]
            if files:
                groups.append((root, files))
    return groups


def outputs(directory):
    """{name: bytes} of the generated C++ in a directory (depfiles are not output
    text: they name input paths on purpose)."""
    return {p.name: p.read_bytes() for p in sorted(pathlib.Path(directory).iterdir())
            if p.name.endswith((".sign.cpp", ".sign.hpp", ".main.cpp"))}


def first_difference(a, b):
    """A short description of where two {name: bytes} maps differ, or None."""
    if a.keys() != b.keys():
        return f"different files: {sorted(a.keys() ^ b.keys())}"
    for name in a:
        if a[name] != b[name]:
            la, lb = a[name].decode().splitlines(), b[name].decode().splitlines()
            for i, (x, y) in enumerate(zip(la, lb), 1):
                if x != y:
                    return f"{name}:{i}: {x!r} != {y!r}"
            return f"{name}: {len(la)} lines != {len(lb)} lines"
    return None


LINE_DIRECTIVE = re.compile(r'^#line (\d+) "((?:[^"\\]|\\.)*)"$', re.M)


def is_line_reset(path):
    """A #line naming the generated file itself: where mapped code ends, the
    numbering goes back to the .sign.cpp (emit.cpp, resolve_line_resets)."""
    return path.endswith(".sign.cpp")


def line_paths(text):
    """The set of Sign file names the #line directives of a C++ text give
    (resets to the generated file left out)."""
    return {m.group(2) for m in LINE_DIRECTIVE.finditer(text) if not is_line_reset(m.group(2))}


def line_map(text):
    """[(generated line number, sign line)] for every C++ line after a #line
    directive, following the directive's numbering until the next one."""
    mapped, current = [], None
    for number, line in enumerate(text.splitlines(), 1):
        m = LINE_DIRECTIVE.match(line)
        if m:
            current = None if is_line_reset(m.group(2)) else int(m.group(1))
            continue
        if current is not None:
            mapped.append((number, current, line))
            current += 1
    return mapped


# ---- compiling generated C++ like `signc run` ------------------------------------

def run_config(signc_path):
    """share/sign/run-config.json beside signc: the compiler and flags `signc run` uses."""
    path = pathlib.Path(signc_path).resolve().parent.parent / "share" / "sign" / "run-config.json"
    return json.loads(path.read_text())


def compile_command(cfg, sources, output=None, extra=(), debug=False, syntax_only=False):
    flags = list(cfg["compile_flags"])
    if debug:  # what a debugging session uses: no optimisation, full debug info
        flags = [f for f in flags if not re.fullmatch(r"-O.*|-g.*", f)] + ["-O0", "-g"]
    cmd = [cfg["compiler"], *flags, *extra, *[f"-I{d}" for d in cfg["include_dirs"]], *map(str, sources)]
    if syntax_only:
        return cmd + ["-fsyntax-only"]
    return cmd + ["-o", str(output), *cfg["link"]]


def require_tool(name):
    path = shutil.which(name)
    if not path:
        raise Skip(f"{name} is not installed")
    return path
