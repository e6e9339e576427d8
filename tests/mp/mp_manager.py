# Manager(): a server process owns a list, a dict, a Namespace and a Value; processes and
# pool workers change them through proxies (which may be passed anywhere, unlike a
# multiprocessing.Queue); a manager's Queue goes through a Pool.
import multiprocessing as mp


def work(shared, table, ns, counter, lock, i):
    shared.append(i)
    table[i] = i * i
    ns.last = "set by a child"
    with lock:
        counter.value += 1


if __name__ == "__main__":
    with mp.Manager() as m:
        items = m.list([1, 2])
        table = m.dict(a=1)
        ns = m.Namespace(x=1)
        counter = m.Value('i', 0)
        lock = m.Lock()
        print(items, table, ns, counter, type(items).__name__, type(table).__name__)
        print(repr(items).split(" at ")[0])
        print(table.keys(), table.items(), list(table), len(items), items[0], 2 in items,
              list(items))
        table['b'] = 2
        print(table.get('b'), sorted(table.values()), table.copy())
        procs = [mp.Process(target=work, args=(items, table, ns, counter, lock, i))
                 for i in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(sorted(items), sorted(table.items(), key=str), ns.last, ns.x, counter.value)
        q = m.Queue()
        with mp.Pool(2) as pool:
            pool.map(q.put, [1, 2, 3])
        print(sorted(q.get() for _ in range(3)))
        print([p.name for p in mp.active_children()])
        try:
            ns.missing
        except AttributeError as e:
            print("AttributeError:", e)
    print("manager shut down:", mp.active_children())
