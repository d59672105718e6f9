"""The command-line tools: one module per command, each with `main(argv) -> int` and `console()`.

`pyproject.toml` names each `console` as an entry point (`tracker-validate`, `tracker-build`, …)
that the Makefile calls; the files in `scripts/` run the same function for `python scripts/x.py`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn


def exit_with(main: Callable[[], int]) -> NoReturn:
    """Exit with main()'s code; Ctrl-C exits 130 quietly instead of printing a traceback."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
