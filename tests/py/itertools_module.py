# itertools: the infinite iterators, the terminating ones, the combinatoric ones.
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(count(), count(3), count(2, 0.5), count(1, -1), repeat("x", 3), repeat(0))
print(list(islice(cycle("ab"), 5)), list(cycle([])), list(repeat(7, 3)), list(repeat(1, -2)))
print(list(map(pow, range(4), repeat(2))))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1], max)), list(accumulate([1, 2], initial=10)))
print(list(accumulate([], initial=5)), list(accumulate(range(1, 6), operator.mul)))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 3, [1, 4, 1, 5])))
print(list(takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(filterfalse(None, [0, 1, "", "a"])), list(starmap(pow, [(2, 5), (3, 2)])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice("ABCDEFG", 5, 2)), list(islice(range(10), 1, 9, 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
for args in [(-1,), ("a",), (0, 1, 0), (1, -2)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print("ValueError", e)
print(list(pairwise("ABCD")), list(pairwise("A")))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
print(list(product("AB", "xy")), list(product(range(2), repeat=3))[:4], list(product()))
print(list(permutations("ABC", 2)), len(list(permutations(range(4)))), list(permutations("ab", 3)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement("", 2)))
try:
    combinations("abc", -1)
except ValueError as e:
    print("ValueError", e)
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = list(groupby("aabb"))
print([(k, list(g)) for k, g in groups])
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
x, y, z = tee("ab", 3)
print(list(x), list(y), list(z), tee([], 0))
try:
    zip_longest(1)
except TypeError as e:
    print("TypeError", e)
