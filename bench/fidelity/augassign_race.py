"""`counter += 1` in 4 threads. Prints the % of updates lost (0 under 3.10 check points with
a GIL; lost under every-op (<= 3.9), the old GIL, and no GIL)."""
import threading

counter = 0
PER_THREAD = 500000


def work():
    global counter
    for _ in range(PER_THREAD):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("RESULT %.1f" % (100.0 * (1 - counter / (4.0 * PER_THREAD))))
