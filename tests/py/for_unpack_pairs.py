# `for a, b in ...`: a dict's items are unpacked straight from the dict; every other
# iterable of pairs, and every error, goes the general way, with the same results.


def total(d):
    s = 0
    for k, v in d.items():
        s += k * v
    return s


print(total({}), total({1: 2}), total({i: i for i in range(100)}))

# Values may change during the loop; the size may not.
d = {"a": 1, "b": 2, "c": 3}
for k, v in d.items():
    d[k] = v * 10
print(d)
try:
    for k, v in d.items():
        d[k + k] = v
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(d))

# Deleting during iteration, then breaking out at once, is allowed.
d = {1: "x", 2: "y"}
for k, v in d.items():
    del d[k]
    break
print(d)

# break, else, nested loops over the same dict.
d = {1: "one", 2: "two", 3: "three"}
for k, v in d.items():
    if v == "two":
        print("found", k)
        break
else:
    print("not found")
for k, v in d.items():
    pass
else:
    print("done", k, v)
print([(a, b, c) for a, _ in d.items() for c, b in d.items() if a < c])

# Other pairs through the same loop shape.
for a, b in [(1, 2), [3, 4], "xy", range(2)]:
    print(a, b)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
for a, b in zip("ab", "cd"):
    print(a + b)


class Pairs:
    def items(self):
        return iter([(1, 1), (2, 4)])


for a, b in Pairs().items():
    print(a, b)

# Unpacking errors: CPython's words.
for bad in ([(1, 2, 3)], [(1,)], [1], {1: 2}.keys()):
    try:
        for a, b in bad:
            pass
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# A dict subclass and a view kept across a change.
class D(dict):
    pass


print(total(D({2: 3, 4: 5})))
view = {1: 1}.items()
print([(k, v) for k, v in view])

# enumerate's (count, item) pairs are unpacked unmade too: any inner iterable, any start.
import sys

for i, ch in enumerate("abc", 10):
    print(i, ch)
for i, x in enumerate(x * x for x in range(3)):
    print(i, x)
for i, x in enumerate([], sys.maxsize):
    print("never")
for i, x in enumerate("xyz", sys.maxsize - 1):
    print(i - sys.maxsize, x)
e = enumerate("pq")
for i, x in e:
    print(i, x, list(e))


def failing():
    yield "first"
    raise ValueError("from the inner iterator")


try:
    for i, x in enumerate(failing()):
        print(i, x)
except ValueError as err:
    print("ValueError:", err, "at line", err.__traceback__.tb_next.tb_lineno)
for bad in (enumerate([(1, 2)]), enumerate("ab")):
    try:
        for i, (a, b) in bad:
            print(i, a, b)
    except ValueError as err:
        print("ValueError:", err)
print(sum(i * x for i, x in enumerate(range(1000))))
