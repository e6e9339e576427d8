# import statement forms (only sys, math, random).
import math
import math as m
from math import sqrt, pi
from math import floor as fl, ceil as cl
import sys, random
from random import randint, seed as set_seed
print(math.sqrt(81), m.sqrt(81), sqrt(81), pi == math.pi, m is math)
print(fl(2.7), cl(2.1), fl is math.floor)
print(type(math).__name__, math.__name__, m.__name__)
set_seed(1)
a = randint(1, 100)
random.seed(1)
b = random.randint(1, 100)
print(a == b, a)
print(sys.modules["math"] is math, "random" in sys.modules)
def local_import():
    import math as local_math
    from math import factorial
    return local_math.gcd(12, 8), factorial(6)
print(local_import())
print("local_math" in globals(), "factorial" in globals())
import math
print(math is m)
from math import *
print(floor(3.9), gcd(9, 6), tau == 2 * pi, isqrt(50))
try:
    import nosuchmodule_for_test
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    from math import no_such_name_qq
except ImportError as e:
    print("ImportError caught", type(e).__name__)
print(hasattr(math, "sqrt"), hasattr(math, "nothing_here"))
print(getattr(math, "pi"), getattr(math, "e") == math.e)
fn = getattr(math, "sqrt")
print(fn(2.25))
mods = [math, random, sys]
print([mod.__name__ for mod in mods])
def use_alias():
    return m.factorial(5) + fl(9.99)
print(use_alias())
import random as rnd
rnd.seed(5)
x = rnd.random()
random.seed(5)
print(x == random.random())
from sys import argv
print(type(argv).__name__, argv is sys.argv)
if True:
    import math as conditional_math
print(conditional_math.ceil(0.5))
for name in ["sqrt", "floor", "ceil"]:
    print(name, getattr(math, name)(2.5))
print(math.sqrt(pi) ** 2 == pi or abs(math.sqrt(pi) ** 2 - pi) < 1e-12)
print(sqrt(2) * sqrt(2), m.isclose(sqrt(2) ** 2, 2))
print(callable(randint), callable(math.floor))
print("end")
