#!/usr/bin/env python3
"""The history step: `python benchmarks/history_step.py DIR` reads DIR's git history as the build does.

One `git log` of the repository (every record's dates and changes, withdrawn records, the changes
per commit), the claims' status histories, and the last versions of withdrawn records; in a process
of its own, like the build step it stands for. Exits 1 when DIR has no history.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker.trust.history import last_versions, read_history, status_histories


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    history = read_history(Path(argv[0]))
    if not history.available:
        print(history.notice, file=sys.stderr)
        return 1
    statuses, withdrawn = status_histories(history), last_versions(history)
    print(f"{len(history.records)} records, {len(history.commits)} commits, {len(withdrawn)} withdrawn, {len(statuses)} status changes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
