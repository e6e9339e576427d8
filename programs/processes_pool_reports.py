# Lectures: "Лекция 8. Многозадачность" (ITMO, seed 000_86b0a299d7855025.txt,
# "Многопроцессность", "Пример"), "Продвинутый Python, лекция 12"
# (001_4c51f6dace9b3cf1.txt) and "Subprocess, threading, multiprocessing"
# (002_8dbbf3d2c083b7d6.txt): multiprocessing.Pool(processes=5) over generate_report.
# Shows: twenty reports that each wait (time.sleep(0.05) instead of a minute) take
# 20 x 0.05 s one after the other and about a fifth of that on five worker processes;
# pool.map returns the results in order; each worker process has its own pid and name.
import multiprocessing as mp
import os
import time

REPORTS = 20
WAIT = 0.05


def generate_report(number):
    time.sleep(WAIT)
    return "reports/report_%02d.txt" % number


def worker_identity(_):
    return mp.current_process().name.rsplit("-", 1)[0], os.getpid() != os.getppid()


if __name__ == "__main__":
    t0 = time.perf_counter()
    sequential = [generate_report(n) for n in range(REPORTS)]
    t_seq = time.perf_counter() - t0
    with mp.Pool(processes=5) as pool:
        t0 = time.perf_counter()
        parallel = pool.map(generate_report, range(REPORTS))
        t_pool = time.perf_counter() - t0
        print("same paths, same order:", parallel == sequential)
        print(parallel[0], "...", parallel[-1])
        print("workers:", sorted(set(pool.map(worker_identity, range(10)))))
    print("sequential took at least 20 waits:", t_seq >= REPORTS * WAIT)
    print("the pool took less than half:", t_pool < t_seq / 2)
