# Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt) and
# "Subprocess, threading, multiprocessing" (002_8dbbf3d2c083b7d6.txt): the
# multiprocessing.Pool.map examples and "process memory is not shared".
# Shows: pool.map of squares and of a multiplier; worker(accumulator) appending to a list
# in five child processes leaves the parent's list empty (each child appends to its own
# copy), while the same calls in threads all append to the one list; a Queue is how
# results come back from processes.
import multiprocessing as mp
import threading


def f(x):
    return x ** 2


def multiplier(x):
    return x * 2


def worker(accumulator):
    accumulator.append('item')


def worker_reporting(accumulator, q):
    accumulator.append('item')
    q.put(len(accumulator))


if __name__ == "__main__":
    with mp.Pool(5) as p:
        print(p.map(f, range(10)))
        print(p.map(multiplier, range(10)))

    acc = []
    processes = [mp.Process(target=worker, args=(acc,)) for _ in range(5)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("after 5 processes:", acc)

    threads = [threading.Thread(target=worker, args=(acc,)) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("after 5 threads:", acc)

    q = mp.Queue()
    processes = [mp.Process(target=worker_reporting, args=([], q)) for _ in range(3)]
    for p in processes:
        p.start()
    print("each child saw a list of length", sorted(q.get() for _ in processes))
    for p in processes:
        p.join()
    print("exit codes:", [p.exitcode for p in processes])
