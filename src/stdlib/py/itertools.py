"""itertools: iterator building blocks (gilsim's own, in Python). Arguments are checked
when the function is called, as CPython's iterator classes check them, and the iterating
itself is a generator."""

import sys

import _gilsim


class count:
    """count(start=0, step=1): start, start + step, start + 2 * step, ..."""

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not hasattr(v, "__add__") or isinstance(v, (str, bytes, list, tuple)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class repeat:
    """repeat(object[, times]): the object, times times or forever."""

    def __init__(self, object, times=None):
        self._object = object
        if times is not None and not isinstance(times, int):
            raise TypeError(
                f"'{type(times).__name__}' object cannot be interpreted as an integer")
        self._times = None if times is None else max(times, 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._object!r})"
        return f"repeat({self._object!r}, {self._times})"


def cycle(iterable):
    it = iter(iterable)

    def gen():
        saved = []
        for element in it:
            yield element
            saved.append(element)
        while saved:
            yield from saved

    return gen()


def _chain(iterables):
    for it in iterables:
        yield from it


def chain(*iterables):
    return _chain(iterables)


def _from_iterable(iterable, /):
    return _chain(iterable)



def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)

    def gen():
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total

    return gen()


def batched(iterable, n):
    if n < 1:
        raise ValueError("n must be at least one")
    it = iter(iterable)

    def gen():
        while batch := tuple(islice(it, n)):
            yield batch

    return gen()


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    it = iter(iterable)

    def gen():
        for x in it:
            if not predicate(x):
                yield x
                break
        yield from it

    return gen()


def takewhile(predicate, iterable):
    it = iter(iterable)

    def gen():
        for x in it:
            if not predicate(x):
                break
            yield x

    return gen()


def filterfalse(predicate, iterable):
    it = iter(iterable)
    if predicate is None:
        predicate = bool
    return (x for x in it if not predicate(x))


def starmap(function, iterable):
    it = iter(iterable)
    return (function(*args) for args in it)


def _islice_index(value, message):
    if value is None:
        return None
    try:
        value = value.__index__()
    except (AttributeError, TypeError):
        raise ValueError(message) from None
    if not 0 <= value <= sys.maxsize:
        raise ValueError(message)
    return value


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        if not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    s = slice(*args)
    stop_message = ("Stop argument for islice() must be None or an integer: "
                    "0 <= x <= sys.maxsize.")
    other_message = ("Indices for islice() must be None or an integer: "
                     "0 <= x <= sys.maxsize.")
    start = _islice_index(s.start, other_message) or 0
    stop = _islice_index(s.stop, stop_message if len(args) == 1 else other_message)
    step = _islice_index(s.step, other_message)
    if step is None:
        step = 1
    elif step == 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    it = iter(iterable)

    def gen():
        nexti = start
        i = 0
        if stop is not None and stop <= start:
            # CPython still consumes the items before start (up to stop).
            for _ in zip(range(stop), it):
                pass
            return
        for element in it:
            if i == nexti:
                yield element
                nexti += step
                if stop is not None and nexti >= stop:
                    return
            i += 1
            if stop is not None and i >= stop:
                return

    return gen()


def pairwise(iterable):
    it = iter(iterable)

    def gen():
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield a, b
            a = b

    return gen()


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]

    def gen():
        active = len(iterators)
        if not active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                try:
                    value = next(it)
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)

    return gen()


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat

    def gen():
        result = [()]
        for pool in pools:
            result = [x + (y,) for x in result for y in pool]
        for prod in result:
            yield prod

    return gen()


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    elif r < 0:
        raise ValueError("r must be non-negative")

    def gen():
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return

    return gen()


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")

    def gen():
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)

    return gen()


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")

    def gen():
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)

    return gen()


class groupby:
    """groupby(iterable, key=None): (key, group) for each run of equal keys; advancing
    the groupby invalidates the previous group, as in CPython."""

    def __init__(self, iterable, key=None):
        self._keyfunc = (lambda x: x) if key is None else key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = object()
        self._id = None

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._it)
            self._currkey = self._keyfunc(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _grouper(self, tgtkey, id):
        while self._id is id and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                return
            self._currkey = self._keyfunc(self._currvalue)


class _TeeLink:
    __slots__ = ("value", "next")


def tee(iterable, n=2):
    """n independent iterators over one iterable, sharing a linked buffer."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    head = _TeeLink()
    head.next = None

    def follow(link):
        while True:
            if link.next is None:
                try:
                    value = next(it)
                except StopIteration:
                    return
                new = _TeeLink()
                new.next = None
                link.value = value
                link.next = new
            yield link.value
            link = link.next

    return tuple(follow(head) for _ in range(n))


# CPython's are C types, not generator functions: type(), isinstance() and the repr say so
# (<itertools.chain object at 0x...>), while each step stays a generator's resumption.
for _name in ("cycle", "chain", "accumulate", "batched", "compress", "dropwhile", "takewhile",
              "filterfalse", "starmap", "islice", "pairwise", "zip_longest", "product",
              "permutations", "combinations", "combinations_with_replacement"):
    _extras = {"from_iterable": _from_iterable} if _name == "chain" else {}
    globals()[_name] = _gilsim.iterator_type(globals()[_name], "itertools", _name, _extras)
del _name, _extras
