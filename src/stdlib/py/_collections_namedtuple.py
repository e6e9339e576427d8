"""collections.namedtuple: tuple subclasses with named fields (gilsim's own, in Python;
CPython builds the class from source text with exec, gilsim from closures)."""

import _gilsim
import sys
from operator import itemgetter as _itemgetter


# A field is read-only, refused with the messages of CPython's _collections._tuplegetter.
def _refuse_set(self, value):
    raise AttributeError("can't set attribute")


def _refuse_delete(self):
    raise AttributeError("can't delete attribute")


_KEYWORDS = frozenset([
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
])


def _check_names(typename, field_names, rename):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = sys.intern(str(typename))
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith("_") or name in seen):
                field_names[index] = f"_{index}"
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid "
                             f"identifiers: {name!r}")
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a "
                             f"keyword: {name!r}")
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: "
                             f"{name!r}")
        if name in seen:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        seen.add(name)
    return typename, tuple(field_names)


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass named `typename` whose items are also attributes."""
    typename, fields = _check_names(typename, field_names, rename)
    n = len(fields)
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > n:
            raise TypeError("Got more default values than field names")
    field_defaults = dict(reversed(list(zip(reversed(fields), reversed(defaults or ())))))

    def __new__(_cls, *args, **kwargs):
        qual = f"{typename}.__new__()"
        if len(args) > n:
            raise TypeError(f"{qual} takes {n + 1} positional arguments but "
                            f"{len(args) + 1} were given")
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                values.append(_MISSING)
        for name in kwargs:
            if name in fields:
                raise TypeError(f"{qual} got multiple values for argument '{name}'")
            raise TypeError(f"{qual} got an unexpected keyword argument '{name}'")
        missing = [name for name, v in zip(fields, values) if v is _MISSING]
        if missing:
            names = [repr(m) for m in missing]
            listed = names[0] if len(names) == 1 else (
                ", ".join(names[:-1]) + (", and " if len(names) > 2 else " and ") + names[-1])
            raise TypeError(f"{qual} missing {_plural(len(missing), 'required positional argument')}"
                            f": {listed}")
        return tuple.__new__(_cls, values)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != n:
            raise TypeError(f"Expected {n} arguments, got {len(result)}")
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value) for name, value in zip(fields, self)])
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def __repr__(self):
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(fields, self))
        return f"{self.__class__.__name__}({inner})"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    namespace = {
        "__doc__": f"{typename}({', '.join(fields)})",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for index, name in enumerate(fields):
        namespace[name] = property(_itemgetter(index), _refuse_set, _refuse_delete,
                                   f"Alias for field number {index}")
    if module is None:
        # CPython reads sys._getframe(1).f_globals['__name__']: the calling module.
        module = _gilsim.caller_module()
    namespace["__module__"] = module
    namespace["__qualname__"] = typename
    result = type(typename, (tuple,), namespace)
    return result


class _Missing:
    pass


_MISSING = _Missing()
