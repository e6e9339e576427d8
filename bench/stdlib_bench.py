#!/usr/bin/env python3
"""The standard-library targets of issue 16, gilsim beside CPython's real binary.

Usage: python3 bench/stdlib_bench.py [--runs N] [--starts N] [--only NAME,...] [--gilsim PATH]

Rows (timed inside the interpreter with time.perf_counter, best of --runs calls in one
process, start-up left out; both interpreters row after row in one session):
  deque       a million deque.append, then a million deque.popleft
  counter     Counter() of a million ints (1000 distinct)
  json_dumps  json.dumps of a ~3.0 MB document (20,000 dicts of str/int/float/bool/list)
  json_loads  json.loads of the same text
Start-up: median wall time of --starts processes of `-c pass` and of
`-c "import collections, functools, itertools, dataclasses"`; the difference is what the
imports add (target: <= 2 ms for gilsim).
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# The same CPython lookup and row timing as the broad benchmark.
from broad import cpython, timed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GILSIM = os.path.join(ROOT, "target", "release", "gilsim")

DOC = """
import json
doc = [{"id": i, "name": "item %d" % i, "tags": ["red", "green", "blue"],
        "price": i / 7, "stock": i % 13 == 0, "owner": {"login": "u%d" % (i % 97), "n": i}}
       for i in range(20000)]
text = json.dumps(doc)
"""

# name -> (module-level setup, function body)
ROWS = {
    "deque": ("from collections import deque\n", """
    d = deque()
    for i in range(1_000_000):
        d.append(i)
    for i in range(1_000_000):
        d.popleft()
"""),
    "counter": ("from collections import Counter\n"
                "data = [i % 1000 for i in range(1_000_000)]\n", """
    Counter(data)
"""),
    "json_dumps": (DOC, """
    json.dumps(doc)
"""),
    "json_loads": (DOC, """
    json.loads(text)
"""),
}


def program(name, runs):
    setup, body = ROWS[name]
    return ("import time\n" + setup + "\ndef row():" + body +
            f"\nbest = None\nfor _ in range({runs}):\n"
            f"    t0 = time.perf_counter()\n    row()\n"
            f"    t = time.perf_counter() - t0\n"
            f"    best = t if best is None or t < best else best\n"
            f"print(best)\n")


def start_ms(interpreter, code, starts):
    times = []
    for _ in range(starts):
        t0 = time.perf_counter()
        subprocess.run([interpreter, "-c", code], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--starts", type=int, default=21)
    ap.add_argument("--only", help="comma-separated row names")
    ap.add_argument("--gilsim", default=GILSIM)
    args = ap.parse_args()
    if args.gilsim == GILSIM and not os.path.exists(GILSIM):
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
    py = cpython()
    version = subprocess.run([py, "--version"], capture_output=True, text=True).stdout.strip()
    names = args.only.split(",") if args.only else list(ROWS)
    print(f"gilsim vs {version} ({py}), best of {args.runs} calls per row, times in ms\n")
    print(f"{'row':<14}{'CPython':>10}{'gilsim':>10}{'ratio':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            src = program(name, args.runs)
            tp = timed(py, src, tmp)
            tg = timed(args.gilsim, src, tmp)
            print(f"{name:<14}{tp * 1000:>10.1f}{tg * 1000:>10.1f}{tg / tp:>8.2f}", flush=True)
    imports = "import collections, functools, itertools, dataclasses"
    print(f"\nstart-up, median of {args.starts} processes, ms")
    print(f"{'':<14}{'pass':>10}{'imports':>10}{'added':>8}")
    for label, interpreter in (("CPython", py), ("gilsim", args.gilsim)):
        bare = start_ms(interpreter, "pass", args.starts)
        full = start_ms(interpreter, imports, args.starts)
        print(f"{label:<14}{bare:>10.1f}{full:>10.1f}{full - bare:>8.1f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
