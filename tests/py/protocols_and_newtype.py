# typing.Protocol with @runtime_checkable: isinstance() and issubclass() check members,
# not bases; typing.NewType: a callable with the name checkers see.
from typing import NewType, Protocol, runtime_checkable


@runtime_checkable
class Closable(Protocol):
    def close(self): ...


@runtime_checkable
class Named(Protocol):
    name: str

    def greet(self): ...


class NotRuntime(Protocol):
    def close(self): ...


class File:
    def close(self):
        return 'closed'


class Person:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return 'hi ' + self.name


class NoClose:
    close = None


class Explicit(Closable):
    pass


print(isinstance(File(), Closable), isinstance(1, Closable), isinstance(NoClose(), Closable))
print(issubclass(File, Closable), issubclass(int, Closable), issubclass(NoClose, Closable))
print(isinstance(Person('ann'), Named), isinstance(File(), Named))
print(isinstance(Explicit(), Closable), isinstance(Explicit(), Explicit),
      isinstance(File(), Explicit))
print(isinstance(File(), (int, Closable)))
for check in [lambda: isinstance(File(), NotRuntime), lambda: issubclass(File, NotRuntime),
              lambda: issubclass(Person, Named)]:
    try:
        print(check())
    except TypeError as e:
        print('TypeError:', str(e).split('.')[0])
try:
    runtime_checkable(File)
except TypeError as e:
    print('TypeError:', e)
print(Closable._is_protocol, Explicit._is_protocol)

UserId = NewType('UserId', int)
print(UserId, repr(UserId), UserId.__name__, UserId.__supertype__)
uid = UserId(42)
print(uid, type(uid).__name__, uid + 1)
Pair = NewType('Pair', tuple)
print(Pair((1, 2)), UserId | None)
try:
    class Sub(UserId):
        pass
except TypeError as e:
    print('TypeError:', e)
