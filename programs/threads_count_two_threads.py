"""Beazley's countdown: count(n) twice in one thread vs once in each of two threads.

Lecture: "Лекция 8. Многозадачность" (ITMO, seed 000_86b0a299d7855025.txt), section
"А почему мы не масштабировались потоками?" (the example from David Beazley's
"Understanding the Python GIL", dabeaz.com/python/GIL.pdf: 4.96 s for two calls one after
the other, 4.80 s for the same two calls in two threads), followed by "GIL" ("в каждый
момент времени интерпретатор выполняет Python код ровно из одного потока").

Demonstrates: a pure-Python CPU-bound loop does not get faster with a second thread, even on
a machine with two or more cores: the two threads take turns holding the GIL, so the work
is done one piece at a time. Both versions do the same 2 x N decrements. Try
`gilsim run --stats` to see the threads trade the GIL, or `gilsim run --gil off` to run
them in parallel. N is 6_000_000 instead of the lecture's 100_000_000 to keep the run short.
The timings are printed but not judged: on a machine busy with other work the ratio
wanders (the operating system favours a process whose threads keep waking up), so a
True/False verdict would not be reproducible.
"""
import threading
import time

N = 6_000_000


def count(n):
    while n > 0:
        n -= 1


start = time.perf_counter()
count(N)
count(N)
sequential_time = time.perf_counter() - start

t1 = threading.Thread(target=count, args=(N,))
t2 = threading.Thread(target=count, args=(N,))
start = time.perf_counter()
t1.start()
t2.start()
t1.join()
t2.join()
threaded_time = time.perf_counter() - start

print(f'count({N}) twice, {2 * N} decrements in each version')
print(f'sequential: {sequential_time:.2f} s')
print(f'two threads: {threaded_time:.2f} s')
print(f'speed-up: {sequential_time / threaded_time:.2f}x')
print('expected with the GIL: about the same time (a speed-up near 1)')
