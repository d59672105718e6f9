"""Check that a change of substance carries a correction: `make corrections` or `python scripts/check_corrections.py [--base REV] [--head REV] [--data data]`.

Compares each record a branch changes, from where it left the base (the merge base of REV and
HEAD; REV is `main` when not given) to HEAD, as the pull-request summary does. A change to what a
record says (a statement, an event's title or summary, a figure, a date, a claim's claimants or
status, or a citation's excerpt) must add an entry under `corrections` saying what the record said
before and says now, unless every commit that changed the record says it only rewords: the
trailer `Rewording: yes` as the last paragraph of its message. Added and removed records owe none
(a removed record is withdrawn, and its page says so).

Prints one `path:line:col: message` line per record at fault (the line of the first change) and
a count; exits 1 on any, 0 otherwise. Like the summary, it compares commits, and a --base that
names no commit is an error, except the all-zero id of a branch's first push (nothing to compare).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

from tracker.cli import exit_with
from tracker.load.dataset import Problem
from tracker.load.report import github_report
from tracker.load.revisions import REWORDING, Refused, changes, document_at, git_failure, resolve, reworded
from tracker.trust import substance


def uncorrected(base: str | None, head: str, data: str, cwd: Path) -> tuple[list[Problem], int]:
    """The changed records whose substance changed with no new correction and no rewording trailer, and how many changed."""
    commits = resolve(base, head, cwd)
    if commits is None:
        return [], 0
    merge_base, head_id = commits
    changed = changes(merge_base, head_id, data, cwd).changed
    problems = []
    for change in changed:
        before, after = document_at(merge_base, change.path, cwd), document_at(head_id, change.path, cwd)
        if before is None or after is None:
            continue  # a record that does not load is the validator's to report
        found = substance.changed(change.kind, before.data, after.data)
        if not found or substance.corrected(before.data, after.data) or reworded(merge_base, head_id, change.path, cwd):
            continue
        line, col = after.position(found[0].path)
        problems.append(
            Problem(
                change.path,
                line,
                col,
                f"{substance.in_words(found)} changed, but no corrections entry was added: add one saying what the record said before "
                f'(wrong) and says now (now); if only the wording changed, end the commit message with the trailer "{REWORDING}: yes"',
            )
        )
    return problems, len(changed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="the branch or commit the change is compared with (default: main); in CI, the pull request's base")
    parser.add_argument("--head", default="HEAD", help="the changed commit (default: HEAD)")
    parser.add_argument("--data", default="data", help="data directory, relative to the repository root (default: data)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="repository (default: the current directory)")
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="output format (default: github under GitHub Actions, else text)",
    )
    parser.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.from_make:  # `make corrections BASE=...`: read from the environment, never through a shell command line
        args.base = os.environ.get("BASE") or None
    try:
        problems, checked = uncorrected(args.base, args.head, args.data, args.repo)
    except (Refused, subprocess.CalledProcessError) as failure:
        refusal = git_failure(failure) if isinstance(failure, subprocess.CalledProcessError) else failure
        print(f"check_corrections: {refusal}", file=sys.stderr)
        return 1
    if args.format == "github":
        print(github_report(problems, {"changed records": checked}))
    else:
        for problem in problems:
            print(problem)
        fault = f"{len(problems)} change{'s' if len(problems) != 1 else ''} of substance without a correction"
        print(f"{fault} ({checked} changed records checked)" if problems else f"ok: {checked} changed records checked")
    return 1 if problems else 0


def console() -> NoReturn:
    """The `tracker-check-corrections` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
