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
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from tracker.cli import exit_with
from tracker.core import kinds
from tracker.load.dataset import DOCUMENT_FILES, printable
from tracker.load.loader import LoadFailed, decode, load_text
from tracker.load.schema_files import schema_documents

MAX_HEADLINE = 140
DOCUMENT_WORDS = {"story.yaml": "the home page's lead and the questions of disputes", "vocabulary.yaml": "the names of measures and tags"}
FIRST_PUSH = re.compile(r"0{40}")  # the "before" commit GitHub gives on the first push of a branch
DEFAULT_BASES = ("main", "origin/main")  # a contributor's clone, then CI's checkout (fetch-depth: 0)
_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character: each may start or end a construct
_PLAIN_NAME = re.compile(r"[a-z0-9_]+(?:-[a-z0-9_]+)*")  # ids and field names, shown in code spans


class Refused(Exception):
    """A base or head that cannot be compared: the message says why."""


@dataclass(frozen=True)
class Change:
    status: str  # "added", "changed" or "removed"
    kind: str
    id: str
    path: str


@dataclass
class Summary:
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # data/story.yaml, data/vocabulary.yaml
    other: list[str] = field(default_factory=list)  # other files under the data directory


def git(*args: str, cwd: Path) -> bytes:
    """Run git and return its output; raise CalledProcessError on failure."""
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True).stdout


def commit_of(rev: str, cwd: Path) -> str | None:
    """The commit id a revision names in this clone, or None."""
    if not rev or rev.startswith("-"):
        return None
    try:
        return git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}", cwd=cwd).decode().strip()
    except subprocess.CalledProcessError:
        return None


def resolve(base: str | None, head: str, cwd: Path) -> tuple[str, str] | None:
    """(merge base, head) as commit ids: where the branch left ``base`` (main when None); None on a first push."""
    head_id = commit_of(head, cwd)
    if head_id is None:
        raise Refused(f"--head {head!r} is not a commit in this repository")
    if base is None:
        found = next((name for name in DEFAULT_BASES if commit_of(name, cwd)), None)
        if found is None:
            raise Refused("there is no branch main to compare with: give --base (the branch or commit this work started from)")
        base = found
    elif not base.strip():
        raise Refused("--base is empty: give the branch or commit to compare with (in CI, the pull request's base commit)")
    elif FIRST_PUSH.fullmatch(base):
        return None
    base_id = commit_of(base, cwd)
    if base_id is None:
        raise Refused(f"--base {base!r} is not a commit in this repository (a shallow clone? CI checks out with fetch-depth: 0)")
    try:
        merge_base = git("merge-base", base_id, head_id, cwd=cwd).decode().strip()
    except subprocess.CalledProcessError:
        raise Refused(f"--base {base!r} and --head {head!r} share no history: nothing to compare with") from None
    return merge_base, head_id


def uncommitted(data: str, cwd: Path) -> list[str]:
    """Paths under the data directory that differ from HEAD in the working tree or the index, or are untracked."""
    output = git("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", data, cwd=cwd)
    entries = output.decode("utf-8", errors="surrogateescape").split("\0")
    return [entry[3:] for entry in entries if len(entry) > 3 and entry[2] == " "]


def parse_name_status(output: bytes) -> list[tuple[str, str]]:
    """(status letter, path) pairs from `git diff --name-status -z --no-renames`."""
    fields = output.decode("utf-8", errors="surrogateescape").split("\0")
    return [(fields[i][:1], fields[i + 1]) for i in range(0, len(fields) - 1, 2) if fields[i]]


def classify(entries: list[tuple[str, str]], data: str) -> Summary:
    """Sort changed paths into added, changed and removed records; anything else under data/ is 'other'."""
    record = re.compile(rf"{re.escape(data.rstrip('/'))}/({'|'.join(kinds.FOLDERS)})/([a-z0-9]+(?:-[a-z0-9]+)*)\.yaml")
    summary = Summary()
    for status, path in entries:
        match = record.fullmatch(path)
        if not match:
            if path.removeprefix(data.rstrip("/") + "/") in DOCUMENT_FILES:
                summary.documents.append(path)
            elif path.startswith(data.rstrip("/") + "/"):
                summary.other.append(path)
            continue
        kind, record_id = match.groups()
        if status == "A":
            summary.added.append(Change("added", kind, record_id, path))
        elif status == "D":
            summary.removed.append(Change("removed", kind, record_id, path))
        else:
            summary.changed.append(Change("changed", kind, record_id, path))
    return summary


def load_at(rev: str, path: str, cwd: Path) -> dict | None:
    """A record's data at a revision, or None when it does not exist there or does not load."""
    try:
        return load_text(decode(git("show", f"{rev}:{path}", cwd=cwd))).data
    except (subprocess.CalledProcessError, LoadFailed):
        return None


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


def changed_fields(kind: str, before: dict | None, after: dict | None) -> list[str]:
    """Top-level fields whose value differs, in schema order (unknown fields last)."""
    if before is None or after is None:
        return []
    order = list(schema_documents()[kinds.get(kind).schema]["properties"])
    names = {k for k in set(before) | set(after) if before.get(k, ...) != after.get(k, ...)}
    return sorted(names, key=lambda k: (order.index(k) if k in order else len(order), k))


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
    output = git("diff", "--name-status", "-z", "--no-renames", merge_base, head_id, "--", data, cwd=cwd)
    return render(classify(parse_name_status(output), data), merge_base, head_id, cwd)


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
    except Refused as refusal:
        print(f"pr_summary: {refusal}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode(errors="replace").strip() if exc.stderr else str(exc)
        print(f"pr_summary: git failed: {message}", file=sys.stderr)
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
