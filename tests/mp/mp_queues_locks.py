# Queues between processes (producer/consumer with a sentinel, Empty on timeout, what may
# not cross), and a multiprocessing.Lock shared by every process.
import multiprocessing as mp
import queue
import threading


def producer(q, n):
    for i in range(n):
        q.put(("item", i))
    q.put(None)


def consumer(q, results):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item[1]
    results.put(total)


def locked_report(lock, q, tag):
    with lock:
        q.put(tag + " has the lock")
        q.put(tag + " releases it")
        # CPython's put hands the item to a feeder thread: flush it into the pipe before
        # letting go of the lock, or a busy machine interleaves the pairs anyway.
        q.close()
        q.join_thread()


if __name__ == "__main__":
    q = mp.Queue()
    results = mp.Queue()
    procs = [mp.Process(target=producer, args=(q, 50)),
             mp.Process(target=consumer, args=(q, results))]
    for p in procs:
        p.start()
    print("consumer total", results.get())
    for p in procs:
        p.join()
    print([p.exitcode for p in procs])
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("queue.Empty after timeout")
    for bad in (threading.Lock(), (x for x in "ab"), lambda: 1):
        try:
            q.put(bad)
            q.get(timeout=1)
        except Exception as e:
            print(type(e).__name__, str(e).split(" at 0x")[0])
    try:
        q.put(mp.Queue())
    except RuntimeError as e:
        print("RuntimeError:", e)
    lock = mp.Lock()
    out = mp.Queue()
    procs = [mp.Process(target=locked_report, args=(lock, out, "P%d" % i)) for i in range(3)]
    for p in procs:
        p.start()
    lines = [out.get() for _ in range(6)]
    for p in procs:
        p.join()
    pairs_kept = all(lines[i].split()[0] == lines[i + 1].split()[0] for i in range(0, 6, 2))
    print("lock kept each pair together:", pairs_kept, sorted(set(l.split()[0] for l in lines)))
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    r = mp.RLock()
    with r:
        with r:
            print("RLock re-entered")
    print(mp.cpu_count() > 0, mp.get_start_method(), mp.active_children())
