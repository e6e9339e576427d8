"""`counter = incr(counter)` in 4 threads: the call is a switch point between the load of
`counter` and the store, even with 3.10 check points. Prints the % of updates lost."""
import threading

counter = 0
PER_THREAD = 200000


def incr(x):
    return x + 1


def work():
    global counter
    for _ in range(PER_THREAD):
        counter = incr(counter)


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("RESULT %.1f" % (100.0 * (1 - counter / (4.0 * PER_THREAD))))
