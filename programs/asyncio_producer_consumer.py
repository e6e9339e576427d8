"""An async producer/consumer over `asyncio.Queue`, with a bounded queue and `join()`.

Lectures: "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt), the
producer/consumer toy example (there with threads and `queue.Queue`, see
`threads_producer_consumer.py`); "Threading, Multiproccessing и Asyncio"
(seed 003_5a2eca54aa6f32a4.txt), asyncio as the single-threaded alternative.

Demonstrates: `await queue.put()` waits while the queue is full and `await queue.get()`
while it is empty, each letting the other task run, so the producer runs at most two items
ahead of the consumer; `task_done()` + `join()` tell the producer when everything was
handled; a consumer blocked in `get()` forever is ended with `cancel()`, and awaiting it
raises `CancelledError`. Then four consumers share the work: the items take about a
quarter of the time. Everything runs on one thread.
"""
import asyncio
import time


async def producer(queue, n, verbose):
    for i in range(n):
        item = f'item-{i}'
        await queue.put(item)
        if verbose:
            print(f'produced {item} (queue size {queue.qsize()})')
    if verbose:
        print('producer: waiting for the consumer to finish')
    await queue.join()
    if verbose:
        print('producer: all items handled')


async def consumer(queue, handled, verbose):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.02)             # handling takes a while
        handled.append(item)
        if verbose:
            print(f'handled {item}')
        queue.task_done()


async def run(n_items, n_consumers, verbose):
    queue = asyncio.Queue(maxsize=2)
    handled = []
    consumers = [asyncio.create_task(consumer(queue, handled, verbose))
                 for _ in range(n_consumers)]
    start = time.perf_counter()
    await producer(queue, n_items, verbose)
    elapsed = time.perf_counter() - start
    for task in consumers:
        task.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print('consumers ended with', [type(r).__name__ for r in results])
    print('handled', len(handled), 'items:', sorted(handled, key=lambda s: int(s[5:])))
    print('queue empty:', queue.empty(), '| full:', queue.full())
    return elapsed


async def main():
    one = await run(5, 1, verbose=True)
    four = await run(16, 4, verbose=False)
    print(f'one consumer, 5 items: {one:.2f} s; four consumers, 16 items: {four:.2f} s')
    print('four consumers handle about 3x the items per second:', 16 / four > 2.5 * 5 / one)


asyncio.run(main())
