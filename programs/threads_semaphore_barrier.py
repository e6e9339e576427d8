"""Semaphore and Barrier: limiting how many threads work at once, and making threads meet.

Lectures: "Лекция 8. Многозадачность" (ITMO, seed 000_86b0a299d7855025.txt), section
"Нужно ли синхронизировать потоки с GIL-ом?" (`threading.Semaphore`, `threading.RLock`,
`threading.Condition`, `threading.Barrier`); "Python: Threads" (seed
004_d9685cb7b868a29e.txt), section "Threading" ("debemos sincronizar (Lock, Condition,
Semaphore)") and "Si lanzamos un thread por cada conexión estamos muertos" (so limit them).

Demonstrates:
* `threading.Semaphore(2)`: six "downloads" (a 0.1 s sleep each) of which at most two run
  at the same time, so they take about three rounds instead of one; a count of the threads
  inside the guarded block, kept under a Lock, never goes above two.
* `threading.BoundedSemaphore`: releasing more often than acquiring raises ValueError.
* `threading.Barrier(3)`: three threads finish phase 1, wait for each other, then start
  phase 2; in the shared log every phase-1 entry comes before every phase-2 entry.
"""
import threading
import time

# -- Semaphore: at most LIMIT threads in the block at once
LIMIT = 2
TASKS = 6
PAUSE = 0.1
slots = threading.Semaphore(LIMIT)
inside_lock = threading.Lock()
inside = 0
most_inside = 0


def download(num, done, limited):
    global inside, most_inside
    if limited:
        slots.acquire()
    try:
        with inside_lock:
            inside += 1
            most_inside = max(most_inside, inside)
        time.sleep(PAUSE)               # the slow, GIL-free part
        with inside_lock:
            inside -= 1
        done[num] = True
    finally:
        if limited:
            slots.release()


def run_downloads(limited):
    global most_inside
    most_inside = 0
    done = [False] * TASKS
    threads = [threading.Thread(target=download, args=(n, done, limited))
               for n in range(TASKS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return all(done), most_inside, time.perf_counter() - start


all_done, most, free_time = run_downloads(limited=False)
print(f'-- {TASKS} downloads, no limit')
print('all done:', all_done)
print(f'wall time: {free_time:.2f} s')

all_done, most, limited_time = run_downloads(limited=True)
print(f'-- {TASKS} downloads, Semaphore({LIMIT})')
print('all done:', all_done)
print(f'never more than {LIMIT} at once:', most <= LIMIT)
print(f'wall time: {limited_time:.2f} s')
print('the limit makes it slower:', limited_time > 1.5 * free_time)

bounded = threading.BoundedSemaphore(1)
bounded.acquire()
bounded.release()
try:
    bounded.release()                   # one release too many
except ValueError as err:
    print('BoundedSemaphore:', err)

# -- Barrier: nobody starts phase 2 before everybody has finished phase 1
PARTIES = 3
meeting = threading.Barrier(PARTIES)
log = []
arrival_indexes = []


def two_phases(num):
    time.sleep(0.005 * num)             # the threads reach the barrier at different times
    log.append(('phase 1', num))
    arrival_indexes.append(meeting.wait())
    log.append(('phase 2', num))


threads = [threading.Thread(target=two_phases, args=(n,)) for n in range(PARTIES)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
phases = [phase for phase, _ in log]
print(f'-- Barrier({PARTIES})')
print('log phases:', phases)
print('threads in phase 1:', sorted(num for phase, num in log if phase == 'phase 1'))
print('threads in phase 2:', sorted(num for phase, num in log if phase == 'phase 2'))
print('barrier.wait() return values:', sorted(arrival_indexes))
