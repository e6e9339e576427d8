# A pipe's read end sees end-of-file once every copy of its write end is closed: recv()
# drains what was sent, then raises EOFError; poll() and connection.wait() report it ready.
# A forked child holds copies of its parent's write ends (the classic hang when nobody
# closes the unused end); a child's copies close when it exits; a spawned child gets a
# copy of the end it is passed.
import multiprocessing as mp
from multiprocessing.connection import wait


def sender(conn, items):
    for item in items:
        conn.send(item)
    conn.close()


def drain(reader, writer):
    writer.close()  # the inherited copy of the write end, or the loop never ends
    got = []
    while True:
        try:
            got.append(reader.recv())
        except EOFError:
            break
    print("child drained", got, flush=True)


def exits_quietly(conn):
    pass


if __name__ == "__main__":
    mp.set_start_method("fork")
    # The child sends and closes; the parent closes its own copy of the child's end.
    a, b = mp.Pipe()
    p = mp.Process(target=sender, args=(b, ["x", "y"]))
    p.start()
    b.close()
    print(a.recv(), a.recv())
    p.join()
    print("ready for wait:", wait([a], timeout=5) == [a], "poll:", a.poll())
    try:
        a.recv()
    except EOFError:
        print("EOFError after the last item")

    # The parent still holds a write end: no end-of-file, however long it waits.
    r, w = mp.Pipe(duplex=False)
    q = mp.Process(target=exits_quietly, args=(w,))
    q.start()
    q.join()
    print("parent's end open, poll(0.2):", r.poll(0.2))
    w.close()
    print("after close, poll():", r.poll())
    try:
        r.recv()
    except EOFError:
        print("EOFError")

    # The child reads until end-of-file; it closes its inherited write end first.
    r, w = mp.Pipe(duplex=False)
    c = mp.Process(target=drain, args=(r, w))
    c.start()
    for i in range(3):
        w.send(i)
    w.close()
    c.join()
    print("drain exit code", c.exitcode)

    # Spawned: the child's copy of the end comes with its arguments and closes at its exit.
    ctx = mp.get_context("spawn")
    a, b = ctx.Pipe()
    s = ctx.Process(target=sender, args=(b, [42]))
    s.start()
    b.close()
    print(a.recv())
    s.join()
    try:
        a.recv()
    except EOFError:
        print("spawned child's end closed: EOFError")
