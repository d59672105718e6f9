"""Validate the data directory: `python scripts/validate.py [--data DIR] [--format text|github] [FILE ...]`.

Prints one `path:line:col: message` line per problem, then one
`path:line:col: warning: message` line per warning, and a count; exits 1 on
any problem, 0 otherwise (warnings never fail it). With FILEs (what pre-commit and CI pass), only
problems in those files are reported, but references are still checked
against the whole data directory.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import NoReturn

from tracker.check.validate import validate
from tracker.cli import exit_with
from tracker.load.report import github_report, text_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("DATA", "data"), help="data directory (default: data)")
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="output format (default: github under GitHub Actions, else text)",
    )
    parser.add_argument("files", nargs="*", type=Path, help="only report problems in these files")
    args = parser.parse_args(argv)
    result = validate(Path(args.data), only=args.files or None)
    report = github_report if args.format == "github" else text_report
    print(report(result.problems, result.counts(), result.warnings))
    return 0 if result.ok else 1


def console() -> NoReturn:
    """The `tracker-validate` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
