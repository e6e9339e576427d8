# Expected output: CPython 3.14 (3.14.10; tests/tools/expect_interp.py writes it with a CPython 3.14 from Debian, e.g. in a sid chroot, where pyenv has none).
# 3.14's fallbacks between interpreters: a stateless function crosses as its code; any other function, and instances of the script's classes, cross by pickle, and the receiving interpreter runs the main script again as "<fake __main__>" to find their names.
from concurrent import interpreters
from concurrent.futures import InterpreterPoolExecutor
import threading

print("module level runs as", __name__, flush=True)
RATE = 3


class Order:
    def __init__(self, item, quantity):
        self.item = item
        self.quantity = quantity


def add(a, b):
    return a + b


def total(order):
    return (order.item, order.quantity * RATE)


def with_default(x, factor=2):
    return x * factor


def make_order():
    return Order("mug", RATE)


def describe(order):
    return f"{type(order).__name__} from {type(order).__module__}: {order.item}"


if __name__ == "__main__":
    interp = interpreters.create()
    # Stateless: no globals but builtins, no defaults, no closure -- sent as code.
    print(interp.call(add, 2, 3))
    print(interp.call(lambda: len("abc")))
    # A function that reads a global crosses by name: the script runs again there.
    print(interp.call(total, Order("pen", 4)))
    # Its names are now in that interpreter's __main__: no second run for them.
    print(interp.call(total, Order("ink", 1)))
    print(interp.call(with_default, 5), interp.call(with_default, 5, factor=10))
    print(interp.call(describe, Order("cap", 1)))

    # Queues pickle what is not shareable too; prepare_main does not.
    queue = interpreters.create_queue()
    queue.put(Order("book", 2))
    order = queue.get()
    print(type(order) is Order, order.item, order.quantity)
    queue.put([{"nested": (1, 2.5)}, {3}])
    print(queue.get())
    try:
        interp.prepare_main(order=Order("lamp", 7))
    except interpreters.NotShareableError as err:
        print("prepare_main:", type(err.__cause__), str(err).split(" object at ")[0])
    for value in (2**100, (1, [2]), [3]):
        try:
            interp.prepare_main(value=value)
        except interpreters.NotShareableError as err:
            print("prepare_main:", err, "-", repr(err.__cause__))
    interp.prepare_main(queue=queue)
    interp.exec("queue.put(('from', 'inside'))")
    print(queue.get())

    # What pickle refuses stays refused, named as a whole.
    try:
        interp.call(lambda: RATE)
    except interpreters.NotShareableError as err:
        print(type(err).__name__, err, "-", repr(err.__cause__))
    lock = threading.Lock()
    for attempt in (lambda: queue.put([lock]), lambda: interp.call(add, 1, lock),
                    lambda: interp.call(add, 1, b={"k": lock})):
        try:
            attempt()
        except interpreters.NotShareableError as err:
            print(str(err).replace(repr(lock), "LOCK"), "-",
                  repr(err.__cause__).replace(repr(lock), "LOCK"))
    # A result whose class exists only in that interpreter's copy of the script.
    try:
        interp.call(make_order)
    except interpreters.NotShareableError as err:
        print(err, "-", type(err.__cause__).__name__, str(err.__cause__).split(" object at ")[0])

    with InterpreterPoolExecutor(max_workers=1) as pool:
        print(pool.submit(total, Order("cup", 5)).result())
    interp.close()
