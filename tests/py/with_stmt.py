# with statement and context managers written as classes.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tracker("a") as value:
    print("inside with", value)
print("after with")
with Tracker("outer"), Tracker("inner") as v2:
    print("body with two managers", v2)
try:
    with Tracker("failing"):
        print("about to fail")
        raise ValueError("boom")
        print("not reached")
except ValueError as e:
    print("propagated:", e)
with Tracker("suppressing", suppress=True):
    raise KeyError("hidden")
print("continued after suppressed error")
with Tracker("no-as"):
    pass
def early_return():
    with Tracker("in function"):
        return "returned value"
print(early_return())
for i in range(3):
    with Tracker("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
class Resource:
    opened = 0
    def __init__(self):
        self.log = []
    def __enter__(self):
        Resource.opened += 1
        self.log.append("open")
        return self
    def __exit__(self, *exc_info):
        Resource.opened -= 1
        self.log.append("close")
        return False
    def use(self, x):
        self.log.append("use %s" % x)
r = Resource()
with r as res:
    res.use(1)
    res.use(2)
    print("open count inside", Resource.opened, res is r)
print("open count after", Resource.opened, r.log)
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(ZeroDivisionError):
    print("dividing")
    1 / 0
print("ZeroDivisionError suppressed")
try:
    with Suppress(ZeroDivisionError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)
class Indent:
    level = 0
    def __enter__(self):
        Indent.level += 1
        return self
    def __exit__(self, *a):
        Indent.level -= 1
    def say(self, text):
        print("  " * Indent.level + text)
with Indent() as a:
    a.say("level one")
    with Indent() as b:
        b.say("level two")
        with Indent() as c:
            c.say("level three")
    a.say("back to one")
class ExitSeesTraceback:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("tb is None:", tb is None, "| type:", et)
        return True
with ExitSeesTraceback():
    pass
with ExitSeesTraceback():
    raise RuntimeError("x")
with Tracker("x") as (first):
    print(first)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (p, q):
    print("unpacked in with:", p, q)
