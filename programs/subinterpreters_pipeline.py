# corpus: CPython 3.14
"""Subinterpreters as a worker pool with queues (Python 3.14, concurrent.interpreters).

The lecture's "which tool for which job": CPU-bound work needs parallel Python, which
threads under one GIL cannot give. Here two subinterpreters, each with its own GIL, take
jobs from one queue and send results back on another; the main interpreter hands out the
jobs and collects the answers. Nothing is shared but the queues, so there is no lock to
forget -- and the run takes about half the time of doing the same work in one
interpreter, on a machine with two free cores.
"""
import threading
import time
from concurrent import interpreters

COUNT_PRIMES = """
def count_primes(limit):
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count
"""

WORKER = COUNT_PRIMES + """
while (limit := jobs.get()) is not None:
    results.put((limit, count_primes(limit)))
results.put(None)
"""

LIMITS = [20_000, 30_000, 40_000, 50_000]


def in_one_interpreter():
    namespace = {}
    exec(COUNT_PRIMES, namespace)
    return sorted((limit, namespace["count_primes"](limit)) for limit in LIMITS)


def in_two_subinterpreters():
    jobs = interpreters.create_queue()
    results = interpreters.create_queue()
    workers = [interpreters.create() for _ in range(2)]
    threads = []
    for interp in workers:
        interp.prepare_main(jobs=jobs, results=results)
        thread = threading.Thread(target=interp.exec, args=(WORKER,))
        thread.start()
        threads.append(thread)
    for limit in LIMITS:
        jobs.put(limit)
    for _ in workers:
        jobs.put(None)
    answers, finished = [], 0
    while finished < len(workers):
        answer = results.get()
        if answer is None:
            finished += 1
        else:
            answers.append(answer)
    for thread in threads:
        thread.join()
    for interp in workers:
        interp.close()
    return sorted(answers)


if __name__ == "__main__":
    start = time.perf_counter()
    sequential = in_one_interpreter()
    one = time.perf_counter() - start
    start = time.perf_counter()
    parallel = in_two_subinterpreters()
    two = time.perf_counter() - start
    print("primes below each limit:", parallel)
    print("same answers:", sequential == parallel)
    print(f"one interpreter: {one:.2f} s, two subinterpreters: {two:.2f} s")
