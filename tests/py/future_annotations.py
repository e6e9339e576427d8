# `from __future__ import annotations` (PEP 563): annotations are kept as their text,
# written back as CPython writes them, and never evaluated (Node is not defined yet).
from __future__ import annotations
from __future__ import division, print_function
import __future__

from typing import Optional


class Node:
    value: int
    next: Node | None = None
    items: dict[str, list[int]] = {}

    def link(self, other: Node, *args: int, key: Optional[str] = None, **kw: "float") -> Node | None:
        return other


def f(a: 1 + 2 * 3, b: (1 + 2) * 3, c: -x ** 2, d: (a, b), e: tuple[()], g: tuple[int, ...],
      h: Callable[[int, str], bool], i: x.y.z[0], j: 'quoted', k: b'by', l: 2 ** -1,
      m: list[int,], n: not x, o: (x | y) | z, p: x | (y | z), q: f(1, *a, k=2, **kw), r: 1.5) -> None:
    pass


print(Node.__annotations__)
print(Node.link.__annotations__)
print(f.__annotations__)
x: "module level" = 1
print(__annotations__)
print(__future__.annotations, __future__.division.getMandatoryRelease(), __future__.all_feature_names[-1])
print(annotations)
