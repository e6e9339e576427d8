# expect: SyntaxError: from __future__ imports must occur at the beginning of the file
# line: 7
# Future imports may only open a module (after its docstring): one inside a function is
# refused when the module is compiled.
from __future__ import annotations
def later():
    from __future__ import division
