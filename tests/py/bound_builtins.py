# A builtin bound to its object ([].append) is a builtin_function_or_method, with __self__
# and no __func__; a Python method bound to an instance is a `method`. Reprs name a static
# type of an extension module with its module, as CPython's tp_name does.
import inspect
import threading
import types
from collections import deque

items = []
append = items.append
print(type(append).__name__, append.__name__, append.__self__ is items)
print(inspect.isbuiltin(append), inspect.ismethod(append))
print(isinstance(append, types.BuiltinMethodType), isinstance(append, types.MethodType))
print(hasattr(append, "__func__"), callable(append))
append(3)
print(items, repr(append).split(" at ")[0])


class C:
    def f(self):
        return 1


bound = C().f
print(type(bound).__name__, inspect.ismethod(bound), hasattr(bound, "__func__"))
print(type(len).__name__, type("a".upper).__name__, type(threading.Lock().acquire).__name__)
print(repr(deque.append), repr(deque().append).split(" at ")[0])
print(repr(threading.Lock().acquire).split(" at ")[0])
print(repr(list.append), repr(dict.get))
