#!/usr/bin/env python3
"""Writes the expected output of every program in tests/interp/ with the CPython it names.

Usage: python3 tests/tools/expect_interp.py

Each program's first line says which CPython it is checked against
(`# Expected output: CPython 3.12 ...`); that version's interpreter (pyenv's newest of that
minor version, or `python3.12` on PATH) runs it, and its stdout goes to
tests/interp/expected/NAME.out, which `tests/interp.rs` compares gilsim's output with. The
programs use APIs that differ between CPython versions (`_xxsubinterpreters` of 3.12,
`_interpreters` of 3.13, `concurrent.interpreters` of 3.14), so they cannot be checked
against whatever `python3` is. pyenv has no 3.14 on these machines: Debian sid's
`python3.14` (in a debootstrap chroot, behind a `python3.14` wrapper on PATH) recorded 3.14's.
"""

import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(ROOT, "tests", "interp")


def interpreter(version):
    """The newest pyenv CPython of `version` (e.g. 3.12), or pythonX.Y on PATH."""
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
        candidates = sorted(glob.glob(os.path.join(root, "versions", version + ".*")),
                            key=lambda p: [int(x) for x in re.findall(r"\d+", os.path.basename(p))])
        for c in reversed(candidates):
            exe = os.path.join(c, "bin", "python" + version)
            if os.path.exists(exe):
                return exe
    except (OSError, subprocess.CalledProcessError):
        pass
    return shutil.which("python" + version)


def main():
    os.makedirs(os.path.join(DIR, "expected"), exist_ok=True)
    failed = 0
    for path in sorted(glob.glob(os.path.join(DIR, "*.py"))):
        with open(path, encoding="utf-8") as f:
            first = f.readline()
        m = re.search(r"CPython (\d+\.\d+)", first)
        if not m:
            print(f"{path}: no '# Expected output: CPython X.Y' on line 1")
            failed = 1
            continue
        exe = interpreter(m.group(1))
        if exe is None:
            print(f"{path}: CPython {m.group(1)} is not installed")
            failed = 1
            continue
        out = subprocess.run([exe, os.path.basename(path)], cwd=DIR, capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{path}: exit status {out.returncode}\n{out.stderr}")
            failed = 1
            continue
        name = os.path.basename(path)[:-3]
        with open(os.path.join(DIR, "expected", name + ".out"), "w", encoding="utf-8") as f:
            f.write(out.stdout)
        print(f"{name}: {exe}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
