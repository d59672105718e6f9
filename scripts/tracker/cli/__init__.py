"""The command-line tools: one module per command, each with `main(argv) -> int` and `console()`.

`pyproject.toml` names each `console` as an entry point (`tracker-validate`, `tracker-build`, …)
that the Makefile calls; the files in `scripts/` run the same function for `python scripts/x.py`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import NoReturn


def exit_with(main: Callable[[], int]) -> NoReturn:
    """Exit with main()'s code; Ctrl-C exits 130 and a closed pipe 141 quietly, without a traceback.

    A closed pipe is `tracker-validate | head`: the reader has what it wanted. Python's own advice
    (the `signal` module's notes on SIGPIPE) is to point stdout at /dev/null, so that the flush at
    exit does not raise a second time."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 141  # 128 + SIGPIPE, what a shell reports for a command ended by a closed pipe
    sys.exit(code)
