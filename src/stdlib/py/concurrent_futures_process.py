"""concurrent.futures.process: ProcessPoolExecutor, gilsim's own, on the worker processes
of gilsim's multiprocessing.pool (each a process with its own heap and GIL). Functions,
arguments and results cross by pickle's rules; a worker's exception comes back as itself
with the worker's traceback as its cause, as CPython shows it."""

import concurrent.futures as _base
import multiprocessing as _mp
import multiprocessing.pool as _pool

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class _RemoteTraceback(Exception):

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _WorkerPool(_pool.Pool):
    """The executor's workers, named as CPython names them ("ForkProcess-3")."""

    def _start_worker(self):
        w = self._ctx.Process(target=_pool.worker, args=(
            self._inqueue, self._outqueue, self._initializer, self._initargs,
            self._maxtasksperchild))
        w.daemon = True
        w._exit_notice = (self._outqueue._id, 'ended')
        w.start()
        self._pool.append(w)
        self._live_workers += 1

    def _worker_died(self, pid):
        self._on_broken()
        return True


class ProcessPoolExecutor(_base.ProcessPoolExecutor):

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = _mp.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            mp_context = _mp.get_context('spawn' if max_tasks_per_child is not None else None)
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._workers = _WorkerPool(max_workers, initializer, initargs, max_tasks_per_child,
                                    context=mp_context)
        self._shutdown_thread = False
        self._broken = False
        self._workers._on_broken = self._terminate_broken

    def _terminate_broken(self):
        """A worker died (os._exit, killed): every future not done fails with one
        BrokenProcessPool, the other workers are terminated and the executor takes no more
        work (CPython's _ExecutorManagerThread.terminate_broken)."""
        self._broken = ('A child process terminated abruptly, the process pool is not '
                        'usable anymore')
        self._shutdown_thread = True
        bpe = BrokenProcessPool('A process in the process pool was terminated abruptly '
                                'while the future was running or pending.')
        pool = self._workers
        for result in list(pool._cache.values()):
            result._set(0, (False, (bpe, None)))
        pool._state = _pool.TERMINATE
        for w in pool._pool:
            if w.exitcode is None:
                w.terminate()

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')
        future = _base.Future()

        def finished(result):
            if future.set_running_or_notify_cancel():
                future.set_result(result)

        def failed(exc):
            cause = exc.__cause__
            if isinstance(cause, _pool.RemoteTraceback):
                exc.__cause__ = _RemoteTraceback(cause.tb)
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)

        self._workers.apply_async(fn, args, kwargs, callback=finished, error_callback=failed)
        return future

    def shutdown(self, wait=True, *, cancel_futures=False):
        if self._shutdown_thread:
            return
        self._shutdown_thread = True
        self._workers.close()
        if wait:
            self._workers.join()


for _cls in (BrokenProcessPool, _RemoteTraceback, ProcessPoolExecutor):
    _cls.__module__ = 'concurrent.futures.process'
del _cls
