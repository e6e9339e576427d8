"""acquire() without release(): a lock that is never released, seen through timeouts.

Lecture: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), section "Mutex",
the example after `with lock:`: `thread_job` calls `lock.acquire()` and never
`lock.release()`; the first thread prints "1" and the other seven wait forever, so the
lecture's notebook hung in `join()` until a KeyboardInterrupt.

Demonstrates, without hanging: `Lock.acquire(timeout=...)` and `acquire(blocking=False)`
return False instead of waiting forever; a plain Lock is not re-entrant (a second acquire
by the same thread could only wait for itself), an RLock is; a thread that ends while
holding a Lock leaves it locked, so every later `acquire` times out; a Lock (unlike an
RLock) may be released by another thread, which is how the main thread repairs the damage
here; `with lock:` releases the lock even when the body raises.
"""
import threading
import time

lock = threading.Lock()
counter = 0


def forgetful_job():
    """The lecture's bug: acquire, update, and never release."""
    global counter
    lock.acquire()
    old_counter = counter
    time.sleep(0.01)
    counter = old_counter + 1


def careful_job(num, wait, report):
    """Waits at most `wait` seconds for the lock and always releases what it took."""
    global counter
    if not lock.acquire(timeout=wait):
        report[num] = 'timed out, gave up'
        return
    try:
        old_counter = counter
        counter = old_counter + 1
        report[num] = 'got the lock'
    finally:
        lock.release()


def run_careful(count, wait):
    report = [None] * count
    threads = [threading.Thread(target=careful_job, args=(i, wait, report))
               for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for num, line in enumerate(report):
        print(f'  careful thread {num}: {line}')


print('-- one thread, a plain Lock')
print('acquire():', lock.acquire())
print('acquire(timeout=0.1) again:', lock.acquire(timeout=0.1))
print('acquire(blocking=False):', lock.acquire(blocking=False))
print('locked():', lock.locked())
lock.release()
print('after release(), locked():', lock.locked())

rlock = threading.RLock()
print('RLock acquired twice by one thread:', rlock.acquire(), rlock.acquire(timeout=0.1))
rlock.release()
rlock.release()

print('-- a thread that forgets to release')
forgetful = threading.Thread(target=forgetful_job)
forgetful.start()
forgetful.join()
print('forgetful thread alive:', forgetful.is_alive())
print('counter:', counter)
print('lock still locked:', lock.locked())

print('-- seven careful threads, each waiting at most 50 ms')
run_careful(7, 0.05)
print('counter:', counter)

print('-- the main thread releases the orphaned lock, then seven careful threads (2-second limit)')
lock.release()
run_careful(7, 2.0)
print('counter:', counter)
print('lock still locked:', lock.locked())

print('-- with lock: releases even when the body raises')
try:
    with lock:
        raise ValueError('something went wrong while holding the lock')
except ValueError as err:
    print('caught:', err)
print('lock still locked:', lock.locked())
