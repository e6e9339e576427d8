"""multiprocessing.sharedctypes as gilsim runs it: Value and Array in memory that every
process shares (_gilsim_process.memory_*), with ctypes' conversions for the typecodes
lectures use ('i', 'l', 'd', 'f', 'c', 'b', ...) and an RLock around each access of the
synchronized wrappers. A read and a write are separate steps, so `v.value += 1` from
several processes loses updates unless the code holds `v.get_lock()`."""

import _gilsim_process
import multiprocessing as _mp

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

# typecode -> (ctypes name, bits, signed) for integers.
_INTS = {
    'b': ('c_byte', 8, True), 'B': ('c_ubyte', 8, False),
    'h': ('c_short', 16, True), 'H': ('c_ushort', 16, False),
    'i': ('c_int', 32, True), 'I': ('c_uint', 32, False),
    'l': ('c_long', 64, True), 'L': ('c_ulong', 64, False),
    'q': ('c_longlong', 64, True), 'Q': ('c_ulonglong', 64, False),
}
_FLOATS = {'f': 'c_float', 'd': 'c_double'}


def _ctype_name(typecode):
    if typecode in _INTS:
        return _INTS[typecode][0]
    if typecode in _FLOATS:
        return _FLOATS[typecode]
    if typecode == 'c':
        return 'c_char'
    if typecode == 'u':
        return 'c_wchar'
    if isinstance(typecode, str):
        raise TypeError('this type has no size')
    raise NotImplementedError("ctypes types as Value/Array types are not supported by gilsim"
                              " (use a typecode such as 'i' or 'd')")


def _convert(typecode, value):
    """What storing `value` in a C object of `typecode` keeps (ctypes' rules)."""
    if typecode in _INTS:
        if isinstance(value, float) or not isinstance(value, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(value).__name__)
        _, bits, signed = _INTS[typecode]
        value &= (1 << bits) - 1
        if signed and value >= 1 << (bits - 1):
            value -= 1 << bits
        return value
    if typecode in _FLOATS:
        if not isinstance(value, (int, float)):
            raise TypeError("must be real number, not %s" % type(value).__name__)
        value = float(value)
        return _gilsim_process.to_f32(value) if typecode == 'f' else value
    if typecode == 'c':
        if isinstance(value, int) and 0 <= value < 256:
            return bytes([value])
        if isinstance(value, bytes) and len(value) == 1:
            return value
        raise TypeError('one character bytes, bytearray or integer expected')
    if typecode == 'u':
        if isinstance(value, str) and len(value) == 1:
            return value
        raise TypeError('unicode string expected instead of %s instance'
                        % type(value).__name__)
    raise TypeError('this type has no size')


def _zero(typecode):
    return {'c': b'\x00', 'u': '\x00', 'f': 0.0, 'd': 0.0}.get(typecode, 0)


def _inheritance_only(obj):
    if not _gilsim_process.spawning():
        raise RuntimeError('%s objects should only be shared between processes'
                           ' through inheritance' % type(obj).__name__)


class _CValue:
    """A C scalar in shared memory: what RawValue returns (repr `c_int(5)`)."""

    def __init__(self, typecode, value):
        self._typecode = typecode
        self._id = _gilsim_process.memory_new([_convert(typecode, value)])

    @property
    def value(self):
        return _gilsim_process.memory_get(self._id, 0)

    @value.setter
    def value(self, v):
        _gilsim_process.memory_set(self._id, 0, _convert(self._typecode, v))

    def __repr__(self):
        return '%s(%r)' % (_ctype_name(self._typecode), self.value)


class _CArray:
    """A C array in shared memory: what RawArray returns."""

    def __init__(self, typecode, values):
        self._typecode = typecode
        self._id = _gilsim_process.memory_new([_convert(typecode, v) for v in values])

    def __len__(self):
        return _gilsim_process.memory_len(self._id)

    def _index(self, i):
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_gilsim_process.memory_get(self._id, k) for k in range(*i.indices(len(self)))]
        return _gilsim_process.memory_get(self._id, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            indices = range(*i.indices(len(self)))
            values = list(v)
            if len(values) != len(indices):
                raise ValueError('Can only assign sequence of same size')
            for k, x in zip(indices, values):
                _gilsim_process.memory_set(self._id, k, _convert(self._typecode, x))
            return
        _gilsim_process.memory_set(self._id, self._index(i), _convert(self._typecode, v))

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return '<multiprocessing.sharedctypes.%s_Array_%d object>' % (
            _ctype_name(self._typecode), len(self))


def _reduce_shared(self):
    _inheritance_only(self)
    return (_rebuild_shared, (type(self), self._typecode, self._id))


def _rebuild_shared(cls, typecode, memory_id):
    obj = cls.__new__(cls)
    obj._typecode = typecode
    obj._id = memory_id
    return obj


_CValue.__reduce__ = _reduce_shared
_CArray.__reduce__ = _reduce_shared


# One class per C type, named as ctypes names it (`type(RawValue('i', 1)).__name__`).
_VALUE_CLASSES = {}
for _code in list(_INTS) + list(_FLOATS) + ['c', 'u']:
    _VALUE_CLASSES[_code] = type(_ctype_name(_code), (_CValue,), {})
    _VALUE_CLASSES[_code].__module__ = 'ctypes'
del _code


def RawValue(typecode_or_type, *args):
    _ctype_name(typecode_or_type)
    value = args[0] if args else _zero(typecode_or_type)
    return _VALUE_CLASSES[typecode_or_type](typecode_or_type, value)


def RawArray(typecode_or_type, size_or_initializer):
    _ctype_name(typecode_or_type)
    if isinstance(size_or_initializer, int):
        values = [_zero(typecode_or_type)] * size_or_initializer
    else:
        values = list(size_or_initializer)
    return _CArray(typecode_or_type, values)


def _lock_for(lock):
    if lock is True or lock is None:
        return _mp.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return Synchronized(obj, _lock_for(lock))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return SynchronizedArray(obj, _lock_for(lock))


class SynchronizedBase:

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock if lock is not None else _mp.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        _inheritance_only(self)
        return (type(self), (self._obj, self._lock))

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    """Value(...): each read and each write of .value holds the lock — but not both."""

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __iter__(self):
        return iter(self[:])


def synchronized(obj, lock=None, ctx=None):
    if isinstance(obj, _CArray):
        return SynchronizedArray(obj, lock)
    return Synchronized(obj, lock)


def copy(obj):
    if isinstance(obj, _CArray):
        return RawArray(obj._typecode, obj[:])
    return RawValue(obj._typecode, obj.value)

