"""asyncio.futures and asyncio.exceptions for gilsim: Future, the exception classes.

A Future is a result that is not there yet. A Task awaiting one yields the Future itself up
to Task._step (the `_asyncio_future_blocking` handshake of CPython's Lib/asyncio/futures.py),
which asks to be woken by a done callback; callbacks always run later, from the loop
(call_soon), never inside set_result.
"""

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class CancelledError(BaseException):
    """The Future or Task was cancelled (a BaseException since Python 3.8)."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class IncompleteReadError(EOFError):
    pass


class LimitOverrunError(Exception):
    pass


class SendfileNotAvailableError(RuntimeError):
    pass


TimeoutError = TimeoutError


def _format_callbacks(callbacks):
    names = []
    for cb in callbacks:
        name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None) or repr(cb)
        names.append(name + '()')
    if len(names) > 2:
        names = [names[0], '<%d more>' % (len(names) - 2), names[-1]]
    return 'cb=[' + ', '.join(names) + ']'


class Future:
    """CPython's Future is the C one (`_asyncio.Future`): the messages are its messages."""
    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    # True while an exception is set that nobody has looked at (result()/exception()):
    # reported as "... exception was never retrieved" when the loop closes.
    _log_traceback = False

    def __init__(self, *, loop=None):
        if loop is None:
            from asyncio.events import get_event_loop
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = []

    def get_loop(self):
        return self._loop

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append('exception=%r' % (self._exception,))
            else:
                info.append('result=%r' % (self._result,))
        if self._callbacks:
            info.append(_format_callbacks(self._callbacks))
        return info

    def __repr__(self):
        return '<%s %s>' % (type(self).__name__, ' '.join(self._repr_info()))

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        # loop.call_soon, inlined: every finished task and timer comes this way.
        loop = self._loop
        if loop._closed:
            raise RuntimeError('Event loop is closed')
        append = loop._ready.append
        args = (self,)
        for callback in callbacks:
            append(_Handle(callback, args, loop))

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True
        self._loop._watch_unretrieved(self)

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


# After Future: asyncio.events imports Future from here when it loads.
from asyncio.events import Handle as _Handle


def isfuture(obj):
    return getattr(type(obj), '_asyncio_future_blocking', None) is not None


def _copy_state(target, source):
    """Makes asyncio future `target` end as concurrent.futures future `source` did."""
    if target.cancelled():
        return
    if source.cancelled():
        target.cancel()
        return
    exc = source.exception()
    if exc is not None:
        target.set_exception(exc)
    else:
        target.set_result(source.result())


def wrap_future(future, *, loop=None):
    """An asyncio Future that completes, on `loop`, when the concurrent one does."""
    if isfuture(future):
        return future
    if loop is None:
        from asyncio.events import get_event_loop
        loop = get_event_loop()
    new = loop.create_future()

    def _done(source):
        loop.call_soon_threadsafe(_copy_state, new, source)

    future.add_done_callback(_done)
    return new
