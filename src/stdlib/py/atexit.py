"""atexit: functions to run when the interpreter exits normally, last registered first
(gilsim's own, in Python). The driver calls _run_exitfuncs() after the main module ends and
the non-daemon threads are joined, where CPython's Py_FinalizeEx runs them."""

import sys

_handlers = []


def register(func, /, *args, **kwargs):
    """Registers func(*args, **kwargs) to run at exit; returns func (usable as a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Removes every registration of func."""
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    """Removes every registered function."""
    _handlers.clear()


def _ncallbacks():
    """How many functions are registered."""
    return len(_handlers)


def _run_exitfuncs():
    """Runs the registered functions, last registered first. As in CPython's
    Modules/atexitmodule.c, an exception in one is reported ("Exception ignored in atexit
    callback") and the others still run; SystemExit is reported likewise."""
    import traceback
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            print(f"Exception ignored in atexit callback: {func!r}", file=sys.stderr)
            traceback.print_exception(e)
