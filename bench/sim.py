#!/usr/bin/env python3
"""Simulated mode and explorer speed.

Usage: python3 bench/sim.py [--runs N]

Prints, for each benchmark program, gilsim's wall time in real mode and with --sim (median
of N runs; targets: simulated >= 30 % of real speed), and the explorer's schedules per
second on the 2-thread race and on the bank exercise (target: >= 5000 schedules/s).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

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


def wall(cmd, runs):
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def explore_rate(path, flags):
    out = subprocess.run([GILSIM, "explore"] + flags + [path], capture_output=True,
                         text=True).stdout
    m = re.search(r"explored (\d+) schedules in ([0-9.]+) s", out)
    if not m:
        return None, None
    n, secs = int(m.group(1)), float(m.group(2))
    return n, n / max(secs, 1e-9)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print("simulated vs real speed (wall, median of %d):" % args.runs)
    for prog in ("count.py", "fib.py", "listsum.py", "dict_str.py", "sumsq_gen.py"):
        path = os.path.join(ROOT, "bench", "programs", prog)
        real = wall([GILSIM, "run", path], args.runs)
        sim = wall([GILSIM, "run", "--sim", path], args.runs)
        print("    %-14s real %.3f s  sim %.3f s  sim speed %3.0f %% of real"
              % (prog, real, sim, 100 * real / sim))
    print()
    print("explorer:")
    with tempfile.TemporaryDirectory() as tmp:
        race = os.path.join(tmp, "race.py")
        with open(race, "w") as f:
            f.write(RACE)
        bank = os.path.join(ROOT, "programs", "exercises", "bank_race.py")
        for label, path, flags in (
            ("2-thread x += 1, 3.10", race, []),
            ("2-thread x += 1, every-op", race, ["--check-points", "every-op"]),
            ("bank exercise, 3.10", bank, []),
            ("bank exercise, every-op", bank, ["--check-points", "every-op"]),
        ):
            n, rate = explore_rate(path, flags)
            print("    %-28s %6s schedules  %7.0f schedules/s" % (label, n, rate or 0))


if __name__ == "__main__":
    sys.exit(main())
