# inspect's predicates on functions, generators, coroutines and async generators, and
# types.coroutine: a generator-based coroutine awaited from async code.
import asyncio
import collections.abc
import functools
import inspect
import types


def plain(x):
    return x


def gen():
    yield 1


async def coro_fn():
    return 1


async def agen_fn():
    yield 1


class Box:
    def method(self):
        pass

    async def amethod(self):
        pass


class Waiter:
    def __await__(self):
        yield
        return 'waited'


g = gen()
c = coro_fn()
ag = agen_fn()
b = Box()
subjects = [
    ('plain', plain), ('gen', gen), ('coro_fn', coro_fn), ('agen_fn', agen_fn),
    ('g', g), ('c', c), ('ag', ag), ('Box', Box), ('b.method', b.method),
    ('b.amethod', b.amethod), ('partial(coro_fn)', functools.partial(coro_fn)),
    ('len', len), ('Waiter()', Waiter()), ('1', 1), ('types', types),
]
predicates = ['isfunction', 'ismethod', 'isclass', 'ismodule', 'isbuiltin', 'isroutine',
              'isgenerator', 'isgeneratorfunction', 'iscoroutine', 'iscoroutinefunction',
              'isawaitable', 'isasyncgen', 'isasyncgenfunction']
for name, obj in subjects:
    true = [p for p in predicates if getattr(inspect, p)(obj)]
    print(f'{name:18} {" ".join(true)}')
c.close()

c1 = coro_fn()
print('asyncio.iscoroutine', asyncio.iscoroutine(c1), asyncio.iscoroutine(1))
c1.close()
print('asyncio.iscoroutinefunction', asyncio.iscoroutinefunction(coro_fn),
      asyncio.iscoroutinefunction(gen), asyncio.iscoroutinefunction(b.amethod))
print('types', type(g) is types.GeneratorType, type(ag) is types.AsyncGeneratorType,
      type(b.method) is types.MethodType, type(plain.__code__) is types.CodeType)
print('abc', isinstance(Waiter(), collections.abc.Awaitable),
      isinstance(ag, collections.abc.AsyncGenerator),
      isinstance(ag, collections.abc.AsyncIterator),
      isinstance(g, collections.abc.Coroutine))
c2 = coro_fn()
print('abc coroutine', isinstance(c2, collections.abc.Coroutine))
c2.close()


# types.coroutine: a generator function whose generators `await` accepts.
@types.coroutine
def pause(value):
    got = yield
    return (value, got)


@types.coroutine
def delegate():
    # A generator-based coroutine may `yield from` a native coroutine.
    return (yield from coro_fn())


print('pause', inspect.isgeneratorfunction(pause), inspect.iscoroutinefunction(pause))
p = pause(1)
print('pause()', inspect.isgenerator(p), inspect.iscoroutine(p), inspect.isawaitable(p))
print('plain gen awaitable', inspect.isawaitable(gen()))
p.close()


class NotGen:
    """Something generator-like that is no Python generator: types.coroutine wraps it."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        self.n += 1
        if self.n > 2:
            raise StopIteration('notgen done')
        return None

    def throw(self, *args):
        raise args[0]

    def close(self):
        pass


wrapped = types.coroutine(lambda: NotGen())
print('types.coroutine(async fn) is it', types.coroutine(coro_fn) is coro_fn)


async def main():
    print('await pause', await pause('a'))
    print('await delegate', await delegate())
    print('await wrapped', await wrapped())
    print('await Waiter', await Waiter())
    w = wrapped()
    print('wrapper', type(w).__name__, inspect.isawaitable(w))
    w.close()


asyncio.run(main())


async def bad():
    await gen()

try:
    asyncio.run(bad())
except TypeError as e:
    print('TypeError', e)


def plain_delegate(inner):
    yield from inner


c3 = coro_fn()
try:
    next(plain_delegate(c3))
except TypeError as e:
    print('TypeError', e)
c3.close()

try:
    types.coroutine(1)
except TypeError as e:
    print('TypeError', e)

print('getmembers', [n for n, v in inspect.getmembers(Box, inspect.isfunction)])
print('getmro', [k.__name__ for k in inspect.getmro(bool)])
print('cleandoc', repr(inspect.cleandoc('  first\n    second\n      third\n')))
