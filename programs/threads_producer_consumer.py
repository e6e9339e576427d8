"""Producer and consumer threads talking through a queue.Queue, stopped by a None sentinel.

Lecture: "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt), section
"Random toy example to show logical separation of threads" (a sensor-like producer that
sleeps `random.random() / 2 + 0.5` seconds between readings with `random.seed(42)`, stops
after a sleep above 0.9 and puts None; a consumer that processes each item for 1.2 s and
exits on None). Also "Queue.Queue" in seed 004_d9685cb7b868a29e.txt ("Todo el mecanismo de
locking está implementado dentro de la estructura de datos").

Demonstrates: `Queue.get()` blocks until the producer has put something, so the consumer
needs no polling and no lock of its own; a sentinel (None) tells the consumer there is
nothing more to come; with several consumers, one sentinel per consumer stops them all,
and every item is taken by exactly one of them. The sleeps are the lecture's divided by 20
(the consumer's 1.2 s becomes 0.06 s); the printed sleep values are the lecture's own.
The readings are numbered instead of timestamped, and each thread keeps its messages in
its own list, printed by the main thread after the joins, so that the output does not
depend on how the two threads interleave.
"""
import queue
import random
import threading
import time

SCALE = 20

random.seed(42)
data_queue = queue.Queue()
producer_log = []
consumer_log = []


def producer():
    """Simulates a sensor: a reading, then a pause, until a long pause ends it."""
    for reading in range(10):
        sleep = random.random() / 2 + 0.5
        producer_log.append(f'Producer: generated reading {reading}, sleeping for {sleep:5.3f}')
        data_queue.put(reading)
        if sleep > 0.9:
            producer_log.append('Producer: sleep is larger than 0.9, exiting')
            time.sleep(sleep / SCALE)
            data_queue.put(None)            # the sentinel: nothing more will come
            break
        time.sleep(sleep / SCALE)           # time.sleep releases the GIL


def consumer():
    """Processes readings until it gets the sentinel."""
    while True:
        reading = data_queue.get()          # blocks while the queue is empty
        if reading is None:
            consumer_log.append('Consumer: received stop signal, exiting')
            break
        consumer_log.append(f'Consumer: processed reading {reading}')
        time.sleep(1.2 / SCALE)             # processing is slower than producing


producer_thread = threading.Thread(target=producer)
consumer_thread = threading.Thread(target=consumer)
producer_thread.start()
consumer_thread.start()

producer_thread.join()
# The producer's pauses add up to about 0.26 s, the consumer needs at least 7 x 0.06 s.
print('producer finished; consumer still working:', consumer_thread.is_alive())
consumer_thread.join()
for line in producer_log:
    print(line)
for line in consumer_log:
    print(line)
print('consumer stopped, queue empty:', data_queue.empty())


# Several consumers: one sentinel for each of them.
WORKERS = 3
ITEMS = 12
jobs = queue.Queue()
taken = [[] for _ in range(WORKERS)]


def worker(num):
    while True:
        item = jobs.get()
        if item is None:
            taken[num].append('stop')
            return
        taken[num].append(item)
        time.sleep(0.01)


workers = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
for thread in workers:
    thread.start()
for item in range(ITEMS):
    jobs.put(item * item)
for _ in workers:
    jobs.put(None)
for thread in workers:
    thread.join()

processed = sorted(item for items in taken for item in items if item != 'stop')
print(f'-- {WORKERS} consumers, {ITEMS} items, {WORKERS} sentinels')
print('items processed:', processed)
print('each item exactly once:', processed == [i * i for i in range(ITEMS)])
print('every consumer got its own sentinel:', all(items[-1] == 'stop' for items in taken))
print('stop signals received:', sum(items.count('stop') for items in taken))
