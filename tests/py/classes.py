# Classes: attributes, methods, class vs instance state, introspection.
class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
q = Point()
print(p, q, p.x, q.y, p.dims, Point.dims)
p.move(3, 4).move(1, 1)
print(p, p.dist2(q))
print(Point.__name__, Point.__doc__, type(p).__name__, type(p) is Point)
print(isinstance(p, Point), isinstance(3, Point), isinstance(p, object))
p.label = "dynamic attribute"
print(p.label, hasattr(p, "label"), hasattr(q, "label"))
print(sorted(vars(p).items()))
print(p.__dict__ == {"x": 5, "y": 7, "label": "dynamic attribute"})
Point.dims = 3
print(p.dims, q.dims)
p.dims = 10
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
for _ in range(3):
    Counter()
c = Counter()
print(Counter.instances, c.id)
class Shared:
    items = []
    def add(self, v):
        self.items.append(v)
s1 = Shared()
s2 = Shared()
s1.add(1)
s2.add(2)
print(Shared.items, s1.items is s2.items)
bound = p.move
print(bound(0, 0), bound.__self__ is p, bound.__func__ is Point.move)
print(Point.move(q, 10, 10), q)
print(getattr(p, "x"), getattr(p, "missing", "default"))
setattr(p, "x", 100)
print(p.x)
delattr(p, "label")
print(hasattr(p, "label"))
class Empty:
    pass
e = Empty()
e.a = 1
print(type(e).__name__, e.a, Empty.__name__, Empty.__bases__[0].__name__)
class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        return self._items.pop()
    def peek(self):
        return self._items[-1]
    def is_empty(self):
        return not self._items
    def size(self):
        return len(self._items)
st = Stack()
for ch in "abc":
    st.push(ch)
print(st.size(), st.peek(), st.pop(), st.pop(), st.size(), st.is_empty())
class Temperature:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    def to_f(self):
        return self.deg * 9 / 5 + 32
    def __str__(self):
        return f"{self.deg}{self.scale}"
temps = [Temperature(d) for d in (0, 37, 100)]
print([str(t) for t in temps], [t.to_f() for t in temps])
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt
head = None
for v in [3, 2, 1]:
    head = Node(v, head)
out = []
node = head
while node:
    out.append(node.val)
    node = node.nxt
print(out)
class Private:
    def __init__(self):
        self.__secret = 42
        self._internal = 1
    def reveal(self):
        return self.__secret
pv = Private()
print(pv.reveal(), pv._Private__secret, hasattr(pv, "__secret"), pv._internal)
print(Point.__qualname__, Point.move.__qualname__, Point.__module__)
class A:
    def method(self):
        return "A.method"
a = A()
a.method = lambda: "instance override"
print(a.method(), A().method())
print(type(Point).__name__, type(type).__name__)
print(p == Point(100, 7), p is p)
