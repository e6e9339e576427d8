"""Two CPU-bound threads vs the same work done sequentially: prints time(threads)/time(seq)."""
import threading
import time

clock = getattr(time, "perf_counter", time.time)


def count(n):
    while n > 0:
        n -= 1


N = 2000000
t0 = clock()
count(N)
count(N)
sequential = clock() - t0
t0 = clock()
threads = [threading.Thread(target=count, args=(N,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = clock() - t0
print("RESULT %.3f" % (threaded / sequential))
