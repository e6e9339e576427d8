# Closures: captured variables, late binding, nonlocal state, factories.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
print(add5(0), add10(0), make_adder(-1)(0))
def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
def late_binding():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(late_binding())
def early_binding():
    fns = []
    for i in range(3):
        fns.append(lambda i=i: i)
    return [f() for f in fns]
print(early_binding())
def capture_changes():
    v = 1
    def get():
        return v
    v = 2
    r1 = get()
    v = 3
    return r1, get()
print(capture_changes())
def accumulator(start):
    total = [start]
    def add(x):
        total[0] += x
        return total[0]
    return add
acc = accumulator(100)
print(acc(10), acc(20), acc(-5))
def bank_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient"
        balance -= amount
        return balance
    def get():
        return balance
    return deposit, withdraw, get
dep, wd, get = bank_account(50)
print(dep(25), wd(100), wd(30), get())
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
        return n
    def down():
        nonlocal n
        n -= 1
        return n
    return up, down
up, down = counter_pair()
print(up(), up(), down(), up(), up())
def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
pipeline = compose(str, lambda v: v * 2, abs)
print(repr(pipeline(-21)))
def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 4)]
print([m(10) for m in make_multipliers()])
def gen_closure():
    base = 1000
    def gen():
        for i in range(3):
            yield base + i
    return gen
print(list(gen_closure()()))
def shadow():
    x = 1
    def inner():
        x = 2
        return x
    return inner(), x
print(shadow())
def cell_of_param(p):
    return lambda: p * 2
print(cell_of_param(21)(), cell_of_param("ab")())
fs = {}
for name in ["a", "b"]:
    def f(name=name):
        return "fn-" + name
    fs[name] = f
print(fs["a"](), fs["b"]())
print(make_counter.__name__, c1.__name__, add5.__qualname__)
