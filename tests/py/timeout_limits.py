# Timeouts and sleeps beyond what CPython's _PyTime_t holds (about 292 years) raise its
# OverflowError at once; NaN, negative and wrongly typed ones fail as in CPython. Nothing here
# waits: every call either raises or returns without blocking.
import _thread
import queue
import threading
import time


def check(label, call):
    try:
        print(label, "->", call())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def held(lock):
    lock.acquire()
    return lock


def started(thread):
    thread.start()
    return thread


def owned(cond):
    cond.acquire()
    return cond


print(threading.TIMEOUT_MAX, _thread.TIMEOUT_MAX)
check("sleep(1e18)", lambda: time.sleep(1e18))
check("sleep(inf)", lambda: time.sleep(float("inf")))
check("sleep(10**10)", lambda: time.sleep(10**10))
check("sleep(9.3e9)", lambda: time.sleep(9.3e9))
check("sleep(nan)", lambda: time.sleep(float("nan")))
check("sleep(-1e-12)", lambda: time.sleep(-1e-12))
check("sleep('1')", lambda: time.sleep("1"))
check("Event.wait(1e300)", lambda: threading.Event().wait(1e300))
check("Event.wait(10**30)", lambda: threading.Event().wait(10**30))
check("Event.wait(nan)", lambda: threading.Event().wait(float("nan")))
check("Event.wait(-1)", lambda: threading.Event().wait(-1))
check("Event.wait('1')", lambda: threading.Event().wait("1"))
check("Condition.wait(1e300)", lambda: owned(threading.Condition()).wait(1e300))
check("Condition.wait_for", lambda: owned(threading.Condition()).wait_for(lambda: False, 1e300))
check("Lock.acquire(1e300)", lambda: held(threading.Lock()).acquire(timeout=1e300))
check("Lock.acquire(MAX+1)", lambda: held(threading.Lock()).acquire(timeout=threading.TIMEOUT_MAX + 1))
check("Lock.acquire(10**30)", lambda: held(threading.Lock()).acquire(timeout=10**30))
check("Lock.acquire(nan)", lambda: held(threading.Lock()).acquire(timeout=float("nan")))
check("Lock.acquire(-1e-12)", lambda: held(threading.Lock()).acquire(timeout=-1e-12))
check("Lock.acquire(False, 1e300)", lambda: threading.Lock().acquire(False, 1e300))
check("Lock.acquire('1')", lambda: threading.Lock().acquire(timeout="1"))
check("Lock.acquire(MAX) free", lambda: threading.Lock().acquire(timeout=threading.TIMEOUT_MAX))
check("RLock.acquire(1e300)", lambda: threading.RLock().acquire(timeout=1e300))
check("Semaphore.acquire(1e300)", lambda: threading.Semaphore(0).acquire(timeout=1e300))
check("Barrier.wait(1e300)", lambda: threading.Barrier(2).wait(1e300))
check("Barrier(1).wait(1e300)", lambda: threading.Barrier(1, timeout=1e300).wait())
check("Queue.get(1e300)", lambda: queue.Queue().get(timeout=1e300))
check("Queue.get(10**30)", lambda: queue.Queue().get(timeout=10**30))
check("Queue.put(1e300) not full", lambda: queue.Queue(1).put(1, timeout=1e300))
full = queue.Queue(1)
full.put(0)
check("Queue.put(1e300) on full", lambda: full.put(1, timeout=1e300))
check("join(1e300)", lambda: started(threading.Thread(target=lambda: None)).join(1e300))
check("join(nan)", lambda: started(threading.Thread(target=lambda: None)).join(float("nan")))
check("join(-3)", lambda: started(threading.Thread(target=lambda: None)).join(-3))
