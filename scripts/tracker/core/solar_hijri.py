"""Dates in Persian words: the Solar Hijri calendar, and the Gregorian date beside it.

Every value the date notation accepts (``tracker.core.dates``) becomes Persian words at exactly
its precision and uncertainty, never finer:

* a day is a day: ``2025-06-13`` → «۲۳ خرداد ۱۴۰۴»;
* a Gregorian month, year, decade or century is a span of days that does not start on the first
  of a Solar Hijri month or year, so it reads as the Solar Hijri months or years that span
  touches: ``2025-06?`` (1 to 30 June, that is 11 Khordad to 9 Tir) → «احتمالاً خرداد–تیر ۱۴۰۴»;
  ``2026`` (11 Dey 1404 to 10 Dey 1405) → «۱۴۰۴–۱۴۰۵». The span itself (`solar_span`) keeps the
  exact first and last day, the same days as the Gregorian value's (the tests check this over
  the whole accepted range); the words name the fewest months or years that hold it;
* ``?`` reads «احتمالاً» (probably), ``~`` «حدود» (about), ``%`` «احتمالاً حدود», before the
  date they qualify, as `date_words` does in English;
* unspecified digits say what is not known: «(روز نامعلوم)» day, «(ماه نامعلوم)» month,
  «(سال نامعلوم)» year not known;
* intervals read «A تا B» (A to B), sharing the month and year when both ends do; an open end
  reads «از A» (from A) or «تا B» (until B); an unknown end adds «؛ پایان نامعلوم» or
  «؛ آغاز نامعلوم» (end, start unknown); a date the sources do not give is «تاریخ ذکر نشده».

Conventions chosen (Iranian usage, as BBC Persian and Radio Farda write dates): the Iranian
month names فروردین … اسفند (not the Afghan Hamal … Hut, nor the Arabic Hijri months);
Persian digits ۰–۹ (U+06F0–U+06F9, not the Arabic-Indic U+0660 ones); the day before the month
and the year last, with no ordinal («۲۳ خرداد ۱۴۰۴»); the Gregorian months in their
French-derived Persian forms, ژانویه … دسامبر («۱۳ ژوئن ۲۰۲۵»); an en dash between the ends of
a span of months or years, «تا» between the ends of an interval. No calendar suffix («ه‍.ش.»,
«م.») is added: the pages say which calendar a date is in.

The arithmetic is jdatetime's (the 33-year arithmetic rule that matches the Iranian calendar
for centuries around today; `solar_span` only needs it to be one-to-one and in order, which the
tests check).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import jdatetime  # no type stubs (pyproject.toml names it): two functions used, wrapped here

from tracker.core import dates

SOLAR_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
GREGORIAN_MONTHS = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"]

QUALIFIER_PREFIX = {"": "", "?": "احتمالاً ", "~": "حدود ", "%": "احتمالاً حدود "}
UNKNOWN = {"day": "روز نامعلوم", "month": "ماه نامعلوم", "year": "سال نامعلوم"}
FROM, TO, UNTIL = "از", "تا", "تا"
END_UNKNOWN, START_UNKNOWN = "پایان نامعلوم", "آغاز نامعلوم"
NOT_GIVEN = "تاریخ ذکر نشده"
DASH = "–"  # en dash, as in the English words

_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

Ymd = tuple[int, int, int]


def persian_digits(text: str) -> str:
    """The same text with its digits 0-9 written as Persian digits ۰-۹."""
    return text.translate(_DIGITS)


def to_solar(day: date) -> Ymd:
    """The Solar Hijri (year, month, day) of a Gregorian day."""
    j = jdatetime.date.fromgregorian(date=day)
    return (j.year, j.month, j.day)


def from_solar(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Solar Hijri (year, month, day)."""
    g: date = jdatetime.date(year, month, day).togregorian()
    return g


def solar_month_days(year: int, month: int) -> tuple[date, date]:
    """The first and last Gregorian day of a Solar Hijri month."""
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    return from_solar(year, month, 1), from_solar(nxt[0], nxt[1], 1) - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class SolarSpan:
    """The days a single date may denote, in the Solar Hijri calendar: the same days, renamed."""

    first: Ymd
    last: Ymd

    @property
    def months(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The first and last (year, month) the span touches."""
        return (self.first[0], self.first[1]), (self.last[0], self.last[1])

    @property
    def years(self) -> tuple[int, int]:
        """The first and last year the span touches."""
        return self.first[0], self.last[0]


def solar_span(d: dates.SingleDate) -> SolarSpan:
    """The Solar Hijri span of a single date: its earliest and latest possible day, converted."""
    return SolarSpan(to_solar(d.earliest), to_solar(d.latest))


def _identity(day: date) -> Ymd:
    return (day.year, day.month, day.day)


@dataclass(frozen=True, slots=True)
class _Calendar:
    to_ymd: Callable[[date], Ymd]
    months: list[str]


SOLAR = _Calendar(to_solar, SOLAR_MONTHS)
GREGORIAN = _Calendar(_identity, GREGORIAN_MONTHS)


def _bare(cal: _Calendar, d: dates.SingleDate, *, with_month: bool = True, with_year: bool = True) -> str:
    """The date without its qualifier, at its precision, in Western digits (made Persian last)."""
    (y1, m1, d1), (y2, m2, _) = cal.to_ymd(d.earliest), cal.to_ymd(d.latest)
    if d.precision in ("year", "decade", "century"):
        return str(y1) if y1 == y2 else f"{y1}{DASH}{y2}"
    if d.precision == "month":
        if (y1, m1) == (y2, m2):
            return f"{cal.months[m1 - 1]} {y1}" if with_year else cal.months[m1 - 1]
        if y1 == y2:
            both = f"{cal.months[m1 - 1]}{DASH}{cal.months[m2 - 1]}"
            return f"{both} {y1}" if with_year else both
        return f"{cal.months[m1 - 1]} {y1}{DASH}{cal.months[m2 - 1]} {y2}"
    if not with_month:
        return str(d1)
    return f"{d1} {cal.months[m1 - 1]} {y1}" if with_year else f"{d1} {cal.months[m1 - 1]}"


def _unknown_part(d: dates.SingleDate) -> str:
    """What the unspecified digits leave open, in words ("" when nothing is)."""
    if "X" not in d.text:
        return ""
    if d.precision in ("decade", "century"):
        return UNKNOWN["year"]
    return UNKNOWN["day"] if d.precision == "month" else UNKNOWN["month"]


def _side(cal: _Calendar, d: dates.SingleDate, **shared: bool) -> str:
    unknown = _unknown_part(d)
    return _bare(cal, d, **shared) + (f" ({unknown})" if unknown else "")


def _single(cal: _Calendar, d: dates.SingleDate) -> str:
    return QUALIFIER_PREFIX[d.qualifier] + _side(cal, d)


def _closed_interval(cal: _Calendar, s: dates.SingleDate, e: dates.SingleDate) -> str:
    if s.qualifier != e.qualifier:
        return f"{_single(cal, s)} {TO} {_single(cal, e)}"
    first = _side(cal, s)
    if s.precision == e.precision == "day" and "X" not in s.text:
        (ys, ms, _), (ye, me, _) = cal.to_ymd(s.earliest), cal.to_ymd(e.earliest)
        if (ys, ms) == (ye, me):
            first = _side(cal, s, with_month=False)
        elif ys == ye:
            first = _side(cal, s, with_year=False)
    return f"{QUALIFIER_PREFIX[s.qualifier]}{first} {TO} {_side(cal, e)}"


def _plain(cal: _Calendar, value: dates.EdtfDate | str) -> str:
    d = dates.parse(value) if isinstance(value, str) else value
    if not d.is_interval:
        assert d.start is not None
        return _single(cal, d.start)
    s, e = d.start, d.end
    if s and e:
        return _closed_interval(cal, s, e)
    if s:
        return f"{FROM} {_single(cal, s)}" + ("" if d.end_open else f"؛ {END_UNKNOWN}")
    assert e is not None
    return f"{UNTIL} {_single(cal, e)}" + ("" if d.start_open else f"؛ {START_UNKNOWN}")


def solar_words(value: dates.EdtfDate | str) -> str:
    """A date or interval in Persian words, in the Solar Hijri calendar: «احتمالاً خرداد–تیر ۱۴۰۴»."""
    return persian_digits(_plain(SOLAR, value))


def gregorian_words(value: dates.EdtfDate | str) -> str:
    """The same date in Persian words, in the Gregorian calendar: «احتمالاً ژوئن ۲۰۲۵»."""
    return persian_digits(_plain(GREGORIAN, value))


NOUNS = {"article": "مقاله", "post": "پست", "report": "گزارش"}  # the documents `date_words` names, in Persian


def record_date_words(value: dates.EdtfDate | None, published: dates.EdtfDate | None, noun: str = "article") -> str:
    """A record's date in Solar Hijri words; a date that only repeats its source's uncertain date says so.

    The Persian of `date_words.record_date_words`: «تاریخ ذکر نشده؛ مقاله احتمالاً از ۱۴۰۴–۱۴۰۵ است»
    (date not given; the article is probably from 1404–1405)."""
    document = NOUNS[noun]
    if value is None and published is None:
        return NOT_GIVEN
    if value is not None and (published is None or value.text != published.text or not value.is_fuzzy):
        return solar_words(value)
    assert published is not None
    if published.is_interval:
        return f"{NOT_GIVEN}؛ تاریخ {document} {solar_words(published)} است"
    assert published.start is not None
    probably = "احتمالاً " if published.start.qualifier in ("?", "%") else ""
    about = "حدود " if published.start.qualifier in ("~", "%") else ""
    when = persian_digits(_side(SOLAR, published.start))
    return f"{NOT_GIVEN}؛ {document} {probably}از {about}{when} است"
