"""types: the names of some built-in types, SimpleNamespace and `coroutine` (gilsim's own,
in Python, after CPython's Lib/types.py)."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = FunctionType
CodeType = type(_f.__code__)
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
GenericAlias = type(list[int])
UnionType = type(int | str)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield


AsyncGeneratorType = type(_ag())
del _f, _C, _g, _c, _ag

# CPython's CO_* code flags that `coroutine` reads and sets.
_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


class SimpleNamespace:
    """A simple attribute-based namespace.

    SimpleNamespace(**kwargs)"""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        items = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"namespace({items})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return vars(self) == vars(other)


class _GeneratorWrapper:
    """What `coroutine` wraps a generator-like object in that is not a Python generator:
    `await` iterates it (CPython's Lib/types.py `_GeneratorWrapper`)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = gen.__class__ is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


def coroutine(func):
    """Lets `await` take the generators `func` returns (a generator-based coroutine)."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType:
        co_flags = func.__code__.co_flags
        if co_flags & (_CO_COROUTINE | _CO_ITERABLE_COROUTINE):
            return func
        if co_flags & _CO_GENERATOR:
            # CPython sets CO_ITERABLE_COROUTINE on func.__code__ in place and returns
            # func; gilsim returns a copy of func with the flag (`coroutine(f) is f` is
            # False, the one difference).
            import _gilsim
            return _gilsim.iterable_coroutine(func)

    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if (coro.__class__ is CoroutineType or
                coro.__class__ is GeneratorType and coro.gi_code.co_flags & 0x100):
            return coro
        if isinstance(coro, GeneratorType) or (
                hasattr(coro, 'send') and hasattr(coro, 'throw') and hasattr(coro, '__next__')
                and not hasattr(coro, '__await__')):
            # A generator iterator, or an object with the collections.abc.Generator
            # methods that is not a collections.abc.Coroutine.
            return _GeneratorWrapper(coro)
        return coro

    return wrapped
