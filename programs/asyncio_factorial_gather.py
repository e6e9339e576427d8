"""Cooperative multitasking with asyncio: the factorials of tasks A, B and C, gathered.

Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), the
`asyncio.gather` factorial example; "Cooperative Multitasking / Green-threads"
(seed 004_d9685cb7b868a29e.txt). `programs/roundrobin_factorials.py` builds the same
interleaving by hand with generators; this is the asyncio original.

Demonstrates: `asyncio.run(main())` runs `main` as the first task (`Task-1`); `gather`
wraps each coroutine in a task, and the tasks take turns at every `await`: one thread,
no GIL contention, and the output interleaves A, B and C exactly as the lecture shows.
The lecture sleeps 1 s per step; here 0.1 s, so the three tasks finish after 0.3 s
(the longest task's three steps), not after the 0.6 s the six steps take one by one.
"""
import asyncio
import time


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(0.1)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f


async def main():
    print('main runs as', asyncio.current_task().get_name())
    start = time.perf_counter()
    # Schedule three calls *concurrently*:
    results = await asyncio.gather(
        factorial("A", 2),
        factorial("B", 3),
        factorial("C", 4),
    )
    elapsed = time.perf_counter() - start
    print(results)
    print(f'gathered in {elapsed:.2f} s (the longest task: three steps of 0.1 s)')


asyncio.run(main())
