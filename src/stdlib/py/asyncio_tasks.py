"""asyncio.tasks for gilsim: Task, sleep, gather, wait, wait_for, as_completed, shield.

A Task drives one coroutine: each `_step` sends into it (or throws into it) until it
yields a Future to wait for -- then the Future's done callback schedules the next step --
or yields None (`await asyncio.sleep(0)`), which schedules the next step at once. Steps
always run from the loop: a new task's first step is queued by its constructor, so it does
not start until its creator yields (CPython's Lib/asyncio/tasks.py, `Task.__step`).
"""

import sys as _sys
from asyncio.events import get_running_loop, get_event_loop, Handle as _Handle
from _gilsim import like_version as _like_version
from _gilsim import observed as _observed, trace_task as _trace_task
from asyncio.futures import (Future, CancelledError, InvalidStateError, isfuture,
                             _PENDING, _CANCELLED, _FINISHED)

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_task_counter = 0


async def _probe():
    pass


_probe_coro = _probe()
_CoroutineType = type(_probe_coro)
_probe_coro.close()
del _probe_coro


def iscoroutine(obj):
    """A coroutine object (or a collections.abc.Coroutine); up to 3.11 a generator too,
    as asyncio still ran generator-based coroutines (Lib/asyncio/coroutines.py)."""
    kind = type(obj)
    if kind is _CoroutineType:
        return True
    known = _iscoroutine_typecache.get(kind)
    if known is not None:
        return known
    import types
    import collections.abc
    answer = (isinstance(obj, collections.abc.Coroutine) or
              isinstance(obj, types.GeneratorType) and _like_version() < (3, 12))
    if len(_iscoroutine_typecache) < 100:
        _iscoroutine_typecache[kind] = answer
    return answer


# type -> answer (CPython caches the positive ones; gilsim the negative ones too, as
# gather and ensure_future ask about every Task and Future they are given).
_iscoroutine_typecache = {}


# The marker of asyncio's own (3.11) generator-based coroutine functions.
_is_coroutine = object()


def iscoroutinefunction(func):
    """An `async def` function (inspect.iscoroutinefunction), or one marked as asyncio
    marks its coroutine functions."""
    import inspect
    return (inspect.iscoroutinefunction(func) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or type(coro).__name__
    code = getattr(coro, 'cr_code', None)
    if code is None:
        return name + '()'
    if coro.cr_frame is not None:
        return '%s() running at %s:%d' % (name, code.co_filename, coro._gilsim_lineno)
    return '%s() done, defined at %s:%d' % (name, code.co_filename, code.co_firstlineno)


# Whether the run is observed (--trace, --timeline): tasks then report each step
# (_gilsim.trace_task words it).
_TRACING = _observed()


class Task(Future):
    _fut_waiter = None
    _must_cancel = False

    def __init__(self, coro, *, loop=None, name=None, context=None):
        # Future.__init__ and loop.call_soon, inlined: gather makes a task per coroutine.
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = []
        if type(coro) is not _CoroutineType and not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError('a coroutine was expected, got %r' % (coro,))
        global _task_counter
        if name is None:
            _task_counter += 1
            self._name = 'Task-%d' % _task_counter
        else:
            self._name = str(name)
        self._coro = coro
        self._num_cancels_requested = 0
        loop._tasks[id(self)] = self
        if loop._closed:
            raise RuntimeError('Event loop is closed')
        # The first step: the loop runs a Task in its ready queue as Task._step.
        loop._ready.append(self if type(self) is Task else _Handle(self._step, (), loop))

    def _repr_info(self):
        info = Future._repr_info(self)
        if self._num_cancels_requested and not self.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % (self._name,))
        info.insert(2, 'coro=<%s>' % (_format_coroutine(self._coro),))
        if self._fut_waiter is not None:
            info.insert(3, 'wait_for=%r' % (self._fut_waiter,))
        return info

    def get_coro(self):
        return self._coro

    def get_context(self):
        return None

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _finish(self):
        self._loop._tasks.pop(id(self), None)

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise InvalidStateError('_step(): already done: %r, %r' % (self, exc))
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        previous = loop._current_task
        loop._current_task = self
        if _TRACING:
            _trace_task('resumes', self, None)
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as stop:
            if _TRACING:
                _trace_task('finishes', self, None)
            self._finish()
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as cancelled:
            if _TRACING:
                _trace_task('is cancelled', self, None)
            self._finish()
            self._cancelled_exc = cancelled
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as fatal:
            self._finish()
            Future.set_exception(self, fatal)
            raise
        except BaseException as error:
            if _TRACING:
                _trace_task('raises', self, error)
            self._finish()
            Future.set_exception(self, error)
        else:
            if result is None:
                # sleep(0): the next step, as in __init__
                loop._ready.append(self if type(self) is Task else _Handle(self._step, (), loop))
            elif (type(result) in _PLAIN_FUTURES and result._asyncio_future_blocking
                  and result._loop is loop and result._state == _PENDING
                  and result is not self):
                # _wait_on's common case, inlined: a pending Future or Task of this loop,
                # of exactly those classes, so add_done_callback is the one inlined here.
                result._asyncio_future_blocking = False
                result._callbacks.append(self.task_wakeup)
                self._fut_waiter = result
                if self._must_cancel:
                    if result.cancel(msg=self._cancel_message):
                        self._must_cancel = False
            else:
                self._wait_on(result)
            if _TRACING:
                _trace_task('waits', self, result)
        finally:
            loop._current_task = previous

    def _wait_on(self, result):
        """What the coroutine yielded: a Future to wait for, or something wrong."""
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if result._loop is not self._loop:
                error = RuntimeError('Task %r got Future %r attached to a different loop'
                                     % (self, result))
                self._loop.call_soon(self._step, error)
            elif blocking:
                if result is self:
                    error = RuntimeError('Task cannot await on itself: %r' % (self,))
                    self._loop.call_soon(self._step, error)
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self.task_wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            else:
                error = RuntimeError('yield was used instead of yield from in task %r with %r'
                                     % (self, result))
                self._loop.call_soon(self._step, error)
        elif result is None:
            self._loop.call_soon(self._step)
        else:
            error = RuntimeError('Task got bad yield: %r' % (result,))
            self._loop.call_soon(self._step, error)

    def task_wakeup(self, future):
        if future._state == _FINISHED and future._exception is None:
            self._step()        # future.result() would return: the common case, inlined
            return
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(type(coro_or_future), '__await__'):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _wrap_awaitable(awaitable):
    return await awaitable


def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    return loop.create_task(coro, name=name)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in list(loop._tasks.values()) if not t.done()}


class _Sleep0:
    """`await asyncio.sleep(0)`: one bare yield, so the task steps again next turn."""

    def __await__(self):
        yield


_sleep0 = _Sleep0()


def _set_result_unless_cancelled(fut, result):
    if fut._state != _CANCELLED:
        fut.set_result(result)


async def sleep(delay, result=None):
    if delay <= 0:
        await _sleep0
        return result
    loop = get_running_loop()
    future = Future(loop=loop)
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle._cancelled = True    # TimerHandle.cancel, inlined


class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled = True
        if cancelled:
            self._cancel_requested = True
        return cancelled


# The event loop runs a Task found in its ready queue as the task's next step.
_sys.modules['asyncio.events']._Task = Task

# The classes whose add_done_callback Task._step may inline (no user subclasses).
_PLAIN_FUTURES = {Future, Task, _GatheringFuture}


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    children = []
    seen = {}
    loop = None
    state = [0, 0]   # futures, finished
    outer = None

    def _done_callback(fut):
        state[1] += 1
        if outer is None or outer._state != _PENDING:
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if type(fut) in _PLAIN_FUTURES and fut._state == _FINISHED:
                fut._log_traceback = False          # fut.exception(), inlined
                exc = fut._exception
            elif fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            else:
                exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state[1] == state[0]:
            results = []
            for child in children:
                if type(child) in _PLAIN_FUTURES and child._state == _FINISHED:
                    # exception() and result() of a finished Future, inlined
                    child._log_traceback = False
                    res = child._exception
                    if res is None:
                        res = child._result
                elif child.cancelled():
                    message = child._cancel_message
                    res = CancelledError('' if message is None else message)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        key = id(arg)
        if key in seen:
            fut = seen[key]
        else:
            if loop is not None and type(arg) is _CoroutineType:
                fut = loop.create_task(arg)         # ensure_future, inlined
            else:
                fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            state[0] += 1
            seen[key] = fut
            if type(fut) in _PLAIN_FUTURES and fut._state == _PENDING:
                fut._callbacks.append(_done_callback)   # add_done_callback, inlined
            else:
                fut.add_done_callback(_done_callback)
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()

    def _on_done(f):
        _release_waiter(waiter)

    fut.add_done_callback(_on_done)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(_on_done)


async def wait_for(fut, timeout):
    """3.9-3.11's wait_for: on timeout the inner awaitable is cancelled and awaited; if
    it swallows the cancellation and returns, its value is returned."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def _on_done(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(_on_done)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(_on_done)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(_on_done)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError('expect a list of futures, not %s' % (type(fs).__name__,))
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError('Invalid return_when value: %s' % (return_when,))
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED
                or (return_when == FIRST_EXCEPTION and not f.cancelled()
                    and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError('expect an iterable of futures, not %s' % (type(fs).__name__,))
    from asyncio.queues import Queue
    done = Queue()
    loop = get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in fs]
    pending = set(todo)
    timeout_handle = [None]

    def _on_timeout():
        for f in pending:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        pending.clear()

    def _on_completion(f):
        if not pending:
            return
        pending.discard(f)
        done.put_nowait(f)
        if not pending and timeout_handle[0] is not None:
            timeout_handle[0].cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle[0] = loop.call_later(timeout, _on_timeout)
    return iter([_wait_for_one() for _ in range(len(pending))])


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    from concurrent.futures import Future as ConcurrentFuture
    future = ConcurrentFuture()

    def callback():
        task = ensure_future(coro, loop=loop)

        def _copy(t):
            if t.cancelled():
                future.cancel()
            elif t.exception() is not None:
                future.set_exception(t.exception())
            else:
                future.set_result(t.result())

        task.add_done_callback(_copy)

    loop.call_soon_threadsafe(callback)
    return future


async def to_thread(func, *args, **kwargs):
    loop = get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))
