# Abstract properties and static methods count for abc, as in CPython (their __isabstractmethod__).
from abc import ABC, abstractmethod


class Shape(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @abstractmethod
    def area(self):
        ...

    @staticmethod
    @abstractmethod
    def kind():
        ...


class Half(Shape):
    def area(self):
        return 1


class Full(Half):
    @property
    def name(self):
        return 'full'

    @staticmethod
    def kind():
        return 'shape'


print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), sorted(Full.__abstractmethods__))
print(Shape.name.__isabstractmethod__, Full.name.__isabstractmethod__, property().__isabstractmethod__)
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print('TypeError', cls.__name__)
print(Full().name, Full().area(), Full.kind())
