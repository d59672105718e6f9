"""Cross-record date rules: a record's date and the dates of the sources that report it.

Same shape as the rules in rules.py: a function of a record that passed its
schema and the whole dataset, yielding ``(path, message)``; its docstring is
the published rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.check.rulebook import rule
from tracker.core import dates
from tracker.load.dataset import Dataset, RecordFile

# Coarse to fine: a date's precision is that of its finest known end.
PRECISION_RANK = {"century": 0, "decade": 1, "year": 2, "month": 3, "day": 4}
UNDATED = -1


def precision(value: dates.EdtfDate) -> int:
    return max((PRECISION_RANK[end.precision] for end in (value.start, value.end) if end), default=UNDATED)


def _reporting_sources(record: RecordFile, ds: Dataset) -> list[RecordFile]:
    ids = [record.data["made_in"]] if record.kind == "claims" else []
    ids += [citation["source"] for citation in record.data.get("citations", [])]
    found = [ds.by_id.get(source_id) for source_id in dict.fromkeys(ids)]
    return [s for s in found if s is not None and s.kind == "sources" and s.schema_ok]


@rule("claims", "events")
def check_date_precision(record: RecordFile, ds: Dataset) -> Iterator[tuple[tuple[Any, ...], str]]:
    """A claim or event dated more precisely than every source that reports it (the source it
    was made in, the sources it cites) has a date_note saying how that precision was obtained;
    an event dated to the day may instead cite an excerpt that gives the day."""
    if record.kind not in ("claims", "events") or "date" not in record.data or "date_note" in record.data:
        return
    sources = _reporting_sources(record, ds)
    if not sources:
        return  # an unknown source is reported by the reference rule
    ranked = [(precision(dates.parse(s.data["published"])) if "published" in s.data else UNDATED, s) for s in sources]
    best_rank, best = max(ranked, key=lambda pair: pair[0])
    value = record.data["date"]
    parsed = dates.parse(value)
    if parsed.is_fuzzy:
        return  # check_date_notes already asks a fuzzy date for its note
    if record.kind == "events" and precision(parsed) == PRECISION_RANK["day"]:
        return  # check_exact_day asks for an excerpt that gives the day, or a note
    if precision(parsed) > best_rank:
        published = f"published {best.data['published']}" if "published" in best.data else "undated"
        yield (
            ("date",),
            f"date {value!r} is more precise than the source that reports it ({best.id!r}, {published}); "
            "add a date_note saying where the precision comes from, such as the day the source gives",
        )
