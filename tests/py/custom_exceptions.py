# User-defined exception hierarchies.
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message
    def __str__(self):
        return f"{self.field}: {self.message}"
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"no such key {key!r}")
        self.key = key
class Retry(AppError):
    code = 503
def validate(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be an int")
    if age < 0:
        raise ValidationError("age", "must be non-negative")
    return age
for v in [5, -1, "x"]:
    try:
        print("valid", validate(v))
    except ValidationError as e:
        print("invalid:", e, "|", e.field, "|", e.args, "|", repr(e))
try:
    raise NotFound("user42")
except AppError as e:
    print(type(e).__name__, e, e.key, isinstance(e, NotFound), isinstance(e, Exception))
try:
    raise Retry("later")
except Retry as e:
    print(e, e.code, Retry.code, repr(e))
print(issubclass(ValidationError, AppError), issubclass(AppError, ValidationError))
print(ValidationError.__mro__[1].__name__, [c.__name__ for c in NotFound.__mro__])
class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print(e, e.args)
try:
    raise WithDefault("custom")
except WithDefault as e:
    print(e)
class ChainError(Exception):
    pass
def load():
    try:
        return {}["config"]
    except KeyError as e:
        raise ChainError("could not load") from e
try:
    load()
except ChainError as e:
    print(e, "caused by", repr(e.__cause__))
class Counted(Exception):
    count = 0
    def __init__(self, *args):
        Counted.count += 1
        super().__init__(*args)
for i in range(3):
    try:
        raise Counted(i)
    except Counted:
        pass
print("Counted raised", Counted.count, "times")
class Base(Exception):
    pass
class Mid(Base):
    pass
class Leaf(Mid):
    pass
for cls in [Base, Mid, Leaf]:
    try:
        raise cls("x")
    except Leaf:
        print(cls.__name__, "-> Leaf handler")
    except Mid:
        print(cls.__name__, "-> Mid handler")
    except Base:
        print(cls.__name__, "-> Base handler")
class Payload(Exception):
    def __init__(self, data):
        super().__init__("payload")
        self.data = data
try:
    raise Payload({"a": [1, 2]})
except Payload as p:
    print(p.data["a"], str(p))
class NoArgs(Exception):
    pass
print(repr(NoArgs()), str(NoArgs()), repr(NoArgs("a", 1)))
def risky(n):
    if n == 0:
        raise AppError("zero")
    if n == 1:
        raise ValueError("one")
    return n
results = []
for n in range(3):
    try:
        results.append(risky(n))
    except AppError as e:
        results.append("app:" + str(e))
    except ValueError as e:
        results.append("val:" + str(e))
print(results)
err = ValidationError("name", "too short")
print(err.args, err.field, str(err))
try:
    raise err
except AppError as caught:
    print(caught is err)
class MyKeyError(KeyError):
    pass
try:
    raise MyKeyError("mk")
except LookupError as e:
    print(type(e).__name__, e, repr(e))
