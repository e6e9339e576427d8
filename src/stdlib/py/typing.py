"""typing: the names programs use in annotations (gilsim's own, in Python). Subscripting
gives aliases that print as CPython's do (typing.List[int], typing.Optional[str]); nothing
is checked, as in CPython at run time. Class-syntax NamedTuple and TypedDict, which CPython
builds with metaclasses, use gilsim's `__gilsim_class_new__` hook instead."""

import _gilsim
import _gilsim_stub
import collections.abc as _abc

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, (list, tuple)):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


class _GenericAlias:
    """`List[int]`: the origin, its arguments, and how CPython prints them."""

    def __init__(self, name, origin, args):
        self._name = name
        self.__origin__ = origin
        self.__args__ = args

    def __repr__(self):
        if self._name == "Optional":
            return f"typing.Optional[{_type_repr(self.__args__[0])}]"
        if self._name == "Callable" and len(self.__args__) == 2 and isinstance(
                self.__args__[0], list):
            return (f"typing.Callable[{_type_repr(self.__args__[0])}, "
                    f"{_type_repr(self.__args__[1])}]")
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__, self.__args__) == (other.__origin__, other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __getitem__(self, params):
        return self

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        # `class L(List[int])` subclasses list, and Generic unless a later base is generic
        # (typing._BaseGenericAlias.__mro_entries__).
        entries = []
        if self.__origin__ not in bases:
            entries.append(self.__origin__)
        for b in bases[bases.index(self) + 1:]:
            if isinstance(b, _GenericAlias) or isinstance(b, type) and issubclass(b, Generic):
                break
        else:
            entries.append(Generic)
        return tuple(entries)


class _SpecialForm:
    """A name such as List or Optional: subscript it to make an alias."""

    def __init__(self, name, origin=None):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return f"typing.{self._name}"

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Optional":
            if type(None) in params or None in params:
                return Union[params]
            return _GenericAlias("Optional", Union, params + (type(None),))
        if self._name == "Union":
            flat = []
            for p in params:
                p = type(None) if p is None else p
                args = p.__args__ if isinstance(p, _GenericAlias) and p._name in (
                    "Union", "Optional") else (p,)
                for a in args:
                    if a not in flat:
                        flat.append(a)
            if len(flat) == 1:
                return flat[0]
            if len(flat) == 2 and type(None) in flat:
                other = flat[0] if flat[1] is type(None) else flat[1]
                alias = _GenericAlias("Optional", Union, tuple(flat))
                alias.__args__ = tuple(flat)
                return alias if flat[1] is type(None) else _GenericAlias(
                    "Union", Union, tuple(flat))
            return _GenericAlias("Union", Union, tuple(flat))
        return _GenericAlias(self._name, self.__origin__, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError(f"Cannot instantiate typing.{self._name}")
        return self.__origin__(*args, **kwargs)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


Any = _SpecialForm("Any")
Union = _SpecialForm("Union")
Optional = _SpecialForm("Optional")
Literal = _SpecialForm("Literal")
Final = _SpecialForm("Final")
ClassVar = _SpecialForm("ClassVar")
Annotated = _SpecialForm("Annotated")
Concatenate = _SpecialForm("Concatenate")
TypeGuard = _SpecialForm("TypeGuard")
Unpack = _SpecialForm("Unpack")
Required = _SpecialForm("Required")
NotRequired = _SpecialForm("NotRequired")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")

List = _SpecialForm("List", list)
Dict = _SpecialForm("Dict", dict)
Set = _SpecialForm("Set", set)
FrozenSet = _SpecialForm("FrozenSet", frozenset)
Tuple = _SpecialForm("Tuple", tuple)
Type = _SpecialForm("Type", type)
Callable = _SpecialForm("Callable", _abc.Callable)
Iterable = _SpecialForm("Iterable", _abc.Iterable)
Iterator = _SpecialForm("Iterator", _abc.Iterator)
Generator = _SpecialForm("Generator", _abc.Generator)
Sequence = _SpecialForm("Sequence", _abc.Sequence)
MutableSequence = _SpecialForm("MutableSequence", _abc.MutableSequence)
Mapping = _SpecialForm("Mapping", _abc.Mapping)
MutableMapping = _SpecialForm("MutableMapping", _abc.MutableMapping)
AbstractSet = _SpecialForm("AbstractSet", _abc.Set)
MutableSet = _SpecialForm("MutableSet", _abc.MutableSet)
Collection = _SpecialForm("Collection", _abc.Collection)
Container = _SpecialForm("Container", _abc.Container)
Hashable = _SpecialForm("Hashable", _abc.Hashable)
Sized = _SpecialForm("Sized", _abc.Sized)
Reversible = _SpecialForm("Reversible", _abc.Reversible)
KeysView = _SpecialForm("KeysView", _abc.KeysView)
ItemsView = _SpecialForm("ItemsView", _abc.ItemsView)
ValuesView = _SpecialForm("ValuesView", _abc.ValuesView)
MappingView = _SpecialForm("MappingView", _abc.MappingView)


def _collections_form(name, attr):
    import collections
    return _SpecialForm(name, getattr(collections, attr))


DefaultDict = _collections_form("DefaultDict", "defaultdict")
OrderedDict = _collections_form("OrderedDict", "OrderedDict")
Counter = _collections_form("Counter", "Counter")
Deque = _collections_form("Deque", "deque")
ChainMap = _collections_form("ChainMap", "ChainMap")
Text = str
AnyStr = None  # replaced below by a TypeVar


class TypeVar:
    """TypeVar('T'): a type variable (printed ~T, +T covariant, -T contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


AnyStr = TypeVar("AnyStr", bytes, str)


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """A base for generic classes: Generic[T] (and the class) subscript to itself."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        return cls


# What a protocol's members are not (CPython 3.12's typing.EXCLUDED_ATTRIBUTES), plus the
# entries gilsim's class bodies hold that CPython's do not.
_EXCLUDED_ATTRIBUTES = frozenset({
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol',
    '_is_runtime_protocol', '__protocol_attrs__', '__callable_proto_members_only__',
    '__type_params__', '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__', '__weakref__',
    '__class_getitem__', '_MutableMapping__marker', '__qualname__', '__init_subclass__',
    '__gilsim_subclasscheck__', '__gilsim_instancecheck__', '_abc_registry',
    '_abc_subclasses'})


def _protocol_attrs(cls):
    """The members a class must have to satisfy protocol `cls` (typing._get_protocol_attrs),
    worked out at its first check and kept, as CPython 3.12 keeps __protocol_attrs__."""
    attrs = cls.__dict__.get('__protocol_attrs__')
    if attrs is None:
        attrs = _collect_protocol_attrs(cls)
        cls.__protocol_attrs__ = attrs
    return attrs


def _collect_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in {'Protocol', 'Generic'}:
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in (*base.__dict__, *annotations):
            if not attr.startswith('_abc_') and attr not in _EXCLUDED_ATTRIBUTES:
                attrs.add(attr)
    return attrs


def _protocol_check_allowed(cls):
    if not getattr(cls, '_is_runtime_protocol', False):
        raise TypeError("Instance and class checks can only be used with "
                        "@runtime_checkable protocols")


class Protocol(Generic):
    """Structural subtyping: with @runtime_checkable, isinstance() and issubclass() ask
    whether a class has the protocol's members, not whether it derives from it. CPython
    does it in the metaclass _ProtocolMeta; gilsim in the hooks its isinstance consults."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # A protocol names Protocol among its bases; any other subclass is concrete.
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

    @classmethod
    def __gilsim_instancecheck__(cls, instance):
        if cls is Protocol or not cls.__dict__.get('_is_protocol', False):
            return False
        _protocol_check_allowed(cls)
        for attr in _protocol_attrs(cls):
            try:
                value = getattr(instance, attr)
            except AttributeError:
                return False
            if value is None and callable(getattr(cls, attr, None)):
                return False
        return True

    @classmethod
    def __gilsim_subclasscheck__(cls, other):
        if cls is Protocol or not cls.__dict__.get('_is_protocol', False):
            return False
        attrs = _protocol_attrs(cls)
        if not all(callable(getattr(cls, attr, None)) for attr in attrs):
            raise TypeError("Protocols with non-method members don't support issubclass()")
        _protocol_check_allowed(cls)
        for attr in attrs:
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
            else:
                return False
        return True


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def override(method):
    return method


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    """Lets isinstance() and issubclass() check protocol `cls` structurally."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)
            and cls.__dict__.get('_is_protocol', False)):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    return obj


def assert_never(arg, /):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def get_origin(tp):
    return getattr(tp, "__origin__", None) if isinstance(tp, _GenericAlias) else None


def get_args(tp):
    return tuple(tp.__args__) if isinstance(tp, _GenericAlias) else ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    for klass in reversed(getattr(obj, "__mro__", [obj])):
        hints.update(getattr(klass, "__annotations__", {}) or {})
    return hints


class NewType:
    """NewType('UserId', int): a distinct name for a type that checkers see; at run time
    calling it returns its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        # CPython takes the caller's module from its frame.
        self.__module__ = _gilsim.caller_module()

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        # CPython: a NewType cannot be subclassed.
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you were looking for: "
                    f"`{subclass_name} = NewType({subclass_name!r}, {superclass_name})`")

        return (Dummy,)


# NamedTuple and TypedDict: CPython's metaclasses build a different class from the class
# body; gilsim has none, so their stand-in bases define __gilsim_class_new__, which the
# class statement calls instead of making the class.

_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                            '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_NT_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                         '__orig_bases__'})


def _make_nmtuple(name, fields, module, defaults=()):
    import collections
    fields = list(fields)
    names = [n for n, _ in fields]
    annotations = {n: t for n, t in fields}
    nm_tpl = collections.namedtuple(name, names, defaults=defaults, module=module)
    nm_tpl.__annotations__ = annotations
    return nm_tpl


class _NamedTuple:
    """What `class P(NamedTuple)` names as its base (typing.NamedTupleMeta's work)."""

    @classmethod
    def __gilsim_class_new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(), ns['__module__'],
                               defaults=[ns[n] for n in default_names])
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NT_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


NamedTupleMeta = _NamedTuple


def NamedTuple(typename, fields=None, /, **kwargs):
    """A typed namedtuple: `NamedTuple('Emp', [('name', str), ('id', int)])`, or the base of
    `class Emp(NamedTuple): name: str`."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided to NamedTuple, "
                        "not both")
    return _make_nmtuple(typename, fields, _gilsim.caller_module())


NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class _TypedDict(dict):
    """What `class Movie(TypedDict)` names as its base (typing._TypedDictMeta's work): the
    class keeps the keys' types; calling it makes a plain dict."""

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    @classmethod
    def __gilsim_class_new__(cls, name, bases, ns, total=True):
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            if base is _TypedDict:
                continue
            if not (isinstance(base, type) and issubclass(base, _TypedDict)):
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
            annotations.update(base.__annotations__)
            required |= base.__required_keys__
            optional |= base.__optional_keys__
        own = ns.get('__annotations__', {})
        annotations.update(own)
        (required if total else optional).update(own)
        body = dict(ns)
        body.pop('__orig_bases__', None)
        body['__annotations__'] = annotations
        body['__required_keys__'] = frozenset(required)
        body['__optional_keys__'] = frozenset(optional)
        body['__total__'] = total
        return type(name, (_TypedDict,), body)


def TypedDict(typename, fields=None, /, *, total=True):
    """A dict type with typed keys: `TypedDict('Movie', {'name': str})`, or the base of
    `class Movie(TypedDict): name: str`."""
    ns = {'__annotations__': dict(fields or {}), '__module__': _gilsim.caller_module()}
    return _TypedDict.__gilsim_class_new__(typename, (_TypedDict,), ns, total=total)


TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    return isinstance(tp, type) and issubclass(tp, _TypedDict) and tp is not _TypedDict


# The rest of CPython's typing: refused when used, so no name is an AttributeError.
_gilsim_stub.define(globals(), "typing", [
    "ABCMeta", "AsyncContextManager", "AsyncGenerator", "AsyncIterable", "AsyncIterator",
    "Awaitable", "BinaryIO", "ByteString", "CT_co", "ContextManager", "Coroutine",
    "EXCLUDED_ATTRIBUTES", "ForwardRef", "GenericAlias", "IO", "KT", "Match",
    "MethodDescriptorType", "MethodWrapperType",
    "ParamSpecArgs", "ParamSpecKwargs", "Pattern", "SupportsAbs", "SupportsBytes",
    "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound",
    "T", "T_co", "T_contra", "TextIO", "TypeAliasType", "VT", "VT_co", "V_co",
    "WrapperDescriptorType", "abstractmethod", "clear_overloads", "collections",
    "contextlib", "copyreg", "dataclass_transform", "defaultdict", "functools",
    "get_overloads", "io", "no_type_check_decorator", "operator", "re",
    "stdlib_re", "sys", "types", "warnings",
])

# CPython's own type variables and re-exports, real rather than refusals.
T = TypeVar("T")
KT = TypeVar("KT")
VT = TypeVar("VT")
T_co = TypeVar("T_co", covariant=True)
V_co = TypeVar("V_co", covariant=True)
VT_co = TypeVar("VT_co", covariant=True)
T_contra = TypeVar("T_contra", contravariant=True)
CT_co = TypeVar("CT_co", covariant=True, bound=type)
from abc import abstractmethod  # noqa: E402
