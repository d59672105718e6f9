"""Records at two revisions of the repository, compared: what a branch adds, changes and removes.

The pull-request summary (`tracker-pr-summary`) and the corrections check (`tracker-check-corrections`)
both compare each record under data/ at the commit where a branch left its base with the record at
the branch's head. The revisions come from the command line, so each is checked to name a commit
of this clone before git reads anything at it; the records read there are loaded strictly, like
data/ (a record that does not load is None, and the validator reports why).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.core import kinds
from tracker.load.dataset import DOCUMENT_FILES
from tracker.load.loader import Document, LoadFailed, decode, load_text
from tracker.load.schema_files import schema_documents

FIRST_PUSH = re.compile(r"0{40}")  # the "before" commit GitHub gives on the first push of a branch
DEFAULT_BASES = ("main", "origin/main")  # a contributor's clone, then CI's checkout (fetch-depth: 0)
REWORDING = "Rewording"  # the commit-message trailer that says a change only rewords ("Rewording: yes")


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


def git_failure(exc: subprocess.CalledProcessError) -> Refused:
    """A failed git command as a refusal to report: what git said, or the command that failed."""
    message = exc.stderr.decode(errors="replace").strip() if exc.stderr else str(exc)
    return Refused(f"git failed: {message}")


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


def document_at(rev: str, path: str, cwd: Path) -> Document | None:
    """A record at a revision, with the positions of its values, or None when it does not exist there or does not load."""
    try:
        return load_text(decode(git("show", f"{rev}:{path}", cwd=cwd)))
    except (subprocess.CalledProcessError, LoadFailed):
        return None


def load_at(rev: str, path: str, cwd: Path) -> dict[str, Any] | None:
    """A record's data at a revision, or None when it does not exist there or does not load."""
    document = document_at(rev, path, cwd)
    return document.data if document is not None else None


def changed_fields(kind: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    """Top-level fields whose value differs, in schema order (unknown fields last)."""
    if before is None or after is None:
        return []
    order = list(schema_documents()[kinds.get(kind).schema]["properties"])
    names = {k for k in set(before) | set(after) if before.get(k, ...) != after.get(k, ...)}
    return sorted(names, key=lambda k: (order.index(k) if k in order else len(order), k))


def changes(merge_base: str, head: str, data: str, cwd: Path) -> Summary:
    """The records and other files under ``data`` that differ between two commits."""
    output = git("diff", "--name-status", "-z", "--no-renames", merge_base, head, "--", data, cwd=cwd)
    return classify(parse_name_status(output), data)


def reworded(merge_base: str, head: str, path: str, cwd: Path) -> bool:
    """Whether every commit between the two that changed ``path`` says it only rewords: a trailer
    "Rewording: yes" in its message (read by git's own trailer parser, so only the message's last
    paragraph counts, as for "Signed-off-by"). Merge commits are left out: they change nothing of their own."""
    output = git("log", "--no-merges", f"--format=%x01%(trailers:key={REWORDING},valueonly,separator=%x2C)", f"{merge_base}..{head}", "--", path, cwd=cwd)
    values = output.decode("utf-8", errors="replace").split("\x01")[1:]
    return bool(values) and all(value.strip().casefold() == "yes" for value in values)
