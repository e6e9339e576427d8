#!/usr/bin/env python3
"""asyncio's event loop under gilsim and CPython: many tasks, and many turns of the loop.

Usage: python3 bench/asyncio_bench.py [--runs N] [--gilsim PATH]

Two programs (issue 15's targets), each run in real mode under both interpreters and in
gilsim's simulated mode: 10,000 tasks that each `await asyncio.sleep(0.01)`, gathered; and
100,000 round trips of `await asyncio.sleep(0)` between two tasks. Reported: median wall
time of the whole process (start-up included) and its CPU time (user + system), so the
simulated run's cost can be compared with the real run's.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAMS = {
    'tasks_10k_sleep': '''
import asyncio

async def one(i):
    await asyncio.sleep(0.01)
    return i

async def main():
    results = await asyncio.gather(*(one(i) for i in range(10_000)))
    print(len(results))

asyncio.run(main())
''',
    'sleep0_100k_round_trips': '''
import asyncio

async def bounce(n):
    for _ in range(n):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(bounce(50_000), bounce(50_000))
    print('done')

asyncio.run(main())
''',
}


def cpython():
    out = subprocess.run(['python3', '-c', 'import sys; print(sys.executable)'],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def measure(cmd, runs):
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--gilsim', default=None)
    args = parser.parse_args()
    gilsim = args.gilsim
    if gilsim is None:
        for profile in ('release', 'fast'):
            candidate = os.path.join(ROOT, 'target', profile, 'gilsim')
            if os.path.exists(candidate):
                gilsim = candidate
                break
    if gilsim is None:
        sys.exit('build gilsim first (cargo build --release)')
    python = cpython()
    print('gilsim:', os.path.relpath(gilsim, ROOT), '| CPython:', python)
    print('%-26s %12s %12s %12s %14s' % ('program (median s)', 'CPython wall', 'gilsim wall',
                                          'gilsim cpu', 'gilsim --sim cpu'))
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in PROGRAMS.items():
            path = os.path.join(tmp, name + '.py')
            with open(path, 'w') as f:
                f.write(source)
            c_wall, _ = measure([python, path], args.runs)
            g_wall, g_cpu = measure([gilsim, path], args.runs)
            _, s_cpu = measure([gilsim, '--sim', path], args.runs)
            print('%-26s %12.3f %12.3f %12.3f %14.3f' % (name, c_wall, g_wall, g_cpu, s_cpu))


main()
