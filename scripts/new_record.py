#!/usr/bin/env python3
"""Scaffold a record: `python scripts/new_record.py [--data DIR] KIND ID` (or `make new KIND=claim ID=some-id`).

The same command as `.venv/bin/tracker-new`; its code is scripts/tracker/cli/new_record.py.
"""

from tracker.cli.new_record import console

if __name__ == "__main__":
    console()
