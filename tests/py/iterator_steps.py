# Pairs made by iterators (dict items, enumerate, zip) and tuples built by the compiler are
# stored inline; enumerate counts as an int that turns big past sys.maxsize.
import sys

print(list(enumerate("abc", sys.maxsize - 1)))
print(list(enumerate("ab", -2)), list(enumerate([], 5)), list(enumerate("xy", True)))
e = enumerate("xyz", 10**20)
print(next(e), next(e))
try:
    enumerate("a", 1.5)
except TypeError as exc:
    print("TypeError:", exc)
print(list(zip("ab", [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
z = zip([1, 2], "ab")
print(next(z), list(z), list(zip()), list(zip("a", "b", "c", "d")))
d = {"one": 1, "two": 2, "three": 3}
items = list(d.items())
print(items, items[0] == ("one", 1), hash(items[1]) == hash(("two", 2)))
total = 0
for i, (k, v) in enumerate(d.items()):
    total += i * v
print(total, d.popitem(), tuple(x for x in range(3)), (1,), (), (1, 2, 3, 4))


def pair(a, b):
    return a, b


def spread(*args):
    return args, len(args)


print(pair(1, "x"), spread(), spread(1), spread(1, 2), spread(*"abcd"))
swapped = [pair(b, a) for a, b in zip(range(3), "abc")]
print(swapped, sorted(swapped), max(swapped))
