# Special methods: construction, repr/str, comparison, hashing, containers, iteration, operators.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __hash__(self):
        return hash((self.x, self.y))
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self
a, b = Vec(3, 4), Vec(1, 2)
print(a, repr(a), [a, b], str(a))
print(a + b, a - b, a * 2, 3 * a, -a, abs(a))
print(a == Vec(3, 4), a != b, a == "x", b < a, sorted([a, b, Vec(0, 1)]))
print(bool(Vec(0, 0)), bool(b), {a, Vec(3, 4), b} == {a, b}, len({a, Vec(3, 4)}))
c = a
c += b
print(c, a, c is a)
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
g = Grid(4, 2)
g[1, 0] = "#"
g[3, 1] = "@"
print(len(g), g[1, 0], g[0, 0], (1, 0) in g, (0, 0) in g)
print(list(g))
del g[1, 0]
print(list(g), (1, 0) in g)
class Countdown:
    def __init__(self, start):
        self.n = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), sum(Countdown(4)), [i for i in Countdown(2)])
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, v, extra=0):
        return v * self.k + extra
triple = Multiplier(3)
print(triple(5), triple(5, extra=1), callable(triple), list(map(triple, [1, 2])))
class Ctx:
    def __enter__(self):
        print("__enter__")
        return "resource"
    def __exit__(self, et, ev, tb):
        print("__exit__", et.__name__ if et else None)
        return True
with Ctx() as r:
    print("using", r)
    raise ValueError
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return "Money(%d.%02d)" % divmod(self.cents, 100)
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    def __radd__(self, other):
        return self + other
    def __le__(self, other):
        return self.cents <= other.cents
    def __eq__(self, other):
        return self.cents == other.cents
    __hash__ = None
print(Money(150) + Money(275), 5 + Money(100), sum([Money(1), Money(2)]), Money(1) <= Money(1))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Money(1))
except TypeError as e:
    print("TypeError:", e)
class Ord:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"Ord({self.v})"
print(sorted([Ord(3), Ord(1), Ord(2)]), max(Ord(5), Ord(9)), Ord(2) > Ord(1))
class Both:
    def __index__(self):
        return 2
print([10, 20, 30][Both()], bin(Both()), range(10)[Both()])
class Pow:
    def __pow__(self, e):
        return f"pow({e})"
    def __floordiv__(self, o):
        return "floordiv"
    def __mod__(self, o):
        return "mod"
    def __truediv__(self, o):
        return "truediv"
print(Pow() ** 3, Pow() // 1, Pow() % 1, Pow() / 1)
