"""Summarise the records a change adds, changes and removes: `python scripts/pr_summary.py --base REV [--head REV] [--data data]`.

Prints Markdown for a GitHub job summary (CI appends it to $GITHUB_STEP_SUMMARY):
the records under data/ that differ between the merge base of REV and HEAD and
HEAD, grouped into added, changed (with the fields that changed) and removed,
each with its kind, id and headline (an event's title, a claim's statement, an
actor's name, a source's title or description). A renamed file is a removed
record and an added one, since the file name is the id. When REV is missing or
unknown (the first push of a branch), it says so and exits 0.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from tracker.cli import exit_with
from tracker.core import kinds
from tracker.load.loader import LoadFailed, decode, load_text
from tracker.load.schema_files import schema_documents

MAX_HEADLINE = 140
NO_COMMIT = re.compile(r"0*")


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
    other: list[str] = field(default_factory=list)  # other files under the data directory


def git(*args: str, cwd: Path) -> bytes:
    """Run git and return its output; raise CalledProcessError on failure."""
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True).stdout


def commit_exists(rev: str, cwd: Path) -> bool:
    """Whether a revision names a commit present in this clone."""
    if not rev or NO_COMMIT.fullmatch(rev):
        return False
    try:
        git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", cwd=cwd)
    except subprocess.CalledProcessError:
        return False
    return True


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
            if path.startswith(data.rstrip("/") + "/"):
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
    """Text made safe for one Markdown table cell: no pipes, no line breaks, no HTML."""
    text = " ".join(text.split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'")


def table(rows: list[list[str]], header: list[str]) -> list[str]:
    """A Markdown table."""
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(row) + " |" for row in rows)]


def render(summary: Summary, base: str, head: str, cwd: Path) -> str:
    """The Markdown summary."""
    counts = f"{len(summary.added)} added, {len(summary.changed)} changed, {len(summary.removed)} removed"
    lines = ["## Records in this change", "", f"{counts} (compared with `{cell(base[:12])}`).", ""]
    if not (summary.added or summary.changed or summary.removed):
        lines += ["No record is added, changed or removed.", ""]

    def kind_id(change: Change) -> list[str]:
        return [kinds.get(change.kind).singular, f"`{change.id}`"]

    if summary.added:
        rows = [[*kind_id(c), cell(headline(c.kind, load_at(head, c.path, cwd)))] for c in summary.added]
        lines += ["### Added", "", *table(rows, ["kind", "id", "headline"]), ""]
    if summary.changed:
        rows = []
        for c in summary.changed:
            after = load_at(head, c.path, cwd)
            fields = changed_fields(c.kind, load_at(base, c.path, cwd), after)
            rows.append([*kind_id(c), cell(headline(c.kind, after)), ", ".join(f"`{f}`" for f in fields) or "formatting only"])
        lines += ["### Changed", "", *table(rows, ["kind", "id", "headline", "fields changed"]), ""]
    if summary.removed:
        rows = [[*kind_id(c), cell(headline(c.kind, load_at(base, c.path, cwd)))] for c in summary.removed]
        lines += ["### Removed", "", *table(rows, ["kind", "id", "headline"]), ""]
    if summary.other:
        lines += ["Other files changed under the data directory (the validator reports them): " + ", ".join(f"`{cell(p)}`" for p in summary.other), ""]
    return "\n".join(lines)


def summarise(base: str, head: str, data: str, cwd: Path) -> str:
    """The summary of the records changed between the merge base of `base` and `head`, and `head`."""
    if not commit_exists(base, cwd):
        return f"## Records in this change\n\nNo base commit to compare with ({cell(base) or 'none given'}), so no record summary.\n"
    output = git("diff", "--name-status", "-z", "--no-renames", f"{base}...{head}", "--", data, cwd=cwd)
    merge_base = git("merge-base", base, head, cwd=cwd).decode().strip()
    return render(classify(parse_name_status(output), data), merge_base, head, cwd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="", help="the commit the change is compared with (a pull request's base)")
    parser.add_argument("--head", default="HEAD", help="the changed commit (default: HEAD)")
    parser.add_argument("--data", default="data", help="data directory, relative to the repository root (default: data)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="repository (default: the current directory)")
    args = parser.parse_args(argv)
    try:
        print(summarise(args.base, args.head, args.data, args.repo))
    except subprocess.CalledProcessError as exc:
        message = exc.stderr.decode(errors="replace").strip() if exc.stderr else str(exc)
        print(f"pr_summary: git failed: {message}", file=sys.stderr)
        return 1
    return 0


def console() -> NoReturn:
    """The `tracker-pr-summary` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
