# Coroutine objects driven by hand: send/throw/close, __await__, awaiting twice, types,
# async with / async for over hand-written protocols, async comprehensions.


async def double(x):
    return x * 2


async def chain():
    a = await double(1)
    b = await double(a)
    return a + b


c = chain()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
try:
    c.send(None)
except StopIteration as e:
    print('returned', e.value, c.cr_frame)
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)


class Ticket:
    """An awaitable by __await__: yields to the driver, returns what is sent back."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        answer = yield self.label
        return answer * 10


async def uses_ticket():
    first = await Ticket('first')
    second = await Ticket('second')
    return first + second


co = uses_ticket()
print(co.send(None))
print(co.send(1))
try:
    co.send(2)
except StopIteration as e:
    print('stop', e.value)


async def catches():
    try:
        await Ticket('wait')
    except KeyError as e:
        print('caught', repr(e))
        return 'recovered'


co = catches()
print(co.send(None))
try:
    co.throw(KeyError('k'))
except StopIteration as e:
    print('after throw', e.value)

co = catches()
co.send(None)
co.close()
print('closed; frame gone:', co.cr_frame is None)

for bad in (5, None, 'text'):
    async def awaits_bad(v=bad):
        return await v
    try:
        awaits_bad().send(None)
    except TypeError as e:
        print('TypeError:', e)


class BadAwait:
    def __await__(self):
        return 42


async def awaits_bad_await():
    await BadAwait()

try:
    awaits_bad_await().send(None)
except TypeError as e:
    print('TypeError:', e)

co = double(3)
try:
    next(co)
except TypeError as e:
    print('TypeError:', e)
try:
    iter(co)
except TypeError as e:
    print('TypeError:', e)
w = co.__await__()
try:
    next(w)
except StopIteration as e:
    print('via __await__:', e.value)


class Pause:
    def __await__(self):
        yield 'paused'


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print('enter', self.name)
        await Pause()
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return self.suppress


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Pause()
        return self.n


async def protocols():
    async with Resource('a') as a, Resource('b', suppress=True) as b:
        print('body', a, b)
        raise ValueError('suppressed by b')
    out = []
    async for i in Countdown(3):
        if i == 0:
            break
        out.append(i)
    else:
        print('not reached')
    print('async for', out)
    async for i in Countdown(1):
        pass
    else:
        print('else runs after exhaustion')
    print([i async for i in Countdown(3)], {i * 2 async for i in Countdown(2)})
    print([await double(i) for i in range(3)])
    print({i: await double(i) async for i in Countdown(2) if i})
    for r in [Resource('c')]:
        async with r:
            return 'returned from inside async with'


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(drive(protocols()))


async def not_async_iterable():
    async for x in [1, 2]:
        pass

try:
    drive(not_async_iterable())
except TypeError as e:
    print('TypeError:', e)


async def not_async_cm():
    async with open_nothing():
        pass


def open_nothing():
    return 1

try:
    drive(not_async_cm())
except TypeError as e:
    print('TypeError:', e)
