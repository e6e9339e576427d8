# Chained method calls and fluent interfaces.
s = "  Hello, World! Hello, Python!  "
print(s.strip().lower().replace("hello", "bye").split(", "))
print(s.strip().upper().count("HELLO"), s.strip().title().swapcase())
print("-".join(s.split()).strip("-").lower())
print("a,b,c".split(",")[::-1], ",".join("a,b,c".split(",")[::-1]).upper())
print(" x ".strip().center(7, "*").replace("*", "-"))
print("CamelCaseWords".lower().capitalize().ljust(16, ".").upper())
words = "The quick brown fox jumps over the lazy dog".lower().split()
print(sorted(set(words)), len(words), " ".join(sorted(words, key=len)[-3:]).title())
class Query:
    def __init__(self, items):
        self.items = list(items)
        self.log = []
    def where(self, pred):
        self.log.append("where")
        self.items = [i for i in self.items if pred(i)]
        return self
    def select(self, fn):
        self.log.append("select")
        self.items = [fn(i) for i in self.items]
        return self
    def order_by(self, key=None, reverse=False):
        self.log.append("order_by")
        self.items.sort(key=key, reverse=reverse)
        return self
    def take(self, n):
        self.log.append("take")
        self.items = self.items[:n]
        return self
    def to_list(self):
        return self.items
q = Query(range(20))
result = q.where(lambda v: v % 3 == 0).select(lambda v: v * v).order_by(reverse=True).take(4).to_list()
print(result, q.log)
class Builder:
    def __init__(self):
        self.parts = []
    def add(self, p):
        self.parts.append(p)
        return self
    def sep(self):
        return self.add("|")
    def build(self):
        return "".join(self.parts)
print(Builder().add("a").sep().add("b").sep().add("c").build())
data = {"b": 2, "a": 1, "c": 3}
print(sorted(data.items(), key=lambda kv: kv[1])[-1][0].upper())
print(list(data.keys()).__len__(), str(sum(data.values())).zfill(4))
print("hello world".split()[1].upper()[::-1].center(9, "#"))
nums = [5, 3, 8, 1]
print(sorted(nums)[::-1][0], max(nums).bit_length(), str(min(nums)).rjust(3, "0"))
text = "one two three two one"
print(text.replace("two", "2").replace("one", "1").split().count("2"))
print(" | ".join(w.capitalize() for w in text.split()).replace("Two", "TWO"))
class Counter:
    def __init__(self, n=0):
        self.n = n
    def inc(self, k=1):
        return Counter(self.n + k)
    def double(self):
        return Counter(self.n * 2)
    def __repr__(self):
        return f"Counter({self.n})"
print(Counter().inc().inc(4).double().inc(-1))
c1 = Counter(1)
c2 = c1.inc()
print(c1, c2)
print([1, 2, 3].copy().__len__(), "abc".upper().lower().upper().isupper())
print("{}-{}".format("x", "y").upper().split("-"))
lst = []
lst.append(1) or lst.append(2) or lst.extend([3, 4])
print(lst)
print("path/to/file.txt".rsplit("/", 1)[-1].split(".")[0].upper())
print("2024-01-15".split("-")[::-1].__str__(), "/".join("2024-01-15".split("-")[::-1]))
print((3.14159).__round__(2), (255).to_bytes(2, "big").hex().upper())
print("a-b_c d".replace("-", " ").replace("_", " ").split().__len__())
print(dict(zip("abc", range(3))).get("b", -1).__add__(10))
print(" ".join(reversed("chained calls are fun".split())).capitalize())
print(list(map(str.strip, " a , b ,c ".split(","))).index("b"))
