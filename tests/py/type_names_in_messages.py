# Messages name a module's builtin types as CPython does (its tp_name: 'collections.deque',
# 'itertools.count'); read-only fields of namedtuples and enum members refuse with
# CPython's words.
import collections
import enum
import itertools
import functools
import operator

checks = [
    lambda: collections.deque().missing,
    lambda: collections.deque.missing,
    lambda: itertools.count()[0],
    lambda: len(itertools.count()),
    lambda: itertools.repeat(1)(),
    lambda: functools.partial(print)[0],
    lambda: collections.defaultdict(int).missing,
    lambda: operator.itemgetter(1).missing,
    lambda: hash(collections.deque()),
    lambda: collections.Counter().missing,
]
for check in checks:
    try:
        check()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)

Point = collections.namedtuple('Point', 'x y')
p = Point(1, 2)
for change in [lambda: setattr(p, 'x', 3), lambda: delattr(p, 'x')]:
    try:
        change()
    except AttributeError as e:
        print('AttributeError:', e)
try:
    p.z = 3     # a namedtuple has no __dict__ (3.13 says so in the message)
except AttributeError:
    print('AttributeError: no z')


class Color(enum.Enum):
    RED = 1


for change in [lambda: setattr(Color.RED, 'value', 2), lambda: setattr(Color.RED, 'name', 'X'),
               lambda: delattr(Color.RED, 'value')]:
    try:
        change()
    except AttributeError as e:
        print('AttributeError:', e)
print(Color.RED.value, Color.RED.name, p.x)

# Only sequences concatenate and repeat; a set is no sequence. A subclass's message names it.
print(hasattr(dict, '__add__'), hasattr(set, '__getitem__'), hasattr(range, '__mul__'),
      hasattr(list, '__add__'), hasattr(range, '__getitem__'))


class Bag(set):
    pass


class Table(dict):
    pass


for bad in [lambda: collections.OrderedDict() + 1, lambda: Table() * 2,
            lambda: Bag([1])[0], lambda: Bag() + Bag()]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(Table(a=1) | {'b': 2}, sorted(Bag([2, 1]) | {3}), len(Bag([1, 2])), 1 in Bag([1]))
