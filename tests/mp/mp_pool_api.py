# Pool's API as the lectures use it: map, starmap, imap (in order), imap_unordered (as
# done), apply/apply_async with callbacks, an initializer that opens a per-process
# "session", maxtasksperchild, chunksize, timeouts; and ProcessPoolExecutor.
import multiprocessing as mp
import time
from concurrent.futures import ProcessPoolExecutor, as_completed, wait

session = None


def open_session(prefix):
    global session
    session = {"prefix": prefix, "calls": 0}


def fetch(n):
    session["calls"] += 1
    return "%s-%d" % (session["prefix"], n)


def square(x):
    return x * x


def slow_square(x):
    time.sleep(0.01 * (5 - x))
    return x * x


def cpu_sum(n):
    return sum(i * i for i in range(n))


def worker_name(_):
    return mp.current_process().name.rsplit("-", 1)[0]


if __name__ == "__main__":
    with mp.Pool(processes=2, initializer=open_session, initargs=("db",)) as pool:
        print(pool.map(fetch, range(6)))
        print(pool.map(square, range(10), chunksize=3))
        print(pool.starmap(pow, [(2, 5), (3, 3), (10, 2)]))
        print(list(pool.imap(slow_square, range(5))))
        print(sorted(pool.imap_unordered(slow_square, range(5))))
        print(list(pool.imap(square, range(7), chunksize=3)))
        print(pool.apply(cpu_sum, (1000,)))
        got = []
        r = pool.apply_async(square, (12,), callback=got.append)
        r.wait()
        print(r.get(timeout=5), r.ready(), r.successful(), got)
        m = pool.map_async(square, [1, 2, 3], callback=got.append)
        print(m.get(), got)
        r = pool.apply_async(time.sleep, (0.5,))
        try:
            r.get(timeout=0.01)
        except mp.TimeoutError:
            print("TimeoutError", type(mp.TimeoutError()).__module__)
        print(sorted(set(pool.map(worker_name, range(4)))))
    print(repr(pool).split(" pool_size")[0])
    pool = mp.Pool(2, maxtasksperchild=1)
    print(pool.map(square, range(6), chunksize=1))
    pool.close()
    pool.join()
    try:
        mp.Pool(0)
    except ValueError as e:
        print("ValueError:", e)
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(cpu_sum, n) for n in (10, 100, 1000)]
        print(sorted(f.result() for f in as_completed(futures)))
        done, not_done = wait(futures)
        print(len(done), len(not_done))
        print(list(ex.map(square, range(5), chunksize=2)))
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print("RuntimeError:", e)
