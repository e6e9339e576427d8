"""The workload of bench/processes.py (run by gilsim and by CPython): a Pool(2) against
sequential CPU-bound work, and the cost of starting and joining a process."""

import multiprocessing as mp
import sys
import time

def cpu_bound(n):
    return sum(i * i for i in range(n))

def empty():
    pass

def start_join(ctx, count):
    t0 = time.perf_counter()
    for _ in range(count):
        p = ctx.Process(target=empty)
        p.start()
        p.join()
    return (time.perf_counter() - t0) / count * 1000

if __name__ == "__main__":
    scale = int(sys.argv[1])
    numbers = [scale + k for k in range(8)]
    t0 = time.perf_counter()
    seq = [cpu_bound(n) for n in numbers]
    t_seq = time.perf_counter() - t0
    with mp.get_context("fork").Pool(2) as pool:
        pool.map(cpu_bound, [10, 10])
        t0 = time.perf_counter()
        par = pool.map(cpu_bound, numbers)
        t_pool = time.perf_counter() - t0
    assert seq == par
    fork_ms = start_join(mp.get_context("fork"), 50)
    spawn_ms = start_join(mp.get_context("spawn"), 10)
    print(repr({"pool_speedup": t_seq / t_pool, "seq_s": t_seq, "pool_s": t_pool,
                      "fork_ms": fork_ms, "spawn_ms": spawn_ms}))
