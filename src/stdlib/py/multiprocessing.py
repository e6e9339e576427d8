"""multiprocessing as gilsim runs it: every process is an interpreter of the run with its
own heap and its own GIL (see _gilsim_process), started by fork (a copy of the parent's
heap) or spawn/forkserver (the main script run again as __mp_main__). Arguments, results
and queue items cross by pickle's rules. Names CPython has that gilsim does not model yet
are refused by name."""

import sys
import _thread
import threading
import _gilsim_process
import _gilsim_stub
from queue import Empty, Full

__all__ = [
    'Process', 'current_process', 'active_children', 'parent_process', 'cpu_count',
    'Queue', 'SimpleQueue', 'Lock', 'RLock', 'Value', 'Array', 'Pool',
    'get_start_method', 'set_start_method', 'get_context', 'get_all_start_methods',
    'ProcessError', 'TimeoutError', 'AuthenticationError', 'BufferTooShort',
]


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


for _cls in (ProcessError, BufferTooShort, TimeoutError, AuthenticationError):
    _cls.__module__ = 'multiprocessing.context'

_BOOTSTRAP_ERROR = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''


def _default_start_method():
    # Linux's default is fork up to 3.13 and forkserver from 3.14 (--like decides).
    return _gilsim_process.default_start_method()


_start_method = None


def get_all_start_methods():
    default = get_start_method()
    return [default] + [m for m in ('fork', 'spawn', 'forkserver') if m != default]


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None:
        if allow_none:
            return None
        _start_method = _default_start_method()
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % (method,))
    _start_method = method


def cpu_count():
    """The number of CPUs: the machine's, or the virtual cores of a simulated run."""
    return _thread._cpu_count()


# --- processes ---------------------------------------------------------------------------

class _Counter:
    """itertools.count(1) as a plain object (a fork copies it with the heap)."""

    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        return self.n


_process_counter = _Counter()
_children = []
# How a repr names an exit code that a signal caused.
_SIGNAL_NAMES = {-15: '-SIGTERM', -9: '-SIGKILL', -2: '-SIGINT'}


class BaseProcess:
    """A process: target(*args, **kwargs), or an overridden run(), in a child process."""

    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *,
                 daemon=None):
        assert group is None, 'group argument must be None for now'
        count = _process_counter.next()
        self._identity = _current_process._identity + (count,)
        self._parent_pid = _gilsim_process.getpid()
        self._parent_name = _current_process.name
        self._pid = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or (type(self).__name__ + '-'
                              + ':'.join(str(i) for i in self._identity))
        self._daemonic = _current_process._daemonic if daemon is None else daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._pid is None, 'cannot start a process twice'
        assert self._parent_pid == _gilsim_process.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._daemonic, \
            'daemonic processes are not allowed to have children'
        method = self._start_method or get_start_method()
        if method != 'fork' and _gilsim_process.bootstrapping():
            raise RuntimeError(_BOOTSTRAP_ERROR)
        if method == 'fork':
            # The child's only thread is the forking one (its copy becomes the main thread).
            self._forking_thread = threading.current_thread()
            try:
                self._pid = _gilsim_process.start(self, method)
            finally:
                del self._forking_thread
        else:
            self._pid = _gilsim_process.start(self, method)
        _children.append(self)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _gilsim_process.getpid(), 'can only join a child process'
        assert self._pid is not None, 'can only join a started process'
        if timeout is not None and timeout < 0:
            timeout = 0
        if _gilsim_process.join(self._pid, timeout) and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == _gilsim_process.getpid(), 'can only test a child process'
        if self._pid is None:
            return False
        return _gilsim_process.exitcode(self._pid) is None

    def terminate(self):
        """Ends the process as SIGTERM would: exit code -15, nothing printed, its
        finally clauses and exit handlers not run."""
        self._check_closed()
        if self._pid is not None:
            _gilsim_process.kill(self._pid, 15)

    def kill(self):
        """Ends the process as SIGKILL would: exit code -9."""
        self._check_closed()
        if self._pid is not None:
            _gilsim_process.kill(self._pid, 9)

    def close(self):
        if self._pid is not None and _gilsim_process.exitcode(self._pid) is None:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, 'process has already started'
        self._daemonic = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._pid is None:
            return None
        return _gilsim_process.exitcode(self._pid)

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return _gilsim_process.getpid()
        return self._pid

    pid = ident

    @property
    def sentinel(self):
        """What multiprocessing.connection.wait waits on for the end of this process (an
        int, as CPython's file descriptor is; here its pid)."""
        self._check_closed()
        if self._pid is None:
            raise ValueError("process not started") from None
        return self._pid

    @property
    def authkey(self):
        raise NotImplementedError("multiprocessing.Process.authkey is not supported by gilsim")

    @authkey.setter
    def authkey(self, authkey):
        raise NotImplementedError("multiprocessing.Process.authkey is not supported by gilsim")

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != _gilsim_process.getpid():
            status = 'unknown'
        elif self._pid is None:
            status = 'initial'
        else:
            exitcode = _gilsim_process.exitcode(self._pid)
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._pid is not None:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _SIGNAL_NAMES.get(exitcode, exitcode))
        if self._daemonic:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        """The child's first code (CPython's BaseProcess._bootstrap): run(), then the exit
        code — 0, SystemExit's code, or 1 after printing the exception."""
        global _current_process, _parent_process, _process_counter, _children
        forking_thread = self.__dict__.pop('_forking_thread', None)
        _current_process = self
        _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
        _process_counter = _Counter()
        _children = []
        if forking_thread is not None:
            _after_fork(forking_thread)
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                _join_children()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            _thread._print_exception(e, 'Process %s:\n' % self.name)
        threading._run_atexits()
        return exitcode


def _after_fork(thread):
    """In a forked child: only the forking thread exists, and it is the main thread
    (CPython's threading._after_fork)."""
    thread._ident = _thread.get_ident()
    threading._main_thread = thread
    _thread._bind_current(thread, thread._name)
    rnd = sys.modules.get('random')
    if rnd is not None:
        # CPython's random reseeds its generator in a forked child.
        rnd.seed()


class Process(BaseProcess):
    pass


class ForkProcess(BaseProcess):
    _start_method = 'fork'


class SpawnProcess(BaseProcess):
    _start_method = 'spawn'


class ForkServerProcess(BaseProcess):
    _start_method = 'forkserver'


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._pid = None
        self._closed = False
        self._daemonic = False

    def __repr__(self):
        return "<_MainProcess name='MainProcess' parent=None started>"


class _ParentProcess(BaseProcess):

    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._closed = False
        self._daemonic = False

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise NotImplementedError("joining the parent process is not supported by gilsim")


_current_process = _MainProcess()
_parent_process = None


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    """The children still running (the finished ones are forgotten, as CPython's
    _cleanup does)."""
    global _children
    _children = [p for p in _children if _gilsim_process.exitcode(p._pid) is None]
    return list(_children)


def _join_children():
    """At a process's exit: wait for its non-daemonic children (CPython's
    util._exit_function)."""
    for p in list(_children):
        if not p._daemonic:
            p.join()


threading._register_atexit(_join_children)


# --- contexts ----------------------------------------------------------------------------

class _Context:
    """What get_context(method) returns: the same API, started by one method."""

    def __init__(self, method):
        self._method = method
        self.Process = {'fork': ForkProcess, 'spawn': SpawnProcess,
                        'forkserver': ForkServerProcess}[method]

    def get_start_method(self, allow_none=False):
        return self._method

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def __getattr__(self, name):
        return globals()[name]

    def __repr__(self):
        return '<multiprocessing.context.%sContext object>' % self.Process.__name__[:-7]


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in ('fork', 'spawn', 'forkserver'):
        raise ValueError('cannot find context for %r' % (method,))
    return _Context(method)


# --- queues and locks --------------------------------------------------------------------

def _inheritance_only(kind):
    if not _gilsim_process.spawning():
        raise RuntimeError('%s objects should only be shared between processes'
                           ' through inheritance' % kind)


class Queue:
    """A FIFO between processes: items cross by pickle (put raises pickle's error)."""

    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize if maxsize > 0 else 0
        self._id = _gilsim_process.queue_create(self._maxsize, 0, 1)
        self._closed = False

    def __reduce__(self):
        _inheritance_only(type(self).__name__)
        return (_rebuild_queue, (type(self), self._id, self._maxsize))

    def _check_closed(self):
        if self._closed:
            raise ValueError('Queue %r is closed' % self)

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        while True:
            if self._maxsize == 0 or _gilsim_process.queue_count(self._id) < self._maxsize:
                self._send(obj)
                return
            if not block or not _gilsim_process.queue_wait_for_room(
                    self._id, *(() if timeout is None else (max(timeout, 0),))):
                raise Full

    def _send(self, obj):
        # CPython's Queue pickles in its feeder thread, which prints what fails to pickle
        # and drops the item: put() itself returns.
        try:
            _gilsim_process.queue_put(self._id, obj)
        except Exception as e:
            _thread._print_exception(e, '')

    def get(self, block=True, timeout=None):
        self._check_closed()
        while True:
            if _gilsim_process.queue_count(self._id) > 0:
                try:
                    return _gilsim_process.queue_get(self._id)[0]
                except Exception:
                    # Another process took it first.
                    continue
            if not block or not _gilsim_process.queue_wait_for_item(
                    self._id, *(() if timeout is None else (max(timeout, 0),))):
                raise Empty

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _gilsim_process.queue_count(self._id)

    def empty(self):
        return _gilsim_process.queue_count(self._id) == 0

    def full(self):
        return self._maxsize > 0 and _gilsim_process.queue_count(self._id) >= self._maxsize

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


def _rebuild_queue(cls, qid, maxsize):
    q = cls.__new__(cls)
    q._id = qid
    q._maxsize = maxsize
    q._closed = False
    return q


class SimpleQueue(Queue):

    def __init__(self, *, ctx=None):
        Queue.__init__(self)

    def put(self, obj):
        # A SimpleQueue pickles in the caller: a pickling error is raised here.
        self._check_closed()
        _gilsim_process.queue_put(self._id, obj)

    def get(self):
        return Queue.get(self)


class Lock:
    """A lock that every process shares (not copied by fork)."""

    _reentrant = False

    def __init__(self, *, ctx=None):
        self._id = _gilsim_process.shared_lock(self._reentrant)
        self._lock = _gilsim_process.lock_of(self._id)

    def __reduce__(self):
        _inheritance_only(type(self).__name__)
        return (_rebuild_lock, (type(self), self._id))

    def acquire(self, block=True, timeout=None):
        if timeout is None:
            return self._lock.acquire(block)
        return self._lock.acquire(block, max(timeout, 0))

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        owner = 'None'
        if self._lock.locked():
            owner = 'SomeOtherProcess'
        return '<Lock(owner=%s)>' % owner


class RLock(Lock):
    _reentrant = True
    _count = 0

    def acquire(self, block=True, timeout=None):
        got = Lock.acquire(self, block, timeout)
        if got:
            self._count += 1
        return got

    def release(self):
        self._lock.release()
        self._count -= 1

    def __enter__(self):
        self.acquire()
        return True

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        if self._lock._is_owned():
            name = _current_process.name
            if threading.current_thread().name != 'MainThread':
                name += '|' + threading.current_thread().name
            return '<RLock(%s, %s)>' % (name, self._count)
        if self._lock.acquire(False):
            self._lock.release()
            return '<RLock(None, 0)>'
        return '<RLock(SomeOtherProcess, nonzero)>'


def _rebuild_lock(cls, lid):
    lock = cls.__new__(cls)
    lock._id = lid
    lock._lock = _gilsim_process.lock_of(lid)
    return lock


def _refuse(name):
    def refuse(*args, **kwargs):
        raise NotImplementedError("multiprocessing.%s is not supported by gilsim" % name)
    refuse.__name__ = name
    return refuse


for _name in ('freeze_support', 'set_executable', 'set_forkserver_preload', 'log_to_stderr',
              'get_logger', 'allow_connection_pickling'):
    globals()[_name] = _refuse(_name)


def freeze_support():
    """Nothing to do: gilsim's programs are never frozen executables."""


def Manager():
    """A started SyncManager: a server process owning shared lists, dicts, Namespaces and
    Values, reached through proxies."""
    import multiprocessing.managers as _managers
    m = _managers.SyncManager()
    m.start()
    return m


def _synchronize():
    import multiprocessing.synchronize as _sync
    return _sync


def Condition(lock=None):
    return _synchronize().Condition(lock)


def Event():
    return _synchronize().Event()


def Semaphore(value=1):
    return _synchronize().Semaphore(value)


def BoundedSemaphore(value=1):
    return _synchronize().BoundedSemaphore(value)


def Barrier(parties, action=None, timeout=None):
    return _synchronize().Barrier(parties, action, timeout)


class JoinableQueue(Queue):
    """A Queue whose consumers say task_done() and whose producer can join() until every
    item put has been done."""

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        import multiprocessing.sharedctypes as _shared
        self._unfinished = _shared.RawValue('i', 0)
        self._cond = _synchronize().Condition(Lock())

    def __reduce__(self):
        _inheritance_only(type(self).__name__)
        return (_rebuild_joinable, (self._id, self._maxsize, self._unfinished, self._cond))

    def put(self, obj, block=True, timeout=None):
        with self._cond:
            self._unfinished.value += 1
        Queue.put(self, obj, block, timeout)

    def task_done(self):
        with self._cond:
            if self._unfinished.value <= 0:
                raise ValueError('task_done() called too many times')
            self._unfinished.value -= 1
            if self._unfinished.value == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished.value:
                self._cond.wait_for(lambda: self._unfinished.value == 0)


def _rebuild_joinable(qid, maxsize, unfinished, cond):
    q = _rebuild_queue(JoinableQueue, qid, maxsize)
    q._unfinished = unfinished
    q._cond = cond
    return q


class Connection:
    """One end of a Pipe: send/recv pickled objects (on two cross-process queues)."""

    def __init__(self, incoming, outgoing, readable=True, writable=True):
        self._incoming = incoming
        self._outgoing = outgoing
        self._readable = readable
        self._writable = writable
        self._closed = False

    def _check(self, readable=False, writable=False):
        if self._closed:
            raise OSError("handle is closed")
        if readable and not self._readable:
            raise OSError("connection is write-only")
        if writable and not self._writable:
            raise OSError("connection is read-only")

    def send(self, obj):
        self._check(writable=True)
        SimpleQueue.put(self._outgoing, obj)

    def __getstate__(self):
        # Pickled for a spawned child at start(): the copy in flight holds the write end
        # open (CPython duplicates the handle then), so the parent may close its own at once.
        if self._writable and not self._closed:
            _gilsim_process.queue_writer(self._outgoing._id, 1)
        return self.__dict__

    def __setstate__(self, state):
        # Arrived in the child: the copy in flight becomes the child's own.
        self.__dict__.update(state)
        if self._writable and not self._closed:
            _gilsim_process.queue_writer(self._outgoing._id, 1)
            _gilsim_process.queue_writer(self._outgoing._id, -1, _gilsim_process.getppid())

    def recv(self):
        """The next object; EOFError once it is drained and every write end is closed."""
        self._check(readable=True)
        qid = self._incoming._id
        while True:
            if _gilsim_process.queue_count(qid) > 0:
                try:
                    return _gilsim_process.queue_get(qid)[0]
                except Exception:
                    continue
            if _gilsim_process.queue_hung_up(qid):
                raise EOFError
            _gilsim_process.queue_wait_for_item(qid)

    def send_bytes(self, buf, offset=0, size=None):
        data = bytes(buf)
        end = len(data) if size is None else offset + size
        self.send(data[offset:end])

    def recv_bytes(self, maxlength=None):
        data = self.recv()
        if maxlength is not None and len(data) > maxlength:
            raise OSError("bad message length")
        return data

    def poll(self, timeout=0.0):
        self._check(readable=True)
        if not self._incoming.empty() or _gilsim_process.queue_hung_up(self._incoming._id):
            return True
        if timeout is not None and timeout <= 0:
            return False
        args = () if timeout is None else (timeout,)
        return _gilsim_process.queue_wait_for_item(self._incoming._id, *args)

    def close(self):
        if not self._closed and self._writable:
            _gilsim_process.queue_writer(self._outgoing._id, -1)
        self._closed = True

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


Connection.__module__ = 'multiprocessing.connection'


def Pipe(duplex=True):
    """Two Connections: both ends send and receive (duplex), or (reader, writer)."""
    a_to_b = SimpleQueue()
    _gilsim_process.queue_writer(a_to_b._id, 1)
    if duplex:
        b_to_a = SimpleQueue()
        _gilsim_process.queue_writer(b_to_a._id, 1)
        return Connection(b_to_a, a_to_b), Connection(a_to_b, b_to_a)
    return (Connection(a_to_b, None, writable=False),
            Connection(None, a_to_b, readable=False))


def Value(typecode_or_type, *args, lock=True):
    import multiprocessing.sharedctypes as _shared
    return _shared.Value(typecode_or_type, *args, lock=lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    import multiprocessing.sharedctypes as _shared
    return _shared.Array(typecode_or_type, size_or_initializer, lock=lock)


def RawValue(typecode_or_type, *args):
    import multiprocessing.sharedctypes as _shared
    return _shared.RawValue(typecode_or_type, *args)


def RawArray(typecode_or_type, size_or_initializer):
    import multiprocessing.sharedctypes as _shared
    return _shared.RawArray(typecode_or_type, size_or_initializer)


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None,
         context=None):
    import multiprocessing.pool as _pool
    return _pool.Pool(processes, initializer, initargs, maxtasksperchild, context)


del _cls, _name
del _gilsim_stub
