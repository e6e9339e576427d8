# Timers fire in the order of their `when`, as CPython's heap pops them: an in-order run,
# one long timer then many short ones, scattered ones, cancelled ones. Every `when` is a
# multiple of 1/1024 s from a base that is one too, so the sums are exact and the order
# does not depend on the clock. No two are due at the same time: CPython breaks such ties
# by the shape of its heap, gilsim by the order the timers were scheduled in.
import asyncio
import math

state = 12345


def rand(n):
    """A small LCG, so the pattern is the same under every interpreter."""
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n


async def phase(name, schedule):
    loop = asyncio.get_running_loop()
    base = math.ceil(loop.time() * 1024) / 1024 + 16 / 1024
    fired = []
    handles = []

    def at(offset):
        handles.append(loop.call_at(base + offset / 1024, fired.append, len(handles)))

    last = schedule(at)
    for h in handles[5::9]:
        h.cancel()
    done = loop.create_future()
    loop.call_at(base + (last + 1) / 1024, done.set_result, None)
    await done
    print(name, len(fired), 'fired')
    for i in range(0, len(fired), 20):
        print(' ', *fired[i:i + 20])


def in_order(at):
    for i in range(30):
        at(i)
    return 30


def long_then_short(at):
    at(100)
    at(90)
    for i in range(30):
        at(2 * i)
    at(95)
    for i in range(12):
        at(21 + 2 * i)
    at(1)
    at(99)
    for i in range(10):
        at(62 + i)
    return 100


def scattered(at):
    offsets = list(range(160))
    for i in range(len(offsets) - 1, 0, -1):
        j = rand(i + 1)
        offsets[i], offsets[j] = offsets[j], offsets[i]
    for offset in offsets:
        at(offset)
    return 160


async def main():
    await phase('in order', in_order)
    await phase('long then short', long_then_short)
    await phase('scattered', scattered)
    # sleeps: a long one, then many short ones
    order = []

    async def nap(tag, units):
        await asyncio.sleep(units / 16)
        order.append(tag)

    await asyncio.gather(nap('long', 6), *(nap(i, 1 + i % 3) for i in range(12)))
    print('sleeps', *order)


asyncio.run(main())
