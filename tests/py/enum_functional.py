# enum's functional API: Enum('Name', 'A B'), a list or tuple of names, (name, value)
# pairs, a mapping, start=, type=, and IntEnum / Flag / StrEnum alike.
from enum import Enum, IntEnum, Flag, IntFlag, auto

Color = Enum("Color", "RED GREEN BLUE")
print(Color, list(Color), Color.RED, Color(2), Color["BLUE"], Color.RED.value, len(Color))
print(repr(Color.GREEN), Color.__members__.keys() if False else list(Color.__members__))
Shape = Enum("Shape", "SQUARE, CIRCLE", start=10)
print(list(Shape), Shape.CIRCLE.value)
Animal = Enum("Animal", ["CAT", "DOG"])
Fruit = Enum("Fruit", ("APPLE", "PEAR"))
Pair = Enum("Pair", [("ONE", 1), ("TWO", 2), ("UNO", 1)])
Mapped = Enum("Mapped", {"X": "x", "Y": "y"})
print(list(Animal), list(Fruit), list(Pair), Pair.UNO, Pair(1), list(Mapped), Mapped("y"))
Level = IntEnum("Level", "LOW MID HIGH")
print(Level.MID, Level.MID + 1, Level.HIGH > Level.LOW, int(Level.LOW), isinstance(Level.LOW, int))
Perm = Flag("Perm", "R W X")
print(list(Perm), Perm.R | Perm.W, Perm.X.value, (Perm.R | Perm.X).value)
Bits = IntFlag("Bits", "A B C")
print(Bits.C, Bits.A | Bits.C, int(Bits.B))
Num = Enum("Num", "ONE TWO", type=int)
print(Num.TWO, Num.TWO + 1, isinstance(Num.ONE, int), Num.__module__, Color.__qualname__)
Q = Enum("Q", "A", qualname="Outer.Q", module="mymod")
print(Q.__qualname__, Q.__module__, Q.A)
print(isinstance(Color.RED, Color), isinstance(Color.RED, Enum), Color.RED is Color(1))
for bad in [lambda: Color(7), lambda: Color["PINK"], lambda: Enum("Bad", [("A", 1), ("A", 2)])]:
    try:
        bad()
    except (ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)


class Base:
    def __init_subclass__(cls, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        print("init_subclass", cls.__name__, tag)


Made = type("Made", (Base,), {"x": 1})
Tagged = type("Tagged", (Base,), {}, tag="t")
print(Made.tag, Tagged.tag, Made.__qualname__, Tagged.__qualname__, Made.x)
