# Expected output: CPython 3.12 (tests/tools/expect_interp.py writes tests/interp/expected/).
# _xxinterpchannels as CPython 3.12 has it: FIFO channels between interpreters.
import _xxinterpchannels as channels
import _xxsubinterpreters as interpreters

cid = channels.create()
print(repr(cid), type(cid).__name__, int(cid), str(cid), cid.end, repr(cid.send), repr(cid.recv))
print(channels.list_all())
channels.send(cid, b'spam')
channels.send(cid, 'eggs')
print(channels.recv(cid), channels.recv(cid))
try:
    channels.recv(cid)
except channels.ChannelEmptyError as e:
    print('ChannelEmptyError:', e)
print(channels.recv(cid, 'default'))

# Another interpreter sends on it; the id crosses as shared data.
a = interpreters.create()
interpreters.run_string(a, '''
import _xxinterpchannels as channels
channels.send(cid, 42)
channels.send(cid, "from interpreter 1")
print(type(cid).__name__, cid)
''', shared={'cid': cid})
print(channels.recv(cid), channels.recv(cid))
print(channels.list_interpreters(cid, send=True), channels.list_interpreters(cid, send=False))

# A pipeline: the subinterpreter squares what main sends until it gets None.
requests = channels.create()
results = channels.create()
for n in (1, 2, 3, None):
    channels.send(requests, n)
interpreters.run_string(a, '''
import _xxinterpchannels as channels
while True:
    n = channels.recv(requests)
    if n is None:
        break
    channels.send(results, n * n)
''', shared={'requests': requests, 'results': results})
print([channels.recv(results) for _ in range(3)])

for bad in ([1], 1.5):
    try:
        channels.send(cid, bad)
    except ValueError as e:
        print('ValueError:', e)
channels.send(cid, 5)
try:
    channels.close(cid)
except channels.ChannelNotEmptyError as e:
    print('ChannelNotEmptyError:', e)
channels.close(cid, force=True)
for call in (lambda: channels.recv(cid), lambda: channels.send(cid, 1)):
    try:
        call()
    except channels.ChannelClosedError as e:
        print('ChannelClosedError:', e)
try:
    channels.send(99, 1)
except channels.ChannelNotFoundError as e:
    print('ChannelNotFoundError:', e)
c2 = channels.create()
channels.release(c2, send=True)
try:
    channels.send(c2, 1)
except channels.ChannelClosedError as e:
    print('ChannelClosedError:', e)
channels.destroy(c2)
try:
    channels.destroy(c2)
except channels.ChannelNotFoundError as e:
    print('ChannelNotFoundError:', e)
# A channel whose only sending interpreter is destroyed is closed, its data lost.
c3 = channels.create()
b = interpreters.create()
interpreters.run_string(b, 'import _xxinterpchannels as c; c.send(c3, 1)', shared={'c3': c3})
print(channels.list_interpreters(c3, send=True))
interpreters.destroy(b)
try:
    channels.recv(c3)
except channels.ChannelClosedError as e:
    print('ChannelClosedError:', e)
print([cls.__name__ for cls in channels.ChannelNotFoundError.__mro__])
print(issubclass(channels.ChannelEmptyError, channels.ChannelError))
