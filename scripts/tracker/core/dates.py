"""The date notation: a documented subset of EDTF (ISO 8601-2) levels 0 and 1.

Supported forms, each optionally followed by one qualifier (``?`` uncertain,
``~`` approximate, ``%`` both):

* ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``
* unspecified digits at the right: ``YYYX``, ``YYXX``, ``YYYY-XX``, ``YYYY-MM-XX``
* intervals ``A/B`` of the above, with ``..`` for an open end and an empty side
  for an unknown one.

A small regex parser is used instead of the ``edtf`` package because that
package parses with pyparsing (milliseconds per date, too slow for the 10,000
record target) and cannot take bounds of open intervals; the tests check this
parser against ``edtf`` on every form both support.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_SINGLE = re.compile(
    r"(?P<year>[0-9]{4}|[0-9]{3}X|[0-9]{2}XX)"
    r"(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX))?)?"
    r"(?P<qual>[?~%])?"
)

# The years a date may fall in. The build draws, prints and exports any day of them: the timeline
# widens its span by an eighth on each side for open ends, which stays within years 0750 to 3249,
# inside what Python's dates hold (1 to 9999); a news story's dates, and the history it cites, fit.
MIN_YEAR, MAX_YEAR = 1000, 2999

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

QUALIFIER_WORDS = {"?": "uncertain", "~": "approximate", "%": "uncertain, approximate"}


class DateError(ValueError):
    """A string that is not a date in the supported notation."""


@dataclass(frozen=True, slots=True)
class SingleDate:
    """One point in time at some precision: the span of days it may denote."""

    text: str
    precision: str  # "year", "month", "day", "decade", "century"
    earliest: date
    latest: date
    qualifier: str  # "", "?", "~" or "%"

    @property
    def is_fuzzy(self) -> bool:
        return bool(self.qualifier) or "X" in self.text


@dataclass(frozen=True, slots=True)
class EdtfDate:
    """A parsed date or interval. ``start``/``end`` are None for open or unknown ends."""

    text: str
    start: SingleDate | None
    end: SingleDate | None
    is_interval: bool
    start_open: bool = False  # ".." : open; "" : unknown
    end_open: bool = False

    @property
    def earliest(self) -> date:
        return self.start.earliest if self.start else date.min

    @property
    def latest(self) -> date:
        return self.end.latest if self.end else date.max

    @property
    def is_fuzzy(self) -> bool:
        parts = [p for p in (self.start, self.end) if p]
        return any(p.is_fuzzy for p in parts) or (self.is_interval and not (self.start and self.end))

    def sort_key(self) -> tuple[date, date]:
        """The documented total order: earliest possible day, then latest possible day."""
        return (self.earliest, self.latest)


def _years(text: str, year_s: str) -> tuple[int, int, str]:
    """The first and last year a year written with unspecified digits ("20XX", "202X") spans, and its precision."""
    if year_s.endswith("XX"):
        lo_year, hi_year, precision = int(year_s[:2]) * 100, int(year_s[:2]) * 100 + 99, "century"
    elif year_s.endswith("X"):
        lo_year, hi_year, precision = int(year_s[:3]) * 10, int(year_s[:3]) * 10 + 9, "decade"
    else:
        lo_year = hi_year = int(year_s)
        precision = "year"
    if lo_year < MIN_YEAR or hi_year > MAX_YEAR:
        raise DateError(f"{text!r}: year {year_s} is outside the supported range, {MIN_YEAR} to {MAX_YEAR}")
    return lo_year, hi_year, precision


def _parse_single(text: str) -> SingleDate:
    m = _SINGLE.fullmatch(text)
    if not m:
        raise DateError(f"{text!r} is not an EDTF date such as 2025, 2025-06 or 2025-06-13")
    year_s, month_s, day_s, qual = m["year"], m["month"], m["day"], m["qual"] or ""
    if "X" in year_s and month_s:
        raise DateError(f"{text!r}: a year with unspecified digits cannot have a month")
    if month_s == "XX" and day_s and day_s != "XX":
        raise DateError(f"{text!r}: an unspecified month cannot have a specified day")
    lo_year, hi_year, precision = _years(text, year_s)
    if not month_s or month_s == "XX":
        if month_s:
            precision = "year"
        return SingleDate(text, precision, date(lo_year, 1, 1), date(hi_year, 12, 31), qual)
    month = int(month_s)
    if not 1 <= month <= 12:
        raise DateError(f"{text!r}: month {month_s} does not exist")
    last_day = calendar.monthrange(lo_year, month)[1]
    if not day_s or day_s == "XX":
        return SingleDate(text, "month", date(lo_year, month, 1), date(lo_year, month, last_day), qual)
    day = int(day_s)
    if not 1 <= day <= last_day:
        raise DateError(f"{text!r}: day {day_s} does not exist in {MONTHS[month - 1]} {lo_year}")
    the_day = date(lo_year, month, day)
    return SingleDate(text, "day", the_day, the_day, qual)


_MONTH_NUMBERS = {name.lower()[:3]: n for n, name in enumerate(MONTHS, 1)}
_MONTH = r"(?P<month_name>[A-Za-z]{3,9})\.?"
_COMMON_FORMS = [
    re.compile(r"(?P<a>[0-9]{1,2})[/.-](?P<b>[0-9]{1,2})[/.-](?P<year>[0-9]{4})"),  # 01/20/2026, 20.01.2026
    re.compile(r"(?P<year>[0-9]{4})[/.-](?P<month>[0-9]{1,2})(?:[/.-](?P<day>[0-9]{1,2}))?"),  # 2026/01/20, 2026-1-5
    re.compile(rf"(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>[0-9]{{4}})", re.IGNORECASE),  # 20 January 2026
    re.compile(rf"{_MONTH}\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>[0-9]{{4}})", re.IGNORECASE),  # January 20, 2026
    re.compile(rf"{_MONTH},?\s+(?P<year>[0-9]{{4}})", re.IGNORECASE),  # Jan 2026
]


def _candidate(year: str, month: int, day: int | None) -> str | None:
    text = f"{year}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    try:
        _parse_single(text)
    except DateError:
        return None
    return text


def suggest(text: str) -> list[str]:
    """The EDTF a common non-EDTF date most likely means: '01/20/2026' -> ['2026-01-20'].

    Two candidates when day and month could be either way round ('03/04/2026');
    none when the text is not a date in a form we recognise."""
    text = text.strip()
    for form in _COMMON_FORMS:
        m = form.fullmatch(text)
        if not m:
            continue
        found = m.groupdict()
        if "a" in found:  # month/day (US) or day/month: offer every reading that is a real day
            a, b = int(found["a"]), int(found["b"])
            options = [_candidate(found["year"], a, b), _candidate(found["year"], b, a)]
            return list(dict.fromkeys(o for o in options if o))
        if found.get("month_name"):
            month = _MONTH_NUMBERS.get(found["month_name"].lower()[:3])
            if month is None or not MONTHS[month - 1].lower().startswith(found["month_name"].lower()):
                return []
        else:
            month = int(found["month"])
        day = int(found["day"]) if found.get("day") else None
        option = _candidate(found["year"], month, day)
        return [option] if option else []
    return []


def parse(text: object) -> EdtfDate:
    """Parse a date or interval in the supported notation, or raise DateError (for a value that is not a string too)."""
    if not isinstance(text, str):
        raise DateError(f"a date must be a quoted string, not {type(text).__name__}")
    try:
        return _parse(text)
    except DateError:
        if all(_SINGLE.fullmatch(part) or part in ("", "..") for part in text.split("/", 1)):
            raise  # written in the notation: the parser's own message is the precise one
        options = suggest(text)
        if not options and any(form.fullmatch(text.strip()) for form in _COMMON_FORMS[:2]):
            raise DateError(f"{text!r} is not written in the date notation (EDTF) and names no real day; write YYYY-MM-DD, such as 2026-01-20") from None
        if not options:
            raise
    meant = " or ".join(repr(o) for o in options)
    raise DateError(f"{text!r} is not written in the date notation (EDTF); did you mean {meant}?")


def _parse(text: str) -> EdtfDate:
    if "/" not in text:
        single = _parse_single(text)
        return EdtfDate(text, single, single, is_interval=False)
    if text.count("/") != 1:
        raise DateError(f"{text!r}: an interval has exactly one '/'")
    left, right = text.split("/")
    if left in ("", "..") and right in ("", ".."):
        raise DateError(f"{text!r}: an interval needs at least one known end")
    start = None if left in ("", "..") else _parse_single(left)
    end = None if right in ("", "..") else _parse_single(right)
    if start and end and end.latest < start.earliest:
        raise DateError(f"{text!r}: the interval ends before it starts")
    return EdtfDate(text, start, end, is_interval=True, start_open=left == "..", end_open=right == "..")


def is_valid(text: object) -> bool:
    try:
        parse(text)
    except DateError:
        return False
    return True


def _single_words(d: SingleDate, *, with_year: bool = True) -> str:
    year = d.text[:4]
    if d.precision == "century":
        words = f"{year[:2]}00s"
    elif d.precision == "decade":
        words = f"{year[:3]}0s"
    elif d.precision == "year":
        words = year
    elif d.precision == "month":
        words = MONTHS[d.earliest.month - 1] + (f" {year}" if with_year else "")
    else:
        words = f"{d.earliest.day} {MONTHS[d.earliest.month - 1]}" + (f" {year}" if with_year else "")
    return words


def _qual(d: SingleDate | None) -> str:
    return f", {QUALIFIER_WORDS[d.qualifier]}" if d and d.qualifier else ""


def humanize(value: EdtfDate | str) -> str:
    """Words for a date at its true precision: "June 2025", "13–24 June 2025", "2026, uncertain"."""
    d = parse(value) if isinstance(value, str) else value
    if not d.is_interval:
        assert d.start is not None
        return _single_words(d.start) + _qual(d.start)
    s, e = d.start, d.end
    if s and e:
        same_qual = s.qualifier == e.qualifier
        if s.precision == e.precision == "day" and same_qual and s.text[:7] == e.text[:7]:
            return f"{s.earliest.day}–{_single_words(e)}{_qual(e)}"
        if s.precision == e.precision == "month" and same_qual and s.text[:4] == e.text[:4]:
            return f"{_single_words(s, with_year=False)}–{_single_words(e)}{_qual(e)}"
        if same_qual:
            return f"{_single_words(s)} – {_single_words(e)}{_qual(e)}"
        return f"{_single_words(s)}{_qual(s)} – {_single_words(e)}{_qual(e)}"
    if s:
        return f"from {_single_words(s)}{_qual(s)}" + (" onwards" if d.end_open else ", end unknown")
    assert e is not None
    return f"until {_single_words(e)}{_qual(e)}" + ("" if d.start_open else ", start unknown")


def iso_bounds(value: EdtfDate) -> tuple[str | None, str | None]:
    """ISO days of the earliest and latest possible day, None where open or unknown."""
    return (
        value.start.earliest.isoformat() if value.start else None,
        value.end.latest.isoformat() if value.end else None,
    )
