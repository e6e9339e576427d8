"""timeit: timing small pieces of code (gilsim's own, in Python, after CPython's
Lib/timeit.py). The clock is time.perf_counter, which is the virtual clock in simulated
runs, so a simulated timing is a pure function of the program."""

import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_TEMPLATE = """
def inner(_it, _timer{init}):
{setup}
    _t0 = _timer()
    for _i in _it:
{stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def _indent(code, prefix):
    return "\n".join(prefix + line for line in code.splitlines()) or prefix + "pass"


class Timer:
    """Times `stmt` (source text or a callable) after running `setup` once."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = {} if globals is None else globals
        init = ""
        if isinstance(setup, str):
            setup_code = _indent(setup, "    ")
        elif callable(setup):
            local_ns["_setup"] = setup
            init += ", _setup=_setup"
            setup_code = "    _setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            stmt_code = _indent(stmt, "        ")
        elif callable(stmt):
            local_ns["_stmt"] = stmt
            init += ", _stmt=_stmt"
            stmt_code = "        _stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = _TEMPLATE.format(stmt=stmt_code, setup=setup_code, init=init)
        self.src = src
        # The callables reach `inner` as default arguments, so the namespace it runs in
        # is only the caller's globals (or a fresh one): nothing is left behind in it.
        namespace = global_ns
        added = [k for k in ("inner", "_stmt", "_setup") if k not in namespace]
        namespace.update(local_ns)
        exec(src, namespace)
        self.inner = namespace["inner"]
        for k in added:
            namespace.pop(k, None)

    def timeit(self, number=default_number):
        """Seconds taken to run the statement `number` times."""
        return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        """timeit(number), `repeat` times: a list of the times."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """(number, time_taken) for the first number in 1, 2, 5, 10, 20, 50, ... that
        takes at least 0.2 seconds."""
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number,
           globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


def main(args=None, *, _wrap_timer=None):
    raise NotImplementedError("timeit.main (the command line) is not supported by gilsim")
