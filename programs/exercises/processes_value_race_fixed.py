# Class exercise, fixed: two processes add to one multiprocessing.Value. Processes share nothing
# but what multiprocessing shares on purpose, and a Value is real shared memory:
# `total.value += 1` reads, adds and writes in separate steps, and the processes run at
# the same time (each has its own GIL), so an update can be lost. The processes wait on a
# queue for the "go", so that they really do run at the same time (starting a process
# takes longer than the work).
# The fix holds the Value's own lock for the whole read-add-write:
#   gilsim explore --expect-unique programs/exercises/processes_value_race_fixed.py
import multiprocessing as mp

WORKERS = 2


def add(total, go):
    go.get()
    with total.get_lock():
        total.value += 1


if __name__ == "__main__":
    total = mp.Value('i', 0)
    go = mp.Queue()
    workers = [mp.Process(target=add, args=(total, go)) for _ in range(WORKERS)]
    for w in workers:
        w.start()
    for w in workers:
        go.put("go")
    for w in workers:
        w.join()
    print("total", total.value, "of", WORKERS)
