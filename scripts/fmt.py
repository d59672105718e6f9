#!/usr/bin/env python3
"""Canonical formatting of data files: `python scripts/fmt.py [--check] [--data DIR] [FILE ...]`.

The same command as `.venv/bin/tracker-fmt`; its code is scripts/tracker/cli/fmt.py.
"""

from tracker.cli.fmt import console

if __name__ == "__main__":
    console()
