# pass, empty bodies, ellipsis bodies and docstring-only bodies.
def nothing():
    pass
print(nothing())
def doc_only():
    """Only a docstring."""
print(doc_only(), doc_only.__doc__)
def ellipsis_body():
    ...
print(ellipsis_body())
class Empty:
    pass
print(type(Empty()).__name__)
class DocClass:
    """A documented empty class."""
print(DocClass.__doc__)
for i in range(3):
    pass
print("loop with pass ended at", i)
count = 0
while count < 3:
    count += 1
    pass
print("count", count)
if True:
    pass
else:
    print("never")
if False:
    pass
elif True:
    print("elif after pass")
try:
    pass
except Exception:
    pass
else:
    print("try with pass body -> else")
try:
    raise ValueError("ignored")
except ValueError:
    pass
print("exception ignored with pass")
class Base:
    def hook(self):
        pass
    def run(self):
        self.hook()
        return "ran"
class Child(Base):
    def hook(self):
        print("child hook")
print(Base().run(), Child().run())
def todo(x):
    if x > 0:
        pass
    return x
print(todo(5), todo(-5))
for ch in "abc":
    if ch == "b":
        pass
    print(ch, end=" ")
print()
with_pass = [x for x in range(3)]
print(with_pass)
class WithMethods:
    def a(self): pass
    def b(self): ...
print(WithMethods().a(), WithMethods().b())
def gen():
    if False:
        yield
print(list(gen()))
while False:
    pass
else:
    print("while-else with pass body")
for _ in []:
    pass
else:
    print("for-else with pass body")
x = 0
for i in range(10):
    if i % 2:
        pass
    else:
        x += i
print("sum of evens", x)
print(... is Ellipsis, repr(...))
class E(Exception):
    pass
try:
    raise E("custom")
except E as e:
    print("E raised:", e)
def f(a, b):
    pass
print(f(1, 2), f.__name__)
def nested():
    def inner():
        pass
    return inner
print(nested()() is None)
print("done")
