# __slots__: instances take only the named attributes and have no __dict__, when every
# class of the MRO declares them; dataclass(slots=True) makes such a class from the fields.
from dataclasses import dataclass, field, FrozenInstanceError, fields


class Point:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
p.x = 10
print(p.x, p.y, Point.__slots__, hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError:
    print('AttributeError: no z')
try:
    print(p.__dict__)
except AttributeError as e:
    print('AttributeError:', e)


class Point3(Point):
    __slots__ = 'z'


q = Point3(1, 2)
q.z = 3
print(q.x, q.y, q.z)
try:
    q.w = 4
except AttributeError:
    print('AttributeError: no w')


class Loose(Point):
    pass


r = Loose(1, 2)
r.anything = 5
print(r.anything, hasattr(r, '__dict__'))


class WithDict:
    __slots__ = ('a', '__dict__')


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b)


class Private:
    __slots__ = ('__secret',)

    def __init__(self):
        self.__secret = 'kept'

    def reveal(self):
        return self.__secret


print(Private().reveal())


class Tupleish(tuple):
    __slots__ = ()


t = Tupleish((1, 2))
try:
    t.extra = 1
except AttributeError:
    print('AttributeError: no extra')


class Err(Exception):
    __slots__ = ()


e = Err('x')
e.note = 'fine'
print(e.note)

for body in ["__slots__ = ('x',)\n    x = 1", "__slots__ = (1,)"]:
    try:
        exec(f"class Bad:\n    {body}\n")
    except (ValueError, TypeError) as err:
        print(type(err).__name__ + ':', err)


@dataclass(slots=True)
class Item:
    name: str
    qty: int = 1
    tags: list = field(default_factory=list)


it = Item('pen')
print(it, Item.__slots__, hasattr(it, '__dict__'), [f.name for f in fields(it)])
it.qty += 2
print(it.qty, Item('a', 2) == Item('a', 2), Item.__qualname__, Item.__match_args__)
try:
    it.colour = 'red'
except AttributeError:
    print('AttributeError: no colour')


@dataclass(slots=True, frozen=True)
class Frozen:
    a: int


f = Frozen(1)
try:
    f.a = 2
except FrozenInstanceError as err:
    print('FrozenInstanceError:', err)
print(f, hash(f) == hash(Frozen(1)))


@dataclass(slots=True)
class Child(Item):
    colour: str = 'blue'


c = Child('cup')
print(c, Child.__slots__)


@dataclass(match_args=False)
class NoMatch:
    a: int


print(hasattr(NoMatch, '__match_args__'))
try:
    @dataclass(slots=True)
    class Already:
        __slots__ = ('a',)
        a: int
except TypeError as err:
    print('TypeError:', err)
try:
    dataclass(weakref_slot=True)(Point)
except TypeError as err:
    print('TypeError:', err)


# Cls.x for a slot is a member descriptor, named after the class that declared it.
class Slotted:
    __slots__ = ('x',)


class MoreSlotted(Slotted):
    __slots__ = ('y',)


print(Slotted.x, MoreSlotted.x, MoreSlotted.y, type(Slotted.x).__name__)
obj = MoreSlotted()
MoreSlotted.y.__set__(obj, 5)
print(MoreSlotted.y.__get__(obj), obj.y, MoreSlotted.y.__get__(None, MoreSlotted) is not None)
MoreSlotted.y.__delete__(obj)
try:
    obj.y
except AttributeError as e:
    print(e)
