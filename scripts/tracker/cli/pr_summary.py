"""Summarise the records a branch adds, changes and removes: `make summary` or `python scripts/pr_summary.py [--base REV] [--head REV] [--data data]`.

Prints Markdown for a GitHub job summary (CI appends it to $GITHUB_STEP_SUMMARY):
the records under data/ that differ between where the branch left the base (the
merge base of REV and HEAD; REV is `main` when not given) and HEAD, grouped into
added, changed (with the fields that changed) and removed, each with its kind, id
and headline (an event's title, a claim's statement, an actor's name, a source's
title or description). A renamed file is a removed record and an added one, since
the file name is the id.

It compares commits: uncommitted changes under the data directory are left out,
with a warning on stderr. A --base that is empty or names no commit of this clone
is an error (exit 1, the reason on stderr), except the all-zero commit id GitHub
gives as the base of a branch's first push, which gets a summary saying so.

Every text taken from the data is shown as text: each ASCII punctuation character
is escaped, so that no link, image, emphasis, heading, HTML, table cell, autolink
or code span can be formed by a record (a statement cannot plant an "all checks
passed" link in the reviewers' view).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

from tracker.cli import exit_with
from tracker.core import kinds
from tracker.load.dataset import printable
from tracker.load.revisions import Change, Refused, Summary, changed_fields, changes, git_failure, load_at, resolve, uncommitted

MAX_HEADLINE = 140
DOCUMENT_WORDS = {"story.yaml": "the home page's lead and the questions of disputes", "vocabulary.yaml": "the names of measures and tags"}
_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character: each may start or end a construct
_PLAIN_NAME = re.compile(r"[a-z0-9_]+(?:-[a-z0-9_]+)*")  # ids and field names, shown in code spans


def headline(kind: str, data: dict | None) -> str:
    """The text that names a record for a reader, shortened to one line."""
    if data is None:
        return "(does not load: see the validation step)"
    for name in kinds.get(kind).headline:
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= MAX_HEADLINE else text[: MAX_HEADLINE - 1].rstrip() + "…"
    return ""


def cell(text: str) -> str:
    """Data as text in Markdown, on one line: whitespace runs made one space, invisible and control
    characters written as escapes, then every ASCII punctuation character backslash-escaped. No
    link, image, emphasis, heading, HTML tag, entity, table cell, autolink or code span can begin,
    and the rendered text is the data's own (a backslash escape renders as the character alone)."""
    return _MARKDOWN.sub(r"\\\1", printable(" ".join(text.split())))


def code(name: str) -> str:
    """An id or a field name in a code span, when it is one; any other text as text."""
    return f"`{name}`" if _PLAIN_NAME.fullmatch(name) else cell(name)


def table(rows: list[list[str]], header: list[str]) -> list[str]:
    """A Markdown table."""
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(row) + " |" for row in rows)]


def render(summary: Summary, base: str, head: str, cwd: Path) -> str:
    """The Markdown summary (``base`` is the merge base, a commit id)."""
    counts = f"{len(summary.added)} added, {len(summary.changed)} changed, {len(summary.removed)} removed"
    lines = ["## Records in this change", "", f"{counts} (compared with `{base[:12]}`, where this branch left its base).", ""]
    if not (summary.added or summary.changed or summary.removed):
        lines += ["No record is added, changed or removed.", ""]

    def kind_id(change: Change) -> list[str]:
        return [kinds.get(change.kind).singular, code(change.id)]

    if summary.added:
        rows = [[*kind_id(c), cell(headline(c.kind, load_at(head, c.path, cwd)))] for c in summary.added]
        lines += ["### Added", "", *table(rows, ["kind", "id", "headline"]), ""]
    if summary.changed:
        rows = []
        for c in summary.changed:
            after = load_at(head, c.path, cwd)
            fields = changed_fields(c.kind, load_at(base, c.path, cwd), after)
            rows.append([*kind_id(c), cell(headline(c.kind, after)), ", ".join(code(f) for f in fields) or "formatting only"])
        lines += ["### Changed", "", *table(rows, ["kind", "id", "headline", "fields changed"]), ""]
    if summary.removed:
        rows = [[*kind_id(c), cell(headline(c.kind, load_at(base, c.path, cwd)))] for c in summary.removed]
        lines += ["### Removed", "", *table(rows, ["kind", "id", "headline"]), ""]
    if summary.documents:
        lines += ["Also changed: " + ", ".join(f"{cell(p)} ({DOCUMENT_WORDS[Path(p).name]})" for p in summary.documents) + ".", ""]
    if summary.other:
        lines += ["Other files changed under the data directory (the validator reports them): " + ", ".join(cell(p) for p in summary.other), ""]
    return "\n".join(lines)


FIRST_PUSH_SUMMARY = "## Records in this change\n\nThe first push of a branch: there is no earlier commit to compare with, so no record summary.\n"


def summarise(base: str | None, head: str, data: str, cwd: Path) -> str:
    """The summary of the records changed between where ``head`` left ``base`` (main when None) and ``head``."""
    commits = resolve(base, head, cwd)
    if commits is None:
        return FIRST_PUSH_SUMMARY
    merge_base, head_id = commits
    return render(changes(merge_base, head_id, data, cwd), merge_base, head_id, cwd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="the branch or commit the change is compared with (default: main); in CI, the pull request's base")
    parser.add_argument("--head", default="HEAD", help="the changed commit (default: HEAD)")
    parser.add_argument("--data", default="data", help="data directory, relative to the repository root (default: data)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="repository (default: the current directory)")
    parser.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.from_make:  # `make summary BASE=...`: read from the environment, never through a shell command line
        args.base = os.environ.get("BASE") or None
    try:
        summary = summarise(args.base, args.head, args.data, args.repo)
        left_out = uncommitted(args.data, args.repo) if args.head == "HEAD" else []
    except (Refused, subprocess.CalledProcessError) as failure:
        refusal = git_failure(failure) if isinstance(failure, subprocess.CalledProcessError) else failure
        print(f"pr_summary: {refusal}", file=sys.stderr)
        return 1
    if left_out:
        print(
            f"pr_summary: warning: {len(left_out)} uncommitted change(s) under {args.data}/ are not in this summary, which compares "
            f"commits ({', '.join(left_out[:3])}{', …' if len(left_out) > 3 else ''}): commit them to see them here",
            file=sys.stderr,
        )
    print(summary)
    return 0


def console() -> NoReturn:
    """The `tracker-pr-summary` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
