"""asyncio.events for gilsim: the event loop, its handles, and the running-loop registry.

The loop runs on the thread that started it, holding the GIL like any Python thread. Each
turn (`_run_once`, as in CPython's Lib/asyncio/base_events.py) moves due timers to the ready
queue and runs the callbacks that were ready when the turn began, in FIFO order. With
nothing ready it waits -- CPython blocks in selector.select(timeout); gilsim blocks on a
lock with a timeout, which releases the GIL exactly as select does, uses the virtual clock
in simulated runs (so `await asyncio.sleep(60)` takes no wall time) and is woken early by
call_soon_threadsafe (an executor thread finishing a job). A loop with nothing scheduled
and nothing to wait for blocks forever, which gilsim reports as a deadlock.
"""

import _thread
from heapq import heappush as _heappush, heappop as _heappop
from _gilsim import refcount as _refcount
from _gilsim import like_version as _like_version, user_site as _user_site
from _gilsim import explores as _explores, choose_order as _choose_order
from _gilsim import simulated as _simulated
from math import ceil as _ceil
import time as _time
from _collections import deque as _deque

# What traces and deadlock reports say the loop waits for (the selector wait).
_WAIT_FOR_TIMER = "the event loop's next timer (selector wait)"
_WAIT_FOR_THREADS = ("call_soon_threadsafe from another thread: the event loop has "
                     "nothing scheduled (selector wait)")
_acquire_waiter = _thread._acquire_waiter
# Exploring, timers due within this long after the first due one count as due together:
# CPython's selector waits in whole milliseconds (selectors.EpollSelector rounds the
# timeout up), so a real loop wakes to find all of them due in the same turn.
_TIE_WINDOW = 1e-3
# At most this many in-order timers move to the heap to make room for an earlier one.
_MAX_MOVED = 8

_running = {}            # thread id -> the loop running on it
_thread_loops = {}       # thread id -> the loop set by set_event_loop / get_event_loop


class Handle:
    """A callback with its arguments, as call_soon returns it."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return None

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._report(exc)

    def _report(self, exc):
        self._loop.call_exception_handler({
            'message': 'Exception in callback %s' % (_callback_name(self._callback),),
            'exception': exc,
            'handle': self,
        })

    def __repr__(self):
        state = ' cancelled' if self._cancelled else ''
        return '<%s%s %s>' % (type(self).__name__, state, _callback_name(self._callback))


def _callback_name(cb):
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None)
    return (name + '()') if name else repr(cb)


class TimerHandle(Handle):
    """A callback due at loop time `when` (call_later, call_at)."""

    def __init__(self, when, callback, args, loop):
        # Handle.__init__, inlined: a timer is made for every asyncio.sleep.
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        self._when = when

    def when(self):
        return self._when

    def cancel(self):
        # CPython's also counts cancelled timers for the loop (_timer_handle_cancelled) to
        # prune its heap; gilsim's loop drops cancelled timers as they fall due.
        self._cancelled = True


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = _deque()
        # Timers as (when, sequence, TimerHandle), earliest first by (when, sequence) as
        # in CPython's heap: most come in order (the same delay from a later now), and go to
        # a deque, O(1) both ways; the others to a heap. gilsim's heapq is Python, and
        # popping 10,000 timers from one heap cost 13 levels of sifting each.
        self._scheduled = []       # heap: timers due before the last one in _in_order
        self._in_order = _deque()  # timers in nondecreasing `when`
        self._sequence = 0
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._current_task = None
        self._tasks = {}           # id -> pending Task (all_tasks)
        self._unretrieved = []     # futures whose exception may never be looked at
        self._default_executor = None
        self._exception_handler = None
        self._debug = False
        # The selector stand-in: a lock held by the loop; call_soon_threadsafe releases it.
        self._wakeup = _thread.allocate_lock()
        self._wakeup.acquire()
        self._wakeup_guard = _thread.allocate_lock()
        self._signalled = False
        self._explores = _explores()
        # A real loop waits in whole milliseconds, rounded up, as CPython's epoll selector
        # does (selectors.EpollSelector.select): it wakes to find timers due a few
        # microseconds apart due together. A simulated one waits on the virtual clock.
        self._whole_ms = not _simulated()

    def __repr__(self):
        return '<_UnixSelectorEventLoop running=%s closed=%s debug=%s>' % (
            self.is_running(), self._closed, self._debug)

    # -- scheduling ------------------------------------------------------------------

    def time(self):
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        # call_at, inlined: every asyncio.sleep comes this way.
        if self._closed:
            raise RuntimeError('Event loop is closed')
        when = _time.monotonic() + delay
        timer = TimerHandle(when, callback, args, self)
        self._sequence += 1
        in_order = self._in_order
        if not in_order or when >= in_order[-1][0]:
            in_order.append((when, self._sequence, timer))
        else:
            self._add_out_of_order((when, self._sequence, timer))
        return timer

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = TimerHandle(when, callback, args, self)
        self._sequence += 1
        in_order = self._in_order
        if not in_order or when >= in_order[-1][0]:
            in_order.append((when, self._sequence, timer))
        else:
            self._add_out_of_order((when, self._sequence, timer))
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self)
        self._ready.append(handle)
        self._write_to_self()
        return handle

    def _write_to_self(self):
        with self._wakeup_guard:
            if not self._signalled:
                self._signalled = True
                self._wakeup.release()

    def _select(self, timeout):
        """Waits up to `timeout` seconds (None: for ever) with the GIL released."""
        if timeout == 0:
            if not self._signalled:
                return
            woken = self._wakeup.acquire(False)
        elif timeout is None:
            woken = _acquire_waiter(self._wakeup, None, _WAIT_FOR_THREADS)
        else:
            if self._whole_ms:
                timeout = _ceil(timeout * 1e3) * 1e-3
            woken = _acquire_waiter(self._wakeup, timeout, _WAIT_FOR_TIMER)
        if woken:
            with self._wakeup_guard:
                self._signalled = False

    def _add_out_of_order(self, entry):
        """A timer due before the last in-order one (a short sleep after a long one): the
        few in-order timers due after it move to the heap, so that the run of timers that
        follows it stays in the deque; if many would move, it goes to the heap instead."""
        in_order = self._in_order
        when = entry[0]
        if len(in_order) > _MAX_MOVED and in_order[-1 - _MAX_MOVED][0] > when:
            _heappush(self._scheduled, entry)
            return
        while in_order and in_order[-1][0] > when:
            _heappush(self._scheduled, in_order.pop())
        in_order.append(entry)

    def _first_timer(self):
        """The earliest timer's (when, sequence, TimerHandle), or None."""
        scheduled = self._scheduled
        in_order = self._in_order
        if in_order:
            if scheduled and scheduled[0] < in_order[0]:
                return scheduled[0]
            return in_order[0]
        return scheduled[0] if scheduled else None

    def _pop_timer(self, end_time):
        """The earliest timer if it is due before end_time (then removed), else None."""
        entry = self._first_timer()
        if entry is None or entry[0] >= end_time:
            return None
        if self._in_order and entry is self._in_order[0]:
            self._in_order.popleft()
        else:
            _heappop(self._scheduled)
        return entry

    def _run_once(self):
        scheduled = self._scheduled
        in_order = self._in_order
        ready = self._ready
        if ready or self._stopping:
            timeout = 0
        elif scheduled or in_order:
            timeout = self._first_timer()[0] - self.time()
            if timeout < 0:
                timeout = 0
        else:
            timeout = None
        if timeout != 0 or self._signalled:
            self._select(timeout)
        if scheduled or in_order:
            end_time = self.time() + 1e-09
            if self._explores and self._first_timer()[0] < end_time:
                self._due_together(end_time)
            # _pop_timer, inlined: the due timers in (when, sequence) order.
            while True:
                if in_order:
                    entry = in_order[0]
                    if scheduled and scheduled[0] < entry:
                        entry = scheduled[0]
                        if entry[0] >= end_time:
                            break
                        _heappop(scheduled)
                    else:
                        if entry[0] >= end_time:
                            break
                        in_order.popleft()
                elif scheduled:
                    entry = scheduled[0]
                    if entry[0] >= end_time:
                        break
                    _heappop(scheduled)
                else:
                    break
                timer = entry[2]
                if not timer._cancelled:
                    ready.append(timer)
        ntodo = len(ready)
        handle = None
        popleft = ready.popleft
        for _ in range(ntodo):
            handle = popleft()
            # Handle._run, inlined: this loop is the event loop's hot path. A Task stands
            # for its own next step (Task._step), which needs no Handle: nothing outside
            # asyncio sees it, so nothing can cancel it.
            try:
                if type(handle) is _Task:
                    handle._step()
                elif not handle._cancelled:
                    handle._callback(*handle._args)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                if type(handle) is _Task:
                    handle = Handle(handle._step, (), self)
                handle._report(exc)
        handle = None
        if self._unretrieved:
            self._collect_unretrieved()

    def _due_together(self, end_time):
        """Exploring: the timers due now and those due within _TIE_WINDOW of the first
        go to the ready queue in an order the explorer chooses (CPython's order, the heap's,
        is choice 0), so a program whose output depends on which of two equal sleeps ends
        first shows every outcome."""
        end_time = max(end_time, self._first_timer()[0] + _TIE_WINDOW)
        due = []
        while True:
            entry = self._pop_timer(end_time)
            if entry is None:
                break
            if not entry[2]._cancelled:
                due.append(entry[2])
        # Each place in turn takes one of the timers not yet placed: every order once.
        for i in range(len(due) - 1):
            k = _choose_order(len(due) - i)
            if k:
                due[i], due[i + k] = due[i + k], due[i]
        self._ready.extend(due)

    # -- running ---------------------------------------------------------------------

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _thread.get_ident() in _running:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def run_forever(self):
        self._check_closed()
        self._check_running()
        ident = _thread.get_ident()
        self._thread_id = ident
        _running[ident] = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            del _running[ident]

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        from asyncio.tasks import ensure_future
        new_task = not _is_future(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        self._in_order.clear()
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        self._report_leftovers()

    def _report_leftovers(self):
        """CPython reports these when the objects are collected (Future.__del__ and
        Task.__del__); gilsim has no finalizers, so what is still around when the loop
        closes is reported then."""
        for task in list(self._tasks.values()):
            self.call_exception_handler({
                'message': 'Task was destroyed but it is pending!',
                'task': task,
            })
        self._tasks.clear()
        unretrieved, self._unretrieved = self._unretrieved, []
        for future in unretrieved:
            if future._log_traceback:
                self._report_unretrieved(future)

    def _watch_unretrieved(self, future):
        self._unretrieved.append(future)

    def _collect_unretrieved(self):
        """Reports the failed futures whose exception nobody looked at and that nothing
        holds any more: the moment CPython's Future.__del__ would report them."""
        watched, self._unretrieved = self._unretrieved, []
        for future in watched:
            if not future._log_traceback:
                continue
            if _refcount(future) > 2:          # more than `watched` and `future` here
                self._unretrieved.append(future)
            else:
                self._report_unretrieved(future)

    def _report_unretrieved(self, future):
        future._log_traceback = False
        kind = 'Task' if hasattr(future, 'get_coro') else 'Future'
        self.call_exception_handler({
            'message': '%s exception was never retrieved' % kind,
            'exception': future._exception,
            'future': future,
        })

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self, timeout=None):
        executor = self._default_executor
        if executor is None:
            return
        self._default_executor = None
        await self.run_in_executor(None, executor.shutdown, True)

    # -- futures, tasks, threads -------------------------------------------------------

    def create_future(self):
        return _Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if _Task is None:
            import asyncio.tasks
        return _Task(coro, loop=self, name=name)

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                from concurrent.futures import ThreadPoolExecutor
                executor = ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        from asyncio.futures import wrap_future
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    # -- errors ----------------------------------------------------------------------

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        lines = [message]
        for key in ('future', 'task', 'handle'):
            if key in context:
                lines.append('%s: %r' % (key, context[key]))
        exc = context.get('exception')
        text = '\n'.join(lines) + '\n'
        if exc is None:
            import sys
            sys.stderr.write(text)
        else:
            _thread._print_exception(exc, text)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled


# asyncio.futures does not import this module at load time, asyncio.tasks does: Future is
# imported here; Task is set by asyncio.tasks when it loads (before any task exists).
from asyncio.futures import Future as _Future
_Task = None


def _is_future(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None


def _stop_loop(future):
    future.get_loop().stop()


class _UnixSelectorEventLoop(BaseEventLoop):
    pass


SelectorEventLoop = _UnixSelectorEventLoop


def new_event_loop():
    return _UnixSelectorEventLoop()


def _get_running_loop():
    return _running.get(_thread.get_ident())


def get_running_loop():
    loop = _running.get(_thread.get_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    """The running loop, else this thread's current loop. CPython's
    BaseDefaultEventLoopPolicy.get_event_loop makes the main thread one if none was ever
    set (warning "There is no current event loop" from 3.12 on) and refuses from 3.14 on;
    `--like` picks the version."""
    ident = _thread.get_ident()
    loop = _running.get(ident)
    if loop is not None:
        return loop
    loop = _thread_loops.get(ident)
    if (loop is None and ident not in _thread_loops and ident == _thread._main_ident()
            and _like_version() < (3, 14)):
        if _like_version() >= (3, 12):
            _warn_deprecation('There is no current event loop')
        loop = new_event_loop()
        _thread_loops[ident] = loop
    if loop is None:
        import threading
        raise RuntimeError("There is no current event loop in thread %r."
                           % threading.current_thread().name)
    return loop


def _warn_deprecation(message):
    """Prints a DeprecationWarning at the user's line that called into asyncio, as CPython
    shows one by default: only when that line is in __main__ (Lib/warnings.py's default
    filters). gilsim has no warnings module, so it cannot be filtered or made an error."""
    site = _user_site()
    if site is None:
        return
    filename, line, source = site
    import sys
    main = sys.modules.get('__main__')
    if getattr(main, '__file__', None) != filename:
        return
    text = '%s:%d: DeprecationWarning: %s\n' % (filename, line, message)
    if source:
        text += '  %s\n' % source
    sys.stdout.flush()
    sys.stderr.write(text)


def set_event_loop(loop):
    _thread_loops[_thread.get_ident()] = loop


class AbstractEventLoopPolicy:
    pass


class DefaultEventLoopPolicy(AbstractEventLoopPolicy):
    def get_event_loop(self):
        return get_event_loop()

    def set_event_loop(self, loop):
        set_event_loop(loop)

    def new_event_loop(self):
        return new_event_loop()


_policy = DefaultEventLoopPolicy()


def get_event_loop_policy():
    return _policy


def set_event_loop_policy(policy):
    global _policy
    _policy = policy if policy is not None else DefaultEventLoopPolicy()
