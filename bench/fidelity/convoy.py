"""The convoy effect: a thread doing blocking calls (time.sleep(0) releases the GIL, like a
socket round trip) alone, then beside a CPU-bound thread, which holds the GIL for a whole
switch interval each time the I/O thread wants it back. Prints round trips per second
alone, beside the CPU thread, and the drop factor."""
import threading
import time

clock = getattr(time, "perf_counter", time.time)
DURATION = 0.5


def io_rate():
    n = 0
    end = clock() + DURATION
    while clock() < end:
        time.sleep(0)
        n += 1
    return n / DURATION


alone = io_rate()
stop = [False]


def cpu():
    while not stop[0]:
        pass


t = threading.Thread(target=cpu)
t.start()
beside = io_rate()
stop[0] = True
t.join()
print("RESULT %.0f %.0f %.1f" % (alone, beside, alone / max(beside, 1.0)))
