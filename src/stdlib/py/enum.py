"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique (gilsim's own, in Python,
after CPython 3.12's Lib/enum.py). gilsim has no metaclasses, so the work of EnumType is
done by Enum.__init_subclass__ (turning the class body's values into members) and by the
class hooks `__gilsim_class_iter__`, `_len__`, `_contains__`, `_reversed__` and `_repr__`
that iter(), len(), `in`, reversed() and repr() consult on a class; `Color(1)` is
Enum.__new__ looking the member up, `Color['RED']` is __class_getitem__."""

import _gilsim
import _gilsim_stub

__all__ = ["Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum", "auto", "unique",
           "EnumCheck", "FlagBoundary", "STRICT", "CONFORM", "EJECT", "KEEP",
           "global_enum", "verify", "member", "nonmember", "property"]

_auto_null = object()
_FUNCTION = type(lambda: None)


class auto:
    """Stands for "the next value": the enum's _generate_next_value_ picks it."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)

    def _refuse(self, other):
        # CPython resolves auto() as the class body runs (EnumType's namespace); gilsim
        # resolves it after, so auto() values cannot be combined in the body yet.
        raise NotImplementedError("enum: combining auto() values in the class body is "
                                  "not supported by gilsim")

    __or__ = __ror__ = __and__ = __rand__ = __xor__ = __add__ = __radd__ = _refuse


class member:
    """Forces a value (a function, say) to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value from becoming a member."""

    def __init__(self, value):
        self.value = value


property = property


def _fixed_attribute(getter):
    """A member's `name` or `value`: read-only, refused with enum.property's messages."""
    attr = getter.__name__

    def refuse_set(self, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute %r" % attr)

    def refuse_delete(self):
        raise AttributeError("<enum 'Enum'> cannot delete attribute %r" % attr)

    return property(getter, refuse_set, refuse_delete, getter.__doc__)


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" \
        and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" \
        and name[-2] != "_"


def _is_descriptor(obj):
    # CPython asks hasattr(obj, '__get__'); gilsim's functions and builtin descriptors do
    # not expose it, so they are named here.
    if isinstance(obj, (_FUNCTION, staticmethod, classmethod, property)):
        return True
    t = type(obj)
    return hasattr(t, "__get__") or hasattr(t, "__set__") or hasattr(t, "__delete__")


_builtin_type = type


def _mixin_type(cls):
    """The data type members are made of (int for IntEnum), or None for plain enums."""
    for base in cls.__mro__[1:]:
        if base is object:
            continue
        if base in (int, str, float):
            return base
        if "_value2member_map_" in base.__dict__ or base.__name__ in ("Enum", "Flag"):
            continue
        if base.__module__ == "builtins":
            return base
    return None


class Enum:
    """A class of named constants: `Color.RED`, `Color(1)`, `Color['RED']`, `list(Color)`."""

    _value_repr_ = None

    def __init_subclass__(cls, boundary=None, **kwds):
        super().__init_subclass__(**kwds)
        for base in cls.__mro__[1:]:
            if base.__dict__.get("_member_names_"):
                raise TypeError("<enum %r> cannot extend %r" % (cls.__name__, base))
        if boundary is not None:
            cls._boundary_ = boundary
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._unhashable_values_ = []
        mixin = _mixin_type(cls)
        custom_init = "__init__" in cls.__dict__
        last_values = []
        candidates = []
        for name, value in list(cls.__dict__.items()):
            if isinstance(value, nonmember):
                setattr(cls, name, value.value)
                continue
            if isinstance(value, member):
                value = value.value
            elif (_is_dunder(name) or _is_sunder(name) or _is_descriptor(value)
                  or name.startswith("_%s__" % cls.__name__) or isinstance(value, type)):
                continue
            candidates.append((name, value))
        for name, value in candidates:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = cls._generate_next_value_(
                        name, 1, len(cls._member_names_), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(cls._generate_next_value_(name, 1, len(cls._member_names_),
                                                         last_values[:])
                              if isinstance(v, auto) else v for v in value)
            last_values.append(value)
            cls._add_member_(name, value, mixin, custom_init)
        cls.__members__ = dict(cls._member_map_)
        # EnumType.__new__: where the data type's (or object's) repr/str/format would win
        # by the MRO (int before Enum in IntEnum), the enum's own are used.
        first_enum = None
        for base in cls.__bases__:
            if issubclass(base, Enum):
                first_enum = base
        if first_enum is not None:
            for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
                if name in cls.__dict__:
                    continue
                owner = None
                for klass in cls.__mro__:
                    if name in klass.__dict__:
                        owner = klass
                        break
                if owner is object or owner is mixin:
                    setattr(cls, name, getattr(first_enum, name))
        if hasattr(cls, "_flag_init_"):
            cls._flag_init_()

    @classmethod
    def _add_member_(cls, name, value, mixin, custom_init):
        if mixin is str and issubclass(cls, StrEnum) and not isinstance(value, str):
            raise TypeError("%r is not a string" % (value,))
        args = value if isinstance(value, tuple) else (value,)
        if mixin is None:
            m = object.__new__(cls)
        else:
            m = mixin.__new__(cls, *args)
        if mixin is None or custom_init:
            m._value_ = value
        else:
            m._value_ = mixin(*args)
        if custom_init:
            m.__init__(*args)
        m._name_ = name
        m._sort_order_ = len(cls._member_names_)
        try:
            existing = cls._value2member_map_.get(m._value_)
        except TypeError:
            existing = None
            for other in cls._member_map_.values():
                if other._value_ == m._value_:
                    existing = other
        if existing is not None:
            m = existing
        else:
            cls._member_names_.append(name)
            try:
                cls._value2member_map_.setdefault(m._value_, m)
            except TypeError:
                cls._unhashable_values_.append(m._value_)
        # Stored before the member is registered: afterwards the class refuses the name.
        setattr(cls, name, m)
        cls._member_map_[name] = m

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last_value = sorted(last_values).pop()
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None
        try:
            return last_value + 1
        except TypeError:
            raise TypeError("unable to increment %r" % (last_value,)) from None

    def __new__(cls, value, *args, **kwds):
        if type(value) is cls:
            return value
        if args or kwds:
            # EnumType.__call__ with a name and members: the functional API. Without a
            # metaclass, __new__ returns the new class (not an instance, so no __init__).
            return cls._create_(value, *args, **kwds)
        if "_member_map_" not in cls.__dict__:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError("error in %s._missing_: returned %r instead of None or a "
                            "valid member" % (cls.__name__, result))
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _create_(cls, class_name, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        """Enum('Color', 'RED GREEN'), ('RED', 'GREEN'), [('RED', 1), ...] or {'RED': 1}:
        a new enum class (Lib/enum.py EnumType._create_)."""
        if names is None:
            return cls.__new__(cls, class_name)
        if boundary is not None:
            raise NotImplementedError("enum's functional API with boundary= is not "
                                      "supported by gilsim")
        bases = (cls,) if type is None else (type, cls)
        first_enum = cls
        classdict = {}
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                names.append((name, value))
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            if member_name in classdict:
                # Lib/enum.py _EnumDict.__setitem__
                raise TypeError("%r already defined as %r"
                                % (member_name, classdict[member_name]))
            classdict[member_name] = member_value
        # CPython reads the caller's module from sys._getframe(2).
        classdict["__module__"] = _gilsim.caller_module() if module is None else module
        if qualname is not None:
            classdict["__qualname__"] = qualname
        return _builtin_type(class_name, bases, classdict)

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @classmethod
    def __gilsim_class_iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    @classmethod
    def __gilsim_class_reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    @classmethod
    def __gilsim_class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __gilsim_class_contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_ or value in cls._unhashable_values_
        except TypeError:
            return value in cls._unhashable_values_

    @classmethod
    def __gilsim_class_repr__(cls):
        kind = "flag" if issubclass(cls, Flag) else "enum"
        return "<%s %r>" % (kind, cls.__name__)

    @classmethod
    def __gilsim_class_setattr__(cls, name, value):
        # EnumType.__setattr__: members are fixed; anything else is set as usual.
        if name in cls.__dict__.get("_member_map_", ()):
            raise AttributeError("cannot reassign member %r" % (name,))
        return NotImplemented

    @_fixed_attribute
    def name(self):
        """The member's name."""
        return self._name_

    @_fixed_attribute
    def value(self):
        """The member's value."""
        return self._value_

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class ReprEnum(Enum):
    """An enum whose str() and format() are its value's (IntEnum, StrEnum, IntFlag)."""

    def __str__(self):
        return self._mixin_str_()

    def __format__(self, format_spec):
        # The value's type formats the member (`f"{IntEnum.A:03d}"`), as in CPython.
        mixin = _mixin_type(type(self))
        if mixin is None:
            return format(self._value_, format_spec)
        return mixin.__format__(self, format_spec)

    def _mixin_str_(self):
        mixin = _mixin_type(type(self))
        if mixin is None:
            return str(self._value_)
        return mixin.__str__(self)


class IntEnum(int, ReprEnum):
    """An enum whose members are also ints."""

    def __new__(cls, value, *args, **kwds):
        return Enum.__new__(cls, value, *args, **kwds)


class StrEnum(str, ReprEnum):
    """An enum whose members are also strings; auto() gives the lower-cased name."""

    def __new__(cls, value, *args, **kwds):
        return Enum.__new__(cls, value, *args, **kwds)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()



class FlagBoundary(StrEnum):
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary.STRICT, FlagBoundary.CONFORM, \
    FlagBoundary.EJECT, FlagBoundary.KEEP


def _bin(num, max_bits=None):
    # Lib/enum.py's bin(): two's complement with the sign bit set apart ("0b0 1010").
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace("1", "0", 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = s[:3], s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class Flag(Enum):
    """An enum of bit flags that combine with |, & and ^ (Perm.R | Perm.W)."""

    _boundary_ = STRICT

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError("invalid flag value %r" % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _flag_init_(cls):
        mask = 0
        singles = []
        for name in cls._member_names_:
            v = cls._member_map_[name]._value_
            mask |= v
            if v and v & (v - 1) == 0:
                singles.append(name)
        cls._flag_mask_ = mask
        cls._all_bits_ = 2 ** mask.bit_length() - 1
        # Iteration and len() show the single-bit members (aliases of several bits are
        # reachable by name), as 3.11+ does.
        cls._member_names_ = [n for n in cls._member_names_ if n in singles]

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        boundary = cls._boundary_
        if value < 0:
            # Lib/enum.py: a negative value counts down from all the flag bits (~R).
            value = cls._all_bits_ + 1 + value
        if value < 0 or value & ~flag_mask:
            if boundary is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s" % (
                    cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits)))
            if boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
        mixin = _mixin_type(cls)
        pseudo = object.__new__(cls) if mixin is None else mixin.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_bits(value)]
        extra = value & ~flag_mask
        if names:
            pseudo._name_ = "|".join(names)
            if extra:
                pseudo._name_ += "|%s" % extra
        else:
            pseudo._name_ = None if not extra else str(extra)
        pseudo._sort_order_ = -1
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_bits(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ and m._value_ & value == m._value_:
                yield m

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self.__class__._iter_bits(self._value_)))

    def __len__(self):
        return bin(self._value_).count("1")

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        mixin = _mixin_type(self.__class__)
        if mixin is not None and isinstance(flag, mixin):
            return flag
        return NotImplemented

    def __or__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        if self._boundary_ is KEEP and _mixin_type(self.__class__) is not None:
            return self.__class__(~self._value_)
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are also ints (and combine with ints)."""

    def __new__(cls, value, *args, **kwds):
        return Enum.__new__(cls, value, *args, **kwds)

    def __contains__(self, other):
        return Flag.__contains__(self, other)

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__
    __repr__ = Flag.__repr__

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self, format_spec)


def unique(enumeration):
    """A class decorator: ValueError if two names share a value (aliases)."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            duplicates.append((name, m._name_))
    if duplicates:
        alias_details = ", ".join("%s -> %s" % (alias, name) for alias, name in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration


_gilsim_stub.define(globals(), "enum", [
    "EnumType", "EnumMeta", "EnumCheck", "verify", "global_enum", "pickle_by_enum_name",
    "pickle_by_global_name", "show_flag_values", "CONTINUOUS", "NAMED_FLAGS", "UNIQUE",
    "EnumDict",
])
del _gilsim_stub
