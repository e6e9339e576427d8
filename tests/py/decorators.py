# Decorators: function decorators, decorators with arguments, stacking,
# @staticmethod, @classmethod, @property with setter and deleter.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"
    wrapper.__name__ = fn.__name__
    return wrapper
@shout
def greet(name):
    return "hello " + name
print(greet("ada"), greet.__name__)
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def roll(x):
    return x * 2
print(roll(4))
calls = []
def logged(tag):
    def deco(fn):
        def wrapper(*a):
            calls.append(f"{tag}>{fn.__name__}")
            r = fn(*a)
            calls.append(f"{tag}<{fn.__name__}")
            return r
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
@logged("outer")
@logged("inner")
def add(a, b):
    return a + b
print(add(2, 3), calls)
def count_calls(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    pass
for _ in range(4):
    noop()
print("noop called", noop.calls, "times")
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def alpha():
    return "a"
@register
def beta():
    return "b"
print(sorted(registry), registry["beta"]())
class Circle:
    pi = 3.14159
    def __init__(self, r):
        self._r = r
    @property
    def radius(self):
        return self._r
    @radius.setter
    def radius(self, value):
        if value < 0:
            raise ValueError("radius must be >= 0")
        self._r = value
    @radius.deleter
    def radius(self):
        print("deleting radius")
        del self._r
    @property
    def area(self):
        return round(self.pi * self._r ** 2, 3)
    @staticmethod
    def unit_name():
        return "cm"
    @classmethod
    def from_diameter(cls, d):
        return cls(d / 2)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} with pi={cls.pi}"
c = Circle(2)
print(c.radius, c.area, Circle.unit_name(), c.unit_name())
c.radius = 3
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError:", e)
try:
    c.area = 10
except AttributeError:
    print("AttributeError: area has no setter")
del c.radius
print(hasattr(c, "_r"))
d = Circle.from_diameter(10)
print(type(d).__name__, d.radius, Circle.describe())
class Sub(Circle):
    pi = 3
print(Sub.from_diameter(4).area, type(Sub.from_diameter(4)).__name__, Sub.describe())
print(isinstance(Circle.__dict__["unit_name"], staticmethod), isinstance(Circle.__dict__["describe"], classmethod), isinstance(Circle.__dict__["area"], property))
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(90))
def validate_positive(fn):
    def wrapper(x):
        if x <= 0:
            return "rejected %r" % x
        return fn(x)
    return wrapper
@validate_positive
def sqrt_int(x):
    r = 0
    while (r + 1) * (r + 1) <= x:
        r += 1
    return r
print(sqrt_int(50), sqrt_int(-4), sqrt_int(0))
def class_deco(cls):
    cls.tagged = True
    return cls
@class_deco
class Tagged: pass
print(Tagged.tagged)
class Temperature:
    def __init__(self):
        self._c = 0
    def get_f(self):
        return self._c * 9 / 5 + 32
    def set_f(self, f):
        self._c = (f - 32) * 5 / 9
    fahrenheit = property(get_f, set_f)
t = Temperature()
t.fahrenheit = 212
print(t._c, t.fahrenheit)
