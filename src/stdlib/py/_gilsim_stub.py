"""Stand-ins for the standard-library names gilsim leaves out: calling one raises
NotImplementedError naming it, so a script meets a clear refusal where CPython has the
name, never an AttributeError."""


def refusal(module, name):
    """A function that refuses to run, named `module.name`."""

    def refuse(*args, **kwargs):
        raise NotImplementedError(f"{module}.{name} is not supported by gilsim")

    refuse.__name__ = name
    refuse.__qualname__ = name
    return refuse


def define(namespace, module, names):
    """Binds a refusal for each of `names` in a module's namespace."""
    for name in names:
        namespace[name] = refusal(module, name)
