#!/usr/bin/env python3
"""Processes: what a Pool buys for CPU-bound work, and what starting a process costs, under
gilsim and CPython side by side (real mode, wall clock, one run each in turn).

Usage: python3 bench/processes.py [--gilsim PATH] [--repeat N] [--quick]

Measured inside the workload process with time.perf_counter():
  1. `sum(i * i for i in range(n))` over 8 numbers (n = 300,000 + k) sequentially, then by
     `multiprocessing.Pool(2).map` (the pool already started). Ratio sequential / pool:
     about 2x on two idle cores for CPython, and the issue's target for gilsim (>= 1.8x).
  2. `Process(target=empty).start(); join()` with fork: mean milliseconds over 50.
  3. The same with spawn (`get_context("spawn")`): mean milliseconds over 10.
The best of --repeat runs is reported for each figure.
"""

import argparse
import ast
import os
import subprocess
import sys



def cpython():
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def run(cmd, path, scale):
    out = subprocess.run(cmd + [path, str(scale)], capture_output=True, text=True,
                         timeout=600)
    if out.returncode != 0:
        raise SystemExit("%s failed:\n%s" % (" ".join(cmd), out.stderr))
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gilsim", default="target/release/gilsim")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="smaller workload, one run")
    args = ap.parse_args()
    scale = 30_000 if args.quick else 300_000
    repeat = 1 if args.quick else args.repeat
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs",
                        "processes_workload.py")
    contenders = [("CPython " + sys.version.split()[0], [cpython()]),
                  ("gilsim", [args.gilsim])]
    best = {}
    for _ in range(repeat):
        for name, cmd in contenders:
            r = run(cmd, path, scale)
            b = best.setdefault(name, r)
            b["pool_speedup"] = max(b["pool_speedup"], r["pool_speedup"])
            for k in ("fork_ms", "spawn_ms", "seq_s", "pool_s"):
                b[k] = min(b[k], r[k])
    print("%-16s %14s %10s %10s %12s %12s" % ("", "sequential s", "Pool(2) s", "speed-up",
                                              "fork ms", "spawn ms"))
    for name, _ in contenders:
        b = best[name]
        print("%-16s %14.3f %10.3f %9.2fx %12.2f %12.2f" % (
            name, b["seq_s"], b["pool_s"], b["pool_speedup"], b["fork_ms"], b["spawn_ms"]))


if __name__ == "__main__":
    main()
