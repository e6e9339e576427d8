# asyncio synchronisation: Lock (fair, FIFO), Event, Condition, Semaphore,
# BoundedSemaphore, Barrier, Queue / PriorityQueue / LifoQueue.
import asyncio

log = []


async def critical(lock, name):
    async with lock:
        log.append(f'{name} in')
        await asyncio.sleep(0)
        log.append(f'{name} out')


async def waiter(event, name):
    log.append(f'{name} waits')
    await event.wait()
    log.append(f'{name} woke')


async def consumer(cond, items, name):
    async with cond:
        await cond.wait_for(lambda: items)
        log.append(f'{name} got {items.pop(0)}')


async def limited(sem, name):
    async with sem:
        log.append(f'{name} +')
        await asyncio.sleep(0.01)
        log.append(f'{name} -')


async def party(barrier, name):
    index = await barrier.wait()
    log.append((name, index))


async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    await asyncio.gather(*(critical(lock, n) for n in 'abc'))
    print(log, lock.locked())
    log.clear()
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError:', e)

    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in 'xy']
    await asyncio.sleep(0)
    print(event.is_set(), log)
    event.set()
    await asyncio.gather(*tasks)
    print(event.is_set(), log)
    event.clear()
    print(event.is_set())
    log.clear()

    cond = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(cond, items, n)) for n in 'pq']
    await asyncio.sleep(0)
    async with cond:
        items.extend([1, 2])
        cond.notify_all()
    await asyncio.gather(*consumers)
    print(log)
    log.clear()
    try:
        cond.notify()
    except RuntimeError as e:
        print('RuntimeError:', e)

    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(limited(sem, n) for n in 'klmn'))
    print(log)
    log.clear()
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as e:
        print('ValueError:', e)

    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    await asyncio.gather(*(party(barrier, n) for n in 'rst'))
    print(sorted(log))
    log.clear()

    q = asyncio.Queue(maxsize=2)
    await q.put(1)
    q.put_nowait(2)
    print(q.qsize(), q.full(), q.empty(), q.maxsize)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print('QueueFull')
    print(await q.get(), q.get_nowait())
    q.task_done()
    q.task_done()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    for item in 'ab':
        q.put_nowait(item)

    async def drain():
        while True:
            item = await q.get()
            log.append(item)
            q.task_done()
    d = asyncio.create_task(drain())
    await q.join()
    d.cancel()
    print('joined', log)
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError:', e)

    pq = asyncio.PriorityQueue()
    for item in [(3, 'c'), (1, 'a'), (2, 'b')]:
        await pq.put(item)
    lq = asyncio.LifoQueue()
    for item in 'xyz':
        await lq.put(item)
    print([(await pq.get())[1] for _ in range(3)], [await lq.get() for _ in range(3)])

    async def slow_put(queue):
        await queue.put('late')
        return 'put done'
    small = asyncio.Queue(1)
    small.put_nowait('first')
    putter = asyncio.create_task(slow_put(small))
    await asyncio.sleep(0)
    print(putter.done(), await small.get(), await putter, await small.get())


asyncio.run(main())
