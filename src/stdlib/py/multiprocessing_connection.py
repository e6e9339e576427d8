"""multiprocessing.connection as gilsim runs it: the Connection objects of Pipe(), and
wait() on connections and process sentinels. Connections between processes by address
(Listener, Client) and authentication are not modelled: each is refused by name."""

import _gilsim_process
import _gilsim_stub
from multiprocessing import Connection, Pipe

__all__ = ['Client', 'Listener', 'Pipe', 'wait']


def wait(object_list, timeout=None):
    """Wait till an object in object_list is ready/readable: a Connection with something
    to receive or whose every write end is closed, or the sentinel of a process that has ended. Returns the list of those
    ready (empty after a timeout)."""
    object_list = list(object_list)
    queues, pids = [], []
    for o in object_list:
        if isinstance(o, Connection):
            o._check(readable=True)
            queues.append(o._incoming._id)
        elif isinstance(o, int) and not isinstance(o, bool):
            pids.append(o)
        elif hasattr(o, 'fileno'):
            raise NotImplementedError(
                "multiprocessing.connection.wait on a %s is not supported by gilsim"
                " (Connections and Process sentinels are)" % type(o).__name__)
        else:
            raise ValueError("Invalid file object: %r" % (o,))
    if timeout is not None and timeout < 0:
        timeout = 0
    _gilsim_process.wait_any(queues, pids, timeout)
    return [o for o in object_list if _ready(o)]


def _ready(o):
    if isinstance(o, Connection):
        # Readable: something to receive, or end-of-file (every write end closed).
        return not o._incoming.empty() or _gilsim_process.queue_hung_up(o._incoming._id)
    return _gilsim_process.exitcode(o) is not None


_gilsim_stub.define(globals(), "multiprocessing.connection", [
    "Listener", "Client", "answer_challenge", "deliver_challenge",
])
del _gilsim_stub
