#!/usr/bin/env python3
"""What watching a run costs: --trace-json and --html on a two-thread CPU-bound real run.

Usage: python3 bench/trace.py [--gilsim PATH] [--repeat N] [--n N]

Two threads each count down from N (default 25,000,000) in real mode with a 2.5 ms switch
interval, so they trade the GIL a few thousand times. Each variant runs --repeat times
(default 3, alternating) and the minimum wall time and CPU time (user + system: steadier
than wall time when other processes share the cores) of the whole process are kept: no
view, --trace-json, --html. Also reported: the switches, the JSON's and the report's
size, and how long the report takes to be drawn in headless Chromium (tests/tools/
html_check.py, when Chromium is there). Issue 17's targets: tracing adds at most 10 %, the
JSON is at most 5 MB, the report opens in at most 2 s. Wall times on a shared 2-core
machine are noisy; nothing here is asserted in tests.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

PROGRAM = """import threading
def count(n):
    while n > 0:
        n -= 1
threads = [threading.Thread(target=count, args=({n},)) for _ in range(2)]
for t in threads: t.start()
for t in threads: t.join()
"""


def run(gilsim, program, extra):
    """(wall seconds, CPU seconds: user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([gilsim, "run", "--switch-interval", "0.0025", *extra, program],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gilsim", default=os.path.join(ROOT, "target", "release", "gilsim"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--n", type=int, default=25_000_000)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="gilsim-bench-trace-")
    program = os.path.join(tmp, "two_threads.py")
    with open(program, "w") as f:
        f.write(PROGRAM.format(n=args.n))
    trace, page = os.path.join(tmp, "t.json"), os.path.join(tmp, "r.html")
    variants = {"no view": [], "--trace-json": ["--trace-json", trace], "--html": ["--html", page]}
    best = {name: (float("inf"), float("inf")) for name in variants}
    for _ in range(args.repeat):
        for name, extra in variants.items():
            wall, cpu = run(args.gilsim, program, extra)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    with open(trace) as f:
        events = json.load(f)["traceEvents"]
    switches = sum(1 for e in events if e.get("flow_in"))
    base_wall, base_cpu = best["no view"]
    print(f"gilsim {args.gilsim}, two threads x {args.n:,} decrements, real mode, "
          f"switch interval 2.5 ms, best of {args.repeat} (wall, and CPU: user + system)")
    for name, (wall, cpu) in best.items():
        print(f"  {name:<13} wall {wall:7.3f} s {100 * (wall / base_wall - 1):+6.1f} %   "
              f"CPU {cpu:7.3f} s {100 * (cpu / base_cpu - 1):+6.1f} %")
    print(f"  switches (handoff arrows in the trace): {switches}")
    print(f"  trace JSON: {os.path.getsize(trace) / 1e6:.2f} MB ({len(events)} events); "
          f"HTML report: {os.path.getsize(page) / 1e6:.2f} MB")
    check = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "tools", "html_check.py"),
                            page, os.path.join(tmp, "r.png")], capture_output=True, text=True)
    if check.returncode == 0:
        seen = json.loads(check.stdout)
        print(f"  report drawn in headless Chromium in {seen['ready_seconds']:.2f} s "
              f"({seen['slices']} slices, console errors: {len(seen['console_errors'])})")
    else:
        print("  (no Chromium: the report's load time was not measured)")


if __name__ == "__main__":
    main()
