# itertools' iterators are types of their own, as CPython's C types are: type(),
# isinstance() and the repr name them; chain.from_iterable makes a chain too.
import itertools
import types

made = [itertools.chain([1], [2]), itertools.chain.from_iterable([[1], [2]]),
        itertools.cycle('ab'), itertools.accumulate([1, 2]), itertools.compress('ab', [1, 0]),
        itertools.dropwhile(bool, [1]), itertools.takewhile(bool, [1]),
        itertools.filterfalse(None, [0]), itertools.starmap(pow, [(2, 3)]),
        itertools.islice('abc', 2), itertools.pairwise('abc'), itertools.zip_longest('a', 'bc'),
        itertools.product('ab', repeat=2), itertools.permutations('abc', 2),
        itertools.combinations('abc', 2), itertools.combinations_with_replacement('ab', 2)]
for it in made:
    kind = type(it)
    print(kind.__name__, kind.__module__, isinstance(it, kind), iter(it) is it,
          isinstance(it, types.GeneratorType), repr(it).startswith('<itertools.' + kind.__name__ + ' object at 0x'))
print(list(made[0]), list(made[1]), next(made[2]), list(made[13]))
print(type(itertools.chain()) is itertools.chain, isinstance(itertools.chain(), itertools.islice))
for bad in [lambda: itertools.islice('abc', -1), lambda: itertools.permutations(5),
            lambda: itertools.chain.from_iterable(5).__next__()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    made[5].send(None)
except AttributeError as e:
    print('AttributeError:', e)
