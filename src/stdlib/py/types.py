"""types: the names of some built-in types, and SimpleNamespace (gilsim's own, in Python)."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = FunctionType
BuiltinFunctionType = type(len)
ModuleType = type(sys)
del _f


class SimpleNamespace:
    """A simple attribute-based namespace.

    SimpleNamespace(**kwargs)"""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        items = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"namespace({items})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return vars(self) == vars(other)
