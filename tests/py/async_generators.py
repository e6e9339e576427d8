# Async generators: async for, asend/athrow/aclose, awaiting inside, async genexprs.


class Pause:
    def __await__(self):
        yield 'paused'


async def ticker(n):
    try:
        for i in range(n):
            await Pause()
            got = yield i
            if got is not None:
                print('ticker got', got)
    finally:
        print('ticker cleanup')


def drive(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps


async def main():
    out = []
    async for v in ticker(3):
        out.append(v)
    print('collected', out)
    agen = ticker(5)
    print(type(agen).__name__, agen.__name__, agen.ag_running)
    print(await agen.__anext__())
    print(await agen.asend('hello'))
    try:
        await agen.athrow(ValueError('stop'))
    except ValueError as e:
        print('athrow raised', e)
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print('exhausted after athrow')
    agen2 = ticker(5)
    await agen2.__anext__()
    await agen2.aclose()
    print('closed')
    try:
        await agen2.__anext__()
    except StopAsyncIteration:
        print('StopAsyncIteration after aclose')
    squares = (i * i async for i in ticker(3))
    print(type(squares).__name__, [s async for s in squares])

    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print('RuntimeError:', e)
    return 'main done'


print(drive(main()))
