# The interpreter's fast paths must give what the slow ones give: cached class lookups after
# a class changes, __init__ run inline, strings grown in place, `a, b = b, a` without a tuple,
# closures reading their cells, builtin calls straight from the eval loop.


class Base:
    kind = "base"

    def greet(self):
        return "hello from Base"


class Child(Base):
    def __init__(self, n):
        self.n = n


def greet_all(objs):
    return [o.greet() for o in objs]


kids = [Child(i) for i in range(3)]
print(greet_all(kids))
# A method added to the subclass later shadows the base's for every instance.
Child.greet = lambda self: f"child {self.n}"
print(greet_all(kids))
del Child.greet
print(greet_all(kids))
# A changed base class is seen through the subclass.
Base.greet = lambda self: "patched base"
print(greet_all(kids), Child.kind)
Base.kind = "changed"
print(Child.kind, kids[0].kind)
# An instance attribute shadows a (non-data) class attribute; a property (data descriptor)
# added later wins over the instance dict.
kids[0].kind = "mine"
print(kids[0].kind, kids[1].kind)
Child.kind = property(lambda self: f"property of {self.n}")
print(kids[0].kind, kids[1].kind)
try:
    kids[1].kind = "x"
except AttributeError:
    # (CPython names the property only when the class body set it: __set_name__.)
    print("AttributeError: no setter")


class Tracked:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)


t = Tracked()
t.a = 1
del Tracked.__setattr__
t.b = 2
print(t.a, t.b)


# __init__ run inline by the eval loop: arguments, defaults, keywords, recursion, errors.
class Node:
    def __init__(self, value, next=None, *, tag="n"):
        self.value = value
        self.next = next
        self.tag = tag


def chain(n):
    head = None
    for i in range(n):
        head = Node(i, head, tag=f"t{i}")
    return head


node = chain(4)
out = []
while node:
    out.append((node.value, node.tag))
    node = node.next
print(out)


class Returns:
    def __init__(self):
        return 1


def build():
    return Returns()


try:
    build()
except TypeError as e:
    print("TypeError:", e)


class WithNew:
    def __new__(cls, x):
        print("new", x)
        return super().__new__(cls)

    def __init__(self, x):
        print("init", x)


WithNew(5)
Node.__init__ = lambda self, v: setattr(self, "value", -v)
print(Node(3).value)


# Strings grown in place must not change a string someone else holds.
def build_string(n):
    s = ""
    kept = []
    for i in range(n):
        s += str(i)
        if i % 3 == 0:
            kept.append(s)
    s = s + "!"
    return s, kept


print(build_string(8))


def swaps():
    a, b = 1, 2
    a, b = b, a
    x, y, z = a, b, "c"
    x, y, z = z, y, x
    return a, b, x, y, z


print(swaps())


def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    def read():
        return count

    return bump, read


bump, read = counter()
print(bump(), bump(), read())
print(isinstance(True, int), isinstance(1, (str, int)), isinstance("x", int))
items = []
for i in range(5):
    items.append(len(items) * i)
print(items, max(items), sorted(items, reverse=True))
