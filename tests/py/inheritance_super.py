# Inheritance, method overriding, super(), multiple inheritance and MRO.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " (tiny)"
class Cat(Animal):
    sound = "meow"
pets = [Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")]
for pet in pets:
    print(repr(pet), "|", pet.speak(), "|", pet.kind())
print(isinstance(pets[2], Dog), isinstance(pets[2], Animal), isinstance(pets[3], Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Dog, object))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__)
class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
d = D()
print(d.who(), d.chain(), [k.__name__ for k in D.__mro__])
class E(C, B):
    pass
print(E().who(), E().chain(), [k.__name__ for k in E.mro()])
class Base:
    def __init__(self):
        self.log = ["Base"]
class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")
class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")
class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Diamond")
print(Diamond().log)
class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
shapes = [Rect(2, 3), Square(4)]
print([s.describe() for s in shapes])
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class Explicit(Dog):
    def speak(self):
        return "explicit: " + Dog.speak(self) + " / " + super(Dog, self).kind()
print(Explicit("ex").speak())
class MyList(list):
    def total(self):
        return sum(self)
    def append(self, v):
        super().append(v * 10)
ml = MyList([1, 2])
ml.append(3)
print(ml, ml.total(), len(ml), isinstance(ml, list))
class MyDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
md = MyDict(a=1)
print(md["a"], md["zz"], len(md))
class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
cnt = Counter()
for ch in "abracadabra":
    cnt.add(ch)
print(sorted(cnt.items()))
class WithClassAttr:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        WithClassAttr.registry.append(cls.__name__)
class Sub1(WithClassAttr):
    pass
class Sub2(Sub1):
    pass
print(WithClassAttr.registry)
class Vehicle:
    wheels = 4
class Bike(Vehicle):
    wheels = 2
class Trike(Bike):
    pass
print(Vehicle.wheels, Bike.wheels, Trike.wheels, Trike().wheels)
print(type(Trike()).__mro__[1] is Bike)
