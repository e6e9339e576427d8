#!/usr/bin/env python3
"""The broad benchmark: ordinary code lectures and exercises are made of, gilsim beside CPython.

Usage: python3 bench/broad.py [--runs N] [--only NAME,...] [--gilsim PATH] [--callgrind]
                              [--json FILE]

Each row is one function body run inside a function (locals, as students write it). The
harness times the call with `time.perf_counter` inside the interpreter, so start-up is left
out, and keeps the best of `--runs` calls in one process (warm caches, as a lecture's timing
cell). Both interpreters run every row in the same session, row after row, so both see the
same machine load. Prints per-row ratios (gilsim / CPython), the geometric mean and the worst
row. `--callgrind` adds the instructions per iteration of every row for both (the difference
of two run lengths under valgrind's callgrind: exact and immune to machine noise; a few
minutes).
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GILSIM = os.path.join(ROOT, "target", "release", "gilsim")

# name -> (iterations, function body using `n`, module-level setup)
# The body must do `n` iterations of the pattern the row is named after.
ROWS = {
    "attr_read": (300_000, """
    p = P(3)
    s = 0
    for i in range(n):
        s += p.x
""", ""),
    "method_call": (300_000, """
    p = P(3)
    s = 0
    for i in range(n):
        s += p.get()
""", ""),
    "instance_init": (300_000, """
    for i in range(n):
        P(i)
""", ""),
    "attr_write": (300_000, """
    p = P(0)
    for i in range(n):
        p.x = i
""", ""),
    "list_append": (300_000, """
    l = []
    for i in range(n):
        l.append(i)
""", ""),
    "dict_set_iter": (300_000, """
    d = {}
    for i in range(n):
        d[i] = i
    s = 0
    for k in d:
        s += d[k]
""", ""),
    "str_concat": (300_000, """
    s = ''
    for i in range(n):
        s += str(i)
""", ""),
    "closure_call": (300_000, """
    c = 5
    def inner():
        return c
    s = 0
    for i in range(n):
        s += inner()
""", ""),
    "index_loop": (300_000, """
    l = list(range(n))
    s = 0
    for i in range(len(l)):
        s += l[i]
""", ""),
    "list_iter": (300_000, """
    l = list(range(n))
    s = 0
    for x in l:
        s += x
""", ""),
    "tuple_unpack": (300_000, """
    for i in range(n):
        a, b = i, i + 1
""", ""),
    "sort_floats": (300_000, """
    import random
    random.seed(1)
    l = [random.random() for _ in range(n)]
    l.sort()
""", ""),
    "sum_genexpr": (300_000, """
    arr = list(range(n))
    sum(arr[i] for i in range(len(arr)))
""", ""),
    "listcomp": (300_000, """
    [i * 2 for i in range(n)]
""", ""),
    "set_ops": (300_000, """
    st = set()
    for i in range(n):
        st.add(i % 1000)
        if i in st:
            pass
""", ""),
    "dict_get_str": (300_000, """
    d = {}
    for i in range(n):
        k = 'k' + str(i % 100)
        d[k] = d.get(k, 0) + 1
""", ""),
    "str_methods": (100_000, """
    for i in range(n):
        w = 'Hello, World'.lower().replace('o', '0').split(',')
""", ""),
    "fstring": (300_000, """
    for i in range(n):
        s = f'{i}: {i * 2:>6}'
""", ""),
    "str_join": (300_000, """
    parts = [str(i) for i in range(n)]
    s = ','.join(parts)
""", ""),
    "generator": (300_000, """
    def gen(k):
        for j in range(k):
            yield j
    s = 0
    for x in gen(n):
        s += x
""", ""),
    "try_except": (300_000, """
    s = 0
    for i in range(n):
        try:
            raise ValueError(i)
        except ValueError:
            s += 1
""", ""),
    "with_block": (300_000, """
    cm = CM()
    for i in range(n):
        with cm:
            pass
""", ""),
    "sort_key": (100_000, """
    l = [(i * 7919) % 1000 for i in range(n)]
    sorted(l, key=lambda v: -v)
""", ""),
    "isinstance": (300_000, """
    s = 0
    for i in range(n):
        if isinstance(i, int):
            s += 1
""", ""),
    "global_builtin": (300_000, """
    s = 0
    for i in range(n):
        s += len(G)
""", ""),
    "kwargs_call": (300_000, """
    s = 0
    for i in range(n):
        s += kw(a=i, b=1)
""", ""),
    "star_args": (300_000, """
    s = 0
    for i in range(n):
        s += star(i, 1, 2)
""", ""),
    "dict_iter_items": (300_000, """
    d = {i: i for i in range(n)}
    s = 0
    for k, v in d.items():
        s += v
""", ""),
    "enumerate_loop": (300_000, """
    l = list(range(n))
    s = 0
    for i, x in enumerate(l):
        s += x
""", ""),
    "lecture_countdown": (3_000_000, """
    while n > 0:
        n -= 1
""", ""),
    "lecture_cpu_sum": (1_000_000, """
    sum(i * i for i in range(n))
""", ""),
}

PRELUDE = """
import time

class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

G = [1, 2, 3]

def kw(a, b):
    return a + b

def star(*args):
    return args[0]
"""


def program(name, n, runs):
    iterations, body, setup = ROWS[name]
    return (PRELUDE + setup + "\ndef row(n):" + body +
            f"\nbest = None\nfor _ in range({runs}):\n"
            f"    t0 = time.perf_counter()\n    row({n})\n"
            f"    t = time.perf_counter() - t0\n"
            f"    best = t if best is None or t < best else best\n"
            f"print(best)\n")


def cpython():
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def timed(interpreter, source, tmp):
    path = os.path.join(tmp, "row.py")
    with open(path, "w") as f:
        f.write(source)
    res = subprocess.run([interpreter, path], capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"{interpreter} failed:\n{res.stderr[-2000:]}")
    return float(res.stdout.strip().splitlines()[-1])


def callgrind_total(interpreter, source, tmp):
    path = os.path.join(tmp, "cg.py")
    out = os.path.join(tmp, "cg.out")
    with open(path, "w") as f:
        f.write(source)
    res = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                          interpreter, path], capture_output=True, text=True)
    for line in res.stderr.splitlines():
        if "Collected" in line:
            return int(line.split(":")[-1].strip().replace(",", ""))
    raise SystemExit(f"callgrind failed:\n{res.stderr[-2000:]}")


def per_iteration(interpreter, name, tmp):
    """Instructions per iteration: the difference of two run lengths, divided by it."""
    small = 20_000
    a = callgrind_total(interpreter, program(name, small, 1), tmp)
    b = callgrind_total(interpreter, program(name, 2 * small, 1), tmp)
    return (b - a) / small


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="comma-separated row names")
    ap.add_argument("--gilsim", default=GILSIM)
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    if args.gilsim == GILSIM and not os.path.exists(GILSIM):
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
    py = cpython()
    version = subprocess.run([py, "--version"], capture_output=True, text=True).stdout.strip()
    names = args.only.split(",") if args.only else list(ROWS)
    print(f"gilsim vs {version}, best of {args.runs} calls per row, times in ms\n")
    print(f"{'row':<20}{'n':>10}{'CPython':>10}{'gilsim':>10}{'ratio':>8}")
    results, ratios = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            n = ROWS[name][0]
            src = program(name, n, args.runs)
            tp = timed(py, src, tmp)
            tg = timed(args.gilsim, src, tmp)
            ratio = tg / tp
            ratios.append(ratio)
            results[name] = {"n": n, "cpython": tp, "gilsim": tg, "ratio": ratio}
            print(f"{name:<20}{n:>10}{tp * 1000:>10.1f}{tg * 1000:>10.1f}{ratio:>8.2f}",
                  flush=True)
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        worst = max(results, key=lambda k: results[k]["ratio"])
        print(f"\ngeometric mean {geo:.2f} (target <= 0.6); worst {worst} "
              f"{results[worst]['ratio']:.2f} (target <= 1.0)")
        if args.callgrind:
            print(f"\ncallgrind instructions per iteration\n"
                  f"{'row':<20}{'CPython':>10}{'gilsim':>10}{'ratio':>8}")
            cg_ratios = []
            for name in names:
                ip = per_iteration(py, name, tmp)
                ig = per_iteration(args.gilsim, name, tmp)
                cg_ratios.append(ig / ip)
                results[name].update({"cg_cpython": ip, "cg_gilsim": ig})
                print(f"{name:<20}{ip:>10.0f}{ig:>10.0f}{ig / ip:>8.2f}", flush=True)
            cg_geo = math.exp(sum(math.log(r) for r in cg_ratios) / len(cg_ratios))
            print(f"\ngeometric mean of the instruction ratios {cg_geo:.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
