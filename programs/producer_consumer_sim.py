# Lecture: "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt),
# "Random toy example to show logical separation of threads".
# Shows: the producer/consumer pair rewritten as two generators sharing a plain
# list used as a FIFO queue, driven by a single-threaded loop. Instead of real
# timestamps and sleeping, each item is a sequence number and the "sleep" values
# come from a seeded random generator, so the output is deterministic.
import random

random.seed(42)
data_queue = []


def producer():
    for i in range(10):
        sleep = random.random() / 2 + 0.5
        print(f"Producer: Generated data {i}, sleeping for {sleep:5.3f}")
        data_queue.append(i)
        if sleep > 0.9:
            print("Sleep is larger than 0.9, exiting the producer")
            data_queue.append(None)
            return
        yield


def consumer():
    while True:
        while not data_queue:
            yield  # nothing to do yet: let the producer run
        data = data_queue.pop(0)
        if data is None:
            print("Consumer: Received stop signal. Exiting.")
            return
        print(f"Consumer: Processed data {data}")
        yield


tasks = [("producer", producer()), ("consumer", consumer())]
while tasks:
    alive = []
    for name, task in tasks:
        try:
            next(task)
            alive.append((name, task))
        except StopIteration:
            print(f"{name} finished")
    tasks = alive
print("Consumer stopped. Program finished.")
