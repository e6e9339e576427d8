#!/usr/bin/env python3
"""Runs every benchmark under gilsim and CPython side by side and prints the ratios.

Usage: python3 bench/compare.py [--runs N] [--no-callgrind]

Wall times are medians over N runs of the whole process (start-up included), measured in one
session so both interpreters see the same machine load. Also reports: start-up time
(`-c pass`), peak memory (max RSS), and valgrind/callgrind instructions per iteration of the
`while n > 0: n -= 1` loop (noise-free) for both interpreters.
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
GILSIM = os.path.join(ROOT, "target", "release", "gilsim")


def cpython() -> str:
    # The real binary, not the pyenv shim (which adds ~0.1 s per start).
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def wall(cmd, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def max_rss_kib(cmd):
    if not shutil.which("/usr/bin/time") and not os.path.exists("/usr/bin/time"):
        return None
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        return int(out.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def callgrind_instructions(cmd):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        res = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + cmd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in res.stderr.splitlines():
            if "Collected" in line:
                return int(line.split(":")[-1].strip().replace(",", ""))
    return None


def per_iteration(interpreter, tmp):
    """Instructions per `while n > 0: n -= 1` iteration: difference of two run lengths."""
    counts = []
    for n in (100_000, 200_000):
        path = os.path.join(tmp, f"count_{n}.py")
        with open(path, "w") as f:
            f.write(f"def count(n):\n    while n > 0:\n        n -= 1\ncount({n})\n")
        counts.append(callgrind_instructions([interpreter, path]))
    if None in counts:
        return None
    return (counts[1] - counts[0]) / 100_000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    if not os.path.exists(GILSIM):
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
    py = cpython()
    version = subprocess.run([py, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"gilsim vs {version} ({py}), median of {args.runs} runs\n")
    print(f"{'benchmark':<14}{'CPython s':>11}{'gilsim s':>11}{'ratio':>8}{'CPython KiB':>13}{'gilsim KiB':>12}")
    results = {}
    ratios = []
    for name in sorted(os.listdir(PROGRAMS)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(PROGRAMS, name)
        tp = wall([py, path], args.runs)
        tg = wall([GILSIM, path], args.runs)
        mp, mg = max_rss_kib([py, path]), max_rss_kib([GILSIM, path])
        ratio = tg / tp
        ratios.append(ratio)
        results[name] = {"cpython": tp, "gilsim": tg, "ratio": ratio, "cpython_kib": mp, "gilsim_kib": mg}
        print(f"{name[:-3]:<14}{tp:>11.3f}{tg:>11.3f}{ratio:>8.2f}{mp or 0:>13}{mg or 0:>12}")
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"\ngeometric mean of the ratios: {geo:.2f} (target <= 0.8; worst {max(ratios):.2f}, target <= 1.5)")
    start_p = wall([py, "-c", "pass"], max(args.runs, 10))
    start_g = wall([GILSIM, "run", "-c", "pass"], max(args.runs, 10))
    print(f"start-up (-c pass): CPython {start_p * 1000:.1f} ms, gilsim {start_g * 1000:.1f} ms (target <= 5 ms)")
    results["_summary"] = {"geomean": geo, "startup_cpython": start_p, "startup_gilsim": start_g}
    if not args.no_callgrind and shutil.which("valgrind"):
        with tempfile.TemporaryDirectory() as tmp:
            ig = per_iteration(GILSIM, tmp)
            ip = per_iteration(py, tmp)
        print(f"callgrind instructions per `while n > 0: n -= 1` iteration: "
              f"gilsim {ig:.0f}, CPython {ip:.0f} (target <= 150)")
        results["_summary"].update({"count_instr_gilsim": ig, "count_instr_cpython": ip})
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
