"""Starting other programs: `subprocess.run` waits, `subprocess.Popen` does not.

Lecture: "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt), the
section "subprocess" and its "Synchronous vs asynchronous" example, which sleeps 5 s in a
child once with `run` and once with `Popen`; here the child sleeps 0.3 s.

Demonstrates: `run` returns a `CompletedProcess` only once the child has exited (with
its output when `capture_output=True`), `check=True` turns a failure into
`CalledProcessError`, `timeout=` into `TimeoutExpired`; `Popen` returns at once, so the
parent works while the child runs and collects it later with `poll`/`wait`. While it
waits for a child the parent holds no GIL, so its other threads run.

Under gilsim's simulated mode (`--sim`) the children `echo`, `true`, `false` and
`sleep` are simulated on the virtual clock; in a real run they are the real programs.
"""
import subprocess
import threading
import time

CHILD_SLEEP = 0.3

print("run (synchronous):")
start = time.perf_counter()
done = subprocess.run(["sleep", str(CHILD_SLEEP)])
took = time.perf_counter() - start
print(f"  returned {done!r} after {took:.2f} s")
print(f"  waited for the child: {took >= CHILD_SLEEP}")

print("Popen (asynchronous):")
start = time.perf_counter()
child = subprocess.Popen(["sleep", str(CHILD_SLEEP)])
print(f"  returned after {time.perf_counter() - start:.2f} s, poll() -> {child.poll()}")
busy = sum(i * i for i in range(10_000))
print(f"  the parent computed {busy} meanwhile")
print(f"  wait() -> {child.wait()} after {time.perf_counter() - start:.2f} s")

print("capturing output:")
listing = subprocess.run(["echo", "report-1.txt report-2.txt"], capture_output=True, text=True)
print(f"  stdout={listing.stdout!r} stderr={listing.stderr!r} returncode={listing.returncode}")
print("  files:", listing.stdout.split())

print("failures:")
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as exc:
    print(f"  CalledProcessError: {exc}")
try:
    subprocess.run(["sleep", "10"], timeout=0.1)
except subprocess.TimeoutExpired as exc:
    print(f"  TimeoutExpired for {exc.cmd}")

print("a thread runs while the main thread waits for a child:")
ticks = []


def ticker():
    for _ in range(3):
        ticks.append(time.perf_counter())
        time.sleep(0.05)


t = threading.Thread(target=ticker)
start = time.perf_counter()
t.start()
subprocess.run(["sleep", str(CHILD_SLEEP)])
t.join()
print(f"  the thread ticked {len(ticks)} times during the child's {CHILD_SLEEP} s")
