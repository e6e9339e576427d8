# os._exit and workers that die: a child ends at once with the status it gives (the low 8
# bits, as the OS keeps them), its finally clauses never run; a Pool replaces a dead worker
# and the task it held never completes; a ProcessPoolExecutor whose worker dies is broken:
# every future not done fails with BrokenProcessPool, and so does every later submit. The
# main process ends the same way, its finally and atexit handlers skipped.
import atexit
import multiprocessing as mp
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def leave(n):
    try:
        print("child leaves with", n, flush=True)
        os._exit(n)
    finally:
        print("finally never printed")


def square_or_die(x):
    if x == 3:
        os._exit(1)
    return x * x


def square(x):
    return x * x


def show(e):
    print(type(e).__module__, type(e).__name__, "|", e, "|", e.__cause__)


if __name__ == "__main__":
    for n in (0, 5, 256, -1):
        p = mp.Process(target=leave, args=(n,))
        p.start()
        p.join()
        print(n, "->", p.exitcode)
    for bad in ((), ("x",), (1.5,), (2 ** 40,), (1, 2)):
        try:
            os._exit(*bad)
        except Exception as e:
            print(type(e).__name__, e)

    with mp.Pool(2) as pool:
        lost = pool.map_async(square_or_die, range(6), chunksize=1)
        lost.wait(1)
        print("map ready:", lost.ready())
        print("the pool goes on:", pool.apply(square, (7,)), len(mp.active_children()))
        print("and on:", pool.map(square, range(4)), len(mp.active_children()))

    with ProcessPoolExecutor(1) as ex:
        print(ex.submit(square, 3).result())
        futures = [ex.submit(square_or_die, x) for x in (3, 4)]
        for f in futures:
            show(f.exception())
        print(futures[0].exception() is futures[1].exception())
        try:
            ex.submit(square, 2)
        except Exception as e:
            show(e)
    with ProcessPoolExecutor(1) as ex:
        print(list(ex.map(square, range(3))))
        try:
            list(ex.map(square_or_die, range(5)))
        except Exception as e:
            show(e)

    atexit.register(print, "atexit never printed")
    try:
        print("main leaves", flush=True)
        sys.stdout.flush()
        os._exit(0)
    finally:
        print("finally never printed")
