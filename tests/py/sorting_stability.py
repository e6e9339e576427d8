# Sorting: stability, keys, reverse, multi-key sorts.
records = [("alice", 30, "NY"), ("bob", 25, "LA"), ("carol", 30, "LA"), ("dave", 25, "NY"),
           ("eve", 35, "SF"), ("frank", 30, "SF"), ("grace", 25, "SF")]
by_age = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_age])
by_age_desc = sorted(records, key=lambda r: r[1], reverse=True)
print([r[0] for r in by_age_desc])
by_city = sorted(records, key=lambda r: r[2])
print([r[0] for r in by_city])
two_pass = sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[2])
print([(r[2], r[0]) for r in two_pass])
multi = sorted(records, key=lambda r: (r[2], -r[1], r[0]))
print([(r[2], r[1], r[0]) for r in multi])
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (1, "c"), (0, "c")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(pairs))
print(sorted(pairs, reverse=True))
items = ["b2", "a1", "b1", "a2", "c1", "a3"]
print(sorted(items, key=lambda s: s[0]))
print(sorted(items, key=lambda s: s[1]))
print(sorted(items, key=lambda s: s[1], reverse=True))
words = ["Banana", "apple", "Cherry", "apple", "banana", "cherry"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w.lower())))
lst = [3, 1, 2]
res = lst.sort()
print(res, lst)
lst.sort(key=lambda v: -v)
print(lst)
print(sorted([-3, 2, -1, 0, 1], key=abs))
print(sorted([-3, 2, -1, 0, 1, -2, 3], key=abs))
print(sorted([-3, 2, -1, 0, 1, -2, 3], key=abs, reverse=True))
print(sorted([1.5, 1, 0.5, True, 0, False]))
print(sorted([[2, 1], [1, 2], [1, 1, 1], [1]]))
print(sorted("sorting is stable"), sorted("Mixed CASE", key=str.lower))
class Rec:
    def __init__(self, name, score):
        self.name, self.score = name, score
    def __repr__(self):
        return f"{self.name}:{self.score}"
recs = [Rec("x", 2), Rec("y", 1), Rec("z", 2), Rec("w", 1), Rec("v", 3)]
print(sorted(recs, key=lambda r: r.score))
print(sorted(recs, key=lambda r: r.score, reverse=True))
print(max(recs, key=lambda r: r.score), min(recs, key=lambda r: r.score))
print(max([("a", 2), ("b", 2)], key=lambda t: t[1]), min([("a", 1), ("b", 1)], key=lambda t: t[1]))
d = {"pear": 3, "apple": 3, "fig": 1, "kiwi": 2, "date": 3}
print(sorted(d, key=d.get))
print(sorted(d.items(), key=lambda kv: kv[1], reverse=True))
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
big = [(i % 5, i) for i in range(30)]
s1 = sorted(big, key=lambda t: t[0])
print(all(s1[k][1] < s1[k + 1][1] for k in range(len(s1) - 1) if s1[k][0] == s1[k + 1][0]))
print(s1[:8])
lst3 = [(i * 7) % 11 for i in range(11)]
print(lst3, sorted(lst3), sorted(lst3, reverse=True))
print(sorted(range(10), key=lambda v: v % 3))
print(sorted(range(10), key=lambda v: v % 3, reverse=True))
print(sorted([], key=len), sorted([5]), sorted((3, 2, 1)), sorted({3: "a", 1: "b"}))
print(list(reversed(sorted([2, 3, 1]))))
print(sorted(["10", "9", "100", "1"]), sorted(["10", "9", "100", "1"], key=int))
