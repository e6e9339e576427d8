# Comparison operators, chaining, identity, membership, mixed types.
print(1 < 2, 2 < 1, 1 <= 1, 1 > 0, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0, 5 > 3 == 3)
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 != 6, 1 != x != 1)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.5 == 3 / 2)
print("a" == "a", "a" == "A", "abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a")
print([1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) <= (1, 2), [1] == (1,))
print(None == None, None is None, None == 0, None != False)
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b, c is not a)
print(3 in [1, 2, 3], "x" in "xyz", "xz" in "xyz", 4 not in (1, 2), "k" in {"k": 1}, 1 in {"k": 1})
print(2 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(1.0 in [1], True in [1], 0 in [False])
print(max(3, 1, 2), min("b", "a"), max([1, 2], [1, 3]), min((2, "a"), (1, "z")))
for op in ["<", "<=", "==", "!=", ">=", ">"]:
    res = []
    for p, q in [(1, 2), (2, 2), (3, 2)]:
        if op == "<":
            res.append(p < q)
        elif op == "<=":
            res.append(p <= q)
        elif op == "==":
            res.append(p == q)
        elif op == "!=":
            res.append(p != q)
        elif op == ">=":
            res.append(p >= q)
        else:
            res.append(p > q)
    print(op, res)
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None < 1)
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", [] == (), {} == [], "1" != 1)
print(float("nan") == float("nan"), float("inf") > 10 ** 300, -float("inf") < -(10 ** 300))
print(10 ** 20 == 1e20, 10 ** 20 < 1e20 + 1, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(0.1 + 0.2 == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-9)
print(-0.0 == 0.0, 0 == -0)
print({1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, {1, 2} > {1}, {1, 2} <= {3})
print(sorted([3, 1, 2]) == [1, 2, 3], sorted("cba") == list("abc"))
print((1, 2, 3) < (1, 2), (1, 2) < (1, 2, 3), () == ())
print("apple" < "banana" < "cherry", "a" < "b" > "a")
print(not 1 == 2, not (1 < 2), (not 1) == 2)
one = 1
print(one is not None, x is not None and x > 3)
def cmp(p, q):
    return (p > q) - (p < q)
print(cmp(1, 2), cmp(2, 2), cmp(3, 2), cmp("b", "a"))
print(type(1 < 2).__name__, int(3 > 2) + int(2 > 3))
print(True > False, True == 1.0, False < 0.5)
print([x for x in range(10) if 2 < x < 7], all(a < b for a, b in zip([1, 2, 3], [2, 3, 4])))
