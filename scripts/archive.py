#!/usr/bin/env python3
"""Archive an article: `make archive ID=some-id FILE=saved-page.html URL=https://...` (or `TEXT=article.txt`).

The same command as `.venv/bin/tracker-archive`; its code is scripts/tracker/cli/archive.py.
"""

from tracker.cli.archive import console

if __name__ == "__main__":
    console()
