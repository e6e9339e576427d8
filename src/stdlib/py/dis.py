"""dis: disassembly of functions (gilsim's own). dis.dis(f) prints what `gilsim dis` prints
for f's code — gilsim's bytecode, laid out like CPython 3.12's Lib/dis.py — through the
same formatter (_gilsim.disassemble). Instruction objects and code introspection are
refused by name."""

import sys
import _gilsim
import _gilsim_stub

__all__ = ["dis", "disassemble", "distb"]

_FUNCTION = type(lambda: None)


def _is_code_like(x):
    return isinstance(x, _FUNCTION) or type(x).__name__ in ("method", "code")


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Prints the disassembly of a function, method or code object, or of each function
    of a class or module (CPython's order: by name)."""
    if file is None:
        file = sys.stdout
    if x is None:
        raise NotImplementedError("dis.dis() without an argument (the last traceback) is "
                                  "not supported by gilsim")
    if isinstance(x, (str, bytes)):
        raise NotImplementedError("dis.dis() of source text is not supported by gilsim")
    if hasattr(x, "__func__"):
        x = x.__func__
    if _is_code_like(x):
        print(_gilsim.disassemble(x), end="", file=file)
        return
    namespace = getattr(x, "__dict__", None)
    if isinstance(namespace, dict):
        for name, value in sorted(namespace.items()):
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if _is_code_like(value):
                print("Disassembly of %s:" % name, file=file)
                print(_gilsim.disassemble(value), end="", file=file)
                print(file=file)
        return
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


disassemble = dis


_gilsim_stub.define(globals(), "dis", [
    "distb", "code_info", "show_code", "get_instructions", "Bytecode", "Instruction",
    "findlinestarts", "findlabels", "stack_effect", "opname", "opmap",
])
del _gilsim_stub
