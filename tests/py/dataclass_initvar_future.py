# InitVar under `from __future__ import annotations`: the annotation is text, still an InitVar.
from __future__ import annotations

from dataclasses import dataclass, fields, InitVar


@dataclass
class Scaled:
    value: int
    factor: InitVar[int] = 2

    def __post_init__(self, factor):
        self.value *= factor


s = Scaled(3)
print(s, Scaled(3, 10), [f.name for f in fields(Scaled)])
