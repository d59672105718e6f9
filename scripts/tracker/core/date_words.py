"""Dates in plain words for readers: "probably June 2025", "from 20 January 2025".

``dates.humanize`` keeps the notation's vocabulary ("2026, uncertain"); these
words are for prose and headings, where a reader should not need to know the
notation. The notation itself stays in the data, the JSON and the tooltips.

The phrasing, one rule per notation feature:

* ``?`` (uncertain) reads "probably", ``~`` (approximate) "about", ``%``
  (both) "probably about", placed before the date they qualify;
* unspecified digits say what is not known: "2025 (month not known)",
  "the 2020s (year not known)";
* intervals read "A to B", sharing the month and year when both ends do
  ("13 to 24 June 2025"); an open end reads "from A" or "until B", an
  unknown end adds "; end not known" or "; start not known";
* a record dated only by the year its source is thought to be from reads
  "Date not given; the article is probably from 2026" (``undated_words``).
"""

from __future__ import annotations

from tracker.core import dates

QUALIFIER_PREFIX = {"": "", "?": "probably ", "~": "about ", "%": "probably about "}


def _bare(d: dates.SingleDate, *, with_month: bool = True, with_year: bool = True) -> str:
    """The date without its qualifier, at its precision."""
    year = d.text[:4]
    if d.precision == "century":
        return f"the {year[:2]}00s"
    if d.precision == "decade":
        return f"the {year[:3]}0s"
    month = dates.MONTHS[d.earliest.month - 1]
    if d.precision == "year":
        return year
    if d.precision == "month":
        return f"{month} {year}" if with_year else month
    day = str(d.earliest.day)
    if not with_month:
        return day
    return f"{day} {month} {year}" if with_year else f"{day} {month}"


def _unknown_part(d: dates.SingleDate) -> str:
    """What the unspecified digits leave open, in words ("" when nothing is)."""
    if "X" not in d.text:
        return ""
    if d.precision in ("decade", "century"):
        return "year not known"
    return "day not known" if d.precision == "month" else "month not known"


def single_words(d: dates.SingleDate) -> str:
    """One date: "20 January 2025", "probably June 2025", "2025 (month not known)"."""
    words = QUALIFIER_PREFIX[d.qualifier] + _bare(d)
    unknown = _unknown_part(d)
    return f"{words} ({unknown})" if unknown else words


def _side(d: dates.SingleDate, **shared: bool) -> str:
    unknown = _unknown_part(d)
    return _bare(d, **shared) + (f" ({unknown})" if unknown else "")


def _closed_interval(s: dates.SingleDate, e: dates.SingleDate) -> str:
    same_year = s.text[:4] == e.text[:4] and s.precision == e.precision and s.precision in ("month", "day")
    same_month = same_year and s.precision == "day" and s.text[:7] == e.text[:7]
    if s.qualifier == e.qualifier:
        if same_month:
            first = _side(s, with_month=False)
        elif same_year:
            first = _side(s, with_year=False)
        else:
            first = _side(s)
        return f"{QUALIFIER_PREFIX[s.qualifier]}{first} to {_side(e)}"
    return f"{single_words(s)} to {single_words(e)}"


def plain(value: dates.EdtfDate | str) -> str:
    """A date or interval in plain words, at the precision it was written and no finer."""
    d = dates.parse(value) if isinstance(value, str) else value
    if not d.is_interval:
        assert d.start is not None
        return single_words(d.start)
    s, e = d.start, d.end
    if s and e:
        return _closed_interval(s, e)
    if s:
        return f"from {single_words(s)}" + ("" if d.end_open else "; end not known")
    assert e is not None
    return f"until {single_words(e)}" + ("" if d.start_open else "; start not known")


def undated_words(published: dates.EdtfDate | str, noun: str = "article") -> str:
    """For a record the sources do not date, placed at the date of the document reporting it."""
    p = dates.parse(published) if isinstance(published, str) else published
    if p.is_interval:
        return f"Date not given; the {noun} is dated {plain(p)}"
    assert p.start is not None
    probably = "probably " if p.start.qualifier in ("?", "%") else ""
    about = "about " if p.start.qualifier in ("~", "%") else ""
    when = _side(p.start)
    return f"Date not given; the {noun} is {probably}from {about}{when}"


def record_date_words(value: dates.EdtfDate | None, published: dates.EdtfDate | None, noun: str = "article") -> str:
    """A record's date in words; when it only repeats its source's (uncertain) publication date, say so.

    Many records of an undated article are dated to the year the article is
    thought to be from: "probably 2026" would read as if the sources dated the
    event, so such a date reads "Date not given; the article is probably from 2026".
    """
    if value is None:
        return "Date not given" if published is None else undated_words(published, noun)
    if published is not None and value.text == published.text and value.is_fuzzy:
        return undated_words(published, noun)
    return plain(value)
