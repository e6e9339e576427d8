# `X | Y` of types (PEP 604): types.UnionType, in annotations and in isinstance.
import types
import typing


def g(x: int | None = None) -> list[int] | None:
    return [x]


print(g.__annotations__)
print(int | str, int | None, None | int, int | int, (int | str) | float, int | (str | float))
print(list[int] | None, None | dict[str, int], type(int | str), type(int | str) is types.UnionType)
print((int | str).__args__, (int | None).__args__, int | str == str | int, int | str == int | float)
print(hash(int | str) == hash(str | int), len({int | str, str | int}))
print(isinstance(3, int | str), isinstance('x', int | None), isinstance(None, int | None))
print(issubclass(bool, int | str), isinstance(3, (str, int | float)), isinstance(3, int | list[int]))
for bad in ("isinstance('x', int | list[int])", "int | 3", "3 | int", "int | 'x'",
            "isinstance(3, (int, 5))", "isinstance('x', (int, 5))"):
    try:
        print(bad, '->', eval(bad))
    except TypeError as ex:
        print(bad, '-> TypeError:', ex)


class P:
    pass


print(P | None, int | P, int | typing.Optional[str])
print(hash(list[int] | None) == hash(list[int] | None), len({list[int] | None, list[int] | None}))
