"""dataclasses: @dataclass writes __init__, __repr__, __eq__ (and with order=True the
comparisons, with frozen=True a read-only __setattr__) from the class's annotated fields
(gilsim's own, in Python; CPython generates source and execs it, gilsim builds closures)."""

import _gilsim_stub
import copy as _copy_module

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
           "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace",
           "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _KwOnlyType:
    pass


KW_ONLY = _KwOnlyType


class InitVar:
    """`c: InitVar[int]`: an __init__ parameter handed to __post_init__, not a field that
    instances keep."""

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        name = getattr(self.type, "__qualname__", None) or repr(self.type)
        return f"dataclasses.InitVar[{name}]"


class Field:
    """One field of a dataclass: its name, type, default or default_factory, options."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._initvar = False

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},"
                f"repr={self.repr!r},hash={self.hash!r},compare={self.compare!r},"
                f"metadata={self.metadata!r},kw_only={self.kw_only!r},"
                f"_field_type={'_FIELD_INITVAR' if self._initvar else '_FIELD'})")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _plural_args(names):
    listed = [repr(n) for n in names]
    if len(listed) == 1:
        return listed[0]
    if len(listed) == 2:
        return f"{listed[0]} and {listed[1]}"
    return ", ".join(listed[:-1]) + ", and " + listed[-1]


def _is_initvar(annotation):
    """An InitVar annotation, evaluated or (under `from __future__ import annotations`)
    as text: `InitVar[int]`, `dataclasses.InitVar[int]` (CPython's _is_type, simplified to
    the two spellings it accepts in practice)."""
    if isinstance(annotation, str):
        text = annotation.strip()
        return text.startswith(("InitVar[", "dataclasses.InitVar[")) or text in (
            "InitVar", "dataclasses.InitVar")
    return isinstance(annotation, InitVar) or annotation is InitVar


def _collect_fields(cls, kw_only_default):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        for f in getattr(base, "__dataclass_fields__", {}).values():
            fields[f.name] = f
    kw_only = kw_only_default
    for name, type_ in cls.__dict__.get("__annotations__", {}).items():
        if type_ is KW_ONLY:
            kw_only = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, None, MISSING)
        f.name = name
        f.type = type_
        f._initvar = _is_initvar(type_)
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not "
                             "allowed: use default_factory")
        # The class attribute is the default (or nothing, for a field without one).
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    return fields


def _make_init(cls, fields):
    init_fields = [f for f in fields if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if not has_default and seen_default:
            raise TypeError(f"non-default argument '{f.name}' follows default argument")
        seen_default = seen_default or has_default
    qualname = cls.__qualname__
    names = {f.name for f in init_fields}

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            most = len(positional) + 1
            least = most - sum(1 for f in positional if f.default is not MISSING
                               or f.default_factory is not MISSING)
            takes = f"{most}" if least == most else f"from {least} to {most}"
            raise TypeError(f"{qualname}.__init__() takes {takes} positional "
                            f"argument{'s' if most > 1 else ''} but "
                            f"{len(args) + 1} were given")
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for key, value in kwargs.items():
            if key not in names:
                raise TypeError(f"{qualname}.__init__() got an unexpected keyword "
                                f"argument '{key}'")
            if key in values:
                raise TypeError(f"{qualname}.__init__() got multiple values for "
                                f"argument '{key}'")
            values[key] = value
        missing = [f.name for f in positional if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            s = "" if len(missing) == 1 else "s"
            raise TypeError(f"{qualname}.__init__() missing {len(missing)} required "
                            f"positional argument{s}: {_plural_args(missing)}")
        missing = [f.name for f in keyword_only if f.name not in values
                   and f.default is MISSING and f.default_factory is MISSING]
        if missing:
            s = "" if len(missing) == 1 else "s"
            raise TypeError(f"{qualname}.__init__() missing {len(missing)} required "
                            f"keyword-only argument{s}: {_plural_args(missing)}")
        initvars = []
        for f in fields:
            if f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            elif f._initvar:
                value = None
            else:
                continue
            if f._initvar:
                initvars.append(value)
            else:
                object.__setattr__(self, f.name, value)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init(*initvars)

    __init__.__qualname__ = f"{qualname}.__init__"
    return __init__


def _tuple_of(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields if f.compare)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only, match_args):
    all_fields = _collect_fields(cls, kw_only)
    cls.__dataclass_fields__ = all_fields
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    if init:
        cls.__init__ = _make_init(cls, list(all_fields.values()))
    # InitVars are parameters of __init__ only: the rest of the class ignores them.
    fields = [f for f in all_fields.values() if not f._initvar]
    if repr and "__repr__" not in cls.__dict__:
        def __repr__(self):
            inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                              for f in fields if f.repr)
            return f"{type(self).__qualname__}({inner})"
        cls.__repr__ = __repr__
    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple_of(self, fields) == _tuple_of(other, fields)
            return NotImplemented
        cls.__eq__ = __eq__
    if order:
        for name, op in [("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)]:
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class "
                                f"{cls.__name__}. Consider using functools.total_ordering")
            setattr(cls, name, _comparison(op, fields))
    if frozen:
        def __setattr__(self, name, value):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in all_fields:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            super(cls, self).__delattr__(name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(tuple(getattr(self, f.name) for f in fields
                              if (f.compare if f.hash is None else f.hash)))
        cls.__hash__ = __hash__
    elif eq and "__hash__" not in cls.__dict__ or cls.__dict__.get("__hash__", 0) is None:
        cls.__hash__ = None
    if match_args and "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in all_fields.values()
                                   if f.init and not f.kw_only)
    return cls


def _slots_of(cls):
    declared = cls.__dict__.get("__slots__", ())
    return (declared,) if isinstance(declared, str) else declared


def _add_slots(cls, weakref_slot):
    """slots=True: the same class made again with the fields as its __slots__ (a class's
    slots are fixed when it is made), without the defaults, which __init__ holds."""
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")
    namespace = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_slots_of(base))
    wanted = field_names + (("__weakref__",) if weakref_slot else ())
    namespace["__slots__"] = tuple(name for name in wanted if name not in inherited)
    for name in field_names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    remade = type(cls)(cls.__name__, cls.__bases__, namespace)
    remade.__qualname__ = cls.__qualname__
    return remade


def _comparison(op, fields):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(_tuple_of(self, fields), _tuple_of(other, fields))
        return NotImplemented
    return compare


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False,
              weakref_slot=False):
    """Adds generated special methods to a class from its annotated fields."""
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")

    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only,
                             match_args)
        return _add_slots(cls, weakref_slot) if slots else cls

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        all_fields = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in all_fields.values() if not f._initvar)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy_module.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy_module.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be "
                                 "specified with replace()")
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


_gilsim_stub.define(globals(), "dataclasses", [
    "make_dataclass", "FunctionType", "GenericAlias", "abc", "copy", "functools", "inspect",
    "itertools", "keyword", "re", "sys", "types",
])
