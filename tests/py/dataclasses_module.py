# dataclasses: generated __init__/__repr__/__eq__, defaults and default_factory, order,
# frozen, field options, __post_init__, inheritance, kw_only, fields/asdict/astuple/replace.
from dataclasses import (FrozenInstanceError, asdict, astuple, dataclass, field, fields,
                         is_dataclass, replace)


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print([f.name for f in fields(Point)], is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(Point.__hash__, Point.y, hasattr(Point, "x"))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 10), Version(1, 2, "rc"), Version(0, 9)]
print(sorted(vs), Version(1, 2) < Version(1, 10), Version(2) >= Version(1, 99), max(vs))
print(Version(1, 2, "a") == Version(1, 2, "b"))


@dataclass(frozen=True)
class Config:
    host: str
    port: int = 8080
    tags: list = field(default_factory=list)


c = Config("localhost")
print(c, hash(c) == hash(Config("localhost")) if False else "", c.tags is not Config("x").tags)
try:
    c.port = 1
except FrozenInstanceError as e:
    print("FrozenInstanceError", e, isinstance(e, AttributeError))
try:
    del c.host
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(init=False, default=0)
    secret: str = field(default="s", repr=False)

    def __post_init__(self):
        self.count = len(self.items)


inv = Inventory("shop", ["a", "b"])
print(inv, inv.count, Inventory("empty").items)


@dataclass
class Base:
    a: int
    b: str = "b"


@dataclass
class Child(Base):
    c: float = 1.5
    b: str = "override"


print(Child(1), [f.name for f in fields(Child)], Child(1, "x", 2.0) == Child(1, "x", 2.0))


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3), Options(level=1, verbose=True))


@dataclass
class Line:
    start: Point
    end: Point
    label: str = "l"


line = Line(Point(0, 0), Point(1, 1))
print(asdict(line), astuple(line), replace(line, label="m"), replace(p, x=9))

for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
            lambda: Options(), lambda: Version(1) < Point(1), lambda: asdict(p.x),
            lambda: fields(1), lambda: replace(inv, count=3)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print("ValueError", e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError", e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError", e)
