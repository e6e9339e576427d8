# asyncio time: wait_for, timeout(), wait, as_completed, shield, the loop's call_soon /
# call_later / call_at, executors, TaskGroup, and a loop driven by run_until_complete.
import asyncio
import sys

log = []


async def nap(delay, value):
    await asyncio.sleep(delay)
    log.append(value)
    return value


async def swallows_cancel():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return 'swallowed'


async def failing(delay):
    await asyncio.sleep(delay)
    raise KeyError('failing')


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(nap(0.01, 'fast'), timeout=1))
    try:
        await asyncio.wait_for(nap(1, 'slow'), timeout=0.02)
    except asyncio.TimeoutError:
        print('wait_for timed out; TimeoutError is builtin:', asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(swallows_cancel(), timeout=0.01))
    print(await asyncio.wait_for(nap(0, 'no limit'), None))

    try:
        async with asyncio.timeout(0.02) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout() expired:', cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.01)
    print('in time:', cm.expired())
    async with asyncio.timeout(None):
        await asyncio.sleep(0)

    tasks = [asyncio.create_task(nap(d, d)) for d in (0.15, 0.01, 0.1)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))
    more = [asyncio.create_task(failing(0.01)), asyncio.create_task(nap(0.2, 'late'))]
    done, pending = await asyncio.wait(more, return_when=asyncio.FIRST_EXCEPTION)
    print([type(t.exception()).__name__ for t in done], len(pending))
    done, pending = await asyncio.wait(more, timeout=0.001)
    print(len(done), len(pending))
    await asyncio.wait(more)
    for bad in ([], nap(0, 'x')):
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__ + ':', e)
    bad.close()
    log.clear()

    for next_done in asyncio.as_completed([nap(0.03, 'c'), nap(0.01, 'a'), nap(0.02, 'b')]):
        print('as_completed:', await next_done)
    try:
        for next_done in asyncio.as_completed([nap(1, 'never')], timeout=0.01):
            await next_done
    except asyncio.TimeoutError:
        print('as_completed timed out')

    inner = asyncio.create_task(nap(0.02, 'shielded'))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled; inner goes on:', inner.cancelled())
    print(await inner)

    order = []
    loop.call_later(0.02, order.append, 'later 0.02')
    loop.call_at(loop.time() + 0.01, order.append, 'at +0.01')
    loop.call_soon(order.append, 'soon 1')
    handle = loop.call_soon(order.append, 'cancelled')
    loop.call_soon(order.append, 'soon 2')
    handle.cancel()
    print('nothing ran yet:', order, handle.cancelled())
    await asyncio.sleep(0.05)
    print(order)
    start = loop.time()
    await asyncio.sleep(0.05)
    print('loop.time advanced:', loop.time() - start >= 0.05)

    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    print(await asyncio.to_thread(sorted, 'cab', reverse=True))

    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(nap(0.01, 'tg1'))
        t2 = tg.create_task(nap(0.02, 'tg2'), name='second')
    print('TaskGroup:', t1.result(), t2.result(), t2.get_name())
    return 'main done'


print(asyncio.run(main()))

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(nap(0.01, 'run_until_complete')))
print(loop.run_until_complete(asyncio.gather(nap(0, 1), nap(0, 2))))
loop.close()
print(loop.is_closed())
late = nap(0, 'closed')
try:
    loop.run_until_complete(late)
except RuntimeError as e:
    print('RuntimeError:', e)
late.close()
