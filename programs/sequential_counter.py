# Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), section
# "Mutex", and "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt).
# Shows: the read-sleep-write counter job from the race-condition example, run
# sequentially. With a single thread there is no interleaving, so every job sees
# the previous job's write and the counter reaches the number of jobs
# (the lecture's threaded version without a lock printed "1 1 1 1 1").
# The random sleep is scaled down to at most 1 ms and the generator is seeded.
import random
import sys
import time

random.seed(42)


def thread_job():
    global counter
    old_counter = counter
    time.sleep(random.randint(0, 1) / 1000)
    counter = old_counter + 1
    print('{} '.format(counter), end='')
    sys.stdout.flush()


counter = 0
jobs = [thread_job for _ in range(8)]
for job in jobs:
    job()
print(counter)


def greeter(num):
    print(f'Hello {num}')


def run_jobs(count):
    for i in range(count):
        greeter(i)


run_jobs(4)
print("finish")
