# expect: SyntaxError: future feature nope is not defined
# line: 5
"""A future import of a feature CPython does not know is refused when the module is
compiled, before anything runs."""
from __future__ import annotations, nope

print("never printed")
