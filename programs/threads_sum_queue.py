"""Summing an array in several threads that report their partial sums through a queue.Queue.

Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), the queue example
after "Mutex" (`adder` / `sum_threads(arr, 4)`, 844 ms sequential vs 989 ms with threads:
"А почему не в 4 раза улучшение?"); "Subprocess, threading, multiprocessing"
(seed 002_8dbbf3d2c083b7d6.txt), section "Вариант с queue.Queue" (`sum_using_threads`,
229 ms vs 218 ms; "Причина отсутствия ускорения: GIL").

Demonstrates: a thread-safe `queue.Queue` as the way to hand results back from threads
(each thread puts one partial sum; the main thread takes one item per thread with `get()`,
which blocks until an item is there, and adds them up), and that splitting this CPU-bound
loop across threads gives no real speed-up, because only the thread holding the GIL runs
Python code. The array holds 1..N instead of N ones so that the partial sums differ; they
arrive in whatever order the threads finish, so they are printed sorted.
The timings are printed but not judged: on a machine busy with other work the ratio
wanders (the operating system favours a process whose threads keep waking up), so a
True/False verdict would not be reproducible.
"""
import queue
import threading
import time

N = 2_000_000
THREADS = 4


def partial_sum(array, first, step, results):
    # Every step-th element starting at `first`, as in the lecture's adder().
    results.put(sum(array[i] for i in range(first, len(array), step)))


def sum_sequential(array):
    return sum(array[i] for i in range(len(array)))


def sum_with_threads(array, thread_count):
    results = queue.Queue()
    threads = [
        threading.Thread(target=partial_sum, args=(array, part, thread_count, results))
        for part in range(thread_count)
    ]
    for thread in threads:
        thread.start()
    parts = []
    for thread in threads:
        parts.append(results.get())     # waits until some thread has put its sum
        thread.join()
    return sum(parts), parts


array = list(range(1, N + 1))
expected = N * (N + 1) // 2

start = time.perf_counter()
total = sum_sequential(array)
sequential_time = time.perf_counter() - start

start = time.perf_counter()
threaded_total, parts = sum_with_threads(array, THREADS)
threaded_time = time.perf_counter() - start

print(f'array 1..{N}, expected sum {expected}')
print(f'sequential sum: {total}, correct: {total == expected}')
print(f'{THREADS} threads, partial sums (sorted): {sorted(parts)}')
print(f'{THREADS} threads, total: {threaded_total}, correct: {threaded_total == expected}')
print(f'sequential: {sequential_time:.2f} s')
print(f'{THREADS} threads: {threaded_time:.2f} s')
print(f'speed-up: {sequential_time / threaded_time:.2f}x')
print('expected with the GIL: about the same time (a speed-up near 1)')
