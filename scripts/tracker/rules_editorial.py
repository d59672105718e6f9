"""Editorial rules: what a machine can catch of "no more than the source says".

Each checks one field against the record's own cited excerpts, so that a
place, a day, a figure or a description is only written where a cited passage
gives it. They compare case-insensitively and after `normalise`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from . import dates
from .dataset import Dataset, RecordFile
from .rulebook import Finding, cited_texts, normalise, rule

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]


def _folded_excerpts(record: RecordFile) -> list[str]:
    return [normalise(c["excerpt"]).casefold() for c in record.data.get("citations", [])]


@rule("actors")
def check_described_as(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An actor's described_as is in the source's own words: it occurs in one of the actor's excerpts or in the archived text of a source it cites."""
    if "described_as" not in record.data:
        return
    wanted = normalise(record.data["described_as"]).casefold()
    for excerpt, text in cited_texts(record, ds):
        if wanted in excerpt.casefold() or (text is not None and wanted in text.casefold()):
            return
    yield (
        ("described_as",),
        f"{record.data['described_as']!r} does not occur in the actor's excerpts or the archived text they cite; use the source's own words",
    )


def _day_patterns(day: date) -> re.Pattern[str]:
    """'January 20', 'Jan. 20th', '20 January', '2025-01-20' for one day (the year may be given elsewhere)."""
    month = _MONTHS[day.month - 1]
    name = rf"(?:{month}|{month[:3]}\.?)"
    number = rf"0?{day.day}(?:st|nd|rd|th)?"
    return re.compile(rf"\b(?:{name}\s+{number}\b|{number}\s+(?:of\s+)?{name}\b|{day.isoformat()})")


@rule("events")
def check_exact_day(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An event dated to an exact day has that day in one of its excerpts, or a date_note saying how the day was obtained."""
    if "date_note" in record.data:
        return
    parsed = dates.parse(record.data["date"])
    seen: set[date] = set()  # a single date is both start and end of its EdtfDate
    for end in (parsed.start, parsed.end):
        if end is None or end.precision != "day" or end.qualifier or end.earliest in seen:
            continue
        seen.add(end.earliest)
        pattern = _day_patterns(end.earliest)
        if not any(pattern.search(excerpt) for excerpt in _folded_excerpts(record)):
            yield (
                ("date",),
                f"no excerpt gives the day {end.earliest.isoformat()}; cite the passage that does, or add a date_note saying how the day was obtained",
            )


@rule("events")
def check_location_cited(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An event's location is named in one of its excerpts."""
    if "location" not in record.data:
        return
    name = normalise(record.data["location"]["name"]).casefold()
    if not any(name in excerpt for excerpt in _folded_excerpts(record)):
        yield (
            ("location", "name"),
            f"{record.data['location']['name']!r} is not named in any of the event's excerpts; cite the passage that names the place, or leave location out",
        )


def _figures(value: float) -> set[str]:
    """How a statement may write a figure: 6854, 6,854 (and 2.5 as it is)."""
    if float(value).is_integer():
        number = int(value)
        return {str(number), f"{number:,}"}
    return {repr(float(value)), f"{value:,}"}


@rule("claims")
def check_quantity_statement(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim's quantity restates its statement: the statement gives the figure and counts it in the quantity's unit."""
    statement = normalise(record.data["statement"]).casefold()
    for index, quantity in enumerate(record.data.get("quantities", [])):
        figures = _figures(quantity["value"])
        if not any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d]|[.,]\d)", statement) for f in figures):
            yield (
                ("quantities", index, "value"),
                f"the statement does not give the figure {min(figures, key=len)}; a quantity restates a figure of its statement",
            )
            continue
        unit = normalise(quantity["unit"]).casefold()
        if unit not in statement and unit.removesuffix("s") not in statement:
            yield ("quantities", index, "unit"), f"the statement does not count in {quantity['unit']!r}; use the unit the statement counts in"
