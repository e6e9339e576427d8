# `import builtins` is the builtins namespace itself; aiter/anext; the newer exception classes.
import asyncio
import builtins

print(builtins.len is len, builtins.__name__, type(builtins).__name__)
original = builtins.print
builtins.print = lambda *args: original('patched:', *args)
print('through builtins')
builtins.print = original
print('restored')


async def numbers():
    yield 1
    yield 2


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


async def main():
    it = aiter(numbers())
    print(await anext(it), await anext(it), await anext(it, 'done'))
    try:
        await anext(it)
    except StopAsyncIteration:
        print('StopAsyncIteration')
    c = aiter(Countdown(2))
    print(c is aiter(c), await anext(c), await anext(c), await anext(c, None))


asyncio.run(main())


class NotIterator:
    def __aiter__(self):
        return 5


for bad in (lambda: aiter(3), lambda: anext(3), lambda: aiter(NotIterator())):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(isinstance(3, complex), isinstance(b'', bytearray), issubclass(UnicodeTranslateError, UnicodeError),
      issubclass(EncodingWarning, Warning), callable(help))
