"""heapq: a binary min-heap in a list, heap[k] <= heap[2*k+1] and heap[2*k+2]
(gilsim's own, in Python)."""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest",
           "nsmallest", "heappushpop"]


def _check(heap, fname):
    if not isinstance(heap, list):
        raise TypeError(f"{fname}() argument 1 must be list, not {type(heap).__name__}")


def _sift_down(heap, startpos, pos):
    """Moves heap[pos] up towards startpos while it is smaller than its parent."""
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _sift_up(heap, pos):
    """Moves the smaller child up until a leaf, then places heap[pos] there (the
    bottom-up variant CPython uses: fewer comparisons)."""
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _sift_down(heap, startpos, pos)


def heappush(heap, item):
    _check(heap, "heappush")
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap):
    _check(heap, "heappop")
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _sift_up(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    _check(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return returnitem


def heappushpop(heap, item):
    _check(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(x):
    _check(x, "heapify")
    for i in reversed(range(len(x) // 2)):
        _sift_up(x, i)


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted stream (stable: ties keep input order)."""
    its = [iter(it) for it in iterables]

    def gen():
        entries = []
        for order, it in enumerate(its):
            for value in it:
                k = value if key is None else key(value)
                entries.append([k, order, value, it])
                break
        while entries:
            best = 0
            for i in range(1, len(entries)):
                a, b = entries[i], entries[best]
                if (b[0] < a[0]) if reverse else (a[0] < b[0]):
                    best = i
                elif not (a[0] < b[0] or b[0] < a[0]) and a[1] < b[1]:
                    best = i
            entry = entries[best]
            yield entry[2]
            for value in entry[3]:
                entry[0] = value if key is None else key(value)
                entry[2] = value
                break
            else:
                del entries[best]

    return gen()


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first (ties in input order)."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first (ties in input order)."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
