"""Class exercise, fixed: an `asyncio.Lock` around the read, the `await` and the write.

The fix of `asyncio_await_race.py`: while one task holds the lock across its `await`, the
other task waits in `async with lock:` instead of reading the stale counter, so every
schedule prints 2:

    gilsim explore --expect-unique programs/exercises/asyncio_await_race_fixed.py

An asyncio.Lock blocks tasks, not threads: the waiting task gives the loop back, and the
loop runs whatever else is ready.
"""
import asyncio
import time

counter = 0


def fetch_bonus():
    time.sleep(0.01)                 # a blocking request, on a worker thread
    return 1


async def add_bonus(lock):
    global counter
    bonus = await asyncio.to_thread(fetch_bonus)
    async with lock:
        value = counter              # read
        await asyncio.sleep(0)       # the other task may run, but not in here
        counter = value + bonus      # write back


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(add_bonus(lock), add_bonus(lock))
    print(counter)


asyncio.run(main())
