# The attribute caches must follow the classes they remember: a plain `obj.x = v` store
# becomes a property's or a descriptor's once the class gains one, builtin methods found on
# lists and deques stay right, and small dicts (no hash index) grow into indexed ones.
from collections import deque


class Point:
    def __init__(self, x):
        self.x = x


def move_all(points, x):
    for p in points:
        p.x = x


points = [Point(i) for i in range(3)]
move_all(points, 10)
print([p.x for p in points], [sorted(vars(p)) for p in points])

# A property added later takes over the store, for instances made before and after.
log = []
Point.x = property(lambda self: self.__dict__["_x"] * 2,
                   lambda self, v: (log.append(v), self.__dict__.__setitem__("_x", v)))
move_all(points, 7)
print([p.x for p in points], log, sorted(vars(points[0])))
del Point.x
move_all(points, 1)
print([p.x for p in points], sorted(vars(points[0])))


# A descriptor class that gains __set__ later becomes a data descriptor.
class Tag:
    def __get__(self, obj, owner=None):
        return "tag"


class Labelled:
    label = Tag()


item = Labelled()
item.label = "plain"
print(item.label, vars(item))
Tag.__set__ = lambda self, obj, value: log.append(("set", value))
item.label = "through the descriptor"
print(item.label, log[-1], vars(item))


# A __setattr__ added to the class later sees every store.
class Watched:
    pass


w = Watched()
w.a = 1
Watched.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 100)
w.b = 2
print(vars(w))
del Watched.__setattr__
w.c = 3
print(vars(w))

# Exceptions keep their special attributes on the store path.
e = ValueError("boom")
e.args = ("changed",)
e.note = "extra"
print(e.args, e.note, str(e))

# Builtin methods called in loops, then on other objects of other types with the same name.
nums, queue = [], deque(maxlen=3)
for i in range(6):
    nums.append(i)
    queue.append(i)
print(nums, queue, queue.maxlen)
for seq in ([1, 2], deque([3, 4]), [6]):
    seq.append(5)
    print(type(seq).__name__, list(seq))


class MyList(list):
    def append(self, v):
        super().append(v * 10)


mine = MyList()
for i in range(3):
    mine.append(i)
print(mine)

# Small dicts scan, bigger ones index: keys that grow past eight, deletions and re-insertions
# keep every lookup and the insertion order right, with keys whose equality is Python code.


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 3

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n

    def __repr__(self):
        return f"K{self.n}"


d = {}
for i in range(12):
    d[Key(i)] = i
    d[f"s{i}"] = -i
    assert all(d[Key(j)] == j and d[f"s{j}"] == -j for j in range(i + 1))
for i in range(0, 12, 2):
    del d[Key(i)]
    del d[f"s{i}"]
d[Key(0)] = "back"
print(len(d), list(d)[:6], d[Key(0)], Key(2) in d, Key(3) in d, d.get("s3"), d.get("s4"))
small = {"a": 1, "b": 2}
small.update(c=3)
del small["a"]
small["a"] = 4
print(small, small.popitem(), small)


# Methods and __init__ remembered per class follow later changes to the class.
class Made:
    def __init__(self, v):
        self.v = v

    def show(self):
        return f"v={self.v}"


def make_all():
    return [Made(i).show() for i in range(3)]


print(make_all())
Made.__init__ = lambda self, v: setattr(self, "v", v * 10)
print(make_all())
Made.__new__ = lambda cls, v: object.__new__(cls) if v else "not made"
print([Made(i) if i == 0 else Made(i).show() for i in range(3)])
Made.show = lambda self: f"shown {self.v}"
print([Made(i).show() for i in range(1, 3)])
made = Made(5)
made.show = lambda: "the instance's own"
print(made.show(), Made(6).show())
