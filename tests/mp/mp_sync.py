# Cross-process synchronization: Event, Semaphore, BoundedSemaphore, Condition, Barrier,
# JoinableQueue and Pipe, each with processes on both sides.
import multiprocessing as mp


def wait_for_event(ev, out):
    ev.wait()
    out.put("event seen")


def limited(sem, active, peak, out):
    with sem:
        with active.get_lock():
            active.value += 1
            peak.value = max(peak.value, active.value)
        out.put("in")
        with active.get_lock():
            active.value -= 1


def waiter(cond, state, out):
    with cond:
        cond.wait_for(lambda: state.value == 1)
        out.put("condition met")


def at_barrier(barrier, out):
    out.put(barrier.wait() >= 0)


def consume(jq, done):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        done.put(item * 10)
        jq.task_done()


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == "stop":
            conn.send("bye")
            break
        conn.send(msg.upper())


if __name__ == "__main__":
    out = mp.Queue()
    ev = mp.Event()
    print(ev.is_set(), ev.wait(0.01))
    p = mp.Process(target=wait_for_event, args=(ev, out))
    p.start()
    ev.set()
    print(out.get(), ev.is_set())
    p.join()

    sem = mp.Semaphore(2)
    active, peak = mp.Value('i', 0), mp.Value('i', 0)
    procs = [mp.Process(target=limited, args=(sem, active, peak, out)) for _ in range(4)]
    for p in procs:
        p.start()
    print([out.get() for _ in procs], "peak <= 2:", peak.value <= 2)
    for p in procs:
        p.join()
    b = mp.BoundedSemaphore(1)
    b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)

    cond = mp.Condition()
    state = mp.Value('i', 0)
    p = mp.Process(target=waiter, args=(cond, state, out))
    p.start()
    with cond:
        state.value = 1
        cond.notify_all()
    print(out.get())
    p.join()

    barrier = mp.Barrier(3)
    procs = [mp.Process(target=at_barrier, args=(barrier, out)) for _ in range(2)]
    for p in procs:
        p.start()
    print("main passed the barrier:", barrier.wait() >= 0, [out.get() for _ in procs])
    for p in procs:
        p.join()

    jq = mp.JoinableQueue()
    done = mp.Queue()
    p = mp.Process(target=consume, args=(jq, done))
    p.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print("all tasks done:", sorted(done.get() for _ in range(5)))
    p.join()

    here, there = mp.Pipe()
    p = mp.Process(target=echo, args=(there,))
    p.start()
    for word in ("ping", "pong"):
        here.send(word)
        print(here.recv())
    print(here.poll(0.01))
    here.send("stop")
    print(here.recv())
    p.join()
    reader, writer = mp.Pipe(duplex=False)
    writer.send_bytes(b"bytes through a one-way pipe")
    print(reader.recv_bytes(), reader.readable, writer.writable, reader.writable)
    try:
        reader.send(1)
    except OSError as e:
        print("OSError:", e)
