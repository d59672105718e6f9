"""Editorial rules: what a machine can catch of "no more than the source says".

Each checks one field against the record's own cited excerpts, so that a
place, a day, a figure or a description is only written where a cited passage
gives it. They compare case-insensitively and after `normalise`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from tracker.check.rulebook import Finding, cited_texts, normalise, rule
from tracker.core import dates
from tracker.load.dataset import Dataset, RecordFile

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


_MONTH = "|".join(rf"{m[:3]}(?:{m[3:]})?" for m in _MONTHS)  # "jan", "january", "sep", "september"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
# A day named in text: 'January 20', 'Jan. 20th', 'January 20-22', '20 January', '20th of Jan', '2025-01-20'. One compiled
# pattern for all excerpts (compiling one per date cost more than the rest of validation at 10k records).
_DAY = re.compile(rf"\b(?:({_MONTH})\.?\s+{_ORDINAL}(?:\s*[-–]\s*{_ORDINAL})?\b|{_ORDINAL}\s+(?:of\s+)?({_MONTH})\b|(\d{{4}}-\d{{2}}-\d{{2}}))")


def _days_named(text: str) -> set[tuple[int, int] | str]:
    """(month, day) pairs and ISO dates named in a case-folded text."""
    found: set[tuple[int, int] | str] = set()
    for month_a, day_a, last_day_a, day_b, month_b, iso in _DAY.findall(text):
        if iso:
            found.add(iso)
        elif month_a:  # 'January 20' or a range 'January 20-22'
            found.update((_MONTH_NUMBER[month_a[:3]], int(day)) for day in (day_a, last_day_a) if day)
        else:
            found.add((_MONTH_NUMBER[month_b[:3]], int(day_b)))
    return found


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_NUMBER = {m[:3]: n for n, m in enumerate(_MONTHS, start=1)}


@rule("events")
def check_exact_day(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An event dated to an exact day has that day in one of its excerpts, or a date_note saying how the day was obtained."""
    if "date_note" in record.data or not _ISO_DAY.search(record.data["date"]):
        return  # noted, or no day in the date at all (most dates): no need to parse it
    parsed = dates.parse(record.data["date"])
    named: set[tuple[int, int] | str] | None = None
    seen: set[date] = set()  # a single date is both start and end of its EdtfDate
    for end in (parsed.start, parsed.end):
        if end is None or end.precision != "day" or end.qualifier or end.earliest in seen:
            continue
        seen.add(end.earliest)
        if named is None:
            named = set().union(*map(_days_named, _folded_excerpts(record)))
        day = end.earliest
        if (day.month, day.day) not in named and day.isoformat() not in named:
            yield ("date",), f"no excerpt gives the day {day.isoformat()}; cite the passage that does, or add a date_note saying how the day was obtained"


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


_FIGURE = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?")


def _figures_in(text: str) -> set[float]:
    """The numbers a text writes in figures: '6,854' and '6854' are both 6854."""
    found = set()
    for figure in _FIGURE.findall(text):
        try:
            found.add(float(figure.rstrip(",").replace(",", "")))
        except ValueError:
            continue
    return found


@rule("claims")
def check_quantity_statement(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim's quantity restates its statement: the statement gives the figure and counts it in the quantity's unit."""
    if "quantities" not in record.data:
        return
    statement = normalise(record.data["statement"]).casefold()
    figures = _figures_in(statement)
    for index, quantity in enumerate(record.data["quantities"]):
        value = quantity["value"]
        if float(value) not in figures:
            shown = f"{int(value)}" if float(value).is_integer() else f"{value}"
            yield ("quantities", index, "value"), f"the statement does not give the figure {shown}; a quantity restates a figure of its statement"
            continue
        unit = normalise(quantity["unit"]).casefold()
        if unit not in statement and unit.removesuffix("s") not in statement:
            yield ("quantities", index, "unit"), f"the statement does not count in {quantity['unit']!r}; use the unit the statement counts in"
