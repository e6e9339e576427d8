import traceback, sys, atexit

def bye(who, punct="!"):
    print("bye", who + punct)

atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
@atexit.register
def last():
    print("registered last, runs first")
def never():
    print("never")
atexit.register(never)
atexit.register(never)
atexit.unregister(never)

def inner(n):
    return 10 // n

def outer():
    return inner(0)

def shown(text):
    # The caret lines under a source line differ between CPython versions: keep the rest.
    return [l for l in text.splitlines() if not l.strip() or l.strip("~^ ")]

try:
    outer()
except ZeroDivisionError:
    text = traceback.format_exc()
for line in shown(text):
    print(line.replace(__file__, "FILE"))
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad") from e
except ValueError as e:
    lines = traceback.format_exception(e)
    print(lines[0], end="")
    print(lines[-1], end="")
    print(sum(l.startswith("  File") for l in lines))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(type(e), e, e.__traceback__)[-1], end="")
    print(isinstance(lines, list), all(l.endswith("\n") for l in lines))
print(traceback.format_exc(), end="")
print(sys.exc_info())
print(traceback.format_exception_only(RuntimeError()))
