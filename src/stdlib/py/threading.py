"""Thread objects and synchronization primitives (gilsim's own threading, built on _thread).

Names, reprs and error messages follow CPython's threading module. The blocking parts
(lock waits, join) are native and release the GIL while they wait.
"""

import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

Lock = _thread.allocate_lock
RLock = _thread.RLock
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
_allocate_lock = _thread.allocate_lock
_acquire_waiter = _thread._acquire_waiter

_trace_hook = None
_profile_hook = None


def settrace(func):
    global _trace_hook
    _trace_hook = func


def gettrace():
    return _trace_hook


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def getprofile():
    return _profile_hook


class Condition:
    """A lock plus a list of waiting threads, each parked on its own small lock."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []
        self._purpose = "notify() on a Condition"

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _is_owned(self):
        if type(self._lock) is RLock:
            return self._lock._is_owned()
        # A plain Lock does not know its owner: owned means "cannot take it now".
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        return self._wait(timeout, self._purpose)

    def _wait(self, timeout, purpose):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = _thread._release_save(self._lock)
        notified = False
        try:
            notified = _acquire_waiter(waiter, timeout, purpose)
            return notified
        finally:
            _thread._acquire_restore(self._lock, saved)
            if not notified:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        while self._waiters and n > 0:
            waiter = self._waiters.pop(0)
            try:
                waiter.release()
            except RuntimeError:
                # Its wait timed out meanwhile and it is taking itself off the list.
                pass
            else:
                n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements, waiting while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at 0x%x: value=%d>" % (cls.__module__, cls.__qualname__, id(self),
                                               self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        acquired = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond._wait(timeout, "release() on %s" % self._describe())
            else:
                self._value -= 1
                acquired = True
        return acquired

    def _describe(self):
        return "%s at 0x%x" % (self.__class__.__name__, id(self))

    def __enter__(self, blocking=True, timeout=None):
        return self.acquire(blocking, timeout)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return "<%s.%s at 0x%x: value=%d/%d>" % (cls.__module__, cls.__qualname__, id(self),
                                                  self._value, self._initial_value)

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at 0x%x: %s>" % (cls.__module__, cls.__qualname__, id(self), status)

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond._wait(timeout, "set() on Event at 0x%x" % id(self))
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Lets `parties` threads wait until all of them have arrived."""

    # _state: 0 filling, 1 draining, -1 resetting, -2 broken
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return "<%s.%s at 0x%x: broken>" % (cls.__module__, cls.__qualname__, id(self))
        return "<%s.%s at 0x%x: waiters=%d/%d>" % (cls.__module__, cls.__qualname__, id(self),
                                                    self.n_waiting, self.parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._wait_for_filling()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release_all()
                else:
                    self._wait_for_release(timeout)
                return index
            finally:
                self._count -= 1
                self._leave()

    def _wait_for_filling(self):
        while self._state in (-1, 1):
            self._cond._wait(None, "the previous round of Barrier at 0x%x" % id(self))
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release_all(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait_for_release(self, timeout):
        purpose = "%d more parties at Barrier at 0x%x" % (self._parties - self._count, id(self))
        endtime = None if timeout is None else _time() + timeout
        while self._state == 0:
            remaining = None if endtime is None else endtime - _time()
            if remaining is not None and remaining <= 0:
                self._break()
                raise BrokenBarrierError
            self._cond._wait(remaining, purpose)
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _leave(self):
        if self._count == 0 and self._state in (-1, 1):
            self._state = 0
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


class ExceptHookArgs:
    """The argument of threading.excepthook."""

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __repr__(self):
        return ("ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)"
                % (self.exc_type, self.exc_value, self.exc_traceback, self.thread))


def excepthook(args):
    """Prints an exception that escaped a thread's run(), as CPython does."""
    if args.exc_type is SystemExit:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    _thread._print_exception(args.exc_value, "Exception in thread %s:\n" % name)


__excepthook__ = excepthook


class Thread:
    """A thread of control: target(*args, **kwargs) or an overridden run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = "Thread-%d" % _thread._next_thread_number()
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped or (self._ident is not None and _thread._is_finished(self._ident)):
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set() or self._ident is not None:
            raise RuntimeError("threads can only be started once")
        self._ident = _thread._start_thread(self, self._bootstrap, self._name, self._daemonic)
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Do not keep the arguments alive: a thread can be referenced long after it ran.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._bootstrap_inner()

    def _bootstrap_inner(self):
        try:
            self._native_id = _thread.get_native_id()
            self._started.set()
            try:
                self.run()
            except BaseException as exc:
                self._invoke_excepthook(exc)
        finally:
            self._is_stopped = True

    def _invoke_excepthook(self, exc):
        try:
            excepthook(ExceptHookArgs(type(exc), exc, exc.__traceback__, self))
        except SystemExit:
            pass

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is not None and timeout < 0:
            timeout = 0
        _thread._join(self._ident, timeout)

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        if self._ident is not None:
            _thread._set_name(self._ident, self._name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if not self._started.is_set() or self._is_stopped:
            return False
        return not _thread._is_finished(self._ident)

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds unless cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started._flag = True
        self._ident = _thread._main_ident()
        self._native_id = _thread.get_native_id()
        _thread._bind_main(self)


class _DummyThread(Thread):
    """Stands for a thread started by _thread.start_new_thread."""

    def __init__(self):
        Thread.__init__(self, name="Dummy-%d" % _thread._next_thread_number(), daemon=True)
        self._started._flag = True
        self._ident = get_ident()
        self._native_id = get_native_id()
        _thread._bind_current(self, self._name)

    def is_alive(self):
        return not self._is_stopped

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the caller's thread."""
    t = _thread._current()
    if t is None:
        t = _DummyThread()
    return t


def currentThread():
    return current_thread()


def main_thread():
    return _main_thread


def enumerate():
    """Every thread still alive: the main thread, started threads, dummy threads."""
    return _thread._live_thread_objects()


def active_count():
    return len(enumerate())


def activeCount():
    return active_count()


class local:
    """Attributes that each thread sees separately; another thread's first use runs
    __init__ again with the original arguments, as CPython's local does."""

    def __new__(cls, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__dicts', {get_ident(): {}})
        object.__setattr__(self, '_local__args', (args, kw))
        return self

    def _local__dict(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        key = get_ident()
        d = dicts.get(key)
        if d is None:
            d = {}
            dicts[key] = d
            args, kw = object.__getattribute__(self, '_local__args')
            type(self).__init__(self, *args, **kw)
        return d

    def __getattr__(self, name):
        d = local._local__dict(self)
        try:
            return d[name]
        except KeyError:
            raise AttributeError("'%s' object has no attribute '%s'"
                                 % (type(self).__name__, name)) from None

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("'%s' object attribute '__dict__' is read-only"
                                 % type(self).__name__)
        local._local__dict(self)[name] = value

    def __delattr__(self, name):
        d = local._local__dict(self)
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name) from None


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Registers func(*arg, **kwargs) to run when the main program ends, before the
    interpreter waits for the non-daemon threads (concurrent.futures uses it)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append((func, arg, kwargs))


def _run_atexits():
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for func, arg, kwargs in reversed(_threading_atexits):
        func(*arg, **kwargs)


_main_thread = _MainThread()
