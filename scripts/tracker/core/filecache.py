"""Caches of what is read from files that `make serve` watches (schemas, archived texts).

Within one run these are read once (at 10,000 records a seed is looked up per citation). But
`mkdocs serve` keeps this package imported between rebuilds, and a plain ``functools.cache``
would keep showing an edited schema or seed as it was when the server started, while
`make validate` reads it afresh. So every such cache is made with ``per_run`` and all of them
are forgotten at the start of each validation (tracker.check.validate.validate), which begins every
build and every rebuild: each sees the files as they are now, exactly as `make validate` does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_CLEARS: list[Callable[[], None]] = []


def per_run(fn: F) -> F:
    """``functools.cache``, forgotten by ``forget()``."""
    cached = functools.cache(fn)
    _CLEARS.append(cached.cache_clear)
    return cached  # type: ignore[return-value]  # functools.cache keeps the signature


def forget() -> None:
    """Forget everything read from files: the next call reads them again."""
    for clear in _CLEARS:
        clear()
