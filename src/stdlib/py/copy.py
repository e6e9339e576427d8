"""copy: shallow and deep copies (gilsim's own, in Python)."""

class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, type(len),
           type(Ellipsis), type(NotImplemented))


def _function():
    pass


_ATOMIC = _ATOMIC + (type(_function),)
del _function


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls in (list, dict, set):
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def _reconstruct(x, memo):
    cls = type(x)
    if isinstance(x, (list, dict, set, tuple, frozenset, str, int, float, bytes)):
        # A subclass of a builtin: copy the value, then the instance attributes.
        base = next(b for b in cls.__mro__ if b in (list, dict, set, tuple, frozenset, str,
                                                     int, float, bytes))
        value = base(x) if memo is None else deepcopy(base(x), memo)
        y = cls.__new__(cls, value) if base in (tuple, frozenset, str, int, float, bytes) \
            else cls.__new__(cls)
        if base in (list, dict, set):
            base.__init__(y, value) if base is not dict else y.update(value)
    else:
        y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, "__dict__", None)
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        y.__dict__.update(state)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: containers and instances copied recursively, shared and
    self-referencing parts kept shared (memo)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = tuple(deepcopy(item, memo) for item in x)
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        elif cls.__module__ == "collections" and cls.__name__ == "deque":
            y = cls((), x.maxlen)
            memo[d] = y
            y.extend(deepcopy(list(x), memo))
        else:
            y = _reconstruct(x, memo)
    memo[d] = y
    if y is not x:
        # Keep x alive as CPython does, so its id is not reused within this copy.
        memo.setdefault(id(memo), []).append(x)
    return y


# copyreg's table of reduction functions: gilsim copies without reductions.
dispatch_table = {}
