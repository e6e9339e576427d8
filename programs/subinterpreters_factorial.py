# Lecture: "Лекция 8. Многозадачность" (ITMO, seed 000_86b0a299d7855025.txt), section
# "Субинтерпретаторы": an InterpreterThread whose run() calls
# _xxsubinterpreters.run_string(self._interp, code) on a factorial loop, then destroys it.
# Shows: the same CPU-bound work three ways -- one after the other, in two threads of one
# interpreter, and in two threads each running it in a subinterpreter of its own. Threads
# of one interpreter take turns on its GIL, so two are no faster than one after the other;
# each subinterpreter has a GIL of its own (CPython 3.12+, PEP 684), so two of them run in
# parallel -- but only where the work is pure Python bytecode. The lecture's big-int
# factorial spends its time allocating and multiplying huge ints, which gains little; the
# countdown loop (in a function: module-level names would be dict lookups) gains nearly 2x
# on two cores. Under gilsim --like 3.9 (or CPython <= 3.11) every interpreter shares one
# GIL, and the subinterpreters are no faster either.
# The lecture builds the code string with textwrap.dedent; here it is written flush left.
# corpus: CPython 3.12 (3.13 renamed the module _interpreters; 3.11 hangs on this program)
import threading
import time

import _xxsubinterpreters as interpreters

FACTORIAL = """
n = N
fact = 1
for i in range(1, n + 1):
    fact = fact * i
"""

COUNTDOWN = """
def count(n):
    while n > 0:
        n -= 1
count(N)
"""


class InterpreterThread(threading.Thread):
    """The lecture's thread: creates a subinterpreter, runs the code there, destroys it."""

    def __init__(self, code, n):
        super().__init__()
        self._interp = interpreters.create()
        self._code = code
        self._n = n

    def run(self):
        interpreters.run_string(self._interp, self._code, shared={"N": self._n})
        interpreters.destroy(self._interp)


def run_here(code, n):
    exec(code, {"N": n})


def timed(label, start_all):
    t0 = time.perf_counter()
    start_all()
    elapsed = time.perf_counter() - t0
    print(f"  {label:<22} {elapsed:.2f} s")
    return elapsed


def compare(title, code, n):
    print(title)
    sequential = timed("sequential (x2)", lambda: (run_here(code, n), run_here(code, n)))

    def in_threads():
        threads = [threading.Thread(target=run_here, args=(code, n)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    def in_subinterpreters():
        threads = [InterpreterThread(code, n) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    threads = timed("two threads", in_threads)
    subinterpreters = timed("two subinterpreters", in_subinterpreters)
    print(f"  speed-up over sequential: threads {sequential / threads:.2f}x, "
          f"subinterpreters {sequential / subinterpreters:.2f}x")


if __name__ == "__main__":
    compare("factorial(50_000), big ints:", FACTORIAL, 50_000)
    compare("countdown(10_000_000), bytecode:", COUNTDOWN, 10_000_000)
    print("interpreters left:", interpreters.list_all())
