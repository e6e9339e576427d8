# terminate() and kill(): a spinning child and a blocked one end at once with exit codes
# -15 and -9, their finally clauses never run; a Pool's `with` ends its workers (the idle
# ones by themselves, exit code 0; busy ones terminated, -15).
import multiprocessing as mp
import time


def spin():
    n = 0
    while True:
        n += 1


def blocked(q):
    try:
        q.get()
    finally:
        print("finally never printed")


def square(x):
    return x * x


def status(p):
    return repr(p).split("parent=")[1].split(" ", 1)[1]


if __name__ == "__main__":
    p = mp.Process(target=spin)
    p.start()
    time.sleep(0.05)
    print(p.is_alive(), status(p))
    p.terminate()
    p.join()
    print(p.exitcode, p.is_alive(), status(p))
    q = mp.Queue()
    p = mp.Process(target=blocked, args=(q,))
    p.start()
    time.sleep(0.05)
    p.kill()
    p.join()
    print(p.exitcode, status(p))
    p.terminate()
    print("terminate after the end keeps", p.exitcode)
    with mp.Pool(2) as pool:
        print(pool.map(square, range(5)))
        workers = list(pool._pool)
    print("workers ended:", all(w.exitcode in (0, -15) for w in workers))
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError:", e)
