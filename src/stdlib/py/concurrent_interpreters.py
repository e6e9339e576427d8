"""concurrent.interpreters: Python 3.14's subinterpreters (PEP 734), gilsim's own.

Interpreters, each with its own GIL, `__main__` and modules; `exec` runs source there,
`call` runs a function there and brings its result back; queues carry shareable data
between them. Built on `_interpreters` and `_interpqueues`. Where CPython's `Queue.get`
and `Queue.put` poll every 10 ms, gilsim's block until the queue changes (simulated runs
stay exact, and a queue nobody fills is reported as a deadlock).
"""

import threading
import queue as _queue
import _interpreters
import _interpqueues

from _interpreters import (
    InterpreterError,
    InterpreterNotFoundError,
    NotShareableError,
    is_shareable,
)
from _interpqueues import QueueError, QueueNotFoundError

__all__ = [
    'get_current', 'get_main', 'create', 'list_all', 'is_shareable',
    'Interpreter',
    'InterpreterError', 'InterpreterNotFoundError', 'ExecutionFailed',
    'NotShareableError',
    'create_queue', 'Queue', 'QueueEmpty', 'QueueFull',
]


class ExecutionFailed(InterpreterError):
    """An unhandled exception happened during execution.

    This is raised from Interpreter.exec() and Interpreter.call().
    """

    def __init__(self, excinfo):
        message = excinfo.formatted
        if not message:
            message = f'{excinfo.type.__name__}: {excinfo.msg}'
        super().__init__(message)
        self.excinfo = excinfo

    def __str__(self):
        # The summary, then the traceback as the other interpreter would have printed it.
        summary = super().__str__()
        return f'{summary}\n\nUncaught in the interpreter:\n\n{self.excinfo.errdisplay}'


def create():
    """Return a new (idle) Python interpreter."""
    id = _interpreters.create(reqrefs=True)
    return Interpreter(id, _whence=_interpreters.WHENCE_STDLIB)


def list_all():
    """Return all existing interpreters."""
    return [Interpreter(id, _whence=whence)
            for id, whence in _interpreters.list_all(require_ready=True)]


def get_current():
    """Return the currently running interpreter."""
    id, whence = _interpreters.get_current()
    return Interpreter(id, _whence=whence)


def get_main():
    """Return the main interpreter."""
    id, whence = _interpreters.get_main()
    return Interpreter(id, _whence=whence)


_interpreter_objects = {}

_WHENCE_NAMES = {
    _interpreters.WHENCE_UNKNOWN: 'unknown',
    _interpreters.WHENCE_RUNTIME: 'runtime init',
    _interpreters.WHENCE_LEGACY_CAPI: 'legacy C-API',
    _interpreters.WHENCE_CAPI: 'C-API',
    _interpreters.WHENCE_XI: 'cross-interpreter C-API',
    _interpreters.WHENCE_STDLIB: '_interpreters module',
}


class _OnePerId:
    """An object named by a run-wide id, one per id in each interpreter (CPython keeps
    them in a weak dict)."""

    @classmethod
    def _known(cls, registry, id):
        if not isinstance(id, int):
            raise TypeError(f'id must be an int, got {id!r}')
        return registry.get(id)

    def _register(self, registry, id):
        self._id = id
        registry[id] = self

    def __repr__(self):
        return f'{type(self).__name__}({self._id})'

    def __hash__(self):
        return hash(self._id)

    @property
    def id(self):
        return self._id


class Interpreter(_OnePerId):
    """A single Python interpreter.

    Attributes:

    "id" - the unique process-global ID number for the interpreter
    "whence" - indicates where the interpreter was created

    If the interpreter wasn't created by this module
    then any method that modifies the interpreter will fail,
    i.e. .close(), .prepare_main(), .exec(), and .call()
    """

    def __new__(cls, id, /, _whence=None):
        known = cls._known(_interpreter_objects, id)
        if known is not None:
            return known
        self = super().__new__(cls)
        self._whence = _interpreters.whence(id) if _whence is None else _whence
        self._register(_interpreter_objects, id)
        return self


    @property
    def whence(self):
        return _WHENCE_NAMES[self._whence]

    def is_running(self):
        """Return whether or not the identified interpreter is running."""
        return _interpreters.is_running(self._id)

    def close(self):
        """Finalize and destroy the interpreter.

        Attempting to destroy the current interpreter results
        in an InterpreterError.
        """
        _interpreter_objects.pop(self._id, None)
        return _interpreters.destroy(self._id, restrict=True)

    def prepare_main(self, ns=None, /, **kwargs):
        """Bind the given values into the interpreter's __main__.

        The values must be shareable.
        """
        ns = dict(ns, **kwargs) if ns is not None else kwargs
        _interpreters._prepare_main(self._id, ns)

    def exec(self, code, /):
        """Run the given source code in the interpreter.

        This is essentially the same as calling the builtin "exec"
        with this interpreter, using the __dict__ of its __main__
        module as both globals and locals.

        There is no return value.

        If the code raises an unhandled exception then an ExecutionFailed
        exception is raised, which summarizes the unhandled exception.
        The actual exception is discarded because objects cannot be
        shared between interpreters.

        This blocks the current Python thread until done.  During
        that time, the previous interpreter is allowed to run
        in other threads.
        """
        excinfo = _interpreters.exec(self._id, code, restrict=True)
        if excinfo is not None:
            raise ExecutionFailed(excinfo)

    def _call(self, callable, args, kwargs):
        result, excinfo, _ = _interpreters._call_with_result(self._id, callable, args, kwargs)
        if excinfo is not None:
            raise ExecutionFailed(excinfo)
        return result

    def call(self, callable, /, *args, **kwargs):
        """Call the object in the interpreter with given args/kwargs.

        Nearly all callables, args, kwargs, and return values are
        supported.  All "shareable" objects are supported, as are
        "stateless" functions (meaning non-closures that do not use
        any globals).  This method will fall back to pickle.

        If the callable raises an exception then the error display
        (including full traceback) is sent back between the interpreters
        and an ExecutionFailed exception is raised, much like what
        happens with Interpreter.exec().
        """
        return self._call(callable, args, kwargs)

    def call_in_thread(self, callable, /, *args, **kwargs):
        """Return a new thread that calls the object in the interpreter.

        The return value and any raised exception are discarded.
        """
        t = threading.Thread(target=self._call, args=(callable, args, kwargs))
        t.start()
        return t


# --- queues -------------------------------------------------------------------------

# CPython defines the queue classes in a submodule; their names show it.
_QUEUES_MODULE = 'concurrent.interpreters._queues'


class ItemInterpreterDestroyed(QueueError):
    """Raised from get() and get_nowait()."""

    __module__ = _QUEUES_MODULE


class QueueEmpty(QueueError, _queue.Empty):
    """Raised from get_nowait() when the queue is empty.

    It is also raised from get() if it times out.
    """

    __module__ = _QUEUES_MODULE


class QueueFull(QueueError, _queue.Full):
    """Raised from put_nowait() when the queue is full.

    It is also raised from put() if it times out.
    """

    __module__ = _QUEUES_MODULE


class _UnboundQueueItem:
    """Represents a queue item no longer bound to an interpreter.

    An item is unbound when the interpreter that added it to the
    queue is destroyed.
    """

    def __repr__(self):
        return f'{_QUEUES_MODULE}.UNBOUND'


# What get() returns for an item whose interpreter is gone (and the constants put() and
# create_queue() take to choose that): the flags are _interpqueues' unboundop values.
UNBOUND = _UnboundQueueItem()
UNBOUND_ERROR = object()
UNBOUND_REMOVE = object()
_UNBOUND_FLAGS = {id(UNBOUND_REMOVE): 1, id(UNBOUND_ERROR): 2, id(UNBOUND): 3}


def _unbound_flag(unbounditems):
    flag = _UNBOUND_FLAGS.get(id(unbounditems))
    if flag is None:
        raise NotImplementedError(f'unsupported unbound replacement op {unbounditems!r}')
    return flag


def _resolve_unbound(flag):
    if flag == 2:
        raise ItemInterpreterDestroyed("item's original interpreter destroyed")
    return UNBOUND


def create_queue(maxsize=0, *, unbounditems=UNBOUND):
    """Return a new cross-interpreter queue.

    The queue may be used to pass data safely between interpreters.

    "unbounditems" sets the default for Queue.put(); see that method for
    supported values.  The default value is UNBOUND, which replaces
    the unbound item.
    """
    flag = _unbound_flag(unbounditems)
    queue = Queue(_interpqueues.create(maxsize, 0, flag))
    queue._default_unbound = flag
    return queue


_queue_objects = {}


def _whole_seconds(timeout):
    # CPython 3.14.0 truncates the timeout to whole seconds (`int(timeout)` in
    # Lib/concurrent/interpreters/_queues.py), so get(timeout=0.5) gives up at once.
    if timeout is None:
        return None
    timeout = int(timeout)
    if timeout < 0:
        raise ValueError('timeout value must be non-negative')
    return timeout


class Queue(_OnePerId):
    """A cross-interpreter queue."""

    __module__ = _QUEUES_MODULE

    # Marks the class for gilsim's runtime: a Queue crosses interpreters as its id and
    # arrives as the receiving interpreter's own Queue object.
    _gilsim_cross_interpreter_queue = True

    def __new__(cls, id, /):
        known = cls._known(_queue_objects, id)
        if known is not None:
            return known
        self = super().__new__(cls)
        self._register(_queue_objects, id)
        _interpqueues.bind(id)
        return self


    @property
    def unbounditems(self):
        _, flag = _interpqueues.get_queue_defaults(self._id)
        return {1: UNBOUND_REMOVE, 2: UNBOUND_ERROR, 3: UNBOUND}[flag]

    @property
    def maxsize(self):
        return _interpqueues.get_maxsize(self._id)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        maxsize = self.maxsize
        return maxsize > 0 and self.qsize() >= maxsize

    def qsize(self):
        return _interpqueues.get_count(self._id)

    def put(self, obj, block=True, timeout=None, *, unbounditems=None):
        """Add the object to the queue.

        If "block" is true, this blocks while the queue is full.

        "unbounditems" controls what Queue.get() gives for the object if
        the interpreter calling put() is later destroyed: UNBOUND (the
        usual default, set with create_queue()) is returned in its place,
        UNBOUND_ERROR makes get() raise ItemInterpreterDestroyed, and
        UNBOUND_REMOVE removes it from the queue.
        """
        if not block:
            return self.put_nowait(obj, unbounditems=unbounditems)
        timeout = _whole_seconds(timeout)
        while True:
            try:
                return self.put_nowait(obj, unbounditems=unbounditems)
            except QueueFull:
                if not _interpqueues._wait_for_room(self._id, timeout):
                    raise

    def put_nowait(self, obj, *, unbounditems=None):
        if unbounditems is None:
            _, flag = _interpqueues.get_queue_defaults(self._id)
        else:
            flag = _unbound_flag(unbounditems)
        _interpqueues._put_data(self._id, obj, flag)

    def get(self, block=True, timeout=None):
        """Return the next object from the queue.

        If "block" is true, this blocks while the queue is empty.

        If the next item's original interpreter has been destroyed
        then the "next object" is determined by the value of the
        "unbounditems" argument to put().
        """
        if not block:
            return self.get_nowait()
        timeout = _whole_seconds(timeout)
        while True:
            try:
                return self.get_nowait()
            except QueueEmpty:
                if not _interpqueues._wait_for_item(self._id, timeout):
                    raise

    def get_nowait(self):
        """Return the next object from the queue.

        If the queue is empty then raise QueueEmpty.  Otherwise this
        is the same as get().
        """
        obj, _, unbound = _interpqueues.get(self._id)
        if unbound is not None:
            return _resolve_unbound(unbound)
        return obj


_interpqueues._register_heap_types(Queue, QueueEmpty, QueueFull)
