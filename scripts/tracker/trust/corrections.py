"""Corrections in the open: a record's `corrections` list, gathered for the Corrections page and feed, and as schema.org CorrectionComment.

Pure functions over loaded record data (the model does not carry corrections yet): the page layer
shows a record's corrections at the top of its page, the Corrections page lists every correction
newest first, and the record's JSON-LD carries each one as a CorrectionComment (the markup Full
Fact recommends for fact checks).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Correction:
    kind: str  # the kind's folder: events, claims, sources
    id: str
    date: str  # the day, "YYYY-MM-DD"
    wrong: str  # what the record said, and why that was wrong
    now: str  # what it says since


def of_record(kind: str, rid: str, data: dict) -> list[Correction]:
    """A record's corrections, oldest first as written; `data` is the loaded, valid record."""
    return [Correction(kind, rid, c["date"], c["wrong"], c["now"]) for c in data.get("corrections", [])]


def newest_first(corrections: list[Correction]) -> list[Correction]:
    """Every correction for the Corrections page and feed: newest day first, then by kind and id, then as written (a stable order)."""
    ordered = sorted(corrections, key=lambda c: (c.kind, c.id))  # stable: a record's own order is kept
    return sorted(ordered, key=lambda c: c.date, reverse=True)


def correction_comment(correction: Correction, page_url: str) -> dict:
    """One correction as a schema.org CorrectionComment, for the record's JSON-LD `correction` list."""
    return {
        "@type": "CorrectionComment",
        "datePublished": correction.date,
        "text": f"What was wrong: {correction.wrong} What it says now: {correction.now}",
        "url": f"{page_url}#corrections",
    }
