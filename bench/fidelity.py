#!/usr/bin/env python3
"""GIL fidelity: each threading phenomenon measured under gilsim and under CPython, side by
side, in one session (so both see the same machine load).

Usage: python3 bench/fidelity.py [--runs N]

Each scenario in bench/fidelity/ prints one `RESULT ...` line; the figure shown is the
median over N runs. CPython columns use the real binaries: python3, and pyenv's 3.9 and 2.7
when they are installed. gilsim's --stats adds what CPython cannot show: forced-handoff
latency and failed wake-ups.
"""

import argparse
import glob
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIOS = os.path.join(ROOT, "bench", "fidelity")
GILSIM = os.path.join(ROOT, "target", "release", "gilsim")


def real_python3():
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def pyenv_python(version_prefix, exe):
    root = os.path.expanduser("~/.pyenv/versions")
    for d in sorted(glob.glob(os.path.join(root, version_prefix + "*"))):
        path = os.path.join(d, "bin", exe)
        if os.path.exists(path):
            return path
    return None


def result(cmd, runs, field=0, stats=False):
    """Median of one field of the RESULT line over `runs` runs (and the last stderr)."""
    values, stderr = [], ""
    for _ in range(runs):
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        line = [l for l in p.stdout.splitlines() if l.startswith("RESULT")]
        if p.returncode != 0 or not line:
            return None, p.stderr
        values.append(float(line[-1].split()[1 + field]))
        stderr = p.stderr
    return statistics.median(values), stderr


def gilsim(flags, scenario, *args):
    return [GILSIM, "run"] + flags + [os.path.join(SCENARIOS, scenario)] + list(args)


def cpython(python, scenario, *args):
    if python is None:
        return None
    return [python, os.path.join(SCENARIOS, scenario)] + list(args)


def stat_line(stderr, prefix):
    for line in stderr.splitlines():
        if prefix in line:
            return line.strip()
    return "-"


def fmt(v, spec):
    return "-" if v is None else format(v, spec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    py3 = real_python3()
    py39 = pyenv_python("3.9", "python3")
    py27 = pyenv_python("2.7", "python2")
    version = subprocess.run([py3, "-c", "import sys; print(sys.version.split()[0])"],
                             capture_output=True, text=True).stdout.strip()
    n = args.runs
    rows = []

    def row(what, g, c, unit, target):
        rows.append((what, g, c, unit, target))

    g, _ = result(gilsim([], "cpu_threads.py"), n)
    c, _ = result(cpython(py3, "cpu_threads.py"), n)
    row("2 CPU threads / sequential (time)", fmt(g, ".2f"), fmt(c, ".2f") + " (%s)" % version,
        "x", "0.95-1.3")

    g, _ = result(gilsim([], "incr_race.py"), n)
    c, _ = result(cpython(py3, "incr_race.py"), n)
    row("counter = incr(counter), 4 thr, 3.10", fmt(g, ".0f"), fmt(c, ".0f") + " (%s)" % version,
        "% lost", "30-66")

    g, _ = result(gilsim([], "augassign_race.py"), n)
    c, _ = result(cpython(py3, "augassign_race.py"), n)
    row("counter += 1, 4 thr, 3.10", fmt(g, ".0f"), fmt(c, ".0f") + " (%s)" % version,
        "% lost", "0")

    g, _ = result(gilsim(["--like", "3.9"], "augassign_race.py"), n)
    c, _ = result(cpython(py39, "augassign_race.py"), n)
    row("counter += 1, 4 thr, every-op (3.9)", fmt(g, ".0f"), fmt(c, ".0f") + " (3.9)",
        "% lost", "34-52")

    for interval in ("0.005", "0.0005"):
        g, _ = result(gilsim([], "slices.py", interval), n)
        c, _ = result(cpython(py3, "slices.py", interval), n)
        row("slice length, interval %s s" % interval, fmt(g, ".2f"),
            fmt(c, ".2f") + " (%s)" % version, "ms", "5.07 / 0.57")

    for field, label in ((0, "I/O round trips/s alone"), (1, "... beside a CPU thread"),
                         (2, "convoy: drop factor")):
        g, _ = result(gilsim([], "convoy.py"), n, field)
        c, _ = result(cpython(py3, "convoy.py"), n, field)
        row(label, fmt(g, ".0f" if field < 2 else ".1f"),
            fmt(c, ".0f" if field < 2 else ".1f") + " (%s)" % version,
            "/s" if field < 2 else "x", ">= 20x drop" if field == 2 else "")

    g, g_err = result(gilsim(["--like", "2.7", "--stats"], "slices.py"), n)
    c, _ = result(cpython(py27, "slices.py"), n)
    row("old GIL: slice length (2 cores)", fmt(g, ".3f"), fmt(c, ".3f") + " (2.7)", "ms",
        "short")
    g, _ = result(gilsim(["--like", "2.7"], "cpu_threads.py"), n)
    c, _ = result(cpython(py27, "cpu_threads.py"), n)
    row("old GIL: 2 CPU threads / sequential", fmt(g, ".2f"), fmt(c, ".2f") + " (2.7)", "x",
        "> 1 (GIL battle)")

    g, _ = result(gilsim(["--gil", "off"], "cpu_threads.py"), n)
    row("no GIL: 2 CPU threads / sequential", fmt(g, ".2f"), "- (no 3.13t)", "x",
        "<= 0.56 (1.8x faster)")
    g, _ = result(gilsim(["--gil", "off"], "augassign_race.py"), n)
    row("no GIL: counter += 1, 4 threads", fmt(g, ".0f"), "- (no 3.13t)", "% lost", "50-90")

    _, new_err = result(gilsim(["--stats"], "cpu_threads.py"), 1)

    print("GIL fidelity: gilsim next to CPython (median of %d runs; %d cores)"
          % (n, os.cpu_count() or 0))
    print()
    print("    %-40s %12s %18s  %-7s %s" % ("phenomenon", "gilsim", "CPython", "unit", "target"))
    for what, g, c, unit, target in rows:
        print("    %-40s %12s %18s  %-7s %s" % (what, g, c, unit, target))
    print()
    print("gilsim --stats, 2 CPU threads (new GIL):")
    print("    " + stat_line(new_err, "forced handoffs"))
    print("gilsim --stats, old GIL slices:")
    for line in g_err.splitlines():
        if "slices.py" in line or "spin" in line or "Thread-" in line or "switches" in line:
            print("    " + line.strip())
    overhead(n)


def overhead(n):
    """Single-thread cost of the GIL machinery: --gil off vs --gil new on the plain loops."""
    import time
    print()
    print("single thread, --gil off vs --gil new (wall, median of %d):" % (2 * n + 1))
    for prog in ("count.py", "fib.py", "listsum.py"):
        path = os.path.join(ROOT, "bench", "programs", prog)
        times = {}
        for model in ("new", "off"):
            samples = []
            for _ in range(2 * n + 1):
                t0 = time.perf_counter()
                subprocess.run([GILSIM, "run", "--gil", model, path], capture_output=True)
                samples.append(time.perf_counter() - t0)
            times[model] = statistics.median(samples)
        print("    %-12s new %.3f s  off %.3f s  off/new %.2f"
              % (prog, times["new"], times["off"], times["off"] / times["new"]))


if __name__ == "__main__":
    sys.exit(main())
