# Sets and frozensets (small non-negative ints print in a stable order; strings are sorted).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7], (8,)), a.intersection(range(3)))
print(3 in a, 7 in a, 7 not in a, len(a))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a)
print({1, 2}.issubset(a), a.issuperset({2, 3}), a.isdisjoint({9, 10}), a.isdisjoint(b))
s = set()
print(s, len(s), bool(s))
s.add(5)
s.add(5)
s.add(1)
print(s)
s.update([2, 3], {9})
print(s)
s.discard(9)
s.discard(100)
print(s)
s.remove(2)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
print(sorted(s), s.pop() in {1, 3, 5}, len(s))
s.clear()
print(s)
c = {1, 2, 3}
c |= {4}
c &= {1, 2, 4, 8}
c -= {1}
c ^= {2, 10}
print(c)
print(set([3, 1, 3, 2, 1]), set(range(5)), set("aab") == {"a", "b"})
print(sorted(set("mississippi")))
print(sorted({"pear", "apple", "fig"}))
f = frozenset([1, 2, 3])
print(f, type(f).__name__, f | {4}, f & {2, 9})
print(frozenset() == set(), f == {1, 2, 3}, {f: "frozen key"}[frozenset({3, 2, 1})])
print({frozenset({1}), frozenset({1})} == {frozenset({1})})
print({x % 5 for x in range(20)}, {x * x for x in range(-3, 4)})
nums = [4, 1, 4, 2, 1, 3, 2]
seen = set()
uniq = []
for n in nums:
    if n not in seen:
        seen.add(n)
        uniq.append(n)
print(uniq, sorted(seen))
print(len({1, 1.0, True}), {0, False} == {0})
words = "the cat and the hat and the bat".split()
print(sorted(set(words)), len(set(words)))
vowels = set("aeiou")
print(sorted(c for c in "programming language" if c in vowels))
print(sorted(set("hello") & set("world")), sorted(set("hello") - set("world")))
print(set() == set(), {1} != {2}, {1, 2} == {2, 1})
print(min({5, 3, 8}), max({5, 3, 8}), sum({1, 2, 3}))
print(sorted({3, 1, 2}, reverse=True))
e = {10, 20}
g = e.copy()
g.add(30)
print(e, g)
print({1, 2, 3} - {2} - {3}, {1} | {2} | {3})
print(set(map(abs, [-1, 1, -2, 2])), frozenset(x for x in range(3)))
try:
    {[1, 2]}
except TypeError as ex:
    print("TypeError:", ex)
print(repr(set()), repr(frozenset()), repr({7}))
