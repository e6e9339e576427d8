"""abc: abstract base classes (gilsim's own, in Python). CPython implements them with the
metaclass ABCMeta; gilsim has no metaclasses, so `ABC` does the same work from
`__init_subclass__` (collecting `__abstractmethods__`), `__new__` (refusing to instantiate
a class with abstract methods) and `__gilsim_subclasscheck__`, which isinstance() and
issubclass() consult (registered classes, `__subclasshook__`)."""

import _gilsim_stub


def abstractmethod(funcobj):
    """Marks a method abstract: a subclass must override it to be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstracts_of(cls):
    abstracts = {name for name, value in cls.__dict__.items()
                 if getattr(value, "__isabstractmethod__", False)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    """Recomputes `cls.__abstractmethods__` after methods were added or replaced."""
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _abstracts_of(cls)
    return cls


class ABC:
    """Base of the abstract base classes: subclass it, mark methods @abstractmethod."""

    __slots__ = ()

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__abstractmethods__ = _abstracts_of(cls)
        cls._abc_registry = []
        cls._abc_subclasses = []
        for base in cls.__mro__[1:]:
            subclasses = base.__dict__.get("_abc_subclasses")
            if subclasses is not None:
                subclasses.append(cls)

    def __new__(cls, /, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            s = "" if len(names) == 1 else "s"
            listed = ", ".join(f"'{name}'" for name in names)
            # CPython 3.12's wording (3.11 said "with abstract methods area").
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} without an "
                            f"implementation for abstract method{s} {listed}")
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        """Makes `subclass` a virtual subclass of `cls` (isinstance and issubclass agree)."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        cls._abc_registry.append(subclass)
        return subclass

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    @classmethod
    def __gilsim_subclasscheck__(cls, subclass):
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return ok
        for registered in cls.__dict__.get("_abc_registry", ()):
            if issubclass(subclass, registered):
                return True
        for child in cls.__dict__.get("_abc_subclasses", ()):
            if issubclass(subclass, child):
                return True
        return False


ABC.__abstractmethods__ = frozenset()
ABC._abc_registry = []
ABC._abc_subclasses = []


def get_cache_token():
    return 0


# gilsim refuses metaclasses other than type: `metaclass=ABCMeta` is refused at the class
# statement, and ABCMeta itself refuses to be called (subclass ABC instead).
# The deprecated abstract* decorators (subclasses of builtins gilsim cannot subclass) too.
_gilsim_stub.define(globals(), "abc", ["ABCMeta", "abstractclassmethod",
                                       "abstractproperty", "abstractstaticmethod"])
