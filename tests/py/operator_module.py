# operator: the functions, itemgetter/attrgetter/methodcaller, in-place forms, dunders.
import operator
from operator import attrgetter, itemgetter, methodcaller


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.pet = None


class Hinted:
    def __length_hint__(self):
        return 4


people = [P("ann", 31), P("bob", 25), P("cy", 31)]
people[0].pet = P("rex", 3)
print([p.name for p in sorted(people, key=attrgetter("age", "name"))])
print(attrgetter("pet.name")(people[0]), attrgetter("name", "age")(people[1]))
rows = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(rows, key=itemgetter(1, 0)), itemgetter(0)("xyz"), itemgetter(slice(1, None))("xyz"))
print(methodcaller("split", ",")("a,b"), methodcaller("replace", "a", "b", 1)("aaa"))
print(repr(itemgetter(1, "a")), repr(attrgetter("x.y")), repr(methodcaller("f", 1, k=2)))
print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5))
print(operator.pos(-1), operator.abs(-3), operator.invert(5), operator.inv(0))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(16, 2))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_([]), operator.truth([1]), operator.is_(None, None), operator.is_not(1, None))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
d = {"k": 1}
operator.setitem(d, "j", 2)
operator.delitem(d, "k")
print(d, operator.getitem(d, "j"), operator.index(7), operator.length_hint([1, 2]), operator.length_hint(Hinted()), operator.length_hint(3, 5))
lst = [1]
print(operator.iadd(lst, [2]) is lst, lst, operator.iadd(1, 2), operator.imul("a", 3), operator.ior({1}, {2}))
print(operator.isub(5, 1), operator.itruediv(1, 2), operator.ifloordiv(7, 2), operator.imod(7, 2), operator.ipow(2, 3))
print(operator.iand(6, 3), operator.ixor(6, 3), operator.ilshift(1, 2), operator.irshift(8, 1), operator.iconcat([1], [2]))
print(operator.call(max, 1, 5), operator.__add__ is operator.add, operator.__not__ is operator.not_)
for bad in [lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 2), lambda: attrgetter(1),
            lambda: methodcaller(1), lambda: operator.index(1.5), lambda: attrgetter("nope")(1)]:
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
