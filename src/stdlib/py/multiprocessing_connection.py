"""multiprocessing.connection as gilsim runs it: the Connection objects of Pipe(). Waiting
on several connections and process sentinels at once (wait), connections between
processes by address (Listener, Client) and authentication are not modelled: each is
refused by name."""

import _gilsim_stub
from multiprocessing import Connection, Pipe

__all__ = ['Client', 'Listener', 'Pipe', 'wait']

_gilsim_stub.define(globals(), "multiprocessing.connection", [
    "wait", "Listener", "Client", "answer_challenge", "deliver_challenge",
])
del _gilsim_stub
