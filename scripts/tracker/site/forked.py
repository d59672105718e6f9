"""Work handed to a forked child process during `mkdocs build`, to use the machine's second core.

MkDocs renders pages in one thread; the build forks helpers that share the parent's memory
(copy-on-write, nothing is pickled on the way in) and talk back over a pipe. A helper that
fails sends its error as a message, never a traceback; one that dies is noticed as EOF.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from tracker.site import lifetime


class HelperGone(Exception):
    """The helper ended (or failed) before sending what was asked of it."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _run(work: Callable[[Connection], None], connection: Connection, parents_end: Connection, ending: Callable[[], None]) -> None:
    ending()  # killed with the parent, as it may be writing into the staging folder
    # fork copied the parent's end of the pipe into this child too: closed here, so that when the
    # parent dies (killed, or Ctrl-C) the child's next read ends instead of waiting forever
    parents_end.close()
    try:
        work(connection)
    except BaseException as error:  # the parent reports it; the child never prints a traceback
        detail = "".join(traceback.format_exception_only(type(error), error)).strip()
        with contextlib.suppress(OSError):
            connection.send(("failed", detail))
    finally:
        connection.close()


class Helper:
    """``work(connection)`` running in a forked child; the parent holds the other end of the pipe."""

    def __init__(self, work: Callable[[Connection], None], name: str):
        self.name = name
        parent_end, child_end = multiprocessing.Pipe(duplex=True)
        self.process = multiprocessing.get_context("fork").Process(
            target=_run, args=(work, child_end, parent_end, lifetime.end_with(os.getpid())), daemon=True, name=name
        )
        self.process.start()
        child_end.close()
        self.connection = parent_end

    def receive(self) -> Any:
        """The next message; HelperGone when the child failed or ended."""
        try:
            message = self.connection.recv()
        except (EOFError, OSError) as error:
            raise HelperGone(f"{self.name} ended without a report") from error
        if isinstance(message, tuple) and len(message) == 2 and message[0] == "failed":
            raise HelperGone(f"{self.name} failed: {message[1]}")
        return message

    def receive_bytes(self) -> bytes | None:
        """The next raw message, or None when the child has ended."""
        try:
            return self.connection.recv_bytes()
        except (EOFError, OSError):
            return None

    def send(self, message: Any) -> None:
        try:
            self.connection.send(message)
        except OSError as error:
            raise HelperGone(f"{self.name} ended early") from error

    def stop(self) -> None:
        """End the child (if it still runs) and reap it."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(timeout=10)
        self.connection.close()
