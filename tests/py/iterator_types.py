# The builtin iterators have CPython's types: `zip`, `map`, `enumerate`, `filter` and
# `reversed` are classes, and each container's iterator has its own type name.
import collections.abc

print(zip, map, enumerate, filter, reversed)
print(isinstance(zip([1], [2]), zip), isinstance(map(str, []), map),
      isinstance(enumerate('ab'), enumerate), isinstance(filter(None, []), filter),
      isinstance(reversed((1, 2)), reversed), isinstance(iter([]), zip))
print(type(zip()).__name__, type(map(abs, [])).__name__, type(enumerate([])).__name__,
      type(filter(None, [])).__name__)
samples = [iter([]), iter(()), iter(range(3)), iter('ab'), iter('añ'), iter(b'ab'), iter({}),
           iter({}.values()), iter({}.items()), iter(set()), iter(frozenset()),
           reversed([1]), reversed((1,)), reversed('ab'), reversed(range(2)),
           reversed({1: 2}), reversed({1: 2}.values()), reversed({1: 2}.items()),
           iter(lambda: 1, 1)]
for it in samples:
    print(type(it).__name__, isinstance(it, collections.abc.Iterator), iter(it) is it)
print(list(zip([1, 2], 'ab')))
print(list(map(pow, [2, 3], [2, 2])), list(enumerate('xy', start=5)))
print(list(filter(None, [0, 1, '', 'a'])), list(reversed(range(3))))
print(type(zip) is type, zip.__name__, enumerate.__qualname__)
it = enumerate(['a'])
print(next(it), next(it, 'done'))


class Slotted:
    __slots__ = ('a',)


try:
    vars(Slotted())
except TypeError as e:
    print('TypeError:', e)
for bad in [lambda: enumerate(), lambda: map(abs), lambda: filter(None), lambda: reversed(5)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
