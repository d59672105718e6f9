#!/usr/bin/env python3
"""Summarise the records a change adds, changes and removes: `python scripts/pr_summary.py --base REV [--head REV] [--data data]`.

The same command as `.venv/bin/tracker-pr-summary`; its code is scripts/tracker/cli/pr_summary.py.
"""

from tracker.cli.pr_summary import console

if __name__ == "__main__":
    console()
