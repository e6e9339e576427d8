"""multiprocessing.managers as gilsim runs it: Manager() starts a server process that owns
the shared list, dict, Namespace and Value objects; their proxies, which any process may
hold (and pass through a Pool), ask the server for every operation over cross-process
queues. A read and a write are two requests, so `proxy.value += 1` races between
processes as it does in CPython. The managed Lock, Queue, Event... are gilsim's
cross-process objects directly (CPython serves those from the manager too): they may be
pickled anywhere, like proxies."""

import _gilsim_process
import _thread
import multiprocessing as _mp

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Namespace', 'Value']


class Namespace:
    """The manager's Namespace: attributes only."""

    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = [(k, v) for k, v in self.__dict__.items() if not k.startswith('_')]
        items.sort()
        return 'Namespace(%s)' % ', '.join('%s=%r' % kv for kv in items)


class Value:
    """The manager's Value: a plain holder (its typecode is only shown)."""

    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


_FACTORIES = {'list': list, 'dict': dict, 'Namespace': Namespace, 'Value': Value}


def _receive(qid):
    """The next item of queue `qid`, waiting for one (the only reader is this thread)."""
    while _gilsim_process.queue_count(qid) == 0:
        _gilsim_process.queue_wait_for_item(qid)
    return _gilsim_process.queue_get(qid)[0]


def _serve(requests):
    """The manager process: one request at a time, each answered on its reply queue."""
    objects = {}
    next_id = 0
    while True:
        reply, op, oid, name, args, kwds = _receive(requests)
        if op == 'shutdown':
            _gilsim_process.queue_put(reply, (True, None))
            return
        try:
            if op == 'create':
                next_id += 1
                objects[next_id] = _FACTORIES[name](*args, **kwds)
                result = next_id
            elif op == 'getattr':
                result = getattr(objects[oid], name)
            elif op == 'setattr':
                setattr(objects[oid], name, args[0])
                result = None
            elif op == 'delattr':
                delattr(objects[oid], name)
                result = None
            elif op == 'str':
                result = str(objects[oid])
            else:
                result = getattr(objects[oid], name)(*args, **kwds)
                if type(result).__name__ in ('dict_keys', 'dict_values', 'dict_items'):
                    # A view cannot cross: CPython's proxy returns a list.
                    result = list(result)
            answer = (True, result)
        except Exception as e:
            answer = (False, e)
        try:
            _gilsim_process.queue_put(reply, answer)
        except Exception as e:
            _gilsim_process.queue_put(reply, (False, e))


# (pid, thread ident) -> that thread's reply queue id.
_replies = {}


def _reply_queue():
    key = (_gilsim_process.getpid(), _thread.get_ident())
    qid = _replies.get(key)
    if qid is None:
        qid = _gilsim_process.queue_create(0, 0, 1)
        _replies[key] = qid
    return qid


def _request(requests, op, oid=None, name=None, args=(), kwds={}):
    reply = _reply_queue()
    _gilsim_process.queue_put(requests, (reply, op, oid, name, args, kwds))
    ok, value = _receive(reply)
    if ok:
        return value
    raise value


class BaseProxy:
    """A reference to an object the manager's server owns."""

    _typeid = None

    def __init__(self, requests, oid):
        object.__setattr__(self, '_requests', requests)
        object.__setattr__(self, '_oid', oid)

    def _callmethod(self, name, args=(), kwds={}):
        return _request(self._requests, 'call', self._oid, name, args, kwds)

    def __reduce__(self):
        return (_rebuild_proxy, (type(self), self._requests, self._oid))

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return _request(self._requests, 'str', self._oid)


def _rebuild_proxy(cls, requests, oid):
    return cls(requests, oid)


def _forward(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


class ListProxy(BaseProxy):
    _typeid = 'list'

    def __iter__(self):
        return iter(self._callmethod('copy'))

    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


for _name in ('__add__', '__contains__', '__delitem__', '__getitem__', '__len__',
              '__mul__', '__reversed__', '__rmul__', '__setitem__', 'append', 'count',
              'extend', 'index', 'insert', 'pop', 'remove', 'reverse', 'sort', 'copy'):
    setattr(ListProxy, _name, _forward(_name))


class DictProxy(BaseProxy):
    _typeid = 'dict'

    def __iter__(self):
        return iter(self._callmethod('keys'))


for _name in ('__contains__', '__delitem__', '__getitem__', '__len__', '__setitem__',
              'clear', 'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault',
              'update', 'values'):
    setattr(DictProxy, _name, _forward(_name))


class NamespaceProxy(BaseProxy):
    _typeid = 'Namespace'

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return _request(self._requests, 'getattr', self._oid, name)

    def __setattr__(self, name, value):
        if name.startswith('_'):
            object.__setattr__(self, name, value)
        else:
            _request(self._requests, 'setattr', self._oid, name, (value,))

    def __delattr__(self, name):
        _request(self._requests, 'delattr', self._oid, name)

    def __repr__(self):
        return str(self)


class ValueProxy(BaseProxy):
    _typeid = 'Value'

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


def _picklable(cls, kind):
    """A subclass of a cross-process class that may be pickled anywhere (a manager's
    objects are passed to pools and processes freely)."""

    def reduce(self):
        state = dict(self.__dict__)
        return (_rebuild_managed, (sub, state))

    sub = type(kind + 'Proxy', (cls,), {'__reduce__': reduce})
    sub.__module__ = 'multiprocessing.managers'
    return sub


def _rebuild_managed(cls, state):
    obj = cls.__new__(cls)
    obj.__dict__.update(state)
    return obj


class SyncManager:
    """Manager(): a server process and the shared objects it serves."""

    _counter = 0

    def __init__(self, address=None, authkey=None, ctx=None):
        self._ctx = ctx or _mp.get_context()
        self._state = 'initial'
        self._process = None

    def start(self, initializer=None, initargs=()):
        if self._state != 'initial':
            raise _mp.ProcessError("Already started server")
        self._requests = _gilsim_process.queue_create(0, 0, 1)
        self._process = self._ctx.Process(target=_serve, args=(self._requests,))
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()
        self._state = 'started'

    def _create(self, typeid, proxy, args, kwds):
        if self._state != 'started':
            raise _mp.ProcessError("Manager has not been started")
        return proxy(self._requests, _request(self._requests, 'create', None, typeid, args,
                                              kwds))

    def list(self, sequence=()):
        return self._create('list', ListProxy, (list(sequence),), {})

    def dict(self, *args, **kwds):
        return self._create('dict', DictProxy, args, kwds)

    def Namespace(self, **kwds):
        return self._create('Namespace', NamespaceProxy, (), kwds)

    def Value(self, typecode, value, lock=True):
        return self._create('Value', ValueProxy, (typecode, value), {})

    def Lock(self):
        return _managed('Lock')()

    def RLock(self):
        return _managed('RLock')()

    def Queue(self, maxsize=0):
        return _managed('Queue')(maxsize)

    def JoinableQueue(self, maxsize=0):
        return _managed('JoinableQueue')(maxsize)

    def Event(self):
        return _managed('Event')()

    def Semaphore(self, value=1):
        return _managed('Semaphore')(value)

    def BoundedSemaphore(self, value=1):
        return _managed('BoundedSemaphore')(value)

    def Condition(self, lock=None):
        return _managed('Condition')(lock)

    def Barrier(self, parties, action=None, timeout=None):
        return _managed('Barrier')(parties, action, timeout)

    def shutdown(self):
        if self._state == 'started':
            _request(self._requests, 'shutdown')
            self._process.join()
            self._state = 'shutdown'

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._state == 'initial':
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()


BaseManager = SyncManager

def _managed(kind):
    return globals()[kind + 'Proxy']


def _make_managed_classes():
    # Made at import, so that a spawned child finds each by name when unpickling.
    import multiprocessing.synchronize as _sync
    for kind in ('Lock', 'RLock', 'Queue', 'JoinableQueue'):
        globals()[kind + 'Proxy'] = _picklable(getattr(_mp, kind), kind)
    for kind in ('Event', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Barrier'):
        globals()[kind + 'Proxy'] = _picklable(getattr(_sync, kind), kind)


_make_managed_classes()
del _name
