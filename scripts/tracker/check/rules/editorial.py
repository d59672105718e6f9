"""Editorial rules: what a machine can catch of "no more than the source says".

Each checks one field against the record's own cited excerpts, so that a
place, a day, a figure or a description is only written where a cited passage
gives it. They compare case-insensitively and after `normalise`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from tracker.check.rulebook import Finding, cited_texts, normalise, rule, target
from tracker.core import dates
from tracker.load.dataset import Dataset, Hint, RecordFile, Snippet

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


# A quotation in a note: opening quote at the start or after a space or bracket, closing quote before
# the end, a space or punctuation (so that an apostrophe, as in "the article's", opens nothing).
_QUOTED = re.compile(r"""(?:^|(?<=[\s(\[]))(['"])(\S[^'"]*?)\1(?=$|[\s).,;:!?\]])""")
_MONTH_NAMED = re.compile(r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\b")  # capitalised: "may" is a verb


def _quotes_an_excerpt(note: str, record: RecordFile) -> bool:
    """Whether the note quotes, in quotation marks, words of one of the record's excerpts."""
    quoted = [q.casefold() for _, q in _QUOTED.findall(normalise(note)) if len(q.strip()) > 1]
    return any(q in excerpt for q in quoted for excerpt in _folded_excerpts(record))


@rule("events")
def check_exact_day(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An event dated to an exact day has that day in one of its excerpts, or a date_note that says where the day comes
    from: it quotes, in quotation marks, the words of one of its excerpts that the day is read from ("the article,
    published on 10 February 2026, says 'on Monday'"). When the excerpts name the month and not the day, the month is
    what they support, and the message suggests it."""
    value = record.data["date"]
    if not _ISO_DAY.search(value):
        return  # no day in the date at all (most dates): no need to parse it
    parsed = dates.parse(value)
    named: set[tuple[int, int] | str] | None = None
    seen: set[date] = set()  # a single date is both start and end of its EdtfDate
    note = record.data.get("date_note")
    for end in (parsed.start, parsed.end):
        if end is None or end.precision != "day" or end.qualifier or end.earliest in seen:
            continue
        seen.add(end.earliest)
        if named is None:
            named = set().union(*map(_days_named, _folded_excerpts(record)))
        day = end.earliest
        if (day.month, day.day) in named or day.isoformat() in named or (note is not None and _quotes_an_excerpt(note, record)):
            continue
        months = {_MONTH_NUMBER[m[:3].lower()] for c in record.data["citations"] for m in _MONTH_NAMED.findall(normalise(c["excerpt"]))}
        if note is None:
            message = f"no excerpt gives the day {day.isoformat()}; cite the passage that does, or add a date_note quoting (in quotation marks) the words the day is read from"
        else:
            message = f"the date_note does not say where the day {day.isoformat()} comes from: quote in it, in quotation marks, the words of an excerpt that give it (such as 'on Monday'), or cite the passage that gives the day"
        if day.month in months:
            month = value.replace(day.isoformat(), day.isoformat()[:7])
            yield ("date",), Hint(f"{message}; the excerpts give only its month: date it to the month:", Snippet("event", ("date",), month))
        else:
            yield ("date",), message


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


_VENUE_WORD = re.compile(r"\bvenue\b", re.IGNORECASE)


@rule("claims")
def check_venue(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim's venue (made_in) is a document of its claimant: one of the claimants is among the venue's authors or is its
    outlet. A claimant who spoke elsewhere (an interview, a briefing, a statement that an article reports) spoke in a
    source of its own, reported via the article; the article is the venue only for what its own author asserts. Where a
    document of others is still the venue (the report in which unnamed sources' words were published), the claim's notes
    say why, naming it as the venue (with the word "venue")."""
    venue = target(ds, record.data["made_in"], "sources")
    claimants = record.data["claimants"]
    if venue is None or _VENUE_WORD.search(record.data.get("notes", "")) or any(target(ds, c, "actors") is None for c in claimants):
        return  # a broken reference is reported by check_references
    speakers = [*venue.data.get("authors", []), *([venue.data["outlet"]] if "outlet" in venue.data else [])]
    if set(speakers) & set(claimants):
        return
    given = f"its authors and outlet are {', '.join(speakers)}" if speakers else "it names no authors or outlet"
    source = {"kind": "other", "description": "", "authors": list(claimants), "reported_via": [{"source": venue.id, "excerpt": ""}]}
    yield (
        ("made_in",),
        Hint(
            f"{venue.id!r} is not a document of {', '.join(claimants)} ({given}). Where they spoke elsewhere (an interview, a "
            f"briefing, a statement the document reports), add that as a source reported via {venue.id!r} and name it in made_in; "
            "where this document is itself the venue (unnamed sources' words published in it), say why in the claim's notes, "
            'with the word "venue". The new source (make new KIND=source ID=…) starts as:',
            Snippet("source", (), source),
        ),
    )
