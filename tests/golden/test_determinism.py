#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""golden/determinism (issue 10, DESIGN "Output is deterministic"): the same
Sign input gives byte-identical .sign.cpp/.sign.hpp/.main.cpp whatever the
directory it sits in, the working directory, the order of the inputs and
import directories, the environment, and however often or concurrently signc
runs; and no directory, user, host, time or version leaks into the text.

The programs are every golden and conformance input that produces C++, built
one directory at a time (names are unique within a directory), as copies in
temporary directories. Usage: test_determinism.py SIGNC"""
import concurrent.futures
import datetime
import getpass
import os
import re
import shutil
import pathlib
import socket
import sys
import tempfile

from checks import (CONFORMANCE, GOLDEN, REPO, build_ok, case_groups, check, first_difference, line_paths,
                    outputs, run_checks, signc)

# Environments that differ in everything a careless generator might read.
ENV_A = {"TZ": "UTC", "LC_ALL": "C", "LANG": "C"}
ENV_B = {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "USER": "someone-else",
         "LOGNAME": "someone-else", "HOME": "/nonexistent", "SOURCE_DATE_EPOCH": "1"}


def environment(extra):
    env = dict(os.environ)
    env.update(extra)
    return env


def only_inputs(directory, names):
    """shutil.copytree filter: directories and Sign inputs only."""
    return [n for n in names
            if not os.path.isdir(os.path.join(directory, n)) and not n.endswith((".sign", ".sn"))]


class Tree:
    """A copy of the golden and conformance inputs under `root` (a fresh
    absolute directory), and its groups: (directory, [input names])."""

    def __init__(self, root):
        self.root = root
        for src in (GOLDEN, CONFORMANCE):
            shutil.copytree(src, root / src.name, ignore=only_inputs)
        self.groups = [(root / r.name / files[0].parent, [f.name for f in files])
                       for r, files in case_groups(GOLDEN, CONFORMANCE)]

    def build(self, out, *args, order=lambda names: names, env=None, from_root=False):
        """signc build --entry, one run per group from the group's directory (or
        from the tree's root, naming inputs by their path from there); returns
        {group/output name: bytes}."""
        result = {}
        for directory, names in self.groups:
            group = directory.relative_to(self.root)
            out_dir = out / group
            if from_root:
                inputs, cwd = [group / n for n in order(names)], self.root
            else:
                inputs, cwd = order(names), directory
            build_ok(self.signc, "--entry", *inputs, "-o", out_dir, *args, cwd=cwd, env=env)
            result.update({f"{group}/{name}": text for name, text in outputs(out_dir).items()})
        return result


class Baseline:
    """One build of the inputs in ENV_A, kept for the whole run: the reference
    the checks compare their differently made builds with (each such build
    is minutes under a sanitizer, so none is made twice)."""
    _made = None

    def __init__(self):
        self.keep = tempfile.TemporaryDirectory(prefix="signc-baseline-")
        self.tmp = pathlib.Path(self.keep.name)
        self.tree = Tree(self.tmp / "src")
        self.files = self.tree.build(self.tmp / "out", env=environment(ENV_A))

    @classmethod
    def get(cls):
        if cls._made is None:
            cls._made = Baseline()
        return cls._made


def assert_same(a, b, what):
    assert a, f"{what}: no output at all"
    diff = first_difference(a, b)
    assert diff is None, f"{what}: {diff}"


def replace_in_line_directives(files, old, new):
    """Rewrites the path prefix `old` of every #line directive to `new`."""
    pattern = re.compile(rb'^(#line \d+ ")' + re.escape(old.encode()), re.M)
    return {name: pattern.sub(lambda m: m.group(1) + new.encode(), text) for name, text in files.items()}


# ---- the rules -------------------------------------------------------------------

@check
def sources_in_two_directories_give_identical_files(tmp):
    two = Tree(tmp / "two" / "deeper" / "elsewhere")
    assert_same(Baseline.get().files, two.build(tmp / "two" / "gen" / "x"), "the same sources in two directories")


@check
def environment_does_not_change_output(tmp):
    tree = Tree(tmp / "src")
    assert_same(Baseline.get().files, tree.build(tmp / "b", env=environment(ENV_B)),
                "TZ, locale, USER, HOME, SOURCE_DATE_EPOCH")


@check
def input_order_does_not_change_any_file(tmp):
    tree = Tree(tmp / "src")
    dirs = ["-I", tmp / "src" / "golden", "-I", tmp / "src" / "conformance", "-I", tmp]
    reversed_dirs = dirs[4:] + dirs[2:4] + dirs[:2]
    forward = tree.build(tmp / "forward", *dirs)
    backward = tree.build(tmp / "backward", *reversed_dirs, order=lambda names: names[::-1])
    rotated = tree.build(tmp / "rotated", order=lambda names: names[len(names) // 2:] + names[:len(names) // 2])
    assert_same(forward, backward, "inputs and -I directories in reverse order")
    assert_same(forward, rotated, "inputs in rotated order")


@check
def repeated_and_concurrent_runs_give_identical_files(tmp):
    tree = Tree(tmp / "src")
    first = Baseline.get().files
    with concurrent.futures.ThreadPoolExecutor(2) as pool:  # two signc at once, as under make -j2
        runs = [pool.submit(tree.build, tmp / f"parallel-{i}") for i in range(2)]
        parallel = [r.result() for r in runs]
    for i, files in enumerate(parallel):
        assert_same(first, files, f"concurrent run {i}, after a first")


@check
def working_directory_enters_only_through_the_relative_line_path(tmp):
    tree = Tree(tmp / "src")
    for mode in ("none", "relative"):
        # (Relative is the default: the baseline is that build.)
        here = tree.build(tmp / mode / "here", f"--line-directives={mode}") if mode == "none" else Baseline.get().files
        root = tree.build(tmp / mode / "root", f"--line-directives={mode}", from_root=True)
        if mode == "relative":
            # From the root, the path names the group: golden/codegen/x.sign.
            for name, text in root.items():
                group = name.rsplit("/", 1)[0]
                for path in line_paths(text.decode()):
                    assert path.startswith(group + "/"), f"{name}: #line path {path!r}, run from the tree's root"
            root = {n: replace_in_line_directives({n: t}, n.rsplit("/", 1)[0] + "/", "")[n] for n, t in root.items()}
        assert_same(here, root, f"--line-directives={mode} from another working directory")


@check
def absolute_line_paths_are_the_only_directory_dependence(tmp):
    trees = [Tree(tmp / "one" / "src"), Tree(tmp / "two" / "other" / "place")]
    results = []
    for i, tree in enumerate(trees):
        real = os.path.realpath(tree.root)  # signc makes paths absolute from getcwd()
        files = tree.build(tmp / f"out-{i}", "--line-directives=absolute")
        for name, text in files.items():
            group, output = name.rsplit("/", 1)
            stem = output.split(".")[0]
            for path in line_paths(text.decode()):
                assert path.startswith(f"{real}/{group}/{stem}."), f"{name}: #line path {path!r} is not absolute"
        results.append(replace_in_line_directives(files, real + "/", "<src>/"))
    assert_same(results[0], results[1], "--line-directives=absolute in two directories, paths aside")


@check
def output_names_no_directory_user_host_time_or_version(_):
    baseline = Baseline.get()
    tree, tmp, files = baseline.tree, baseline.tmp, baseline.files
    version = signc(tree.signc, "--version").stdout.split()[1]  # "signc 0.1.0 (Sign runtime ABI 1)"
    now = datetime.datetime.now()
    today = [now.strftime(f) for f in ("%Y-%m-%d", "%b %e %Y", "%b %d %Y", "%d/%m/%Y", "%Y%m%d")]
    home = os.path.expanduser("~")
    fragments = [str(tmp), os.path.realpath(tmp), str(REPO), home if home != "/" else None, "/tmp/", "/home/",
                 f"signc {version}", *today]
    words = [getpass.getuser(), socket.gethostname(), str(now.year)]
    for name, data in files.items():
        text = data.decode()
        group, output = name.rsplit("/", 1)
        stem = output.split(".")[0]
        source = next((tree.root / group / (stem + ext)) for ext in (".sign", ".sn")
                      if (tree.root / group / (stem + ext)).exists()).read_text()
        for fragment in filter(None, fragments):
            assert fragment not in text or fragment in source, f"{name} contains {fragment!r}, not in its input"
        for word in filter(None, words):
            pattern = re.compile(rf"\b{re.escape(word)}\b")
            assert not pattern.search(text) or pattern.search(source), f"{name} contains {word!r}, not in its input"
        clock = re.search(r"\b\d\d:\d\d:\d\d\b", text)
        assert not clock or clock.group(0) in source, f"{name} contains a time of day {clock.group(0)!r}"
        for macro in ("__DATE__", "__TIME__", "__TIMESTAMP__", "__FILE__"):
            assert macro not in text, f"{name} uses {macro}: its object code would depend on the build"


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    Tree.signc = os.path.abspath(sys.argv[1])
    return run_checks("determinism")


if __name__ == "__main__":
    sys.exit(main())
