# collections.abc answers for the builtin types and for collections' classes as CPython does.
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque
from collections.abc import (Reversible, Mapping, MutableMapping, Callable, Hashable,
                             Sequence, Iterable, Sized, KeysView)
for obj in ({}, OrderedDict(), defaultdict(list), Counter(), ChainMap(), {}.keys(), {}.values(),
            {}.items(), [], (), 'x', deque(), int, len, lambda: 0, 3, None):
    print(type(obj).__name__, [isinstance(obj, abc) for abc in
                               (Reversible, Mapping, MutableMapping, Callable, Hashable, Sequence, Sized)])
for v in ({}.keys(), {}.items()):
    try:
        hash(v)
    except TypeError as e:
        print('TypeError:', e)
print(hash({}.values()) is not None, issubclass(ChainMap, MutableMapping), isinstance(ChainMap({1: 2}), Iterable))
