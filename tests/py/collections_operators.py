# Comparisons and repetition of the collections types, as CPython 3.11-3.13 answer them.
from collections import Counter, OrderedDict, deque

# Counter.__eq__ declines a plain dict, so dict's own comparison answers (reflected).
print(Counter(a=1) == {'a': 1}, Counter(a=1) != {'a': 1}, {'a': 1} == Counter(a=1))
print(Counter(a=1, b=0) == {'a': 1}, Counter(a=1, b=0) == Counter(a=1))
print(OrderedDict(a=1) == Counter(a=1), Counter(a=2) == OrderedDict(a=1))


class L(list):
    pass


print(L([1]) == [1], [1] == L([1]), L([1]) < [2], [3] > L([2]))

d = deque([1, 2])
print(d * 2, 2 * d, d * 0, d * -1, d * True)
print(deque([1, 2, 3], maxlen=4) * 3, deque([], maxlen=2) * 5, deque([7], maxlen=0) * 3)
e = d
e *= 3
print(e, e is d)
print(deque([1, 2]) < deque([1, 3]), deque([1]) < deque([1, 0]), deque([2]) >= deque([1, 9]))
print(deque() <= deque(), deque([1, 2]) > deque([1, 2]), deque(['b']) > deque(['a', 'z']))
for bad in ("d * 'a'", "d * 2.0", "deque([1]) < deque(['x'])"):
    try:
        eval(bad)
    except TypeError as ex:
        print('TypeError:', ex)
# An empty sequence repeated any number of times is empty at once.
print(len([] * 2**62), len(() * 2**62), len('' * 2**62), len(deque() * 2**62))
