"""One CPU-bound task blocks the event loop: cooperative multitasking only switches at
`await`.

Lectures: "Threading, Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt), why
asyncio does not help CPU-bound work; "Лекция 8. Многозадачность" (seed
000_86b0a299d7855025.txt), cooperative vs preemptive multitasking.

Demonstrates: a ticker task wants to tick every 0.02 s. While another task runs a long
computation without awaiting, the loop never gets control back, so no tick happens until
the computation ends -- the ticker is late by the whole computation (zero ticks while
computing). Running the same
computation with `asyncio.to_thread` keeps the loop free (the worker thread and the loop
share the GIL, which the loop mostly does not need while it waits), so the ticks go on.
"""
import asyncio
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def ticker(ticks, stop):
    while not stop.is_set():
        ticks.append(time.perf_counter())
        await asyncio.sleep(0.02)


async def run_with(label, work):
    ticks = []
    stop = asyncio.Event()
    tick_task = asyncio.create_task(ticker(ticks, stop))
    await asyncio.sleep(0.05)                 # a few ticks first
    before = len(ticks)
    start = time.perf_counter()
    result = await work()
    end = time.perf_counter()
    during = sum(1 for t in ticks if start < t < end)
    stop.set()
    await tick_task
    print(f'{label}: result {result}, ticked before: {before > 0}, '
          f'ticked while computing: {during > 0}')
    return during


async def main():
    n = 1_000_000

    async def blocking():
        return crunch(n)                      # never awaits: the loop is stuck here

    async def in_thread():
        return await asyncio.to_thread(crunch, n)

    await run_with('in the loop', blocking)
    await run_with('in a thread', in_thread)


asyncio.run(main())
