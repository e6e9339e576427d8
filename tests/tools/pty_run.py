"""Runs a command under a real pseudo-terminal (its stdin, stdout and stderr all on the
terminal, as in a terminal window of COLUMNS columns) and prints, as JSON, everything the
terminal received and the exit status. Exit status 3 when no pseudo-terminal can be made
(the caller skips loudly).

    python3 tests/tools/pty_run.py COLUMNS COMMAND [ARGS...]
"""

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time


def main():
    columns, command = int(sys.argv[1]), sys.argv[2:]
    try:
        leader, follower = pty.openpty()
    except OSError as e:
        print(json.dumps({"missing": "a pseudo-terminal (%s)" % e}))
        return 3
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(columns))
    child = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower,
                             env=env, start_new_session=True)
    os.close(follower)
    received = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if not ready:
            if child.poll() is not None:
                break
            continue
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: every holder of the terminal has closed it
            break
        if not data:
            break
        received.append(data)
    status = child.wait(timeout=30)
    os.close(leader)
    text = b"".join(received).decode("utf-8", "replace")
    print(json.dumps({"output": text, "status": status}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
