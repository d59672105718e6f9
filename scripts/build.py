#!/usr/bin/env python3
"""Build the site: `python scripts/build.py [--data DIR] [--site-dir DIR]`.

The same command as `.venv/bin/tracker-build`; its code is scripts/tracker/cli/build.py.
"""

from tracker.cli.build import console

if __name__ == "__main__":
    console()
