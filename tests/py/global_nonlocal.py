# global and nonlocal statements, scoping rules.
x = "global-x"
def read_global():
    return x
def shadow_local():
    x = "local-x"
    return x
def write_global():
    global x
    x = "rebound"
print(read_global(), shadow_local(), x)
write_global()
print(x, read_global())
counter = 0
def increment(by=1):
    global counter
    counter += by
    return counter
for _ in range(3):
    increment()
increment(10)
print(counter)
def create_global():
    global brand_new
    brand_new = "made inside function"
create_global()
print(brand_new)
def outer():
    y = 1
    def mid():
        nonlocal y
        y += 10
        def inner():
            nonlocal y
            y *= 2
        inner()
        return y
    r = mid()
    return r, y
print(outer())
def nonlocal_vs_global():
    counter = 100
    def bump_local():
        nonlocal counter
        counter += 1
    def bump_global():
        global counter
        counter += 1000
    bump_local()
    bump_global()
    return counter
print(nonlocal_vs_global(), counter)
def unbound():
    try:
        print(z)
    except NameError as e:
        print("NameError (UnboundLocalError):", type(e).__name__)
    z = 5
    return z
z = "module z"
print(unbound())
def loop_var_leak():
    for i in range(3):
        pass
    return i
print(loop_var_leak())
def comprehension_scope():
    j = "outer j"
    squares = [j * 2 for j in range(3)]
    return j, squares
print(comprehension_scope())
class Scope:
    cls_var = "class var"
    def method(self):
        try:
            return cls_var
        except NameError:
            return "class scope not visible in methods: " + self.cls_var
print(Scope().method())
def make_state():
    state = {"n": 0}
    def tick():
        state["n"] += 1
        return state["n"]
    return tick
tick = make_state()
print(tick(), tick(), tick())
total = 0
def add_items(items):
    global total
    for it in items:
        total += it
add_items([1, 2, 3])
add_items(range(10))
print(total)
def gen_with_nonlocal():
    seen = 0
    def g():
        nonlocal seen
        for i in range(4):
            seen += 1
            yield i
    vals = list(g())
    return vals, seen
print(gen_with_nonlocal())
def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                nonlocal a
                a = "set from l3"
            l3()
        l2()
    l1()
    return a
print(deep())
if True:
    block_var = "blocks do not create scope"
print(block_var)
for k in range(2):
    loop_inner = k * 10
print(loop_inner, k)
def del_global():
    global tmp
    del tmp
tmp = 1
del_global()
print("tmp" in globals(), "counter" in globals())
print(sorted(n for n in globals() if n.startswith("c") and not n.startswith("__")))
