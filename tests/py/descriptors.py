# The descriptor protocol for Python classes: __get__ (data and non-data), __set__,
# __delete__, __set_name__, and which wins over the instance dict.
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return getattr(instance, self.name)

    def __set__(self, instance, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be an int")
        setattr(instance, self.name, value)

    def __delete__(self, instance):
        print("delete", self.name)


class Lazy:
    def __get__(self, instance, owner=None):
        return ("lazy", instance is None, owner.__name__)


class Point:
    x = Typed()
    y = Typed()
    lazy = Lazy()

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y, vars(p), type(Point.x).__name__)
try:
    p.x = "one"
except TypeError as e:
    print("TypeError", e)
p.__dict__["x"] = 99  # a data descriptor wins over the instance dict
print(p.x)
del p.x
print(p.lazy, Point.lazy)
p.__dict__["lazy"] = "own"  # the instance dict wins over a non-data descriptor
print(p.lazy)


class Audited:
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)


a = Audited()
a.x = 1
del a.x
print(hasattr(a, "x"))
try:
    del a.y
except AttributeError as e:
    print("AttributeError", e)
