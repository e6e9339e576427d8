# Enum members cannot be reassigned (EnumType.__setattr__), and an IntEnum formats as its int.
from enum import Enum, IntEnum
class Color(Enum):
    RED = 1
    GREEN = 2
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError:', e)
Color.extra = 'fine'
print(Color.RED, Color.extra, list(Color))
class S(IntEnum):
    A = 1
    B = 10
print(format(S.A, '03d'), f'{S.B:x}', f'{S.A}', format(S.B), '{:>4}'.format(S.A), str(S.A), repr(S.A))
class C(str, Enum):
    X = 'ex'
print(format(C.X), f'{C.X:>5}', str(C.X))
