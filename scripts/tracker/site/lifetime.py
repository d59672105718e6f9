"""Child processes that end with the build: none may outlive it and write into the next one.

The build runs MkDocs in its own session (so that Ctrl-C reaches only scripts/build.py, which
stops it quietly), MkDocs forks helpers and runs Pagefind. If scripts/build.py is killed, or
MkDocs is, whatever they started would otherwise keep running, orphaned, and keep writing into
the staging folder that the next build has already cleaned and started to fill. So every child
asks Linux to kill it when its parent ends (prctl PR_SET_PDEATHSIG, which also survives exec),
and scripts/build.py, when it is interrupted, kills MkDocs' whole process group before it
deletes the staging folder. Elsewhere than Linux only the second half applies.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def end_with(parent: int) -> Callable[[], None]:
    """A `preexec_fn` (or a forked child's first call): be killed when `parent` ends.

    Looked up here, in the parent, so that the child does no import or library loading between
    fork and exec. If the parent has already ended by the time the child asks, the child ends.
    """
    prctl = _prctl()

    def ask() -> None:
        if prctl is None:
            return
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent ended before the request took effect
            os._exit(1)

    return ask


def kill_group(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    """Kill a child started with `start_new_session=True` and everything in its process group, then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
