# contextlib: contextmanager (enter/exit, exceptions, as a decorator), suppress, closing,
# nullcontext, ExitStack, redirect_stdout with a writer object.
import sys
from contextlib import (AbstractContextManager, ExitStack, closing, contextmanager,
                        nullcontext, redirect_stdout, suppress)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("p") as t:
    print("inside", t)
try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", e)


with swallow():
    raise KeyError("k")
print("after swallow")


@tag("decorated")
def work():
    print("working")


work()
work()


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)


@contextmanager
def two_yields():
    yield
    yield


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError", e)

with suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)
with nullcontext(42) as value:
    print("null", value)
with nullcontext():
    print("null none")


class Managed(AbstractContextManager):
    def __init__(self, name):
        self.name = name

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)


with ExitStack() as stack:
    managers = [stack.enter_context(Managed(n)) for n in "abc"]
    stack.callback(print, "callback", 1)
    print([m.name for m in managers])
try:
    with ExitStack() as stack:
        stack.enter_context(Managed("x"))
        stack.push(lambda *exc: print("push sees", exc[0].__name__))
        raise ZeroDivisionError
except ZeroDivisionError:
    print("propagated")
with ExitStack() as stack:
    stack.push(lambda *exc: True)
    raise KeyError("suppressed by push")
print("stack suppressed")
stack = ExitStack()
stack.callback(print, "later")
moved = stack.pop_all()
stack.close()
print("popped")
moved.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError", e)


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


buf = Collect()
with redirect_stdout(buf):
    print("hidden", 1)
print(buf.parts, sys.stdout is sys.__stdout__)
