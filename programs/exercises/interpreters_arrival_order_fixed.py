# The fix of interpreters_arrival_order.py: the results still arrive in either order, but
# they are sorted by worker number before they are printed, so every schedule prints the
# same list. Needs CPython 3.14 (concurrent.interpreters).
import threading
from concurrent import interpreters

results = interpreters.create_queue()
workers = []
for number in (1, 2):
    interp = interpreters.create()
    interp.prepare_main(results=results, number=number)
    workers.append(interp)

code = """
total = sum(range(number * 10))
results.put((number, total))
"""
threads = [threading.Thread(target=w.exec, args=(code,)) for w in workers]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.get() for _ in workers))
for w in workers:
    w.close()
