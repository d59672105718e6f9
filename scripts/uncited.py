#!/usr/bin/env python3
"""What is not cited yet: `make uncited SOURCE=some-id` (or `python scripts/uncited.py [--data DIR] SOURCE`).

The same command as `.venv/bin/tracker-uncited`; its code is scripts/tracker/cli/uncited.py.
"""

from tracker.cli.uncited import console

if __name__ == "__main__":
    console()
