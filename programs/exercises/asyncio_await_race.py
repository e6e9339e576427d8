"""Class exercise: a lost update without threads racing on it -- an `await` between the
read and the write.

Lectures: "Threading, Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt) and
"Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt): asyncio has no GIL
switches inside a task, but every `await` is a switch point. Two tasks each fetch a bonus
(a blocking call, handed to a worker thread with `asyncio.to_thread`), then read the
shared counter, `await asyncio.sleep(0)`, and write back what they read plus the bonus.

If the second fetch finishes while the first task sits in its `await`, both tasks read 0
and the counter ends at 1: a lost update. If it finishes later, the counter ends at 2.
Which one happens depends on when the worker threads finish -- the explorer shows both,
each with a witness schedule:

    gilsim explore programs/exercises/asyncio_await_race.py
    gilsim explore --expect-unique programs/exercises/asyncio_await_race_fixed.py
"""
import asyncio
import time

counter = 0


def fetch_bonus():
    time.sleep(0.01)                 # a blocking request, on a worker thread
    return 1


async def add_bonus():
    global counter
    bonus = await asyncio.to_thread(fetch_bonus)
    value = counter                  # read
    await asyncio.sleep(0)           # any await lets the other task run
    counter = value + bonus          # write back


async def main():
    await asyncio.gather(add_bonus(), add_bonus())
    print(counter)


asyncio.run(main())
