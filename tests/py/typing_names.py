# typing: the names annotations use, their reprs, and the helpers that pass values through.
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, Iterable, Iterator, List,
                    Literal, Mapping, Optional, Protocol, Sequence, Set, Tuple, Type, TypeVar,
                    Union, cast, get_args, get_origin, get_type_hints, overload)
import typing

T = TypeVar("T")
K = TypeVar("K", covariant=True)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


class Greeter(Protocol):
    def greet(self) -> str:
        ...


def process(data: Dict[str, List[int]], key: Optional[str] = None,
            fn: Callable[[int], str] = str) -> Tuple[int, ...]:
    return tuple(len(v) for v in data.values())


s = Stack[int]()
s.push(1)
print(s.items, process({"a": [1, 2]}), cast(int, "x"), T, K, typing.TYPE_CHECKING)
print(List[int], Dict[str, int], Optional[str], Union[int, str], Union[int, None])
print(Tuple[int, ...], Set[float], Type[int], Iterable[str], Iterator[int], Sequence[bytes])
print(Mapping[str, Any], Callable[[int, str], bool], Literal["a", 1], ClassVar[int], Final[int])
print(Any, List, Optional[List[int]], Union[int, Union[str, float]], Union[int, int])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(int), get_args(int))
print(List[int] == List[int], Optional[int] == Union[int, None])


class Config:
    name: str
    retries: int = 3


print(get_type_hints(Config))


@overload
def f(x: int) -> int:
    ...


def f(x):
    return x


print(f(2), typing.NoReturn, typing.AnyStr)
