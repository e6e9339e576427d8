# deque's methods reject a wrong receiver and a wrong argument count in CPython's words: each
# kind of C method (METH_NOARGS, METH_O, slot wrappers) words its errors its own way.
from collections import deque

d = deque([1, 2])
calls = [
    "d.append()", "d.pop(1)", "d.popleft(1)", "d.count()", "d.extend()", "d.remove()",
    "d.clear(1)", "d.appendleft(1, 2)", "d.copy(1)", "d.reverse(1)", "d.extendleft()",
    "d.append(x=1)", "d.pop(x=1)", "d.rotate(n=1)", "d.insert(i=0, x=1)", "d.index(x=1)",
    "d.__getitem__(i=0)", "d.__contains__(1, 2)", "d.__getitem__()", "d.__setitem__(1)",
    "d.__delitem__()", "deque.__len__(d, 1)", "d.__repr__(1)", "d.__iter__(1)", "d.__eq__()",
    "d.__reversed__(1)", "d.__copy__(1)", "d.__iadd__()", "d.__add__()",
    "deque.append(5)", "deque.popleft(5)", "deque.__len__(5)", "deque.__iter__(5)",
    "deque.count(5, 1)", "deque.__eq__(5, 1)", "deque.copy(5)",
    "deque.__len__()", "deque.__getitem__()", "deque.count()", "deque.__repr__()",
    "deque.append()", "d + [1]",
]
for call in calls:
    try:
        result = eval(call)
    except TypeError as e:
        print(f"{call} -> {e}")
    else:
        print(f"{call} = {result!r}")
print(d == [1, 2], d != deque([1, 2]), bool(deque()), bool(d), hasattr(deque, "__bool__"))
print(d.__copy__(), type(reversed(d)).__name__, type(iter(d)).__name__)
