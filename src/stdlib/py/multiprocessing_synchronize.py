"""multiprocessing.synchronize as gilsim runs it: Condition, Event, Semaphore,
BoundedSemaphore and Barrier that every process shares. They are threading's algorithms
over cross-process parts: a shared lock, counters in shared memory, and a cross-process
queue of the ids of waiting processes' wake-up locks (a waiter blocks acquiring its own
lock a second time; notify releases it)."""

import _gilsim_process
import threading
import time
import multiprocessing as _mp
from multiprocessing.sharedctypes import RawValue

__all__ = ['Lock', 'RLock', 'Condition', 'Event', 'Semaphore', 'BoundedSemaphore',
           'Barrier']

Lock = _mp.Lock
RLock = _mp.RLock


class Condition:
    """A condition variable shared by processes (its lock: an RLock unless given)."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock if lock is not None else _mp.RLock()
        self._waiters = _mp.SimpleQueue()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return '<Condition(%s, %d)>' % (self._lock, self._waiters.qsize())

    def _is_owned(self):
        inner = self._lock._lock
        if hasattr(inner, '_is_owned'):
            return inner._is_owned()
        return inner.locked()

    def wait(self, timeout=None):
        assert self._is_owned(), 'must acquire() condition before using wait()'
        waiter_id = _gilsim_process.shared_lock(False)
        waiter = _gilsim_process.lock_of(waiter_id)
        waiter.acquire()
        self._waiters.put(waiter_id)
        count = getattr(self._lock, '_count', 1)
        for _ in range(max(count, 1)):
            self._lock.release()
        try:
            if timeout is None:
                return waiter.acquire()
            return waiter.acquire(True, max(timeout, 0))
        finally:
            for _ in range(max(count, 1)):
                self._lock.acquire()

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        end = None if timeout is None else time.monotonic() + timeout
        while not result:
            if end is not None:
                left = end - time.monotonic()
                if left <= 0:
                    break
                self.wait(left)
            else:
                self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        assert self._is_owned(), 'lock is not owned'
        while n > 0 and not self._waiters.empty():
            waiter = _gilsim_process.lock_of(_mp.Queue.get(self._waiters, False))
            try:
                waiter.release()
            except RuntimeError:
                # Its wait timed out already: wake another one instead.
                continue
            n -= 1

    def notify_all(self):
        self.notify(self._waiters.qsize())


class Event:
    """A flag every process sees, and a wait for it to be set."""

    def __init__(self, *, ctx=None):
        self._cond = Condition(_mp.Lock())
        self._flag = RawValue('b', 0)

    def is_set(self):
        with self._cond:
            return self._flag.value == 1

    def set(self):
        with self._cond:
            self._flag.value = 1
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.value = 0

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.value == 1:
                return True
            self._cond.wait(timeout)
            return self._flag.value == 1

    def __repr__(self):
        return '<Event(%s)>' % ('set' if self.is_set() else 'unset')


class Semaphore:
    """A counter processes take from and give back to."""

    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(_mp.Lock())
        self._value = RawValue('i', value)

    def acquire(self, block=True, timeout=None):
        with self._cond:
            if not block:
                if self._value.value == 0:
                    return False
            else:
                if not self._cond.wait_for(lambda: self._value.value > 0, timeout):
                    return False
            self._value.value -= 1
            return True

    def release(self):
        with self._cond:
            self._value.value += 1
            self._cond.notify()

    def get_value(self):
        return self._value.value

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self._value.value)


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1, *, ctx=None):
        Semaphore.__init__(self, value)
        self._initial = value

    def release(self):
        with self._cond:
            if self._value.value >= self._initial:
                raise ValueError('semaphore or lock released too many times')
            self._value.value += 1
            self._cond.notify()

    def __repr__(self):
        return '<BoundedSemaphore(value=%s, maxvalue=%s)>' % (self._value.value,
                                                              self._initial)


class Barrier:
    """parties processes wait until all have arrived (threading.Barrier's algorithm on
    shared state: 0 filling, 1 draining, -1 resetting, -2 broken)."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._cond = Condition(_mp.Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = RawValue('i', 0)
        self._count = RawValue('i', 0)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count.value
            self._count.value += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count.value -= 1
                self._exit()

    def _enter(self):
        while self._state.value in (-1, 1):
            self._cond.wait()
        if self._state.value < 0:
            raise threading.BrokenBarrierError
        assert self._state.value == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state.value = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state.value != 0, timeout):
            self._break()
            raise threading.BrokenBarrierError
        if self._state.value < 0:
            raise threading.BrokenBarrierError
        assert self._state.value == 1

    def _exit(self):
        if self._count.value == 0 and self._state.value in (-1, 1):
            self._state.value = 0
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count.value > 0:
                if self._state.value == 0:
                    self._state.value = -1
                elif self._state.value == -2:
                    self._state.value = -1
            else:
                self._state.value = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state.value = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count.value if self._state.value == 0 else 0

    @property
    def broken(self):
        return self._state.value == -2
