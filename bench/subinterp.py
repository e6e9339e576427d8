#!/usr/bin/env python3
"""Subinterpreters: what a GIL per interpreter buys, under gilsim and CPython side by side.

Usage: python3 bench/subinterp.py [--gilsim PATH] [--repeat N] [--iterations N]
                                  [--factorial N] [--pairs N] [--quick] [--json FILE]

Since CPython 3.12 (PEP 684) every subinterpreter created with `_xxsubinterpreters.create()`
(3.13: `_interpreters.create()`) has a GIL of its own, so two of them can run bytecode on
two cores at once, where two threads of one interpreter take turns on its GIL. gilsim models
this (one GIL per interpreter); `--like 3.9` and `--shared-gil` make every interpreter share
the main one's GIL, as all CPythons up to 3.11 did. Measured, in real mode (no --sim):

  1. countdown, threads / subinterpreters: `def spin(n): while n: n -= 1` then `spin(N)`
     (N = 10,000,000) run by two `threading.Thread`s, each executing the code in an
     interpreter of its own (`_xxsubinterpreters.run_string`, or `_interpreters.exec` where
     that module exists), against the same code run by two threads of the main interpreter
     (`exec(code, {})`). Ratio time(threads) / time(subinterpreters). CPython 3.12.1 on an
     idle 2-core machine: ~1.9x. With one shared GIL (gilsim --like 3.9, --shared-gil):
     ~1.0x.
  2. The lecture's big-int workload, factorial(50,000) (`r = 1; for i in range(2, n + 1):
     r *= i`, in a function), the same way. CPython gains only ~1.1x: the time goes to
     allocating and multiplying huge ints, which the per-interpreter GIL does not speed up.
  3. One subinterpreter, run from the main thread: `n = N; while n: n -= 1` at module level
     (globals: dict lookups and stores) against the countdown of (1) inside a function (fast
     locals). Ratio time(module level) / time(function). CPython: 2-3x.
  4. `create()` + `destroy()` of an interpreter: mean milliseconds per pair over 200 pairs.
     CPython 3.12/3.13 here: 9-15 ms (a new interpreter imports its own sys, builtins...).

Every figure is measured inside the workload process with time.perf_counter(), not around
the process: start-up (CPython ~20-40 ms, gilsim ~2 ms) and creating or destroying the
interpreters of (1)-(3) are outside the timed part, which covers exactly starting the two
threads to joining them, or the one run_string/exec call. Each process runs one side of one
workload and prints `RESULT <seconds>` (for (4): milliseconds per pair); each side is run
--repeat times (default 3; the two sides of a ratio alternate) and the minimum is kept.
Wall times on a shared 2-core machine are noisy (another process on a core costs the
parallel side most), so nothing here is asserted in tests.

Columns: CPython 3.12 and 3.13 from pyenv ($(pyenv root)/versions/3.12.1/bin/python3.12 and
3.13.0/bin/python3.13, or another patch release of the same minor version; a missing one
is skipped and said so), gilsim, gilsim --like 3.9 and gilsim --shared-gil. A gilsim flag
the binary refuses (`gilsim run FLAG -c pass` fails) is reported as not supported by this
gilsim, so the script runs before and after such flags exist. A full run takes about a
minute (2026-12-06: 21 s at --repeat 1); --quick uses tiny sizes (1 M iterations,
factorial(10,000), 20 pairs: a smoke check of ~7 s) whose ratios mean little.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GILSIM = os.path.join(ROOT, "target", "release", "gilsim")

# The workload, run by each interpreter: `workload.py MODE SIZE`, prints `RESULT <figure>`.
# Written for the language subset gilsim and CPython 3.12/3.13 all run.
WORKLOAD = '''import sys
import threading
import time

try:
    import _interpreters as interpreters  # CPython 3.13
    run_in = interpreters.exec
except ImportError:
    import _xxsubinterpreters as interpreters  # CPython 3.12, gilsim
    run_in = interpreters.run_string

SPIN = "def spin(n):\\n    while n: n -= 1\\nspin(%d)\\n"
FACT = ("def factorial(n):\\n    r = 1\\n    for i in range(2, n + 1):\\n        r *= i\\n"
        "    return r\\nfactorial(%d)\\n")
MODULE = "n = %d\\nwhile n: n -= 1\\n"

errors = []


def run(interp, code):
    """Runs code in interpreter interp; 3.13's exec returns the exception, 3.12 raises it."""
    failed = run_in(interp, code)
    if failed is not None:
        raise RuntimeError(getattr(failed, "formatted", failed))


def here(code):
    try:
        exec(code, {})
    except BaseException as e:
        errors.append(repr(e))


def there(interp, code):
    try:
        run(interp, code)
    except BaseException as e:
        errors.append(repr(e))


def two_threads(code, interps):
    """Seconds from starting two threads to joining them (each in interps[k] if given)."""
    if interps:
        threads = [threading.Thread(target=there, args=(i, code)) for i in interps]
    else:
        threads = [threading.Thread(target=here, args=(code,)) for _ in range(2)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def main():
    mode = sys.argv[1]
    size = int(sys.argv[2])
    code = FACT if mode.startswith("fact-") else SPIN
    if mode in ("threads", "fact-threads"):
        figure = two_threads(code % size, [])
    elif mode in ("subinterpreters", "fact-subinterpreters"):
        interps = [interpreters.create(), interpreters.create()]
        figure = two_threads(code % size, interps)
        for i in interps:
            interpreters.destroy(i)
    elif mode in ("module", "function"):
        interp = interpreters.create()
        code = (MODULE if mode == "module" else SPIN) % size
        t0 = time.perf_counter()
        run(interp, code)
        figure = time.perf_counter() - t0
        interpreters.destroy(interp)
    elif mode == "create-destroy":
        t0 = time.perf_counter()
        for _ in range(size):
            interpreters.destroy(interpreters.create())
        figure = (time.perf_counter() - t0) * 1000 / size
    else:
        sys.exit("unknown mode " + mode)
    if errors:
        sys.exit("workload failed: " + "; ".join(errors))
    print("RESULT %.6f" % figure)


main()
'''

# (key, label, modes, size argument, format, what CPython shows). Two modes: the figure is
# the ratio of their minimum times; one mode: its minimum figure.
ROWS = (
    ("countdown", "countdown: 2 threads / 2 subinterps",
     ("threads", "subinterpreters"), "iterations", "%.2fx", "3.12: ~1.9x; shared GIL ~1.0x"),
    ("factorial", "factorial: 2 threads / 2 subinterps",
     ("fact-threads", "fact-subinterpreters"), "factorial", "%.2fx", "3.12: ~1.1x"),
    ("module_level", "module level / function, 1 subinterp",
     ("module", "function"), "iterations", "%.2fx", "2-3x"),
    ("create_destroy", "create()+destroy(), ms per pair",
     ("create-destroy",), "pairs", "%.3g", "9-15 ms"),
)
GILSIM_COLUMNS = (("gilsim", []), ("gilsim --like 3.9", ["--like", "3.9"]),
                  ("gilsim --shared-gil", ["--shared-gil"]))


def pyenv_root():
    try:
        out = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return os.path.expanduser("~/.pyenv")


def pyenv_python(root, version, exe):
    """The real binary of pyenv's `version` (not the shim), else of another patch release
    of the same minor version (not a free-threaded `t` build); (path, None) or (None, why)."""
    wanted = os.path.join(root, "versions", version, "bin", exe)
    if os.path.exists(wanted):
        return wanted, None
    minor = version.rsplit(".", 1)[0]
    for d in sorted(glob.glob(os.path.join(root, "versions", minor + ".*")), reverse=True):
        path = os.path.join(d, "bin", exe)
        if not d.endswith("t") and os.path.exists(path):
            return path, None
    return None, "not installed (no %s)" % wanted


def first_line(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[0].strip() if lines else ""


def probe_flags(gilsim, flags):
    """None if `gilsim run FLAGS -c pass` works, else why not."""
    try:
        p = subprocess.run([gilsim, "run"] + flags + ["-c", "pass"], capture_output=True,
                           text=True, timeout=60)
    except OSError as e:
        return "cannot run %s: %s" % (gilsim, e)
    except subprocess.TimeoutExpired:
        return "`-c pass` did not finish in 60 s"
    if p.returncode != 0:
        return "not supported by this gilsim (exit status %d: %s)" % (p.returncode,
                                                                      first_line(p.stderr))
    return None


def run_once(cmd, timeout):
    """(figure, None) or (None, what went wrong, with the stderr)."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %g s" % timeout
    lines = [l for l in p.stdout.splitlines() if l.startswith("RESULT ")]
    if p.returncode != 0 or not lines:
        return None, "exit status %d, stderr:\n%s" % (p.returncode, p.stderr.rstrip() or "(empty)")
    return float(lines[-1].split()[1]), None


def measure(prefix, script, modes, size, repeat, timeout):
    """Minimum figure of each mode over `repeat` runs (the modes alternate), or (None, (the
    mode that failed, what went wrong))."""
    best = {}
    for _ in range(repeat):
        for mode in modes:
            figure, err = run_once(prefix + [script, mode, str(size)], timeout)
            if err is not None:
                return None, (mode, err)
            best[mode] = min(figure, best.get(mode, figure))
    return best, None


def progress(text):
    """What runs now, on one line of a terminal's stderr (nothing when it is not one)."""
    if sys.stderr.isatty():
        sys.stderr.write("\r%-79s\r%s" % ("", text[:79]))
        sys.stderr.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gilsim",
                    help="the binary to measure (default: build and use target/release)")
    ap.add_argument("--repeat", type=int, help="runs per side, minimum kept (default 3)")
    ap.add_argument("--iterations", type=int, help="countdown length (default 10,000,000)")
    ap.add_argument("--factorial", type=int, help="n of factorial(n) (default 50,000)")
    ap.add_argument("--pairs", type=int, help="create()+destroy() pairs (default 200)")
    ap.add_argument("--quick", action="store_true",
                    help="tiny sizes, a smoke check (< 30 s): the ratios mean little")
    ap.add_argument("--timeout", type=float, help="seconds per run (default 600, 60 with --quick)")
    ap.add_argument("--json", help="also write the results here as JSON ('-' for stdout, "
                    "instead of the table)")
    args = ap.parse_args()
    quick = args.quick
    sizes = {
        "iterations": args.iterations or (1_000_000 if quick else 10_000_000),
        "factorial": args.factorial or (10_000 if quick else 50_000),
        "pairs": args.pairs or (20 if quick else 200),
    }
    repeat = args.repeat or 3
    timeout = args.timeout or (60.0 if quick else 600.0)
    if args.gilsim is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    gilsim = args.gilsim or GILSIM
    to_stdout = args.json == "-"
    say = (lambda *a: print(*a, file=sys.stderr)) if to_stdout else print

    # The columns: (label, command prefix or None, note, what a skipped column's cells say).
    root = pyenv_root()
    columns = []
    for version, exe in (("3.12.1", "python3.12"), ("3.13.0", "python3.13")):
        path, why = pyenv_python(root, version, exe)
        label = "CPython " + version.rsplit(".", 1)[0]
        if path:
            full = subprocess.run([path, "-c", "import sys; print(sys.version.split()[0])"],
                                  capture_output=True, text=True).stdout.strip()
            columns.append((label, [path], "%s (%s)" % (full, path), None))
        else:
            columns.append((label, None, why, "missing"))
    version = subprocess.run([gilsim, "--version"], capture_output=True, text=True).stdout.strip()
    for label, flags in GILSIM_COLUMNS:
        why = probe_flags(gilsim, flags)
        if why is None:
            columns.append((label, [gilsim, "run"] + flags, "%s (%s)" % (version, gilsim),
                            None))
        else:
            columns.append((label, None, why, "unsupported"))

    say("subinterpreters vs threads, real mode; minimum of %d runs per side, timed inside "
        "the process; %d cores" % (repeat, os.cpu_count() or 0))
    say("sizes: countdown %s iterations, factorial(%s), %s create()+destroy() pairs%s"
        % ("{:,}".format(sizes["iterations"]), "{:,}".format(sizes["factorial"]),
           sizes["pairs"], " (--quick: the ratios mean little)" if quick else ""))
    say()

    results = {key: {} for key, *_ in ROWS}
    problems = {}  # what went wrong -> where
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "workload.py")
        with open(script, "w") as f:
            f.write(WORKLOAD)
        for key, label, modes, size_key, _, _ in ROWS:
            for column, prefix, _, _ in columns:
                if prefix is None:
                    continue
                progress("running %s, %s" % (label, column))
                best, err = measure(prefix, script, modes, sizes[size_key], repeat, timeout)
                if err is not None:
                    mode, why = err
                    results[key][column] = {"error": "%s %d: %s" % (mode, sizes[size_key], why)}
                    problems.setdefault(why, []).append(
                        "%s, %s (mode %s %d)" % (column, label, mode, sizes[size_key]))
                    continue
                value = best[modes[0]] / best[modes[1]] if len(modes) == 2 else best[modes[0]]
                results[key][column] = {"value": value, "min": best}
    progress("")

    def cell(key, column, prefix, skipped, fmt):
        if prefix is None:
            return skipped
        r = results[key].get(column, {})
        return "error" if "error" in r else fmt % r["value"]

    width = 38
    heads = [c[0] for c in columns]
    cols = [max(len(h), 12) for h in heads]
    say(("%-*s" % (width, "workload")) + "".join("  %*s" % (w, h) for w, h in zip(cols, heads))
        + "  CPython shows")
    for key, label, _, _, fmt, shows in ROWS:
        say(("%-*s" % (width, label))
            + "".join("  %*s" % (w, cell(key, *c[:2], c[3], fmt)) for w, c in zip(cols, columns))
            + "  " + shows)
    say()
    say("minimum figures (s; create-destroy: ms per pair):")
    for key, label, modes, _, _, _ in ROWS:
        for mode in modes:
            vals = []
            for w, (column, *_) in zip(cols, columns):
                r = results[key].get(column, {})
                vals.append("  %*s" % (w, "%.4f" % r["min"][mode] if "min" in r else "-"))
            say(("  %-*s" % (width - 2, mode)) + "".join(vals))
    say()
    for column, _, note, _ in columns:
        say("%-20s %s" % (column + ":", note))
    if problems:
        say()
        say("problems:")
        for why, where in problems.items():
            for w in where:
                say("  " + w)
            say("    " + why.replace("\n", "\n    "))

    if args.json:
        doc = {
            "sizes": sizes,
            "repeat": repeat,
            "timed": "inside the process, time.perf_counter(); minimum over repeat runs",
            "columns": {c: {"command": p, "note": n, "available": p is not None}
                        for c, p, n, _ in columns},
            "results": results,
        }
        if to_stdout:
            json.dump(doc, sys.stdout, indent=2)
            print()
        else:
            with open(args.json, "w") as f:
                json.dump(doc, f, indent=2)


if __name__ == "__main__":
    sys.exit(main())
