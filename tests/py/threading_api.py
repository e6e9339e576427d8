# threading, _thread, queue and concurrent.futures: results and messages that do not depend
# on timing (everything racy is joined or ordered before it is printed).
import threading
import _thread
import queue
import time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED

# Thread basics, names, subclassing
def worker(n, out):
    out.append((n, threading.current_thread().name))

out = []
threads = [threading.Thread(target=worker, args=(i, out)) for i in range(3)]
print([t.name for t in threads], [t.is_alive() for t in threads], threads[0].ident)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out), [t.is_alive() for t in threads])

class Squarer(threading.Thread):
    def __init__(self, n):
        super().__init__(name="squarer-%d" % n, daemon=True)
        self.n = n
        self.result = None
    def run(self):
        self.result = self.n * self.n

s = Squarer(7)
print(s.name, s.daemon, repr(s).startswith("<Squarer(squarer-7, initial daemon)"))
s.start(); s.join()
print(s.result, repr(s).startswith("<Squarer(squarer-7, stopped daemon "))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(threading.active_count(), len(threading.enumerate()), threading.get_ident() == _thread.get_ident())
t = threading.Thread(target=len, args=([],), name=42)
print(t.name, t.daemon)
t.daemon = True
print(t.daemon, t.name)

# Locks
lock = threading.Lock()
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
with lock:
    print("inside", lock.locked())
print("outside", lock.locked())
r = threading.RLock()
with r:
    with r:
        print("reentrant ok")
print(type(lock).__name__, type(r).__name__, threading.Lock is _thread.allocate_lock)

# Condition, Event, Semaphore, Barrier
cond = threading.Condition()
box = []
def consumer():
    with cond:
        print("predicate", cond.wait_for(lambda: box, timeout=5))
        box.append("seen")
c = threading.Thread(target=consumer)
c.start()
time.sleep(0.01)
with cond:
    box.append(1)
    cond.notify_all()
c.join()
print(box)
with cond:
    print("wait timeout", cond.wait(0.01))

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Timer(0.01, ev.set).start()
print(ev.wait(5), ev.is_set())
ev.clear()
print(ev.is_set())

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print(sem.acquire(blocking=False))
try:
    sem.acquire(False, 1)
except ValueError as e:
    print(e)

barrier = threading.Barrier(3, action=lambda: print("all arrived"))
indices = []
def at_barrier():
    indices.append(barrier.wait())
bs = [threading.Thread(target=at_barrier) for _ in range(3)]
for t in bs: t.start()
for t in bs: t.join()
print(sorted(indices), barrier.n_waiting, barrier.broken, barrier.parties)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken barrier", b2.broken)

# local
data = threading.local()
data.x = "main"
def show():
    print("thread sees x:", getattr(data, "x", None))
    data.x = "thread"
t = threading.Thread(target=show); t.start(); t.join()
print("main still sees", data.x)

class Counter(threading.local):
    def __init__(self, start):
        self.value = start
ctr = Counter(10)
ctr.value += 1
def bump():
    ctr.value += 5
    print("thread counter", ctr.value)
t = threading.Thread(target=bump); t.start(); t.join()
print("main counter", ctr.value)

# Timer cancel
fired = []
tm = threading.Timer(5, fired.append, args=[1])
tm.start(); tm.cancel(); tm.join()
print("cancelled timer fired:", fired)

# _thread
done = _thread.allocate_lock()
done.acquire()
results = []
def raw(a, b):
    results.append(a + b)
    done.release()
ident = _thread.start_new_thread(raw, (2, 3))
done.acquire()
print(results, isinstance(ident, int))
try:
    _thread.start_new_thread(raw, [1, 2])
except TypeError as e:
    print(e)

# queue
q = queue.Queue(maxsize=2)
q.put(1); q.put(2)
print(q.qsize(), q.full(), q.empty())
try:
    q.put_nowait(3)
except queue.Full:
    print("full")
print(q.get(), q.get_nowait())
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("empty")
lq = queue.LifoQueue()
for i in range(3): lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "aa")]:
    pq.put(item)
print([pq.get() for _ in range(4)])

jobs = queue.Queue()
totals = []
def jobber():
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()
            break
        totals.append(item * 10)
        jobs.task_done()
jt = threading.Thread(target=jobber); jt.start()
for i in range(5): jobs.put(i)
jobs.put(None)
jobs.join()
jt.join()
print(sorted(totals), jobs.unfinished_tasks)

# concurrent.futures
def square(x):
    return x * x
def fail(x):
    raise ValueError("bad %d" % x)
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(square, range(8))))
    futures = [ex.submit(square, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(futures)))
    bad = ex.submit(fail, 7)
    try:
        bad.result()
    except ValueError as e:
        print("raised", e)
    print(type(bad.exception()).__name__, bad.done(), bad.cancelled())
    done_set, not_done = wait(futures)
    print(len(done_set), len(not_done))
    first = wait([ex.submit(time.sleep, 0.01)], return_when=FIRST_COMPLETED)
    print(len(first.done))
print(ex._shutdown)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print(e)
names = []
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    for f in [ex.submit(lambda: threading.current_thread().name) for _ in range(4)]:
        names.append(f.result())
print(sorted(set(n.split("_")[0] for n in names)))
