# Conditional expressions (a if cond else b).
for n in range(-2, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
x = 7
print("odd" if x % 2 else "even", "big" if x > 100 else "small")
print([("even" if i % 2 == 0 else "odd") for i in range(5)])
abs_val = lambda v: v if v >= 0 else -v
print(abs_val(-3), abs_val(4), abs_val(0))
def sign(v):
    return 1 if v > 0 else (-1 if v < 0 else 0)
print([sign(v) for v in [-5, 0, 5, -0.1, 2.5]])
trace = []
def a():
    trace.append("a")
    return "A"
def b():
    trace.append("b")
    return "B"
print(a() if True else b(), trace)
trace.clear()
print(a() if False else b(), trace)
trace.clear()
def cond(v):
    trace.append("cond")
    return v
print(a() if cond(1) else b(), trace)
y = 1 if x > 5 else 2 if x > 3 else 3
print(y)
z = (1 if x > 10 else 2) + (10 if x > 1 else 20)
print(z)
w = 1 + 2 if x else 3 + 4
print(w)
print(max(3, 4) if x else min(3, 4))
nums = [5, 12, 7, 20, 1]
print([n if n < 10 else 10 for n in nums])
print(sum(n if n % 2 else 0 for n in nums))
def grade(score):
    return ("A" if score >= 90 else "B" if score >= 80 else
            "C" if score >= 70 else "D" if score >= 60 else "F")
print([grade(s) for s in [95, 85, 75, 65, 55, 90, 80]])
label = "many" if len(nums) > 3 else "few"
print(label)
val = None
print(val if val is not None else "default")
val = 0
print(val if val is not None else "default")
print((lambda q: "yes" if q else "no")([]), (lambda q: "yes" if q else "no")([0]))
fizz = [("Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0)) or str(i) for i in range(1, 16)]
print(fizz)
s = "hello"
print(s.upper() if s.startswith("h") else s.lower())
print(f"{'on' if x else 'off'}")
r = [1, 2, 3] if x > 0 else []
r.append(4)
print(r)
print(("a", "b")[x > 5], ("a", "b")[x > 50])
def clamp(v, lo, hi):
    return lo if v < lo else hi if v > hi else v
print([clamp(v, 0, 10) for v in [-5, 0, 5, 10, 15]])
d = {"k": 1}
print(d["k"] if "k" in d else None, d["z"] if "z" in d else None)
count = 0
for i in range(10):
    count += 1 if i % 3 == 0 else 0
print(count)
print(type(1 if True else 1.0).__name__, type(1 if False else 1.0).__name__)
print(("nested" if (True if x else False) else "no"))
