# Expected output: CPython 3.14 (3.14.10; tests/tools/expect_interp.py writes it with a CPython 3.14 from Debian, e.g. in a sid chroot, where pyenv has none).
# concurrent.interpreters (PEP 734): interpreters, exec, prepare_main, call with arguments and a result, ExecutionFailed, and queues between interpreters.
from concurrent import interpreters
import queue


def power(base, exponent=2):
    return base ** exponent


def summary(numbers, labels):
    return {label: sum(numbers) for label in labels}


def fails(key):
    return {}[key]


if __name__ == "__main__":
    main = interpreters.get_main()
    print(main, main.id, main.whence, interpreters.get_current() is main)
    interp = interpreters.create()
    print(interp, interp.whence, interp.is_running())
    print(interpreters.Interpreter(interp.id) is interp, interpreters.list_all())

    # __main__ persists between exec calls; prepare_main binds shareable data there.
    interp.exec("total = 40")
    interp.prepare_main(extra=2, words=("a", "b"))
    interp.prepare_main({"nested": (1, ("k", (2.5, None, True)))})
    interp.exec("print('in the subinterpreter:', total + extra, words, nested)")

    # call: a function runs there; arguments and the result are copied (3.14 pickles
    # what is not shareable, e.g. lists, dicts and big ints).
    print(interp.call(power, 12))
    print(interp.call(power, 2, exponent=70))
    print(interp.call(summary, [1, 2, 3], labels={"x", "y"}) == {"x": 6, "y": 6})

    try:
        interp.exec("raise ValueError('bad value')")
    except interpreters.ExecutionFailed as err:
        print(type(err).__mro__[1].__name__, err.excinfo.type.__name__, err.excinfo.msg)
        print(err.excinfo.formatted)
    try:
        interp.call(fails, "missing")
    except interpreters.ExecutionFailed as err:
        print(err.excinfo.formatted)

    # Queues carry shareable data; a queue itself crosses as the same queue.
    tasks = interpreters.create_queue()
    results = interpreters.create_queue(maxsize=1)
    print(tasks, results.maxsize, tasks.maxsize, tasks.empty(), tasks.full(), results.full())
    for n in (3, 4, 5):
        tasks.put(n)
    interp.prepare_main(tasks=tasks, results=results)
    interp.exec("""if True:
        squares = []
        while not tasks.empty():
            squares.append(tasks.get() ** 2)
        results.put(squares)
        print(type(tasks).__name__, tasks.id, results.full())
        """)
    print(results.get(), results.qsize(), tasks.qsize())

    try:
        tasks.get_nowait()
    except interpreters.QueueEmpty as err:
        print(isinstance(err, queue.Empty), err)
    try:
        tasks.get(timeout=0)
    except queue.Empty:
        print("still empty")
    results.put("only one fits")
    try:
        results.put_nowait("one more")
    except interpreters.QueueFull as err:
        print(isinstance(err, queue.Full), err)
    try:
        results.put("one more", timeout=-1)
    except ValueError as err:
        print(err)
    print(results.get_nowait())

    import threading
    try:
        tasks.put(threading.Lock())
    except interpreters.NotShareableError:
        print("a lock is not shareable")
    print([interpreters.is_shareable(v) for v in (1, 1.5, "s", b"b", (1, "x"), None, True)])

    # call_in_thread: the function runs in the subinterpreter on a new thread.
    done = interpreters.create_queue()
    interp.prepare_main(done=done)
    interp.exec("def report(x):\n    done.put(x * 10)")
    thread = interp.call_in_thread(power, 7)
    thread.join()
    interp.exec("report(4)")
    print(done.get())

    interp.close()
    print(interpreters.list_all())
    try:
        interp.exec("pass")
    except interpreters.InterpreterNotFoundError as err:
        print(type(err).__name__, err)
