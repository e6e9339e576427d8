# Exercise: two subinterpreters each sum their share of the numbers and send the result on
# one queue; the main interpreter reads the results in arrival order. Nothing is shared
# between interpreters, so no update is lost -- but which result arrives first depends on
# the schedule. Question: which outputs are possible, and how do you make it one?
# (Answer: interpreters_arrival_order_fixed.py.)  Needs CPython 3.14 (concurrent.interpreters).
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
print([results.get() for _ in workers])
for w in workers:
    w.close()
