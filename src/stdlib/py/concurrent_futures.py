"""Futures and a thread pool (gilsim's own concurrent.futures).

Future, ThreadPoolExecutor (submit, map, shutdown, `with`), as_completed and wait behave
like CPython's; worker threads are named ThreadPoolExecutor-N_M. InterpreterPoolExecutor
(3.14, in concurrent.futures.interpreter, loaded on first use as CPython loads it) gives
each worker thread its own subinterpreter. ProcessPoolExecutor is not
available yet.
"""

import threading
import queue as _queue
import _thread
from time import monotonic as _time

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ThreadPoolExecutor', 'ProcessPoolExecutor', 'InvalidStateError']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Error(Exception):
    pass


class CancelledError(Error):
    pass


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class BrokenThreadPool(BrokenExecutor):
    pass


TimeoutError = TimeoutError


class _Waiter:
    """Collects futures as they finish, for as_completed() and wait()."""

    def __init__(self):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished = []

    def add(self, future):
        with self.lock:
            self.finished.append(future)
        self.event.set()

    def take(self):
        with self.lock:
            done = self.finished
            self.finished = []
            self.event.clear()
        return done


class Future:
    """The result of a call that may not have happened yet."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception:
                    return '<%s at 0x%x state=%s raised %s>' % (
                        self.__class__.__name__, id(self), self._state.lower(),
                        self._exception.__class__.__name__)
                return '<%s at 0x%x state=%s returned %s>' % (
                    self.__class__.__name__, id(self), self._state.lower(),
                    self._result.__class__.__name__)
            return '<%s at 0x%x state=%s>' % (self.__class__.__name__, id(self),
                                              self._state.lower())

    def cancel(self):
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state == _CANCELLED:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._finish()
        return True

    def cancelled(self):
        with self._condition:
            return self._state == _CANCELLED

    def running(self):
        with self._condition:
            return self._state == _RUNNING

    def done(self):
        with self._condition:
            return self._state in (_CANCELLED, _FINISHED)

    def _outcome(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def _wait_done(self, timeout, what):
        if self._state not in (_CANCELLED, _FINISHED):
            self._condition._wait(timeout, "%s of %r" % (what, self))
        if self._state not in (_CANCELLED, _FINISHED):
            raise TimeoutError()

    def result(self, timeout=None):
        with self._condition:
            self._wait_done(timeout, "the result")
            return self._outcome()

    def exception(self, timeout=None):
        with self._condition:
            self._wait_done(timeout, "the outcome")
            if self._state == _CANCELLED:
                raise CancelledError()
            return self._exception

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in (_CANCELLED, _FINISHED):
                self._done_callbacks.append(fn)
                return
        self._call_callback(fn)

    def _call_callback(self, fn):
        try:
            fn(self)
        except Exception as exc:
            _thread._print_exception(exc, "exception calling callback for %r\n" % self)

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._result = result
            self._state = _FINISHED
            self._condition.notify_all()
        self._finish()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            self._condition.notify_all()
        self._finish()

    def _finish(self):
        with self._condition:
            waiters = self._waiters
            self._waiters = []
            callbacks = self._done_callbacks
            self._done_callbacks = []
        for w in waiters:
            w.add(self)
        for fn in callbacks:
            self._call_callback(fn)


def _watch(fs):
    """A waiter registered with every unfinished future; returns (waiter, finished)."""
    waiter = _Waiter()
    finished = []
    for f in fs:
        with f._condition:
            if f._state in (_CANCELLED, _FINISHED):
                finished.append(f)
            else:
                f._waiters.append(waiter)
    return waiter, finished


def _unwatch(waiter, fs):
    for f in fs:
        with f._condition:
            if waiter in f._waiters:
                f._waiters.remove(waiter)


def as_completed(fs, timeout=None):
    """Yields the futures in `fs` as they finish (those already done first)."""
    if timeout is not None:
        end_time = timeout + _time()
    unique = []
    for f in fs:
        if f not in unique:
            unique.append(f)
    total = len(unique)
    waiter, finished = _watch(unique)
    pending = [f for f in unique if f not in finished]
    try:
        for f in finished:
            yield f
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - _time()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(wait_timeout)
            for f in waiter.take():
                if f in pending:
                    pending.remove(f)
                    yield f
    finally:
        _unwatch(waiter, unique)


class DoneAndNotDoneFutures:
    """wait()'s result: the sets `done` and `not_done` (also unpackable as a pair)."""

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __len__(self):
        return 2

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits until the futures in `fs` are done (or the first one, or the first failure)."""
    fs = set(fs)
    if timeout is not None:
        end_time = timeout + _time()
    waiter, finished = _watch(fs)
    done = set(finished)
    try:
        while True:
            not_done = fs - done
            if not not_done:
                break
            if return_when == FIRST_COMPLETED and done:
                break
            if return_when == FIRST_EXCEPTION and any(
                    not f.cancelled() and f._exception is not None for f in done):
                break
            remaining = None
            if timeout is not None:
                remaining = end_time - _time()
                if remaining <= 0:
                    break
            if not waiter.event.wait(remaining):
                continue
            done.update(waiter.take())
    finally:
        _unwatch(waiter, fs)
    return DoneAndNotDoneFutures(done, fs - done)


class Executor:
    """Base class of the executors: `with` shuts down and waits."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if timeout is not None:
            end_time = timeout + _time()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    f = fs.pop()
                    if timeout is None:
                        yield f.result()
                    else:
                        yield f.result(end_time - _time())
            finally:
                for f in fs:
                    f.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _thread._print_exception(exc, "Exception in initializer:\n")
            executor._initializer_failed()
            return
    while True:
        item = work_queue.get(block=True)
        if item is None:
            # Shutting down: wake the next idle worker too.
            work_queue.put(None)
            return
        item.run()
        del item
        executor._idle_semaphore.release()


_executor_numbers = [0]
_numbers_lock = threading.Lock()


def _next_executor_number():
    with _numbers_lock:
        n = _executor_numbers[0]
        _executor_numbers[0] = n + 1
        return n


class ThreadPoolExecutor(Executor):
    """Runs calls in a pool of at most max_workers threads, started as work arrives."""

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, _thread._cpu_count() + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = _queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % _next_executor_number()))
        self._initializer = initializer
        self._initargs = initargs
        threading._register_atexit(self._exit_at_shutdown)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker will take the new item: no need for another thread.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=name, target=_worker,
                                 args=(self, self._work_queue, self._initializer,
                                       self._initargs))
            t.start()
            self._threads.append(t)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            while True:
                try:
                    item = self._work_queue.get_nowait()
                except _queue.Empty:
                    break
                if item is not None:
                    item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except _queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()

    def _exit_at_shutdown(self):
        # Like CPython's atexit hook: let idle workers finish so the program can end.
        if not self._shutdown:
            self._shutdown = True
            self._work_queue.put(None)


class ProcessPoolExecutor(Executor):
    def __new__(cls, *args, **kwargs):
        # gilsim's executor lives in concurrent.futures.process (loaded on first use, so
        # importing concurrent.futures costs what it did).
        from concurrent.futures import process
        return object.__new__(process.ProcessPoolExecutor)
