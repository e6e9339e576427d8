"""inspect for gilsim: the type predicates (isfunction, isgenerator, iscoroutine,
isawaitable, ...) and getmembers, after CPython's Lib/inspect.py. gilsim has no frame
objects and keeps no source beside the code, so signatures, source and stack inspection
are refused by name (NotImplementedError)."""

import types
import functools
import _gilsim_stub

# Code flags (CPython's Include/cpython/code.h), as co_flags carries them.
CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_NESTED = 0x10
CO_GENERATOR = 0x20
CO_NOFREE = 0x40
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def ismodule(object):
    """Whether `object` is a module."""
    return isinstance(object, types.ModuleType)


def isclass(object):
    """Whether `object` is a class."""
    return isinstance(object, type)


def ismethod(object):
    """Whether `object` is a Python function bound to an instance."""
    return isinstance(object, types.MethodType)


def isfunction(object):
    """Whether `object` is a function written in Python (def or lambda)."""
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    """Whether `object` is a native function, bound to an object or not."""
    return isinstance(object, types.BuiltinFunctionType)


def isroutine(object):
    """Whether `object` is a function or method of either kind."""
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def iscode(object):
    """Whether `object` is a compiled code object."""
    return isinstance(object, types.CodeType)


def _unwrap_partial(func):
    while isinstance(func, functools.partial):
        func = func.func
    return func


def _has_code_flag(f, flag):
    """Whether `f` (or the function a method or functools.partial wraps) is a function
    whose code has `flag` set."""
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    """Whether calling `object` makes a generator (a def with yield)."""
    return _has_code_flag(obj, CO_GENERATOR)


# The marker markcoroutinefunction sets (3.12).
_is_coroutine_mark = object()


def _has_coroutine_mark(f):
    while ismethod(f):
        f = f.__func__
    f = _unwrap_partial(f)
    return getattr(f, "_is_coroutine_marker", None) is _is_coroutine_mark


def markcoroutinefunction(func):
    """Marks `func` so that iscoroutinefunction answers True for it."""
    if hasattr(func, '__func__'):
        func = func.__func__
    func._is_coroutine_marker = _is_coroutine_mark
    return func


def iscoroutinefunction(obj):
    """Whether calling `object` makes a coroutine (an async def)."""
    return _has_code_flag(obj, CO_COROUTINE) or _has_coroutine_mark(obj)


def isasyncgenfunction(obj):
    """Whether calling `object` makes an async generator."""
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isasyncgen(object):
    """Whether `object` is an async generator."""
    return isinstance(object, types.AsyncGeneratorType)


def isgenerator(object):
    """Whether `object` is a generator."""
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    """Whether `object` is a coroutine made by an async def."""
    return isinstance(object, types.CoroutineType)


def isawaitable(object):
    """Whether `await object` is allowed: a coroutine, a generator marked by
    types.coroutine, or anything with __await__."""
    import collections.abc
    return (isinstance(object, types.CoroutineType) or
            isinstance(object, types.GeneratorType) and
            bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            isinstance(object, collections.abc.Awaitable))


def isabstract(object):
    """Whether `object` is a class with abstract methods left."""
    return bool(isinstance(object, type) and getattr(object, '__abstractmethods__', None))


def getmembers(object, predicate=None):
    """(name, value) of every attribute of `object` (that `predicate` accepts), by name."""
    results = []
    for key in dir(object):
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    """`cls.__mro__`: the class and its bases in lookup order."""
    return cls.__mro__


def unwrap(func, *, stop=None):
    """Follows `__wrapped__` links from `func` to the innermost function."""
    f = func
    memo = {id(f): f}
    while hasattr(f, '__wrapped__') and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in memo:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        memo[id(f)] = f
    return f


def getdoc(object):
    """`object.__doc__` with its indentation removed (cleandoc), or None."""
    doc = getattr(object, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def cleandoc(doc):
    """A docstring without the indentation its later lines share."""
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


# Signatures, source and frames: gilsim does not model them.
_gilsim_stub.define(globals(), 'inspect', [
    'signature', 'Signature', 'Parameter', 'BoundArguments', 'getfullargspec',
    'getcallargs', 'getsource', 'getsourcelines', 'getsourcefile', 'getfile', 'getmodule',
    'getcomments', 'currentframe', 'stack', 'trace', 'getframeinfo', 'getouterframes',
    'getinnerframes', 'getgeneratorstate', 'getcoroutinestate', 'getgeneratorlocals',
    'getcoroutinelocals', 'getclosurevars', 'getattr_static', 'get_annotations',
    'isframe', 'istraceback', 'getargvalues', 'formatargvalues',
])
del _gilsim_stub
