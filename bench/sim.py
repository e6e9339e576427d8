#!/usr/bin/env python3
"""Simulated mode and explorer speed.

Usage: python3 bench/sim.py [--runs N] [--gilsim PATH] [--explore-only]

Prints, for each benchmark program, gilsim's wall time in real mode and with --sim (median
of N runs; targets: simulated >= 30 % of real speed), and for the explorer (median of N
explorations, bound 2, with one process and with one per core) the time, schedules per
second (target: >= 5000 on the 2-thread race) and peak memory (of the main process), on the
2-thread race, the bank exercise and the lecture's race and its fix (target: the lecture
race program explored in under 10 s).
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


def explore_once(path, flags, gilsim=None):
    """One exploration: (schedules, seconds as gilsim reports them, peak RSS in MB or None).
    The peak comes from GNU time where installed (a forked child's own rusage would count
    the Python process it was forked from)."""
    cmd = [gilsim or GILSIM, "explore"] + flags + [path]
    gnu_time = "/usr/bin/time"
    if os.path.exists(gnu_time):
        cmd = [gnu_time, "-f", "peak %M"] + cmd
    proc = subprocess.run(cmd, capture_output=True, text=True)
    m = re.search(r"explored (\d+) schedules in ([0-9.]+) (ms|s)\b", proc.stdout)
    if not m:
        return None, None, None
    secs = float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
    peak = re.search(r"^peak (\d+)$", proc.stderr, re.M)
    return int(m.group(1)), secs, int(peak.group(1)) / 1024 if peak else None


def explore_rate(path, flags, runs, gilsim=None):
    """Median over `runs` explorations: (schedules, seconds, schedules/s, peak MB)."""
    samples = [explore_once(path, flags, gilsim) for _ in range(runs)]
    samples = [s for s in samples if s[0] is not None]
    if not samples:
        return None, None, None, None
    n = samples[0][0]
    secs = statistics.median(s[1] for s in samples)
    peaks = [s[2] for s in samples if s[2] is not None]
    peak = max(peaks) if peaks else float("nan")
    return n, secs, n / max(secs, 1e-9), peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--gilsim", help="the binary to measure (default: build and use target/release)")
    ap.add_argument("--explore-only", action="store_true", help="skip the simulated-speed rows")
    args = ap.parse_args()
    if args.gilsim is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    gilsim = args.gilsim or GILSIM
    if not args.explore_only:
        print("simulated vs real speed (wall, median of %d):" % args.runs)
        for prog in ("count.py", "fib.py", "listsum.py", "dict_str.py", "sumsq_gen.py"):
            path = os.path.join(ROOT, "bench", "programs", prog)
            real = wall([gilsim, "run", path], args.runs)
            sim = wall([gilsim, "run", "--sim", path], args.runs)
            print("    %-14s real %.3f s  sim %.3f s  sim speed %3.0f %% of real"
                  % (prog, real, sim, 100 * real / sim))
        print()
    print("explorer:")
    with tempfile.TemporaryDirectory() as tmp:
        race = os.path.join(tmp, "race.py")
        with open(race, "w") as f:
            f.write(RACE)
        exercises = os.path.join(ROOT, "programs", "exercises")
        bank = os.path.join(exercises, "bank_race.py")
        lecture = os.path.join(exercises, "counter_race.py")
        fixed = os.path.join(exercises, "counter_race_fixed.py")
        for label, path, flags in (
            ("2-thread x += 1, 3.10", race, []),
            ("2-thread x += 1, every-op", race, ["--check-points", "every-op"]),
            ("bank exercise, 3.10", bank, []),
            ("bank exercise, every-op", bank, ["--check-points", "every-op"]),
            ("lecture race, seed 3", lecture, ["--seed", "3"]),
            ("lecture race fixed", fixed, []),
        ):
            for jobs in ("1", str(os.cpu_count() or 1)):
                n, secs, rate, peak = explore_rate(path, flags + ["--jobs", jobs], args.runs, gilsim)
                if n is None:
                    print("    %-28s failed" % label)
                    continue
                print("    %-28s -j %s %6s schedules  %8.4f s  %7.0f schedules/s  peak %5.1f MB"
                      % (label, jobs, n, secs, rate, peak))


if __name__ == "__main__":
    sys.exit(main())
