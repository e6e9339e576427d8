"""traceback: printing and formatting exceptions as the interpreter does for an uncaught one
(gilsim's own, in Python; the text comes from the VM's own formatter through
_gilsim.format_exception, so it is exactly what an uncaught exception prints, then cut to
`limit` entries and, with chain=False, to the last exception). Stack
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


# The lines that join the sections of a chained exception (Lib/traceback.py,
# _cause_message and _context_message).
_CHAIN_SEPARATORS = (
    "\nThe above exception was the direct cause of the following exception:\n\n",
    "\nDuring handling of the above exception, another exception occurred:\n\n",
)
_HEADER = "Traceback (most recent call last):\n"


def _check_limit(limit):
    # CPython compares `limit >= 0` (StackSummary._extract_from_extended_frame_gen), so a
    # non-integer fails there with its TypeError.
    if limit is not None:
        limit >= 0


def _sections(text):
    # [(separator, section)], outermost (first printed) first; the first separator is "".
    out = []
    sep = ""
    while True:
        cut = None
        for candidate in _CHAIN_SEPARATORS:
            at = text.find(candidate)
            if at >= 0 and (cut is None or at < cut[0]):
                cut = (at, candidate)
        if cut is None:
            out.append((sep, text))
            return out
        out.append((sep, text[:cut[0]]))
        sep = cut[1]
        text = text[cut[0] + len(cut[1]):]


def _limited(section, limit):
    # limit >= 0 keeps the first `limit` entries (the outermost calls), a negative limit the
    # last -limit, as StackSummary.extract does; with no entry left, the "Traceback" header
    # goes too (TracebackException.format prints it only for a non-empty stack).
    lines = _lines(section)
    if limit is None or not lines or lines[0] != _HEADER:
        return lines
    end = 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    entries = lines[1:end]
    entries = entries[:limit] if limit >= 0 else entries[limit:]
    return ([_HEADER] if entries else []) + entries + lines[end:]


def _format(exc, limit, chain):
    # The VM's text for the whole chain, cut down to `limit` entries per traceback and to
    # the last exception alone when chain is false.
    _check_limit(limit)
    sections = _sections(_gilsim.format_exception(exc))
    if not chain:
        sections = [("", sections[-1][1])]
    out = []
    for sep, section in sections:
        if sep:
            # One item, as TracebackException.format yields _cause_message.
            out.append(sep)
        out.extend(_limited(section, limit))
    return out


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
    return _format(_the_exception(exc, value), limit, chain)


def format_exception_only(exc, /, value=_sentinel):
    """The exception's last lines (`Type: message`, its notes; a SyntaxError's place), without its traceback."""
    text = _gilsim.format_exception_only(_the_exception(exc, value))
    return text.splitlines(True)


def format_exc(limit=None, chain=True):
    """format_exception of the exception being handled, joined into one string."""
    return "".join(_format(sys.exc_info()[1], limit, chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Prints an exception and its traceback to `file` (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    print("".join(_format(_the_exception(exc, value), limit, chain)), file=file, end="")


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
