"""An async producer/consumer over `asyncio.Queue`, with a bounded queue and `join()`.

Lectures: "Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt), the
producer/consumer toy example (there with threads and `queue.Queue`, see
`threads_producer_consumer.py`); "Threading, Multiproccessing и Asyncio"
(seed 003_5a2eca54aa6f32a4.txt), asyncio as the single-threaded alternative.

Demonstrates: `await queue.put()` waits while the queue is full and `await queue.get()`
while it is empty, each letting the other task run; `task_done()` + `join()` tell the
producer when everything was handled; a consumer blocked in `get()` forever is ended
with `cancel()`, and awaiting it raises `CancelledError`. Everything runs on one thread,
in an order fixed by the program alone.
"""
import asyncio


async def producer(queue, n):
    for i in range(n):
        item = f'item-{i}'
        await queue.put(item)
        print(f'produced {item} (queue size {queue.qsize()})')
        await asyncio.sleep(0.01)
    print('producer: waiting for the consumers to finish')
    await queue.join()
    print('producer: all items handled')


async def consumer(name, queue, handled):
    while True:
        item = await queue.get()
        await asyncio.sleep(0.025)            # handling takes longer than producing
        handled.append((name, item))
        print(f'{name} handled {item}')
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    handled = []
    consumers = [asyncio.create_task(consumer(f'consumer-{k}', queue, handled),
                                     name=f'consumer-{k}')
                 for k in range(2)]
    await producer(queue, 6)
    for task in consumers:
        task.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print('consumers ended with', [type(r).__name__ for r in results])
    print('handled', len(handled), 'items:', sorted(item for _, item in handled))
    print('queue empty:', queue.empty(), '| full:', queue.full())


asyncio.run(main())
