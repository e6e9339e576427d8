"""The little of os that lecture scripts about processes use: pids, the CPU count (the
virtual cores in simulated runs) and _exit. The rest of CPython's os is refused by name."""

import _gilsim_io
import _gilsim_process
import _gilsim_stub
import _thread

name = "posix"
sep = "/"
linesep = "\n"


def getpid():
    """The calling process's id (per-run numbers in simulated runs)."""
    return _gilsim_process.getpid()


def getppid():
    """The parent process's id."""
    return _gilsim_process.getppid()


# Ends the calling process at once: no finally, no atexit (a child's exit code, or the
# run's exit status in the main process).
_exit = _gilsim_process._exit


def cpu_count():
    """The number of CPUs: the machine's, or the virtual cores of a simulated run."""
    return _thread._cpu_count()


def remove(path):
    """Removes a file (within gilsim's sandbox; a simulated run's removal lasts the run)."""
    _gilsim_io.remove(path)


unlink = remove


_gilsim_stub.define(globals(), "os", [
    "fork", "kill", "waitpid", "system", "listdir", "getcwd", "chdir", "mkdir",
    "makedirs", "rename", "rmdir", "walk", "stat", "getenv", "putenv",
    "urandom", "scandir", "popen", "execv", "spawnv", "register_at_fork", "sched_getaffinity",
])
del _gilsim_stub
