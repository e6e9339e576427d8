# lambda expressions.
sq = lambda x: x * x
print(sq(5), sq(-3), sq(1.5))
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
varargs = lambda *a, **k: (a, sorted(k.items()))
print(varargs(1, 2, z=3, y=4))
kwonly = lambda a, *, b: a - b
print(kwonly(10, b=3))
noargs = lambda: "constant"
print(noargs())
print((lambda: 42)(), (lambda x, y: x ** y)(2, 8))
print(sorted(["banana", "kiwi", "apple", "fig"], key=lambda s: (len(s), s)))
print(sorted([(1, "b"), (2, "a"), (1, "a")], key=lambda t: t[1]))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
print(max(["aa", "b", "cccc"], key=lambda s: len(s)), min([3, -7, 5], key=lambda v: abs(v)))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
adders = [lambda x, n=n: x + n for n in range(4)]
print([f(100) for f in adders])
late = [lambda x: x + n for n in range(4)]
print([f(100) for f in late])
def make_multiplier(k):
    return lambda x: x * k
triple = make_multiplier(3)
print(triple(7), make_multiplier("ab")(3))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("x")("y")("z"))
print((lambda x: "pos" if x > 0 else "non-pos")(-1))
print(sq.__name__, (lambda: 0).__name__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
fib = lambda n: n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in ["+", "-", "*", "/"]:
    print(7, sym, 2, "=", ops[sym](7, 2))
data = [{"name": "x", "age": 30}, {"name": "y", "age": 25}, {"name": "z", "age": 35}]
print([d["name"] for d in sorted(data, key=lambda d: d["age"])])
print(sorted(data, key=lambda d: -d["age"])[0]["name"])
apply_twice = lambda f, v: f(f(v))
print(apply_twice(sq, 3), apply_twice(lambda s: s + "!", "hi"))
counter = [0]
bump = lambda: counter.__setitem__(0, counter[0] + 1)
for _ in range(5):
    bump()
print(counter)
pair = (lambda *xs: (min(xs), max(xs)))(4, 9, 1, 7)
print(pair)
print(callable(sq), callable(5), type(sq).__name__)
y = 10
closure = lambda x: x + y
print(closure(1))
y = 20
print(closure(1))
nested = lambda x: (lambda y: (lambda z: x * y * z))
print(nested(2)(3)(4))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print((lambda *args: sum(args))(*range(10)))
print((lambda **kw: ",".join(k + "=" + str(kw[k]) for k in kw))(a=1, b=2))
