"""Changes of substance: what a record says that readers rely on, compared between two versions.

A correction is owed to readers whenever a record changes what it says (its statement, a figure,
a date, who made a claim, a claim's status, or the words it cites), not when its wording alone
changes. The corrections check (`tracker-check-corrections`) asks, for each record a branch
changes, whether such a change came with a new `corrections` entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Substance:
    words: str  # as a reader would name it: "the statement", "a figure"
    path: tuple[str, ...]  # where it stands in the record, for the message's line
    read: Callable[[dict[str, Any]], object]


def _field(name: str) -> Callable[[dict[str, Any]], object]:
    return lambda data: data.get(name)


def _status(data: dict[str, Any]) -> object:
    assessment = data.get("assessment")
    return assessment.get("status") if isinstance(assessment, dict) else None


def _excerpts_removed(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """An excerpt cited before and no longer cited: edited or dropped (a citation added changes nothing said)."""

    def excerpts(data: dict[str, Any]) -> set[object]:
        citations = data.get("citations")
        return {c.get("excerpt") for c in citations if isinstance(c, dict)} if isinstance(citations, list) else set()

    return bool(excerpts(before) - excerpts(after))


# By kind (folder): what a record states. A citation's excerpt counts for every kind.
SUBSTANCE: dict[str, tuple[Substance, ...]] = {
    "events": (
        Substance("the title", ("title",), _field("title")),
        Substance("the summary", ("summary",), _field("summary")),
        Substance("the date", ("date",), _field("date")),
    ),
    "claims": (
        Substance("the claimants", ("claimants",), _field("claimants")),
        Substance("the statement", ("statement",), _field("statement")),
        Substance("the date", ("date",), _field("date")),
        Substance("a figure", ("quantities",), _field("quantities")),
        Substance("the status", ("assessment", "status"), _status),
    ),
    "actors": (),
    "sources": (Substance("the date of publication", ("published",), _field("published")),),
}
EXCERPT = Substance("a citation's excerpt", ("citations",), _field("citations"))


def changed(kind: str, before: dict[str, Any], after: dict[str, Any]) -> list[Substance]:
    """What of substance differs between two versions of a record, in the record's order."""
    found = [s for s in SUBSTANCE[kind] if s.read(before) != s.read(after)]
    return [*found, EXCERPT] if _excerpts_removed(before, after) else found


def corrected(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether the later version adds a corrections entry the earlier one did not have."""

    def entries(data: dict[str, Any]) -> list[object]:
        value = data.get("corrections")
        return value if isinstance(value, list) else []

    old = entries(before)
    return any(entry not in old for entry in entries(after))


def in_words(found: list[Substance]) -> str:
    """ "the statement", "the statement and a figure", "the title, the date and a citation's excerpt"."""
    names = [s.words for s in found]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
