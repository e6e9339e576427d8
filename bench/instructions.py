#!/usr/bin/env python3
"""Instruction counts (valgrind --tool=callgrind): exact, immune to machine noise.

Usage: python3 bench/instructions.py [--gilsim PATH] [--json FILE]

Counts, for one gilsim binary (default: target/release/gilsim):
  - instructions per iteration of `while n > 0: n -= 1` in a function (difference of two
    run lengths),
  - the whole of `bench/programs/fib.py`,
  - the whole exploration of the 2-thread `x += 1` race under the 3.10 check points
    (44 schedules, one process: `--jobs 1`),
so that a refactoring can show its hot paths did not get slower (compare two binaries by
running the script once with each).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GILSIM = os.path.join(ROOT, "target", "release", "gilsim")
RACE = """import threading
x = 0
def work():
    global x
    x += 1
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(x)
"""
COUNT = "def count(n):\n    while n > 0:\n        n -= 1\ncount({n})\n"


def callgrind(cmd):
    """Instructions the whole command executed (all its threads)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        res = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in res.stderr.splitlines():
            if "Collected" in line:
                return int(line.split(":")[-1].strip().replace(",", "")), res.stdout
    raise SystemExit(f"callgrind failed on {cmd}:\n{res.stderr[-2000:]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gilsim", default=GILSIM)
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    gilsim = args.gilsim
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        counts = []
        for n in (100_000, 200_000):
            path = os.path.join(tmp, f"count{n}.py")
            with open(path, "w") as f:
                f.write(COUNT.format(n=n))
            counts.append(callgrind([gilsim, path])[0])
        results["countdown per iteration"] = (counts[1] - counts[0]) / 100_000
        fib = os.path.join(ROOT, "bench", "programs", "fib.py")
        results["fib.py"] = callgrind([gilsim, fib])[0]
        race = os.path.join(tmp, "race.py")
        with open(race, "w") as f:
            f.write(RACE)
        total, out = callgrind([gilsim, "explore", "--jobs", "1", race])
        if "explored 44 schedules" not in out:
            raise SystemExit(f"the race did not explore 44 schedules:\n{out}")
        results["explore race (44 schedules)"] = total
    for name, value in results.items():
        if isinstance(value, float):
            print(f"{name:32} {value:12.1f}")
        else:
            print(f"{name:32} {value / 1e6:10.1f} M")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
