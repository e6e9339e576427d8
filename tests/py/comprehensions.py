# List, dict and set comprehensions.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([x if x % 2 else -x for x in range(8)])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([c.upper() for c in "hello" if c not in "l"])
print({x: x ** 3 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({w: len(w) for w in ["one", "three", "five"]})
print({x % 4 for x in range(30)})
print(sorted({w[0] for w in ["apple", "avocado", "banana", "cherry", "cranberry"]}))
words = ["alpha", "beta", "gamma", "delta"]
print([w for w in words if "a" in w[1:]])
print([len(w) for w in words], [w[::-1] for w in words])
print([i for i, w in enumerate(words) if w.endswith("a")])
print([(i, j) for i in range(4) for j in range(i)])
print([x for x in [y * 2 for y in range(5)] if x > 3])
x = "outer"
res = [x for x in range(3)]
print(res, x)
n = 5
print([n * i for i in range(3)])
funcs = [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in funcs])
late = [lambda: i for i in range(3)]
print([f() for f in late])
print([[y for y in range(x)] for x in range(4)])
print({(a, b): a * b for a in range(1, 3) for b in range(1, 3)})
print([p for p in range(2, 50) if all(p % d for d in range(2, int(p ** 0.5) + 1))])
print(sum([i for i in range(101) if i % 2 == 0]))
print([s.strip() for s in " a , b ,c ".split(",")])
print([int(ch) for ch in "31415" if ch != "1"])
print({v: k for k, v in enumerate("xyz")})
pairs = [("b", 2), ("a", 1), ("c", 3)]
print(dict(sorted(pairs)), {k: v * 10 for k, v in pairs})
print([(lambda q: q * q)(q) for q in range(4)])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print([[0] * 2 for _ in range(2)], [None for _ in "abc"])
nested = [[1, [2, 3]], [4, [5]]]
print([z for a, rest in nested for z in [a] + rest])
print(["even" if i % 2 == 0 else "odd" for i in range(4)])
print([i for i in range(30) if i % 2 if i % 3])
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
table = {name: {"len": len(name), "upper": name.upper()} for name in ["ab", "cde"]}
print(table)
print([c for c in "a1b2c3" if c.isdigit()], "".join(c for c in "a1b2c3" if c.isalpha()))
print(len([1 for _ in range(1000)]), [x for x in []])
fizz = ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i) for i in range(1, 16)]
print(fizz)
print({i: [j for j in range(i)] for i in range(4)})
print(sorted({(i % 2, i % 3) for i in range(10)}))
