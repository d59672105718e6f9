"""`git log` output read strictly: fields that cannot run into each other, and each checked before use.

The history is untrusted input like data/: a pull request merged with its commits brings their
subjects, dates and ids, which its author chose. So the log is read in a format whose separators
cannot occur inside a field: every field of a commit is followed by a NUL, which git never prints
inside a subject, an id or a date, and with `-z` the file list is NUL-separated too. Fields are
taken by position, never by searching for a separator, so a subject holding control characters,
a file named like a marker, or a forged date is only ever that field.

Each commit is then checked: its id and its parents' ids are 40 hexadecimal digits, its date a
whole number of seconds no earlier than the repository's first commit and no later than the build's
SOURCE_DATE_EPOCH (the commit built, when that is set earlier by hand; never after the last year a
date may fall in, dates.MAX_YEAR), and its subject valid UTF-8 with no
control or invisible character. A commit that fails is a `LogProblem`, reported with its id and
left out of everything that is published; its file changes still tell which record is which.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tracker.core.dates import MAX_YEAR
from tracker.load.loader import FORBIDDEN_CHARACTERS

COMMIT_ID = re.compile(r"[0-9a-f]{40}")
_EPOCH = re.compile(r"[0-9]{1,12}")
MARKER = b"commit"  # the first field of every commit; recognised by its position, never searched for
# Per commit: the marker, id, parent ids, committer date (seconds since 1970) and subject, each ended by a NUL.
LOG_FORMAT = "commit%x00%H%x00%P%x00%ct%x00%s%x00"
# The last second of the last year a date may fall in (dates.MAX_YEAR): the pages print commit dates as dates.
LAST_PRINTABLE = int(datetime(MAX_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp())
_HEADER_FIELDS = 4


class LogError(ValueError):
    """Output that is not what `git log` prints for LOG_FORMAT: nothing of it can be trusted."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One file of a commit's `--raw` list: status letter, paths before and after, blob ids before and after."""

    status: str
    old: str
    new: str
    old_blob: str
    new_blob: str


@dataclass(slots=True)
class RawCommit:
    """One commit as printed, fields not yet checked (bytes), with its files."""

    fields: list[bytes]
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Header:
    """A commit's checked fields: id, first parent (or ""), date (RFC 3339, UTC) and subject."""

    sha: str
    parent: str
    date: str
    subject: str


@dataclass(frozen=True, slots=True)
class LogProblem:
    """A commit left out of the history, and why."""

    sha: str  # as printed, made safe for one line
    message: str

    def __str__(self) -> str:
        return f"commit {self.sha}: {self.message}; it is left out of the published history"


def rfc3339(epoch: int) -> str:
    """A commit time as RFC 3339 in UTC: 2026-11-29T15:46:46Z."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_commit_id(text: str) -> bool:
    return COMMIT_ID.fullmatch(text) is not None


def parse_epoch(text: str) -> int | None:
    """A whole, non-negative number of seconds written in decimal digits, or None."""
    return int(text) if _EPOCH.fullmatch(text) else None


def _path(raw: bytes) -> str:
    # A file name is not published as written (records are named by id); undecodable bytes only need to stay distinct.
    return raw.decode("utf-8", "surrogateescape")


def commits(log: bytes) -> Iterator[RawCommit]:
    """The commits of `git log -z --raw --format=LOG_FORMAT` output, in order; LogError if it is not such output."""
    tokens = log.split(b"\0")
    i, n = 0, len(tokens)
    current: RawCommit | None = None
    while i < n:
        token = tokens[i]
        if token in (b"", b"\n"):  # the ends of the header and of the output
            i += 1
            continue
        if token == MARKER:
            if current is not None:
                yield current
            current = RawCommit(tokens[i + 1 : i + 1 + _HEADER_FIELDS])
            if len(current.fields) != _HEADER_FIELDS:
                raise LogError("a commit's fields are cut short")
            i += 1 + _HEADER_FIELDS
            continue
        meta = token.lstrip(b"\n").decode("ascii", "replace").split(" ")  # :old-mode new-mode old-blob new-blob status
        if current is None or len(meta) != 5 or not meta[0].startswith(":") or not meta[4]:
            raise LogError(f"unexpected output {token[:40]!r}")
        status = meta[4][0]
        paths = 2 if status in "RC" else 1
        if i + paths >= n:
            raise LogError("a file entry is cut short")
        old, new = _path(tokens[i + 1]), _path(tokens[i + paths])
        current.entries.append(Entry(status, old, new, meta[2], meta[3]))
        i += 1 + paths
    if current is not None:
        yield current


def check(raw: RawCommit, earliest: int, latest: int, latest_is: str = "") -> Header | LogProblem:
    """The commit's checked header, or the problem that keeps it out of the history.

    `earliest` is the date of the repository's first commit, `latest` the build's SOURCE_DATE_EPOCH
    (or LAST_PRINTABLE without one), which `latest_is` names for the message."""
    sha_raw, parents_raw, epoch_raw, subject_raw = raw.fields
    sha = sha_raw.decode("ascii", "replace")
    shown = sha if is_commit_id(sha) else repr(sha[:60])
    if not is_commit_id(sha):
        return LogProblem(shown, "its id is not 40 hexadecimal digits")
    parents = parents_raw.decode("ascii", "replace").split(" ") if parents_raw else []
    if not all(is_commit_id(p) for p in parents):
        return LogProblem(shown, "a parent's id is not 40 hexadecimal digits")
    epoch = parse_epoch(epoch_raw.decode("ascii", "replace"))
    if epoch is None:
        return LogProblem(shown, f"its date {epoch_raw[:40]!r} is not a number of seconds")
    if epoch > min(latest, LAST_PRINTABLE):
        limit = f"the last day of {MAX_YEAR}" if latest >= LAST_PRINTABLE else f"{latest_is or 'the latest date allowed'} ({rfc3339(latest)})"
        return LogProblem(shown, f"it is dated after {limit}")
    if epoch < earliest:
        return LogProblem(shown, f"it is dated {rfc3339(epoch)}, before the repository's first commit ({rfc3339(earliest)})")
    try:
        subject = subject_raw.decode("utf-8")
    except UnicodeDecodeError:
        return LogProblem(shown, "its subject is not valid UTF-8")
    bad = FORBIDDEN_CHARACTERS.search(subject)
    if bad:
        return LogProblem(shown, f"its subject holds the control or invisible character U+{ord(bad.group()):04X}")
    return Header(sha, parents[0] if parents else "", rfc3339(epoch), subject)
