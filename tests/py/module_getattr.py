# A module's own __getattr__ (PEP 562) answers for names its namespace lacks.
import types

plugins = types.ModuleType('plugins')


def __getattr__(name):
    if name.startswith('x'):
        return name.upper()
    raise AttributeError(f"module 'plugins' has no attribute {name!r}")


plugins.__getattr__ = __getattr__
plugins.real = 'in the namespace'
print(plugins.xyz, plugins.real, hasattr(plugins, 'abc'), getattr(plugins, 'xa', None))
try:
    plugins.abc
except AttributeError as e:
    print('AttributeError:', e)

# Names CPython's os has are there (constants with CPython's values on Linux).
import os
print(os.R_OK, os.W_OK, os.X_OK, os.F_OK, os.O_RDONLY, os.O_WRONLY, os.O_CREAT, os.WNOHANG)
print(hasattr(os, 'sysconf'), callable(os.getloadavg), hasattr(os, 'not_a_name'))

# types.ModuleType makes an empty module.
m = types.ModuleType('m', 'the doc')
print(m, m.__doc__, m.__name__, m.__loader__, repr(types.ModuleType('x').__doc__))
try:
    types.ModuleType(3)
except TypeError as e:
    print('TypeError:', e)

# __import__ with a fromlist (any non-empty sequence) gives the submodule itself.
print(__import__('collections.abc', fromlist=['x']).__name__, __import__('collections.abc').__name__,
      __import__('os.path', fromlist=('join',)).__name__ == __import__('os').path.__name__)

# A module __getattr__'s AttributeError is "no such name": `from m import x` says ImportError.
import sys
sys.modules['plugins'] = plugins
from plugins import xylophone
print(xylophone)
try:
    from plugins import abc
except ImportError as e:
    print('ImportError:', e)
