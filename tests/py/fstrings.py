# f-strings (3.11-compatible syntax only: no nested same-type quotes).
name = "Ada"
age = 36
pi = 3.14159265
items = [1, 2, 3]
d = {"k": "v", "n": 5}
print(f"Hello, {name}!")
print(f"{name} is {age} years old")
print(f"{age + 4} next decade, {age * 2} doubled")
print(f"{pi:.2f} {pi:.0f} {pi:10.3f}| {pi:<10.1f}| {pi:e}")
print(f"{age:5d}|{age:<5d}|{age:^5d}|{age:05d}|{age:+d}")
print(f"{name!r} {name!s} {name:>8} {name:*^9}")
print(f"{items} {items[0]} {items[-1]} {len(items)}")
print(f"{d['k']} {d['n'] * 10}")
print(f"{'nested'} {'quotes'!r}")
print(f"{{literal braces}} {{{age}}}")
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:#b}")
print(f"{1234567:,} {1234567:_} {0.5:%} {0.125:.1%}")
w = 12
p = 3
print(f"{pi:{w}.{p}f}|")
print(f"{name=}")
print(f"{age=}, {age + 1 = }")
print(f"{pi=:.3f}")
print(f"{'multi'}" f"{'part'}" "plain")
x = 10
print(f"{x if x > 5 else -x}")
print(f"{[i * i for i in range(4)]}")
print(f"{(lambda v: v * 2)(21)}")
print(f"{name.upper()} {name.lower()[::-1]}")
print(f"{3 > 2} {None} {True:d}")
for i in range(1, 4):
    print(f"row {i}: {'*' * i:<4}|{i ** 3:>4}")
rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("kiwi", 10.0, 1)]
for fruit, price, qty in rows:
    print(f"{fruit:<8}{price:>7.2f}{qty:>4}{price * qty:>8.2f}")
print(f"{-5:05d} {-5:+05d} {5: d} {-5: d}")
print(f"{1e10:g} {1e-10:g} {123456789:g} {0.0001:g}")
print(f"{'abc':.2} {'abcdef':>4.3}|")
class P:
    def __init__(self, n):
        self.n = n
    def __str__(self):
        return f"P({self.n})"
    def __repr__(self):
        return f"P<{self.n}>"
    def __format__(self, spec):
        return f"P[{spec}:{self.n}]"
obj = P(7)
print(f"{obj!s} {obj!r} {obj} {obj:xyz}")
print(f"{3.0} {1/3} {2**100}")
print(f"a\tb", f"new\\nline")
print(f"{'x':>{w}}|")
val = 42
print(f"{val:#06x} {val:#o} {val:08b}")
print(F"capital F {val}", rf"raw \n {val}")
print(f"""triple {name}
second line {age}""")
