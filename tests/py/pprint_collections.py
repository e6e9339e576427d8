# pprint wraps the containers of collections as CPython does: OrderedDict as a list of
# pairs, defaultdict with its factory, Counter most common first, ChainMap map by map,
# deque with its maxlen; a subclass that keeps its base's repr prints as its base.
import collections, pprint
d = collections.defaultdict(list, {i: list(range(10)) for i in range(6)})
pprint.pprint(d)
pprint.pprint(collections.OrderedDict((str(i), list(range(8))) for i in range(6)))
pprint.pprint(collections.deque(range(30)))
pprint.pprint(collections.deque(range(30), maxlen=40))
pprint.pprint(collections.Counter('abracadabra' * 3 + 'xyzuvwpqrst'), width=30)
pprint.pprint(collections.ChainMap({'a': list(range(12))}, {'b': list(range(15))}, {}))
pprint.pprint([collections.deque(), collections.Counter(), collections.OrderedDict(), collections.defaultdict(int), collections.ChainMap()])
class D(dict): pass
pprint.pprint(D({i: 'x' * 10 for i in range(8)}))
class L(list): pass
print(pprint.pformat(L(range(3))), pprint.saferepr(D(a=1)))
pprint.pprint({'k': collections.deque(['word' * 3] * 8, maxlen=10), 'c': collections.Counter(range(30))}, indent=2)
