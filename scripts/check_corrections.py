#!/usr/bin/env python3
"""Check that every change of substance to a record carries a correction: `python scripts/check_corrections.py --base REV [--head REV] [--data data]`.

The same command as `.venv/bin/tracker-check-corrections`; its code is scripts/tracker/cli/check_corrections.py.
"""

from tracker.cli.check_corrections import console

if __name__ == "__main__":
    console()
