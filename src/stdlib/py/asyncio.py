"""asyncio for gilsim: coroutines scheduled by an event loop on one thread.

The package gathers what its submodules define, as CPython's Lib/asyncio/__init__.py does:
asyncio.events (the loop), asyncio.futures, asyncio.tasks, asyncio.runners (with timeouts
and TaskGroup), asyncio.locks and asyncio.queues. Streams, subprocesses, transports and
protocols are not modelled: using them raises NotImplementedError naming them.
"""

from asyncio.futures import (Future, CancelledError, InvalidStateError, TimeoutError,
                             IncompleteReadError, LimitOverrunError,
                             SendfileNotAvailableError, isfuture, wrap_future)
from asyncio.events import (AbstractEventLoop, AbstractEventLoopPolicy, BaseEventLoop,
                            DefaultEventLoopPolicy, SelectorEventLoop, Handle, TimerHandle,
                            get_running_loop, get_event_loop, set_event_loop,
                            new_event_loop, get_event_loop_policy, set_event_loop_policy,
                            _get_running_loop)
from asyncio.tasks import (Task, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                           create_task, current_task, all_tasks, ensure_future, sleep,
                           gather, wait, wait_for, as_completed, shield, to_thread,
                           run_coroutine_threadsafe, iscoroutine, iscoroutinefunction)
from asyncio.runners import run, Runner, Timeout, timeout, timeout_at, TaskGroup
from asyncio.locks import (Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier,
                           BrokenBarrierError)
from asyncio.queues import Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull

import _gilsim_stub
_gilsim_stub.define(globals(), 'asyncio', [
    'open_connection', 'start_server', 'open_unix_connection', 'start_unix_server',
    'create_subprocess_exec', 'create_subprocess_shell', 'StreamReader', 'StreamWriter',
    'Protocol', 'BaseProtocol', 'DatagramProtocol', 'SubprocessProtocol', 'Transport',
    'BaseTransport', 'ReadTransport', 'WriteTransport', 'DatagramTransport',
    'Server', 'AbstractServer', 'PidfdChildWatcher', 'ThreadedChildWatcher',
])
del _gilsim_stub
