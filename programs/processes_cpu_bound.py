# Lectures: "Threading, Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt,
# cpu_bound(number) = sum(i * i for i in range(number))) and "Subprocess, threading,
# multiprocessing" (002_8dbbf3d2c083b7d6.txt, the CPU-bound pool.map).
# Shows: the same CPU-bound work done sequentially, by two threads (the GIL lets only
# one run at a time: no faster) and by a Pool of two processes (each with its own GIL:
# about twice as fast on two cores), then with ProcessPoolExecutor. The timings are
# printed; the checks below them hold under CPython and gilsim alike.
import multiprocessing as mp
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

NUMBERS = [150_000 + x for x in range(8)]


def cpu_bound(number):
    return sum(i * i for i in range(number))


def timed(run):
    t0 = time.perf_counter()
    result = run()
    return result, time.perf_counter() - t0


if __name__ == "__main__":
    seq, t_seq = timed(lambda: [cpu_bound(n) for n in NUMBERS])
    with ThreadPoolExecutor(max_workers=2) as ex:
        threads, t_threads = timed(lambda: list(ex.map(cpu_bound, NUMBERS)))
    with mp.Pool(2) as pool:
        procs, t_procs = timed(lambda: pool.map(cpu_bound, NUMBERS))
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures, t_futures = timed(lambda: list(ex.map(cpu_bound, NUMBERS)))
    print("all four agree:", seq == threads == procs == futures)
    print("closed form holds:", all(s == (n - 1) * n * (2 * n - 1) // 6
                                    for s, n in zip(seq, NUMBERS)))
    print("sequential %.2f s, threads %.2f s, Pool(2) %.2f s, ProcessPoolExecutor %.2f s"
          % (t_seq, t_threads, t_procs, t_futures))
    print("speed-up of Pool(2) over sequential: %.2fx" % (t_seq / t_procs))
