from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name} is {self.value}"

    @classmethod
    def favourite(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color.CRIMSON)
print(list(Color), len(Color), [c.name for c in reversed(Color)])
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED).__name__)
print(Color.__members__)
print(Color.RED.describe(), Color.favourite(), repr(Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED is Color(1))
print(f"{Color.BLUE}", "%s" % Color.BLUE, str(Color.BLUE), format(Color.BLUE, ">14"))
print({Color.RED: "r"}[Color.CRIMSON], hash(Color.RED) == hash(Color.RED))
print(sorted(Color, key=lambda c: c.value, reverse=True))
try:
    Color(5)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    class More(Color):
        PINK = 9
except TypeError as e:
    print("TypeError:", e)


class Weekday(Enum):
    MON = auto()
    TUE = auto()
    WED = 10
    THU = auto()


print(list(Weekday), Weekday.THU.value)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.value)


class Num(IntEnum):
    ONE = 1
    TWO = 2


print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE < Num.TWO, Num(2), Num.ONE == 1)
print(f"{Num.TWO}", sorted([Num.TWO, Num.ONE]), isinstance(Num.ONE, int), [1, 2, 3][Num.ONE])


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(Mode.READ, repr(Mode.READ), Mode.WRITE == "w", Mode("w"), Mode.READ.upper())


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), rw.name, Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)))
print(repr(Perm(0)), str(Perm(0)), repr(~Perm.R), repr(rw & Perm.W), repr(rw ^ Perm.R))
print(list(Perm), Perm(7), Perm(6) is rw)
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)


class Opt(Flag):
    A = auto()
    B = auto()
    C = auto()
    AB = 3


print(list(Opt), Opt.C.value, repr(Opt.AB), Opt.A | Opt.B is Opt.AB, repr(Opt(5)))


class IP(IntFlag):
    R = 4
    W = 2
    X = 1


print(IP.R | IP.W, repr(IP.R | IP.W), IP.R | 8, repr(IP.R | 8), IP.R + 1, format(IP.R))
print(repr(~IP.R), IP.R & 6, isinstance(IP.R | IP.X, IP))


@unique
class Fine(Enum):
    A = 1
    B = 2


try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
except ValueError as e:
    print("ValueError:", e)
print(list(Fine))
