# assert statement.
assert True
assert 1 == 1, "never shown"
assert [1], "non-empty list is truthy"
print("passed simple asserts")
try:
    assert False
except AssertionError as e:
    print("AssertionError with no message:", repr(e), e.args, repr(str(e)))
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e, "|", e.args)
try:
    x = 5
    assert x < 0, f"x should be negative, got {x}"
except AssertionError as e:
    print(e)
try:
    assert [], ["message", "can", "be", "any object"]
except AssertionError as e:
    print(e.args[0])
calls = []
def msg():
    calls.append("msg evaluated")
    return "lazy message"
assert True, msg()
print("message not evaluated on success:", calls)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, calls)
def check_positive(n):
    assert n > 0, "n must be positive"
    return n * 2
for v in [3, -3, 1]:
    try:
        print(check_positive(v))
    except AssertionError as e:
        print("failed:", e)
def sorted_check(seq):
    for a, b in zip(seq, seq[1:]):
        assert a <= b, (a, b)
    return True
print(sorted_check([1, 2, 3]))
try:
    sorted_check([1, 3, 2])
except AssertionError as e:
    print("out of order pair:", e.args[0])
print(isinstance(AssertionError(), Exception), AssertionError.__bases__[0].__name__)
count = 0
for i in range(10):
    try:
        assert i % 3, i
    except AssertionError as e:
        count += 1
        print("multiple of three:", e)
print("count", count)
try:
    assert (1, 2) == (1, 3), "tuples differ"
except AssertionError as e:
    print(e)
try:
    assert None is not None, None
except AssertionError as e:
    print(repr(e), e.args)
def nested():
    try:
        assert False, "inner"
    except AssertionError:
        raise AssertionError("outer")
try:
    nested()
except AssertionError as e:
    print(e, "context:", e.__context__)
assert all(i < 10 for i in range(10)), "generator check"
print("done", __debug__)
