# Function parameters: defaults, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 20), f(1, 20, 30), f(1, c=30), f(c=3, b=2, a=1))
def g(*args):
    return args
print(g(), g(1), g(1, "two", [3]))
def h(**kwargs):
    return sorted(kwargs.items())
print(h(), h(x=1, y=2))
def full(a, b=0, *args, kw=10, **rest):
    return a, b, args, kw, rest
print(full(1))
print(full(1, 2, 3, 4, kw=5, extra=6))
print(full(a=7, kw=8, other=9))
def kwonly(a, *, b, c=100):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, b=2, c=3), kwonly(a=1, b=1))
def posonly(a, b, /, c, *, d):
    return (a, b, c, d)
print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))
def po_default(x, y=5, /):
    return x * y
print(po_default(2), po_default(2, 3))
def po_kwargs(name, /, **kw):
    return name, sorted(kw)
print(po_kwargs("n", name="also allowed"))
def mutable_default(item, bucket=[]):
    bucket.append(item)
    return bucket
print(mutable_default(1), mutable_default(2), mutable_default(3, []))
def safe_default(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket
print(safe_default(1), safe_default(2))
counter = 10
def default_evaluated_once(v=counter):
    return v
counter = 20
print(default_evaluated_once())
def no_return():
    pass
print(no_return(), no_return() is None)
def early(n):
    if n < 0:
        return "negative"
    return
print(early(-1), early(1))
def multi():
    return 1, [2], "three"
print(multi())
def tryerr(fn, *a, **k):
    try:
        return fn(*a, **k)
    except TypeError as e:
        return "TypeError: " + str(e)
print(tryerr(f))
print(tryerr(f, 1, 2, 3, 4))
print(tryerr(f, 1, a=1))
print(tryerr(f, 1, d=4))
print(tryerr(kwonly, 1, 2))
print(tryerr(kwonly, 1))
print(tryerr(posonly, a=1, b=2, c=3, d=4))
def doc():
    "A one-line docstring."
    return 1
print(doc.__doc__, doc.__name__)
def rec_args(*args, **kwargs):
    if not args:
        return kwargs
    return rec_args(*args[1:], **{**kwargs, "k" + str(len(args)): args[0]})
print(rec_args(10, 20, 30))
def annotated(a: int, b: "str" = "x") -> str:
    return b * a
print(annotated(3), annotated(2, b="yz"))
print(f.__defaults__, kwonly.__kwdefaults__)
def sum_all(*nums, start=0):
    total = start
    for n in nums:
        total += n
    return total
print(sum_all(), sum_all(1, 2, 3), sum_all(1, 2, start=100))
def describe(name, *hobbies, **details):
    parts = [name]
    if hobbies:
        parts.append("likes " + ", ".join(hobbies))
    for k in sorted(details):
        parts.append(k + ": " + str(details[k]))
    return "; ".join(parts)
print(describe("Ann"))
print(describe("Bob", "chess", "go", age=30, city="Oslo"))
def apply(fn, /, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(f, 9, c=7), apply(max, 3, 8, 1), apply(sorted, [3, 1], reverse=True))
print(f.__name__, posonly.__name__, kwonly.__name__)
