# expect: RecursionError: maximum recursion depth exceeded in comparison
# line: 28
# Comparing and printing containers nested past the recursion limit: a RecursionError, as in
# CPython (they overflowed gilsim's Rust stack; deep tuples also took quadratic time).
x, y, t = [], [], ()
for i in range(200000):
    x, y, t = [x], [y], (t,)
for name, test in [
    ("lists", lambda: x == y),
    ("tuples", lambda: t == t[0]),
    ("repr", lambda: repr(x)),
    ("str", lambda: str(t)),
]:
    try:
        print(name, test())
    except RecursionError as e:
        print(name, e)
d, e = {}, {}
for i in range(10000):
    d, e = {1: d}, {1: e}
print(d == d.copy())
try:
    print(d == e)
except RecursionError as err:
    print("dicts", err)
a = []
a.append([a])
print(a == [a])
