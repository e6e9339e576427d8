"""traceback: printing and formatting exceptions as the interpreter does for an uncaught one
(gilsim's own, in Python; the text comes from the VM's own formatter through
_gilsim.format_exception, so it is exactly what an uncaught exception prints). Stack
inspection (extract_stack, walk_tb, TracebackException...) is refused by name."""

import sys
import _gilsim
import _gilsim_stub

__all__ = ["format_exc", "format_exception", "format_exception_only", "print_exc",
           "print_exception", "print_last"]

_sentinel = object()


def _the_exception(exc, value):
    # Lib/traceback.py: the 3.10+ form passes the exception alone; the old form passes
    # (type, value, tb), and then the value is what is formatted.
    if value is _sentinel:
        return exc
    return value


def _check_limit(limit):
    if limit is not None:
        raise NotImplementedError("traceback's limit argument is not supported by gilsim")


def _lines(text):
    # One string per traceback entry (its "File ..." line with its source line), as
    # CPython's StackSummary.format() groups them; the header and the last line alone.
    out = []
    for line in text.splitlines(True):
        if line.startswith("    ") and out and out[-1].startswith("  File "):
            out[-1] += line
        else:
            out.append(line)
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines printed for an exception and its traceback, each ending in a newline."""
    _check_limit(limit)
    return _lines(_gilsim.format_exception(_the_exception(exc, value)))


def format_exception_only(exc, /, value=_sentinel):
    """The exception's last lines (`Type: message`, its notes; a SyntaxError's place), without its traceback."""
    text = _gilsim.format_exception_only(_the_exception(exc, value))
    return text.splitlines(True)


def format_exc(limit=None, chain=True):
    """format_exception of the exception being handled, joined into one string."""
    _check_limit(limit)
    return _gilsim.format_exception(sys.exc_info()[1])


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Prints an exception and its traceback to `file` (default sys.stderr)."""
    _check_limit(limit)
    if file is None:
        file = sys.stderr
    print(_gilsim.format_exception(_the_exception(exc, value)), file=file, end="")


def print_exc(limit=None, file=None, chain=True):
    """print_exception of the exception being handled."""
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """print_exception of sys.last_exc (the last uncaught exception, in interactive use)."""
    last = getattr(sys, "last_value", None)
    if last is None:
        raise ValueError("no last exception")
    print_exception(last, limit=limit, file=file, chain=chain)


_gilsim_stub.define(globals(), "traceback", [
    "extract_tb", "extract_stack", "format_list", "format_tb", "format_stack", "print_tb",
    "print_stack", "print_list", "walk_tb", "walk_stack", "clear_frames",
    "TracebackException", "StackSummary", "FrameSummary",
])
del _gilsim_stub
