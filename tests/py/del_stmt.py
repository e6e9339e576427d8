# del statement on names, list items, slices, dict keys, attributes.
x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b = 1, 2
del a, b
print("a" in globals(), "b" in globals())
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:5]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst, len(lst))
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
nested = {"outer": {"inner": 1, "keep": 2}}
del nested["outer"]["inner"]
print(nested)
class C:
    cls_attr = "class"
    def __init__(self):
        self.x = 1
        self.y = 2
c = C()
del c.x
print(hasattr(c, "x"), c.y)
try:
    del c.x
except AttributeError:
    print("AttributeError deleting missing attribute")
c.cls_attr = "instance"
print(c.cls_attr)
del c.cls_attr
print(c.cls_attr)
del C.cls_attr
print(hasattr(c, "cls_attr"))
def f():
    local = "value"
    del local
    try:
        return local
    except UnboundLocalError:
        return "UnboundLocalError after del"
print(f())
matrix = [[1, 2, 3], [4, 5, 6]]
del matrix[0][1]
del matrix[1]
print(matrix)
m = [1, 2, 3]
alias = m
del m
print(alias)
for i in range(3):
    pass
del i
print("i" in globals())
t = [1, [2, 3], 4]
del t[1][0], t[0]
print(t)
class Deletable:
    def __init__(self):
        self.store = {"k": 1, "j": 2}
    def __delitem__(self, key):
        print("__delitem__", key)
        del self.store[key]
dd = Deletable()
del dd["k"]
print(dd.store)
class Prop:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.deleter
    def v(self):
        print("property deleter called")
        del self._v
pp = Prop()
del pp.v
print(hasattr(pp, "_v"))
x = 5
x = 6
del x
x = 7
print(x)
s = set([1, 2, 3])
s.discard(2)
print(s)
data = [0, 1, 2, 3, 4, 5]
while data:
    del data[0]
    if len(data) == 2:
        break
print(data)
try:
    del undefined_variable_for_del
except NameError:
    print("NameError deleting an undefined name")
