"""Two CPU-bound threads for 1 s: prints the mean length of a slice (ms), i.e. how long a
thread runs before the other one gets the GIL. Argument: the switch interval in seconds
(ignored by Python 2, whose GIL switches every 100 ticks)."""
import sys
import threading
import time

clock = getattr(time, "perf_counter", time.time)
if len(sys.argv) > 1 and hasattr(sys, "setswitchinterval"):
    sys.setswitchinterval(float(sys.argv[1]))

owner = [None]
switches = [0]
DURATION = 1.0


def spin(me, end):
    n = 0
    while clock() < end:
        if owner[0] != me:
            owner[0] = me
            switches[0] += 1
        n += 1


end = clock() + DURATION
threads = [threading.Thread(target=spin, args=(i, end)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("RESULT %.3f" % (1000.0 * DURATION / max(1, switches[0])))
