#!/usr/bin/env python3
"""Validate the data directory: `python scripts/validate.py [--data DIR] [--format text|github] [FILE ...]`.

The same command as `.venv/bin/tracker-validate`; its code is scripts/tracker/cli/validate.py.
"""

from tracker.cli.validate import console

if __name__ == "__main__":
    console()
