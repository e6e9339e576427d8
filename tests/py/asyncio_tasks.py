# asyncio tasks: ordering, names, results, cancellation, gather, callbacks, current/all.
import asyncio

log = []


async def worker(name, steps, delay=0):
    for i in range(steps):
        log.append(f'{name}{i}')
        await asyncio.sleep(delay)
    return name * steps


async def fails(message, after=0):
    await asyncio.sleep(after)
    raise ValueError(message)


async def main():
    me = asyncio.current_task()
    print('main task:', me.get_name(), me in asyncio.all_tasks(), me.done())
    t = asyncio.create_task(worker('a', 2))
    log.append('created')                     # the new task has not started yet
    await asyncio.sleep(0)
    log.append('main resumed')
    print(await t, t.done(), t.result(), t.exception(), t.cancelled())
    print(log)
    log.clear()

    named = asyncio.create_task(worker('n', 1), name='custom')
    print(named.get_name())
    named.set_name('renamed')
    print(named.get_name(), named.get_coro().__qualname__)
    await named
    print(asyncio.create_task(worker('x', 0)).get_name().startswith('Task-'))

    results = await asyncio.gather(worker('p', 2, 0.01), worker('q', 3), worker('r', 1))
    print(results, log)
    log.clear()

    print(await asyncio.gather(fails('one'), worker('s', 1), return_exceptions=True))
    try:
        await asyncio.gather(worker('t', 1), fails('two'))
    except ValueError as e:
        print('gather raised', e)
    print(await asyncio.gather())

    victim = asyncio.create_task(worker('v', 100, 0.01))
    await asyncio.sleep(0.025)
    print('cancel:', victim.cancel(), victim.cancelling(), victim.done())
    try:
        await victim
    except asyncio.CancelledError:
        print('victim cancelled', victim.cancelled(), victim.done())
    print('cancel again:', victim.cancel())
    try:
        victim.result()
    except asyncio.CancelledError:
        print('result() raises CancelledError')

    async def guarded():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('guarded saw the cancellation')
            raise
    g = asyncio.create_task(guarded())
    await asyncio.sleep(0)
    g.cancel('with a message')
    try:
        await g
    except asyncio.CancelledError as e:
        print('message:', e.args)

    outer = asyncio.gather(worker('c', 5, 0.01), worker('d', 5, 0.01))
    await asyncio.sleep(0.015)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('gather cancelled with its children')
    log.clear()

    done_order = []
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda fut: done_order.append(('cb1', fut.result())))
    f.add_done_callback(lambda fut: done_order.append(('cb2', fut.result())))
    f.set_result(7)
    print('callbacks not yet run:', done_order)
    await asyncio.sleep(0)
    print('callbacks ran in order:', done_order)
    try:
        f.set_result(8)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    pending = asyncio.get_running_loop().create_future()
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    print(repr(pending), pending.done())
    pending.set_exception(KeyError('k'))
    print(repr(pending), repr(pending.exception()))
    coro = worker('z', 0)
    print(asyncio.isfuture(pending), asyncio.iscoroutine(coro),
          asyncio.iscoroutinefunction(worker), asyncio.iscoroutinefunction(print))
    coro.close()
    return 'main result'


print(asyncio.run(main()))
try:
    asyncio.run(worker)
except ValueError as e:
    print('ValueError:', e.args[0].split(' at ')[0])
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError:', e)
