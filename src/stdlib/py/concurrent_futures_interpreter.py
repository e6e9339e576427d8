"""concurrent.futures.interpreter: InterpreterPoolExecutor (Python 3.14), gilsim's own.

A ThreadPoolExecutor whose worker threads each own a subinterpreter, and so a GIL of their
own: CPU-bound calls run in parallel. Functions, arguments and results cross between
interpreters as data (3.14's rules); an exception comes back as itself (when it is a
builtin one) with the ExecutionFailed that reports it as its cause.
"""

import threading
import _thread
from concurrent.futures import ThreadPoolExecutor, _next_executor_number


class _InterpreterWorker:
    """An InterpreterPoolExecutor worker's subinterpreter: made when its thread starts,
    closed when it ends; every call runs there (3.14)."""

    def __init__(self, initializer, initargs):
        from concurrent import interpreters
        self.interp = interpreters.create()
        if initializer is not None:
            self.call(initializer, initargs, {})

    def call(self, fn, args, kwargs):
        import _interpreters
        from concurrent.interpreters import ExecutionFailed
        if isinstance(fn, str):
            raise TypeError('scripts not supported')
        result, excinfo, exc = _interpreters._call_with_result(self.interp.id, fn, args, kwargs)
        if excinfo is None:
            return result
        wrapper = ExecutionFailed(excinfo)
        if exc is None:
            # CPython sends the exception back by pickle; gilsim can send builtin ones only.
            raise wrapper
        raise exc from wrapper

    def run(self, item):
        if not item.future.set_running_or_notify_cancel():
            return
        try:
            result = self.call(item.fn, item.args, item.kwargs)
        except BaseException as exc:
            item.future.set_exception(exc)
        else:
            item.future.set_result(result)


def _interpreter_worker(executor, work_queue, initializer, initargs):
    # _worker's loop, with every call made in the worker's own subinterpreter.
    try:
        worker = _InterpreterWorker(initializer, initargs)
    except BaseException as exc:
        _thread._print_exception(exc, "Exception in initializer:\n")
        executor._initializer_failed()
        return
    try:
        while True:
            item = work_queue.get(block=True)
            if item is None:
                work_queue.put(None)
                return
            worker.run(item)
            del item
            executor._idle_semaphore.release()
    finally:
        worker.interp.close()


class InterpreterPoolExecutor(ThreadPoolExecutor):
    """Runs calls in a pool of at most max_workers threads, each with its own
    subinterpreter (and so its own GIL): CPU-bound calls run in parallel. Functions,
    arguments and results cross between interpreters as data (3.14's rules)."""

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None,
                 initargs=()):
        # Numbered by the same counter as thread pools (3.14's _counter()).
        super().__init__(max_workers, thread_name_prefix or "InterpreterPoolExecutor",
                         initializer, initargs)
        if not thread_name_prefix:
            self._thread_name_prefix = "InterpreterPoolExecutor-%d" % _next_executor_number()

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            name = '%s_%d' % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=name, target=_interpreter_worker,
                                 args=(self, self._work_queue, self._initializer,
                                       self._initargs))
            t.start()
            self._threads.append(t)
