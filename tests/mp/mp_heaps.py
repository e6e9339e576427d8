# Separate heaps: a child works on a copy (fork) or a fresh run of the module (spawn);
# nothing it changes is seen by the parent, and the parent's later changes are not seen
# by the child. Runs unchanged under python3.
import multiprocessing as mp

print("module body runs as", __name__ if __name__ == "__main__" else "__mp_main__", flush=True)

settings = {"mode": "initial"}
numbers = [1, 2, 3]


def show_and_change(tag, q):
    q.put((tag, settings["mode"], list(numbers)))
    settings["mode"] = "changed by child"
    numbers.append(99)
    q.put((tag, settings["mode"], list(numbers)))


class Counter:
    def __init__(self):
        self.hits = 0

    def hit(self):
        self.hits += 1
        return self.hits


def use_counter(counter, q):
    counter.hit()
    q.put(counter.hits)


if __name__ == "__main__":
    for method in ("fork", "spawn"):
        ctx = mp.get_context(method)
        settings["mode"] = "set in parent before start (" + method + ")"
        q = ctx.Queue()
        p = ctx.Process(target=show_and_change, args=(method, q))
        p.start()
        print(q.get())
        print(q.get())
        p.join()
        print("parent still sees", settings["mode"], numbers, "exitcode", p.exitcode)
        c = Counter()
        c.hit()
        p = ctx.Process(target=use_counter, args=(c, q))
        p.start()
        print("child counted to", q.get(), "- parent's counter stays at", c.hits)
        p.join()
        print(p.name.split("-")[0], type(p).__name__)
