# expect: RecursionError: maximum recursion depth exceeded while getting the repr of an object
# line: 40
# Freeing a deep structure must not recurse once per level: a linked list of 400,000
# instances, a tuple, list or dict nested 400,000 deep, or a 50,000-deep tuple used as a
# dict key (hashing it recursed too) each
# overflowed a thread's 16 MB Rust stack when their last reference went (CPython frees them
# with its trashcan).
import threading


class Node:
    def __init__(self, next):
        self.next = next


def build_and_free(n):
    head = None
    for _ in range(n):
        head = Node(head)
    t, a, d, key = (), [], {}, ()
    for i in range(n):
        t, a, d = (t,), [a], {'k': d}
        if i < 50_000:
            key = (key, i)
    table = {key: 'deep key'}
    print(len(table), table[key], head.next.next is not None, len(a), len(d))
    head = t = a = d = key = table = None
    print('freed')


worker = threading.Thread(target=build_and_free, args=(400_000,))
worker.start()
worker.join()

t = ()
for _ in range(100_000):
    t = (t,)
print(hash(t) == hash(t[0][0][0]) or 'hashed')
# Too deep for repr, which counts its depth as CPython does.
repr(t)
