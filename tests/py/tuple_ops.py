# Tuples.
t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
print((), (1,), (1), tuple(), tuple([4, 5]), tuple("ab"))
single = 5,
print(single, type(single).__name__, len(single))
print(t + (4, 5), t * 2, (0,) * 3)
print(t.count(2), t.index(3), (1, 1, 2, 1).count(1))
print(2 in t, 9 in t, 9 not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), () < (0,))
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1, "a") != (1, "b"))
a, b, c = t
print(a, b, c)
x, y = y, x = 1, 2
print(x, y)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
(p, q), (r, (s, u)) = nested
print(p, q, r, s, u)
points = [(3, 1), (1, 2), (2, 2), (1, 1)]
print(sorted(points), sorted(points, key=lambda pt: pt[1]), min(points), max(points))
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(0, 0)], d[1, 0])
print(hash((1, 2)) == hash((1, 2)), hash((1, 2, 3)) == hash((1, 2, 3)))
m = ([1], [2])
m[0].append(10)
print(m)
try:
    t[0] = 100
except TypeError as e:
    print("TypeError:", e)
try:
    m[0] += [20]
except TypeError as e:
    print("TypeError:", e)
print(m)
def divide(n, k):
    return n // k, n % k
qq, rr = divide(17, 5)
print(qq, rr, divide(20, 6))
res = divide(9, 4)
print(res, res[0], type(res).__name__)
def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
print(stats([4, 8, 15, 16, 23, 42]))
print(tuple(i * i for i in range(5)))
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2, 3))))
print(list(zip((1, 2, 3), ("a", "b", "c"))))
print(tuple(enumerate("xy")))
print(repr((1, "two", 3.0, None, (5,))))
print(str(()), str((1,)), str(((),)))
big = tuple(range(10))
print(big[2:8:2], big[-3:], big[:0])
cnt = 0
for item in (10, 20, 30):
    cnt += item
print(cnt)
for i, (name, score) in enumerate((("ann", 3), ("bob", 5))):
    print(i, name, score)
tt = (1, 2)
tt += (3,)
print(tt)
print(max((1, 5, 3)), min(("b", "a", "c")), sum((1.5, 2.5)))
print(bool(()), bool((0,)), bool((None,)))
print(((1, 2), (1, 2)) == ((1, 2), (1, 2)), (1, (2, 3)) < (1, (2, 4)))
print(tuple(map(str, (1, 2, 3))), tuple(filter(None, (0, 1, "", "x"))))
first, *rest = (1, 2, 3, 4)
print(first, rest)
