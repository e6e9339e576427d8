# collections.abc: isinstance/issubclass on builtins (by their methods or registration),
# user classes that implement an ABC and get its mixin methods, virtual subclasses.
from collections import Counter, OrderedDict, deque
from collections.abc import (Callable, Collection, Container, Generator, Hashable, ItemsView,
                             Iterable, Iterator, KeysView, Mapping, MutableMapping,
                             MutableSequence, MutableSet, Reversible, Sequence, Set, Sized,
                             ValuesView)


def gen():
    yield 1


checks = [([], Iterable), ([], Sequence), ([], MutableSequence), ((), Sequence),
          ((), MutableSequence), ("s", Sequence), ({}, Mapping), ({}, MutableMapping),
          (set(), Set), (set(), MutableSet), (frozenset(), MutableSet), (iter([]), Iterator),
          ([], Iterator), (gen(), Generator), (gen(), Iterator), (len, Callable), (1, Callable),
          (lambda: 0, Callable), ([], Hashable), (1, Hashable), ((), Hashable),
          ({}.keys(), Set), ({}.keys(), KeysView), ({}.items(), ItemsView),
          ({}.values(), ValuesView), (deque(), MutableSequence), (range(3), Sequence),
          (OrderedDict(), MutableMapping), (Counter(), Mapping), ([], Sized), ({}, Container),
          ([], Collection), (3, Iterable), ([], Reversible), ({}, Hashable), ("", Hashable)]
for obj, abc_ in checks:
    print(type(obj).__name__ if abc_ is not Iterator else "", abc_.__name__, isinstance(obj, abc_))
print(issubclass(list, Sequence), issubclass(dict, Iterable), issubclass(int, Sized),
      isinstance([], (int, Mapping, Sequence)))


class Inventory(MutableMapping):
    def __init__(self):
        self._data = {}

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)


inv = Inventory()
inv["apples"] = 3
inv.update({"pears": 2}, plums=1)
print(inv.setdefault("kiwis", 0), inv.get("nope", -1), "pears" in inv, len(inv))
print(list(inv.keys()), list(inv.items()), list(inv.values()), inv.pop("plums"))
print(inv == {"apples": 3, "pears": 2, "kiwis": 0}, isinstance(inv, Mapping), isinstance(inv, dict))
print(inv.keys() & {"apples", "x"}, inv.popitem(), len(inv))
inv.clear()
print(len(inv))


class Countdown(Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.n - i

    def __len__(self):
        return self.n


c = Countdown(4)
print(list(c), list(reversed(c)), 2 in c, c.index(2), c.count(3), isinstance(c, Reversible))


class Bag(MutableSet):
    def __init__(self, items=()):
        self._items = list(dict.fromkeys(items))

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def add(self, x):
        if x not in self._items:
            self._items.append(x)

    def discard(self, x):
        if x in self._items:
            self._items.remove(x)


b = Bag([1, 2, 3])
b |= {4}
b -= {1}
print(sorted(b), sorted(b & {2, 9}), sorted(b | [7]), b <= Bag([2, 3, 4, 5]), b == Bag([4, 3, 2]))


class Tree:
    pass


Iterable.register(Tree)
print(isinstance(Tree(), Iterable), issubclass(Tree, Iterable), issubclass(Tree, Sequence))


class HasIter:
    def __iter__(self):
        return iter(())


class NoHash:
    __hash__ = None


print(isinstance(HasIter(), Iterable), isinstance(HasIter(), Iterator), isinstance(NoHash(), Hashable))
