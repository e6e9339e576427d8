# and / or / not: short-circuit, returned operand values, truthiness.
print(True and True, True and False, False and True, False or True, False or False)
print(not True, not False, not 0, not 1, not "", not "x", not [], not [0], not None)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", "set" or "default")
print(None or 0 or "" or [] or "last", 1 and "a" and [1] and (2,))
print([] and 1, {} or None, 0.0 or -0.0, 0 or 5)
trace = []
def t(x):
    trace.append(x)
    return x
r = t(0) and t(1)
print(r, trace)
trace.clear()
r = t(1) and t(2) and t(0) and t(3)
print(r, trace)
trace.clear()
r = t(0) or t("") or t("hit") or t("never")
print(r, trace)
trace.clear()
r = t(1) or t(2)
print(r, trace)
trace.clear()
r = not t(0) and t(5)
print(r, trace)
print(True or False and False, (True or False) and False)
print(not 1 or 2, not (1 or 2), not 1 and 2)
for val in [0, 1, -1, 0.0, 0.1, "", " ", [], [[]], (), (0,), {}, {0: 0}, None, set(), range(0), range(1)]:
    print(repr(val), bool(val))
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called on", self.v)
        return self.v > 0
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(Truthy(1)), bool(Truthy(-1)))
print(bool(Sized(0)), bool(Sized(3)))
if Truthy(0) or Truthy(2):
    print("branch taken")
if not Sized(0):
    print("empty sized")
x = 5
print(x > 0 and x < 10, x < 0 or x > 3, not x == 5)
name = ""
display = name or "anonymous"
print(display)
items = [3]
print(items and items[0], [] and [][0])
print(0 < x and "positive" or "non-positive")
print(True + True, True * False, sum([True, False, True, True]))
print(bool("False"), bool(0.0), bool(-0.0), bool("0"))
print(all([]), any([]), all([1, 1]), any([0, 0, 1]), all([1, 0]))
print(all(x > 0 for x in [1, 2, 3]), any(x > 5 for x in [1, 2, 3]))
a = None
b = a is None or a.missing_attribute
print(b)
c = a is not None and a.missing_attribute
print(c)
print(1 if 0 or 0.0 else 2, 3 if [] or [0] else 4)
flags = [True, False, True]
print([not f for f in flags], [f and "y" or "n" for f in flags])
print((lambda q: q or "empty")(""), (lambda q: q and q.upper())("abc"))
val = 0
val = val or 10
print(val)
cnt = 0
def inc():
    global cnt
    cnt += 1
    return True
_ = False and inc()
_ = True or inc()
_ = True and inc()
_ = False or inc()
print(cnt)
print(type(1 and 2.5).__name__, type(0 or "s").__name__, type(not 5).__name__)
