"""gilsim's subprocess: run, Popen, call, check_call, check_output, getoutput,
getstatusoutput, CompletedProcess, CalledProcessError, TimeoutExpired, PIPE, STDOUT,
DEVNULL — as Lib/subprocess.py of CPython 3.12 behaves and words them.

A real run starts real programs, and waiting for one releases the GIL. A simulated run
stays a pure function of its inputs: it starts only echo, true, false, sleep, cat (from
stdin) and sys.executable (another gilsim program, run as a simulated run of its own),
simulated on the virtual clock (src/stdlib/sim_proc.rs), and refuses any other program
with NotImplementedError."""

import io as _io
import _gilsim_subprocess
import _gilsim_stub

PIPE = -1
STDOUT = -2
DEVNULL = -3

_SIGNALS = {1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 6: "SIGABRT", 9: "SIGKILL",
            11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM"}


class SubprocessError(Exception):
    pass


def _set_output(self, value):
    self.output = value


# `stdout` is another name for `output` in both errors, as CPython's property says.
_stdout = property(lambda self: self.output, _set_output)


class CalledProcessError(SubprocessError):
    """Raised when run(check=True) or check_call/check_output see a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _SIGNALS.get(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
            return "Command '%s' died with <Signals.%s: %d>." % (self.cmd, name, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    stdout = _stdout


class TimeoutExpired(SubprocessError):
    """Raised when a timeout passes before the child ends."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    stdout = _stdout


class CompletedProcess:
    """What run() returns: args, returncode, stdout and stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _fspath(arg):
    if isinstance(arg, str):
        return arg
    if isinstance(arg, bytes):
        return arg.decode()
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(arg).__name__}")


class _Stream(_io.IOBase):
    """The parent's end of a child's pipe (Popen.stdin, .stdout, .stderr)."""

    def __init__(self, proc, which, text):
        self._proc = proc
        self._which = which
        self._text = text
        self.closed = False

    def _decode(self, data):
        return self._proc._decode(data) if self._text else data

    def read(self, size=-1):
        self._check_closed()
        return self._decode(_gilsim_subprocess.read_pipe(self._proc._handle,
                                                          self._which == "stderr", False))

    def readline(self, size=-1):
        self._check_closed()
        return self._decode(_gilsim_subprocess.read_pipe(self._proc._handle,
                                                          self._which == "stderr", True))

    def write(self, data):
        self._check_closed()
        return _gilsim_subprocess.write_stdin(self._proc._handle, self._proc._encode(data))

    def close(self):
        if not self.closed:
            self.closed = True
            if self._which == "stdin":
                _gilsim_subprocess.close_stdin(self._proc._handle)


class Popen:
    """A child process (Lib/subprocess.py's Popen, on gilsim's processes)."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 group=None, extra_groups=None, user=None, umask=-1, encoding=None,
                 errors=None, text=None, pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        if universal_newlines is not None and text is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text and universal_newlines are supplied but different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode
        self.encoding = encoding or "utf-8"
        self.errors = errors or "strict"
        for name, value in (("preexec_fn", preexec_fn), ("executable", executable),
                            ("user", user), ("group", group), ("extra_groups", extra_groups),
                            ("process_group", process_group)):
            if value is not None:
                raise NotImplementedError(f"subprocess.Popen({name}=...) is not supported by gilsim")
        if pass_fds or start_new_session or umask != -1:
            raise NotImplementedError("subprocess.Popen(pass_fds/start_new_session/umask) is not supported by gilsim")
        for name, value in (("stdin", stdin), ("stdout", stdout), ("stderr", stderr)):
            if value is not None and value not in (PIPE, DEVNULL, STDOUT):
                raise NotImplementedError(f"subprocess.Popen({name}=a file) is not supported by gilsim; use PIPE, DEVNULL or None")
        if stdin == STDOUT or stdout == STDOUT:
            # CPython dup2()s the fd -2 into the child: EBADF.
            raise OSError(9, "Bad file descriptor")
        if isinstance(args, (str, bytes)):
            argv = [_fspath(args)]
        else:
            argv = [_fspath(a) for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
        if cwd is not None:
            cwd = _fspath(cwd)
        env_items = None
        if env is not None:
            env_items = [(_fspath(k), _fspath(v)) for k, v in env.items()]
        self._handle = _gilsim_subprocess.spawn(argv, cwd, env_items, stdin or 0, stdout or 0,
                                                stderr or 0)
        self.pid = _gilsim_subprocess.pid(self._handle)
        self.stdin = _Stream(self, "stdin", self.text_mode) if stdin == PIPE else None
        self.stdout = _Stream(self, "stdout", self.text_mode) if stdout == PIPE else None
        self.stderr = _Stream(self, "stderr", self.text_mode) if stderr == PIPE else None
        self._communicated = False

    def __repr__(self):
        obj_repr = repr(self.args)
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + "..."
        return f"<{self.__class__.__name__}: returncode: {self.returncode} args: {obj_repr}>"

    def _decode(self, data):
        text = data.decode(self.encoding, self.errors)
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def _encode(self, data):
        if self.text_mode:
            if not isinstance(data, str):
                raise TypeError(f"write() argument must be str, not {type(data).__name__}")
            return data.encode(self.encoding, self.errors)
        if not isinstance(data, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
        return data

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for stream in (self.stdout, self.stderr, self.stdin):
            if stream is not None:
                stream.close()
        self.wait()

    def poll(self):
        if self.returncode is None:
            self.returncode = _gilsim_subprocess.poll(self._handle)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is None:
            rc = _gilsim_subprocess.wait(self._handle, timeout)
            if rc is None:
                raise TimeoutExpired(self.args, timeout)
            self.returncode = rc
        return self.returncode

    def communicate(self, input=None, timeout=None):
        if self._communicated and input:
            raise ValueError("Cannot send input after starting communication")
        if input is not None and self.stdin is None:
            input = None
        data = None if input is None else self._encode(input)
        self._communicated = True
        if self.stdin is not None:
            self.stdin.closed = True
        result = _gilsim_subprocess.communicate(self._handle, data, timeout)
        if result is None:
            out, err = _gilsim_subprocess.partial_output(self._handle)
            raise TimeoutExpired(self.args, timeout, output=out, stderr=err)
        out, err = result
        if self.text_mode:
            out = None if out is None else self._decode(out)
            err = None if err is None else self._decode(err)
        self.wait()
        return out, err

    def send_signal(self, sig):
        if sig not in (9, 15):
            raise NotImplementedError("subprocess.Popen.send_signal of a signal other than SIGTERM or SIGKILL is not supported by gilsim")
        if sig == 15:
            self.terminate()
        else:
            self.kill()

    def terminate(self):
        """Sends the child SIGTERM: one that does not catch it ends with return code -15."""
        if self.returncode is None:
            _gilsim_subprocess.terminate(self._handle)

    def kill(self):
        if self.returncode is None:
            _gilsim_subprocess.kill(self._handle)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Runs a command, waits for it, and returns a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Runs a command; CalledProcessError if its exit status is not 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Runs a command and returns its output; CalledProcessError if it fails."""
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if kwargs.get('universal_newlines') or kwargs.get('text') or kwargs.get('encoding') \
                or kwargs.get('errors'):
            kwargs['input'] = ''
        else:
            kwargs['input'] = b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exit status, output) of a shell command, without its trailing newline."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output of a shell command, without its trailing newline."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


_gilsim_stub.define(globals(), "subprocess", ["list2cmdline"])
del _gilsim_stub
