# corpus: CPython 3.12
# abc: ABC with abstract methods (3.12's message when instantiating one), register,
# subclasses that implement everything, update_abstractmethods.
from abc import ABC, abstractmethod, update_abstractmethods


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


print(Square(3).describe(), Square(2).perimeter(), sorted(Shape.__abstractmethods__))
print(sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__, isinstance(Square(1), Shape))
for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)


class Plugin(ABC):
    pass


class External:
    pass


Plugin.register(External)
print(isinstance(External(), Plugin), issubclass(External, Plugin), issubclass(int, Plugin), type(Plugin()).__name__)


def perimeter(self):
    return 0


HalfDone.perimeter = perimeter
update_abstractmethods(HalfDone)
print(HalfDone().perimeter(), HalfDone.__abstractmethods__ == frozenset())
try:
    Plugin.register(3)
except TypeError as e:
    print("TypeError", e)
