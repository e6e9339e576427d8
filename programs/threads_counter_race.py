"""The read-sleep-write counter: a race condition with lost updates, and its fix with a Lock.

Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), section "Mutex"
(`thread_job` reads the global counter, sleeps, writes counter + 1; output "1 1 1 1 1";
the fix with `with lock:` printed "1 2 3 4 5 6 7 8 8"); "Subprocess, threading,
multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt), section "Решение" (the same race and
fix, with wall times 1.01 s vs 2.01 s).

Demonstrates: eight threads each read `counter`, sleep, and write back what they read plus
one. Without a lock every thread reads 0 before any of them writes, so seven of the eight
updates are lost and the counter ends at 1. With `with lock:` around read-sleep-write, the
threads take turns: the counter ends at 8, and the sleeps now happen one after another, so
the locked version takes about eight times as long.

The lecture slept `random.randint(0, 1)` seconds, which makes the number of lost updates
vary between runs. Here every thread sleeps the same short time, and a Barrier between the
read and the sleep holds each thread until all eight have read: the sleep alone nearly
always gives that interleaving, but on a busy machine a thread can start so late that it
reads after the first write. With the barrier every run loses the same seven updates.
"""
import sys
import threading
import time

THREADS = 8
PAUSE = 0.05                    # seconds between the read and the write

counter = 0
lock = threading.Lock()
all_have_read = threading.Barrier(THREADS)


def thread_job():
    global counter
    old_counter = counter       # read
    all_have_read.wait()        # (only to make the demo repeatable, see above)
    time.sleep(PAUSE)           # the eight pauses overlap: nobody has written yet
    counter = old_counter + 1   # write: overwrites whatever the others wrote
    print(f'{counter} ', end='')
    sys.stdout.flush()


def thread_job_locked():
    global counter
    with lock:                  # acquire; released when the block ends
        old_counter = counter
        time.sleep(PAUSE)
        counter = old_counter + 1
        print(f'{counter} ', end='')
        sys.stdout.flush()


def run(job):
    global counter
    counter = 0
    threads = [threading.Thread(target=job) for _ in range(THREADS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    print(counter)
    return counter, elapsed


print(f'-- {THREADS} threads, no lock')
racy, racy_time = run(thread_job)
print(f'lost updates: {THREADS - racy}')
print(f'wall time without lock: {racy_time:.2f} s')

print(f'-- {THREADS} threads, with threading.Lock')
locked, locked_time = run(thread_job_locked)
print(f'lost updates: {THREADS - locked}')
print(f'wall time with lock: {locked_time:.2f} s')
print(f'lock version slower: {locked_time > 2 * racy_time}')
