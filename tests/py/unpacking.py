# Sequence unpacking, starred assignment, * and ** in calls and displays.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = "abc"
print(x, y, z)
[p, q] = [10, 20]
(r, s) = (30, 40)
print(p, q, r, s)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = [1, 2, 3]
print(init, tail)
head, *rest = "hello"
print(head, rest)
one, *empty = [1]
print(one, empty)
(a1, b1), c1 = (1, 2), 3
print(a1, b1, c1)
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
for n, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(n, others)
print(*[1, 2, 3])
print(*"abc", sep="-")
print(*range(3), *[7, 8], sep=",")
def f(a, b, c=0, *args, **kw):
    return a, b, c, args, kw
print(f(*[1, 2]))
print(f(*[1, 2, 3, 4, 5]))
print(f(1, *(2, 3), 4, **{"k": "v"}))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(1, **{"b": 5}, x=9))
print([*range(3), *"ab", 9])
print((*[1, 2], 3))
print({*[1, 2], *(2, 3)})
print({**{"a": 1}, "b": 2, **{"a": 100}})
d1 = {"x": 1}
d2 = {"y": 2}
print({**d1, **d2}, dict(**d1, **d2))
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    u, *v, w = [1]
except ValueError as e:
    print("ValueError:", e)
m = [[1, 2], [3, 4]]
(a, b), (c, d) = m
print(a + b + c + d)
n1 = n2 = n3 = 0
print(n1, n2, n3)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
point = {"x": 3, "y": 4}
def dist(x, y):
    return (x * x + y * y) ** 0.5
print(dist(**point))
args = (5,)
kwargs = {"sep": "|"}
print(*args, *args, **kwargs)
key, val = max({"a": 3, "b": 9, "c": 1}.items(), key=lambda kv: kv[1])
print(key, val)
*_, final = range(100)
print(final)
g = (i * 2 for i in range(3))
a, b, c = g
print(a, b, c)
s1, s2 = {"only": 1, "two": 2}
print(s1, s2)
x, = [42]
print(x)
[x] = (43,)
print(x)
print([*{"k1": 1, "k2": 2}], [*{"k": 1}.values()])
