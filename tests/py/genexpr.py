# Generator expressions: laziness, single-pass iteration, use with builtins.
g = (x * x for x in range(5))
print(type(g).__name__)
print(next(g), next(g))
print(list(g))
print(list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(min(x % 7 for x in range(10, 20)), any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(sorted(c for c in "generator"), tuple(i for i in range(3)))
print(",".join(str(i) for i in range(5)))
print(dict((k, k * 2) for k in "ab"), set(i % 3 for i in range(10)))
log = []
def trace(v):
    log.append(v)
    return v
lazy = (trace(i) for i in range(5))
print(log)
first = next(lazy)
print(first, log)
for v in lazy:
    if v == 2:
        break
print(log)
print(list(lazy), log)
def naturals():
    n = 0
    while True:
        yield n
        n += 1
evens = (n for n in naturals() if n % 2 == 0)
squares = (e * e for e in evens)
out = []
for s in squares:
    if s > 200:
        break
    out.append(s)
print(out)
total = sum(i * i for i in range(1, 11) if i % 2)
print(total)
print(list((a, b) for a in range(3) for b in "xy" if a != 1))
matrix = [[1, 2], [3, 4], [5, 6]]
print(sum(sum(row) for row in matrix), list(r[0] for r in matrix))
print(sum(1 for line in "a\nb\nc".splitlines() if line))
nested = ((i, (j for j in range(i))) for i in range(3))
for i, inner in nested:
    print(i, list(inner))
x = 10
gen = (x + i for i in range(3))
x = 100
print(list(gen))
gen2 = (i for i in range(x // 50))
print(list(gen2))
it = iter([1, 2, 3, 4, 5, 6])
pairs = list(zip(it, it))
print(pairs)
print(list(enumerate(c.upper() for c in "abc")))
print(next((i for i in range(10) if i > 6), None), next((i for i in [] if i), "none"))
print(max((len(w), w) for w in "the quick brown fox".split()))
gen3 = (i for i in range(3))
print(iter(gen3) is gen3)
for v in gen3:
    print("v", v)
print(list(map(lambda t: t[0] * t[1], ((i, i + 1) for i in range(4)))))
print(sum(x for x in range(5)) == sum([x for x in range(5)]))
words = ["apple", "bob", "kayak", "level", "python"]
print(list(w for w in words if w == w[::-1]))
print("".join(reversed([c for c in "abc"])), list(reversed(range(3))))
def count_up(limit):
    return (i for i in range(limit))
print(list(count_up(4)), sum(count_up(100)))
print(sorted((i * 7) % 10 for i in range(10)))
