# Exception groups (PEP 654, 3.11): ExceptionGroup's API and what except* catches, re-raises
# and raises.
def show(label, exc):
    print(label, type(exc).__name__, repr(exc))


eg = ExceptionGroup("batch", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(str(eg), eg.message, len(eg.exceptions))
match, rest = eg.split(ValueError)
show("match", match)
show("rest", rest)
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.split(BaseException)[1])
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__,
      type(BaseExceptionGroup("b", [ValueError()])).__name__)
eg.add_note("a note")
print(eg.split(TypeError)[0].__notes__)


class Batch(ExceptionGroup):
    def derive(self, excs):
        return Batch(self.message.upper(), excs)


print(repr(Batch("b", [ValueError(1), TypeError(2)]).split(ValueError)[0]))

# Partial matches: each clause takes its part; what is left propagates.
try:
    try:
        raise ExceptionGroup("work", [ValueError("v"), TypeError("t"), OSError("o")])
    except* ValueError as e:
        show("clause 1", e)
    except* (TypeError, KeyError) as e:
        show("clause 2", e)
except ExceptionGroup as left:
    show("left", left)

# A naked exception is wrapped in a group for the clause, and leaves as itself.
try:
    raise KeyError("naked")
except* KeyError as e:
    show("wrapped", e)
    print(repr(e.exceptions[0]))
try:
    try:
        raise ZeroDivisionError("z")
    except* ValueError:
        print("not reached")
except ZeroDivisionError as e:
    show("naked passes", e)

# Raising in a clause: the new exception joins what is re-raised in a new group.
try:
    try:
        raise ExceptionGroup("jobs", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("handler failed")
except ExceptionGroup as e:
    show("combined", e)
    print(repr(e.exceptions[0].__context__))
try:
    try:
        raise ExceptionGroup("jobs", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        pass
except ExceptionGroup as e:
    show("re-raised", e)

# Everything handled: nothing leaves; else and finally run as usual.
for case in (True, False):
    try:
        if case:
            raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e:
        print("handled", repr(e))
    else:
        print("else")
    finally:
        print("finally")

# The name is cleared after the clause.
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError as err:
    pass
try:
    err
except NameError as e:
    print(e)

# Clauses that cannot be.
for bad in (ExceptionGroup, (ValueError, ExceptionGroup), 42):
    try:
        try:
            raise ValueError(0)
        except* bad:
            pass
    except TypeError as e:
        print(e)

for args in [(1, [ValueError()]), ("m", []), ("m", [1]), ("m", 5), ("m",)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
