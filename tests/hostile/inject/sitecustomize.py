"""Fault and environment injection for build subprocesses (put this folder on PYTHONPATH).

Python imports ``sitecustomize`` at startup, so every Python process of a build
(scripts/build.py and the ``mkdocs build`` it starts) is changed the same way. Each change
is off unless its environment variable is set:

TRACKER_NET_GUARD=<log file>
    Block network access: a connection or DNS lookup that is not for the loopback interface
    fails with ENETUNREACH and is appended to the log file, so that an attempt is seen even
    when the code that made it swallows the error. tests/conftest.py sets it for the whole test
    session (the pytest processes and every process they start), and fails the session on any entry.
TRACKER_FAKE_CLOCK_SHIFT=<seconds>
    Move the clock: time.time(), time.gmtime()/localtime()/strftime() and
    datetime.now()/utcnow()/today() report a time that many seconds away.
TRACKER_FAULT_SKIP_PAGE=<docs path, such as events/statement.md>
    MkDocs builds every page but that one: a record silently lost between reading and publishing.
TRACKER_FAULT_KILL_AFTER_RENAME=<absolute path>
    The process kills itself (SIGKILL) right after renaming that path: a build interrupted
    in the middle of swapping the new site into place.
TRACKER_FAULT_SLOW_SEARCH=<pid file>
    The search indexer is a stand-in that writes its process id to that file and then waits a
    minute: a build that is interrupted while its search index is being made.
"""

from __future__ import annotations

import os


def _net_guard(log_path: str) -> None:
    import errno
    import ipaddress
    import socket

    def allowed(host: object) -> bool:
        if host in (None, "", "localhost", "localhost.localdomain"):
            return True
        try:
            return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
        except ValueError:
            return False

    def log_file() -> str:
        # read at each attempt: a test may point the guard at a log of its own (tests/test_offline.py)
        return os.environ.get("TRACKER_NET_GUARD") or log_path

    def refuse(what: str) -> OSError:
        with open(log_file(), "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {what}\n")
        return OSError(errno.ENETUNREACH, f"network access blocked by the offline test: {what}")

    original_connect, original_connect_ex, original_sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
    original_getaddrinfo = socket.getaddrinfo

    def is_local(sock: socket.socket, address: object) -> bool:
        if sock.family == getattr(socket, "AF_UNIX", None):
            return True
        return isinstance(address, tuple) and allowed(address[0])

    def connect(self, address):
        if not is_local(self, address):
            raise refuse(f"connect {address!r}")
        return original_connect(self, address)

    def connect_ex(self, address):
        if not is_local(self, address):
            refuse(f"connect_ex {address!r}")
            return errno.ENETUNREACH
        return original_connect_ex(self, address)

    def sendto(self, data, *args):
        address = args[-1]
        if not is_local(self, address):
            raise refuse(f"sendto {address!r}")
        return original_sendto(self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        if not allowed(host):
            with open(log_file(), "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()} getaddrinfo {host!r}\n")
            raise socket.gaierror(socket.EAI_NONAME, f"name lookup blocked by the offline test: {host}")
        return original_getaddrinfo(host, *args, **kwargs)

    getaddrinfo.tracker_net_guard = True  # type: ignore[attr-defined]  # guarded once per process, however often loaded
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.socket.sendto = sendto
    socket.getaddrinfo = getaddrinfo


def _fake_clock(shift: float) -> None:
    import datetime
    import time

    real_time, real_time_ns = time.time, time.time_ns
    real_gmtime, real_localtime, real_strftime = time.gmtime, time.localtime, time.strftime
    time.time = lambda: real_time() + shift
    time.time_ns = lambda: real_time_ns() + int(shift * 1e9)
    time.gmtime = lambda secs=None: real_gmtime(time.time() if secs is None else secs)
    time.localtime = lambda secs=None: real_localtime(time.time() if secs is None else secs)
    time.strftime = lambda fmt, t=None: real_strftime(fmt, time.localtime() if t is None else t)

    class FakeDatetime(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(time.time(), tz)

        @classmethod
        def utcnow(cls):
            return cls.fromtimestamp(time.time(), datetime.UTC).replace(tzinfo=None)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(time.time())

    class FakeDate(datetime.date):
        @classmethod
        def today(cls):
            return cls.fromtimestamp(time.time())

    datetime.datetime = FakeDatetime
    datetime.date = FakeDate


def _skip_page(src_uri: str) -> None:
    from mkdocs.commands import build

    original = build._build_page

    def build_page(page, *args, **kwargs):
        if page.file.src_uri == src_uri:
            return None
        return original(page, *args, **kwargs)

    build._build_page = build_page


def _kill_after_rename(target: str) -> None:
    import pathlib
    import signal

    original_path_rename, original_os_rename = pathlib.Path.rename, os.rename

    def path_rename(self, new):
        result = original_path_rename(self, new)
        if os.path.abspath(self) == target:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    def os_rename(src, dst, *args, **kwargs):
        original_os_rename(src, dst, *args, **kwargs)
        if os.path.abspath(src) == target:
            os.kill(os.getpid(), signal.SIGKILL)

    pathlib.Path.rename = path_rename
    os.rename = os_rename


def _slow_search(pid_file: str) -> None:
    import subprocess

    original_run = subprocess.run

    def run(command, *args, **kwargs):
        if isinstance(command, list) and command and os.path.basename(str(command[0])).startswith("pagefind"):
            # exec keeps the process id (and what the build asked of the process, such as ending with its parent)
            command = ["sh", "-c", 'echo $$ > "$0"; exec sleep 60', pid_file]
        return original_run(command, *args, **kwargs)

    subprocess.run = run


if os.environ.get("TRACKER_NET_GUARD") and not getattr(__import__("socket").getaddrinfo, "tracker_net_guard", False):
    _net_guard(os.environ["TRACKER_NET_GUARD"])
if os.environ.get("TRACKER_FAKE_CLOCK_SHIFT"):
    _fake_clock(float(os.environ["TRACKER_FAKE_CLOCK_SHIFT"]))
if os.environ.get("TRACKER_FAULT_SKIP_PAGE"):
    _skip_page(os.environ["TRACKER_FAULT_SKIP_PAGE"])
if os.environ.get("TRACKER_FAULT_KILL_AFTER_RENAME"):
    _kill_after_rename(os.environ["TRACKER_FAULT_KILL_AFTER_RENAME"])
if os.environ.get("TRACKER_FAULT_SLOW_SEARCH"):
    _slow_search(os.environ["TRACKER_FAULT_SLOW_SEARCH"])
