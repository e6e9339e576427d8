# Type annotations on functions and variables (they do not change behaviour).
def add(a: int, b: int) -> int:
    return a + b
def greet(name: str, excited: bool = False) -> str:
    return "Hello, " + name + ("!" if excited else ".")
def nothing() -> None:
    pass
print(add(2, 3), add("a", "b"), greet("Ann"), greet("Bob", excited=True), nothing())
x: int = 5
y: float = 2.5
names: list[str] = []
table: dict[str, int] = {}
pair: tuple[int, str] = (1, "one")
maybe: "int | None" = None
declared_only: int
print(x, y, names, table, pair, maybe)
names.append("z")
table["k"] = 1
print(names, table)
print("declared_only" in globals(), "x" in globals())
print(sorted(__annotations__))
print(__annotations__["x"] is int, __annotations__["maybe"])
print(add.__annotations__)
print(greet.__annotations__["return"] is str, nothing.__annotations__)
def varargs(*args: int, **kwargs: str) -> list[int]:
    return list(args) + [len(kwargs)]
print(varargs(1, 2, a="x"))
print(varargs.__annotations__["args"] is int, varargs.__annotations__["kwargs"] is str)
def kw(a: int, *, b: "str" = "d") -> "tuple":
    return (a, b)
print(kw(1), kw.__annotations__)
class Point:
    x: int
    y: int = 0
    label: str = "p"
    def __init__(self, x: int, y: int = 0) -> None:
        self.x = x
        self.y = y
    def norm2(self) -> int:
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p.x, p.y, p.label, p.norm2(), Point.y)
print(sorted(Point.__annotations__), Point.__annotations__["x"] is int)
print(hasattr(Point, "x"), hasattr(Point, "y"))
def process(items: list[int]) -> dict[str, int]:
    result: dict[str, int] = {}
    for item in items:
        key: str = "even" if item % 2 == 0 else "odd"
        result[key] = result.get(key, 0) + item
    return result
print(process([1, 2, 3, 4, 5]))
def wrong_type_ok(n: int) -> str:
    return n * 2
print(wrong_type_ok(21), wrong_type_ok("ab"))
counter: int = 0
for i in range(3):
    counter += i
print(counter)
lst: list = [1, 2]
lst2: list[list[int]] = [[1], [2, 3]]
print(lst, lst2)
def higher(f: "callable", v: int) -> int:
    return f(v)
print(higher(lambda q: q + 1, 1))
def local_annotations() -> int:
    local_var: int = 10
    other: str
    return local_var
print(local_annotations())
obj = Point(1)
obj.extra: int = 5
print(obj.extra)
d = {}
d["key"]: int = 7
print(d)
print(list[int], dict[str, float], tuple[int, ...])
print(isinstance([1], list), isinstance(names, list))
