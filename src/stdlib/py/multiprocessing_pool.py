"""multiprocessing.pool as gilsim runs it: worker processes that take tasks from one
queue and put results on another, and a thread in the parent that hands each result to
the call waiting for it (CPython's Lib/multiprocessing/pool.py design: tasks in chunks,
results in order for map and imap, as done for imap_unordered)."""

import threading
import _thread
import _gilsim_process
import multiprocessing as _mp
from multiprocessing import TimeoutError

__all__ = ['Pool', 'ThreadPool']

RUN = 0
CLOSE = 1
TERMINATE = 2


class RemoteTraceback(Exception):
    """The cause attached to a worker's exception: its traceback in the worker."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class MaybeEncodingError(Exception):
    """A result the worker could not send back."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        Exception.__init__(self, self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(_starmap(args[0], args[1]))


def _starmap(func, chunk):
    for args in chunk:
        yield func(*args)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None):
    """A worker process: run tasks until the None sentinel (or maxtasks)."""
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, (e, _gilsim_process.format_exception(e)))
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            outqueue.put((job, i, (False, (wrapped, None))))
        completed += 1
    # Goodbye, with the pid: the pool's notice that this process ended follows.
    outqueue.put(('exit', _gilsim_process.getpid(), None))


def _remote_error(exc, tb):
    if tb is not None:
        exc.__cause__ = RemoteTraceback('\n"""\n%s"""' % tb)
    return exc


class ApplyResult:
    """What apply_async returns: get(timeout), wait, ready, successful."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = pool._next_job()
        self._callback = callback
        self._error_callback = error_callback
        pool._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if not self._success:
            self._value = _remote_error(*self._value)
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._pool._cache[self._job]
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """map_async's result: one list, filled chunk by chunk, in order."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del pool._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._pool._cache[self._job]
                self._event.set()
                self._pool = None
        elif self._success:
            # The first failure decides the result at once (CPython's MapResult._set).
            self._success = False
            self._value = _remote_error(*result)
            if self._error_callback:
                self._error_callback(self._value)
            del self._pool._cache[self._job]
            self._event.set()
            self._pool = None


class IMapIterator:
    """imap's iterator: results in task order (imap_unordered: as they arrive)."""

    def __init__(self, pool, ordered):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = pool._next_job()
        self._items = []
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._ordered = ordered
        pool._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            while not self._items:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                if not self._items and self._index != self._length:
                    if timeout is not None:
                        raise TimeoutError from None
            success, value = self._items.pop(0)
        if success:
            return value
        raise _remote_error(*value)

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if not self._ordered:
                self._items.append(obj)
                self._index += 1
            elif self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
            else:
                self._unsorted[i] = obj
            self._cond.notify()
            if self._index == self._length:
                del self._pool._cache[self._job]

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._pool._cache[self._job]


class _ChunkedIMapIterator(IMapIterator):
    """imap with chunksize > 1: each result is a chunk, flattened on the way out."""

    def next(self, timeout=None):
        while True:
            if self._pending:
                return self._pending.pop(0)
            self._pending = IMapIterator.next(self, timeout)

    __next__ = next


class Pool:
    """A pool of worker processes."""

    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._ctx = context or _mp.get_context()
        if processes is None:
            processes = _mp.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._inqueue = _mp.SimpleQueue()
        self._outqueue = _mp.SimpleQueue()
        self._cache = {}
        self._job_counter = 0
        self._pool = []
        self._state = RUN
        self._live_workers = 0
        self._retired = set()
        for _ in range(processes):
            self._start_worker()
        self._result_handler = threading.Thread(target=self._handle_results, daemon=True)
        self._result_handler.start()

    def _start_worker(self):
        w = self._ctx.Process(target=worker, args=(
            self._inqueue, self._outqueue, self._initializer, self._initargs,
            self._maxtasksperchild))
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        # (tag, pid, exitcode) on the result queue when the worker ends, however it ends:
        # what CPython's pool learns from each worker's sentinel.
        w._exit_notice = (self._outqueue._id, 'ended')
        w.start()
        self._pool.append(w)
        self._live_workers += 1

    def _next_job(self):
        self._job_counter += 1
        return self._job_counter

    def _handle_results(self):
        """The parent's result thread: hands each result to its waiting call; replaces a
        worker that retired after maxtasksperchild tasks, or died (os._exit, killed) —
        CPython's _maintain_pool; the task a dead worker held never completes."""
        while True:
            job, i, obj = self._outqueue.get()
            if job == 'stop':
                return
            if job == 'exit' or job == 'ended':
                if job == 'exit':
                    self._retired.add(i)
                elif i in self._retired:
                    self._retired.remove(i)
                    continue
                elif self._state != TERMINATE and self._worker_died(i):
                    return
                self._live_workers -= 1
                if self._state == RUN:
                    self._start_worker()
                elif self._live_workers == 0 and not self._cache:
                    return
                continue
            result = self._cache.get(job)
            if result is not None:
                result._set(i, obj)

    def _worker_died(self, pid):
        """A worker ended without its goodbye: True ends the result thread."""
        return False

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, job, i, func, args, kwds):
        _gilsim_process.dumps_check(func)
        self._inqueue.put((job, i, func, args, kwds))

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        try:
            self._submit(result._job, 0, func, args, kwds)
        except Exception as e:
            result._set(0, (False, (e, None)))
        return result

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(items) == 0:
            chunksize = 0
        chunks = [tuple(items[k:k + chunksize]) for k in range(0, len(items), chunksize)] \
            if chunksize else []
        return items, chunksize, chunks

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        items, chunksize, chunks = self._chunks(iterable, chunksize)
        result = MapResult(self, chunksize, len(items), callback, error_callback)
        for i, chunk in enumerate(chunks):
            try:
                self._submit(result._job, i, mapper, ((func, chunk),), {})
            except Exception as e:
                if i == 0:
                    del self._cache[result._job]
                    raise
                result._set(i, (False, (e, None)))
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback,
                               error_callback)

    def _imap(self, func, iterable, chunksize, ordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        items = list(iterable)
        if chunksize == 1:
            result = IMapIterator(self, ordered)
            for i, x in enumerate(items):
                self._submit(result._job, i, func, (x,), {})
            result._set_length(len(items))
            return result
        result = _ChunkedIMapIterator(self, ordered)
        result._pending = []
        chunks = [tuple(items[k:k + chunksize]) for k in range(0, len(items), chunksize)]
        for i, chunk in enumerate(chunks):
            self._submit(result._job, i, mapstar, ((func, chunk),), {})
        result._set_length(len(chunks))
        return result

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def close(self):
        """No more tasks: each worker ends after the tasks already queued."""
        if self._state == RUN:
            self._state = CLOSE
            for _ in range(self._live_workers):
                self._inqueue.put(None)

    def terminate(self):
        """Stops the workers at once (each ends as SIGTERM ends it); results not yet in
        never arrive."""
        if self._state == TERMINATE:
            return
        # As CPython's _terminate_pool: tasks not started are dropped and every worker is
        # told there is no more work, so idle workers end by themselves (exit code 0);
        # those still busy a moment later are terminated (-15).
        while _gilsim_process.queue_count(self._inqueue._id) > 0:
            _gilsim_process.queue_get(self._inqueue._id)
        was_running = self._state == RUN
        self._state = TERMINATE
        if was_running:
            for _ in range(self._live_workers):
                self._inqueue.put(None)
        for w in self._pool:
            w.join(0.1)
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        self._outqueue.put(('stop', None, None))
        self._result_handler.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        for w in self._pool:
            w.join()
        self._result_handler.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __repr__(self):
        state = {RUN: 'RUN', CLOSE: 'CLOSE', TERMINATE: 'TERMINATE'}[self._state]
        return '<%s.%s state=%s pool_size=%d>' % (
            'multiprocessing.pool', type(self).__name__, state, len(self._pool))


for _cls in (Pool, ApplyResult, MapResult, IMapIterator, RemoteTraceback,
             MaybeEncodingError):
    _cls.__module__ = 'multiprocessing.pool'


def ThreadPool(processes=None, initializer=None, initargs=()):
    raise NotImplementedError("multiprocessing.pool.ThreadPool is not supported by gilsim")
