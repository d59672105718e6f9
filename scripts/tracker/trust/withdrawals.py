"""Withdrawn records, for the pages that keep their addresses: removed files (from history) and records withdrawn by their `withdrawn` field.

A record is withdrawn in one of two ways. Its file is removed from data/: the history finds the
removing commit (its date and subject are the date and the reason) and the file's last version,
from which the record's last title is read with the strict loader. Or its file stays and says
`withdrawn: {date, reason}`: the record is still checked like any other, but its page says that it
was withdrawn, and it leaves listings, search and counts. Either way, the address keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.load.loader import LoadFailed, decode, load_text
from tracker.trust.history import History, diff_url, last_versions

# The field that titles a record of each kind, in the order tried (a source may have no title).
TITLE_FIELDS = {"events": ("title",), "claims": ("statement",), "actors": ("name",), "sources": ("title", "description")}


@dataclass(frozen=True)
class WithdrawnRecord:
    kind: str  # the kind's folder: events, claims, actors, sources
    id: str
    title: str | None  # its last title; None when the last version cannot be read
    date: str  # RFC 3339 (UTC) of the removing commit, or the day written in the `withdrawn` field
    reason: str  # the removing commit's subject, or the field's reason
    removed: bool  # True: the file was removed; False: withdrawn by its field
    last_version_url: str | None = None  # the last version on the repository host (removed files)
    diff_url: str | None = None  # the removing commit on the repository host


def title_of(kind: str, data: dict) -> str | None:
    """A record's title from its data (None when it has none of its kind's title fields as text)."""
    for name in TITLE_FIELDS.get(kind, ()):
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def removed_records(history: History, repo_url: str) -> list[WithdrawnRecord]:
    """Every record whose file was removed, by kind and id, with its last title (read from its last version)."""
    versions = last_versions(history)
    records = []
    for path, withdrawal in sorted(history.withdrawals.items()):
        kind, _, name = path.partition("/")
        title = None
        last = versions.get(path)
        if last is not None:
            try:
                title = title_of(kind, load_text(decode(last)).data)
            except LoadFailed:
                title = None  # the last version was not a valid record: the page says so without a title
        records.append(
            WithdrawnRecord(
                kind,
                name.removesuffix(".yaml"),
                title,
                withdrawal.date,
                withdrawal.subject,
                True,
                withdrawal.last_version_url(repo_url, history.prefix),
                diff_url(repo_url, withdrawal.sha),
            )
        )
    return records


def explicit_withdrawal(kind: str, rid: str, data: dict) -> WithdrawnRecord | None:
    """The withdrawal a record's `withdrawn` field states (None when it has none); `data` is the loaded, valid record."""
    field = data.get("withdrawn")
    if not field:
        return None
    return WithdrawnRecord(kind, rid, title_of(kind, data), field["date"], field["reason"], False)
