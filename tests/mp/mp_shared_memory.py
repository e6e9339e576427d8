# Value and Array: ctypes' conversions and reprs, and shared memory that processes really
# share (a locked counter adds up exactly; each process fills its slot of an Array).
import multiprocessing as mp


def count(total, n):
    for _ in range(n):
        with total.get_lock():
            total.value += 1


def fill(arr, i):
    arr[i] = i * i


if __name__ == "__main__":
    v = mp.Value('i', 5)
    print(v, v.value, type(v).__name__)
    v.value = 2 ** 31
    print(v.value)
    for tc, x in [('i', 1.5), ('d', 'x'), ('c', 'ab'), ('i', '1')]:
        try:
            mp.Value(tc, x)
        except TypeError as e:
            print("TypeError:", e)
    print(mp.Value('d', 3), mp.Value('c', b'x'), mp.Value('b', 200).value,
          mp.Value('f', 0.1).value)
    raw = mp.Value('i', 1, lock=False)
    print(raw, type(raw).__name__)
    a = mp.Array('i', [1, 2, 3])
    a[0] = 10
    print(a[:], a[1], list(a), a[-1], len(a), type(a).__name__)
    try:
        a[5]
    except IndexError as e:
        print("IndexError:", e)
    try:
        mp.Value('z', 1)
    except TypeError as e:
        print("TypeError:", e)
    print(mp.RawValue('i', 3), mp.RawArray('d', 2)[:])

    total = mp.Value('i', 0)
    procs = [mp.Process(target=count, args=(total, 50)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("locked counter:", total.value)
    squares = mp.Array('i', 5)
    procs = [mp.Process(target=fill, args=(squares, i)) for i in range(5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("filled by 5 processes:", squares[:])
    try:
        q = mp.Queue()
        q.put(total)
        q.get(timeout=0.5)
    except Exception as e:
        print(type(e).__name__)
