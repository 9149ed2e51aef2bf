#!/usr/bin/env python3
"""Drives an interactive program on a real pseudo-terminal, for the REPL tests.

Usage: pty_session.py STEPS_JSON -- COMMAND [ARG...]

STEPS_JSON is a list of steps, run in order:
  {"expect": "text"}            wait (up to "timeout" s, default 30) until the output since the
                                previous match contains text; the match consumes the output up to it
  {"send": "text"}              write text to the terminal (use "\\r" for Enter, "\\u0003" for Ctrl-C,
                                "\\u0004" for Ctrl-D)
  {"sleep": seconds}
  {"eof": true}                 wait (up to "timeout" s) for the program to exit

Prints one JSON object: {"ok": bool, "error": str, "status": exit status or null,
"transcript": everything the program wrote to the terminal}. Exit status 0 unless this script
itself failed. The terminal is 120x40, TERM=xterm-256color.
"""
import json
import os
import pty
import select
import signal
import struct
import sys
import time
import fcntl
import termios


def main():
    sep = sys.argv.index("--")
    steps = json.loads(sys.argv[1])
    cmd = sys.argv[sep + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    transcript = bytearray()
    pending = bytearray()
    status = None
    result = {"ok": True, "error": ""}

    def read_some(timeout):
        nonlocal status
        r, _, _ = select.select([fd], [], [], timeout)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if data:
                transcript.extend(data)
                pending.extend(data)
                return True
            return False
        return True

    def child_exited():
        nonlocal status
        if status is not None:
            return True
        p, st = os.waitpid(pid, os.WNOHANG)
        if p == pid:
            status = os.waitstatus_to_exitcode(st)
            return True
        return False

    try:
        for step in steps:
            timeout = step.get("timeout", 30)
            if "send" in step:
                os.write(fd, step["send"].encode("utf-8"))
            elif "sleep" in step:
                end = time.time() + step["sleep"]
                while time.time() < end:
                    read_some(max(0.0, end - time.time()))
            elif "expect" in step:
                want = step["expect"].encode("utf-8")
                end = time.time() + timeout
                while want not in pending:
                    if time.time() > end:
                        raise TimeoutError("timed out waiting for %r" % step["expect"])
                    if not read_some(0.1) and child_exited():
                        raise EOFError("the program exited while waiting for %r" % step["expect"])
                del pending[:pending.index(want) + len(want)]
            elif "eof" in step:
                end = time.time() + timeout
                while not child_exited():
                    if time.time() > end:
                        raise TimeoutError("the program did not exit")
                    read_some(0.1)
                while read_some(0.05) and select.select([fd], [], [], 0)[0]:
                    pass
    except (TimeoutError, EOFError) as e:
        result["ok"] = False
        result["error"] = str(e)
    finally:
        if not child_exited():
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    result["status"] = status
    result["transcript"] = transcript.decode("utf-8", "replace")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
