"""Event and Condition: threads that wait for a signal instead of polling or sleeping.

Lectures: "Лекция 8. Многозадачность" (ITMO, seed 000_86b0a299d7855025.txt), section
"Нужно ли синхронизировать потоки с GIL-ом?" ("Обязательно!", with the list of
synchronization primitives in `threading`: Semaphore, RLock, Condition, Barrier);
"Python: Threads" (seed 004_d9685cb7b868a29e.txt), section "Threading" ("debemos
sincronizar (Lock, Condition, Semaphore)") and the primitives listed for asyncio
(Lock, Event, Condition), which have the same shape in `threading`.

Demonstrates:
* `threading.Event`: worker threads block in `wait()` until the main thread calls `set()`;
  `wait(timeout)` returns False if nobody set the event in time.
* `threading.Condition`: a bounded buffer of two slots shared by a producer and a consumer;
  the producer waits (`wait_for`) while the buffer is full, the consumer waits while it is
  empty, and each wakes the other with `notify_all()`. The GIL does not make this
  unnecessary: without the condition the consumer would have to poll.
Everything printed is fixed by the synchronization itself, not by timing.
"""
import threading
import time

# -- Event: a starting signal for several workers
start_signal = threading.Event()
started = []


def runner(num):
    start_signal.wait()             # blocks until the main thread calls set()
    started.append(num)


runners = [threading.Thread(target=runner, args=(n,)) for n in range(3)]
for thread in runners:
    thread.start()
time.sleep(0.02)
print('event set:', start_signal.is_set())
print('runners started before set():', len(started))
print('runners still waiting:', sum(thread.is_alive() for thread in runners))
start_signal.set()
for thread in runners:
    thread.join()
print('runners started after set():', sorted(started))

never_set = threading.Event()
print('wait(timeout=0.05) on an event nobody sets:', never_set.wait(timeout=0.05))

# -- Condition: a two-slot buffer between a producer and a consumer
CAPACITY = 2
ITEMS = 8
buffer = []
changed = threading.Condition()
largest_fill = 0
received = []


def produce():
    global largest_fill
    for item in range(ITEMS):
        with changed:
            changed.wait_for(lambda: len(buffer) < CAPACITY)    # full: wait for room
            buffer.append(item)
            largest_fill = max(largest_fill, len(buffer))
            changed.notify_all()
        time.sleep(0.002)


def consume():
    for _ in range(ITEMS):
        with changed:
            changed.wait_for(lambda: len(buffer) > 0)           # empty: wait for an item
            item = buffer.pop(0)
            changed.notify_all()
        received.append(item)
        time.sleep(0.005)                                       # slower than the producer


consumer = threading.Thread(target=consume)
producer = threading.Thread(target=produce)
consumer.start()                    # starts first and has to wait for the first item
producer.start()
producer.join()
consumer.join()
print('received in order:', received)
print('buffer never held more than', CAPACITY, 'items:', largest_fill <= CAPACITY)
print('buffer empty at the end:', buffer == [])
