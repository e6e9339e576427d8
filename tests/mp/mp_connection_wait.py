# multiprocessing.connection.wait: on process sentinels (which ends first), on pipe
# connections (which has something to receive), with a timeout, and mixed; Process.sentinel
# before start() is CPython's ValueError.
import multiprocessing as mp
import time
from multiprocessing.connection import wait


def sleeper(seconds):
    time.sleep(seconds)


def reply(conn, delay, text):
    time.sleep(delay)
    conn.send(text)
    conn.close()


if __name__ == "__main__":
    p = mp.Process(target=sleeper, args=(0.05,))
    try:
        p.sentinel
    except ValueError as e:
        print("ValueError:", e)
    slow = mp.Process(target=sleeper, args=(1.0,))
    p.start()
    slow.start()
    ready = wait([slow.sentinel, p.sentinel])
    print("first ended:", [s == p.sentinel for s in ready], slow.exitcode)
    print("timeout:", wait([slow.sentinel], timeout=0.01))
    print("then:", wait([slow.sentinel]) == [slow.sentinel])
    p.join()
    slow.join()

    readers = []
    workers = []
    for delay, text in ((0.3, "late"), (0.05, "early")):
        r, w = mp.Pipe(duplex=False)
        child = mp.Process(target=reply, args=(w, delay, text))
        child.start()
        readers.append(r)
        workers.append(child)
    got = []
    while readers:
        for r in wait(readers):
            got.append(r.recv())
            readers.remove(r)
    print("in order of arrival:", got)
    for child in workers:
        child.join()

    r, w = mp.Pipe()
    print("nothing yet:", wait([r], timeout=0.01), wait([r], timeout=-1))
    w.send(1)
    ended = mp.Process(target=sleeper, args=(0,))
    ended.start()
    ended.join()
    both = wait([r, ended.sentinel], timeout=5)
    print("both ready:", len(both), both[0] is r, r.recv())
    try:
        wait([r, 1.5])
    except Exception as e:
        print(type(e).__name__, e)
