"""Dates in Persian: Solar Hijri spans that hold exactly the Gregorian days, and the words for them."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.core import dates, solar_hijri

SOLAR = {
    "2025-06-13": "۲۳ خرداد ۱۴۰۴",
    "2025-06": "خرداد–تیر ۱۴۰۴",
    "2025-06?": "احتمالاً خرداد–تیر ۱۴۰۴",
    "2025-06~": "حدود خرداد–تیر ۱۴۰۴",
    "2025-06%": "احتمالاً حدود خرداد–تیر ۱۴۰۴",
    "2025-03": "اسفند ۱۴۰۳–فروردین ۱۴۰۴",
    "2026": "۱۴۰۴–۱۴۰۵",
    "2026?": "احتمالاً ۱۴۰۴–۱۴۰۵",
    "2025-XX": "۱۴۰۳–۱۴۰۴ (ماه نامعلوم)",
    "2025-06-XX": "خرداد–تیر ۱۴۰۴ (روز نامعلوم)",
    "202X": "۱۳۹۸–۱۴۰۸ (سال نامعلوم)",
    "20XX": "۱۳۷۸–۱۴۷۸ (سال نامعلوم)",
    "2025-06-13/2025-06-24": "۲۳ خرداد تا ۳ تیر ۱۴۰۴",
    "2025-06-01/2025-06-09": "۱۱ تا ۱۹ خرداد ۱۴۰۴",
    "2025-12-30/2026-01-02": "۹ تا ۱۲ دی ۱۴۰۴",
    "2025-03-19/2025-03-22": "۲۹ اسفند ۱۴۰۳ تا ۲ فروردین ۱۴۰۴",
    "2025-06/2025-07?": "خرداد–تیر ۱۴۰۴ تا احتمالاً تیر–مرداد ۱۴۰۴",
    "2025-01-20/..": "از ۱ بهمن ۱۴۰۳",
    "2025-01-20/": "از ۱ بهمن ۱۴۰۳؛ پایان نامعلوم",
    "../2025-01": "تا دی–بهمن ۱۴۰۳",
    "/2025-01?": "تا احتمالاً دی–بهمن ۱۴۰۳؛ آغاز نامعلوم",
    "2025-03-20": "۳۰ اسفند ۱۴۰۳",  # 1403 is a leap year; Nowruz 1404 fell on 21 March 2025
    "1000-01-01": "۱۱ دی ۳۷۸",
    "2999-12-31": "۱۰ دی ۲۳۷۸",
}

GREGORIAN = {
    "2025-06-13": "۱۳ ژوئن ۲۰۲۵",
    "2025-06?": "احتمالاً ژوئن ۲۰۲۵",
    "2026~": "حدود ۲۰۲۶",
    "202X": "۲۰۲۰–۲۰۲۹ (سال نامعلوم)",
    "2025-06-13/2025-06-24": "۱۳ تا ۲۴ ژوئن ۲۰۲۵",
    "2025-06-30/2025-07-02": "۳۰ ژوئن تا ۲ ژوئیه ۲۰۲۵",
    "2025-01-20/..": "از ۲۰ ژانویه ۲۰۲۵",
}


@pytest.mark.parametrize(("text", "words"), SOLAR.items())
def test_solar_words(text, words):
    assert solar_hijri.solar_words(text) == words
    assert solar_hijri.solar_words(dates.parse(text)) == words


@pytest.mark.parametrize(("text", "words"), GREGORIAN.items())
def test_gregorian_words_in_persian(text, words):
    assert solar_hijri.gregorian_words(text) == words


@pytest.mark.parametrize(
    ("value", "published", "words"),
    [
        (None, None, "تاریخ ذکر نشده"),
        (None, "2026?", "تاریخ ذکر نشده؛ مقاله احتمالاً از ۱۴۰۴–۱۴۰۵ است"),
        ("2026~", "2026~", "تاریخ ذکر نشده؛ مقاله از حدود ۱۴۰۴–۱۴۰۵ است"),
        (None, "2025/2026", "تاریخ ذکر نشده؛ تاریخ مقاله ۱۴۰۳–۱۴۰۴ تا ۱۴۰۴–۱۴۰۵ است"),
        ("2026-01-20", "2026?", "۳۰ دی ۱۴۰۴"),
        ("2026", "2026", "۱۴۰۴–۱۴۰۵"),
    ],
)
def test_record_date_words(value, published, words):
    parsed = dates.parse(value) if value else None
    pub = dates.parse(published) if published else None
    assert solar_hijri.record_date_words(parsed, pub) == words


def test_record_date_words_name_the_document():
    assert solar_hijri.record_date_words(None, dates.parse("2026~"), "post") == "تاریخ ذکر نشده؛ پست از حدود ۱۴۰۴–۱۴۰۵ است"
    assert solar_hijri.record_date_words(None, dates.parse("2025/2026"), "report") == "تاریخ ذکر نشده؛ تاریخ گزارش ۱۴۰۳–۱۴۰۴ تا ۱۴۰۴–۱۴۰۵ است"


def test_words_have_only_persian_digits_and_no_notation():
    for text in SOLAR:
        words = solar_hijri.solar_words(text) + solar_hijri.gregorian_words(text)
        assert not any(ch in words for ch in "0123456789?~%/X.")
        assert not any("\u0660" <= ch <= "\u0669" for ch in words)  # Arabic-Indic digits are not Iranian usage


# Every single date the notation accepts, extremes of the range included.
_years = st.integers(dates.MIN_YEAR, dates.MAX_YEAR)


@st.composite
def single_dates(draw: st.DrawFn) -> str:
    year = draw(st.one_of(_years, st.sampled_from([dates.MIN_YEAR, dates.MAX_YEAR])))
    form = draw(st.sampled_from(["year", "month", "day", "decade", "century", "month-X", "day-X"]))
    qual = draw(st.sampled_from(["", "?", "~", "%"]))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    text = {
        "year": f"{year}",
        "month": f"{year}-{month:02d}",
        "day": f"{year}-{month:02d}-{day:02d}",
        "decade": f"{year // 10:03d}X",
        "century": f"{year // 100:02d}XX",
        "month-X": f"{year}-XX",
        "day-X": f"{year}-{month:02d}-XX",
    }[form]
    return text + qual


@given(single_dates())
def test_solar_span_holds_exactly_the_gregorian_days(text):
    d = dates.parse(text).start
    assert d is not None
    span = solar_hijri.solar_span(d)
    # The same first and last day, nothing added or lost.
    assert solar_hijri.from_solar(*span.first) == d.earliest
    assert solar_hijri.from_solar(*span.last) == d.latest
    # The months the words name are the fewest that hold the span: the first holds its first day, the last its last.
    (y1, m1), (y2, m2) = span.months
    lo, _ = solar_hijri.solar_month_days(y1, m1)
    _, hi = solar_hijri.solar_month_days(y2, m2)
    assert lo <= d.earliest <= lo + timedelta(days=30)
    assert hi - timedelta(days=30) <= d.latest <= hi
    words = solar_hijri.solar_words(text)
    if d.precision == "day":
        assert words.endswith(f"{solar_hijri.SOLAR_MONTHS[m1 - 1]} {solar_hijri.persian_digits(str(y1))}")
    elif d.precision == "month":
        assert solar_hijri.SOLAR_MONTHS[m1 - 1] in words and solar_hijri.SOLAR_MONTHS[m2 - 1] in words
    else:
        assert solar_hijri.persian_digits(str(y1)) in words and solar_hijri.persian_digits(str(y2)) in words
    assert words.startswith(solar_hijri.QUALIFIER_PREFIX[d.qualifier])


@given(st.dates(date(dates.MIN_YEAR, 1, 1), date(dates.MAX_YEAR, 12, 31)))
def test_every_day_round_trips_and_the_next_day_is_the_next_solar_day(day):
    y, m, dd = solar_hijri.to_solar(day)
    assert solar_hijri.from_solar(y, m, dd) == day
    if day < date(dates.MAX_YEAR, 12, 31):
        ny, nm, nd = solar_hijri.to_solar(day + timedelta(days=1))
        assert (ny, nm, nd) == (y, m, dd + 1) or (nd == 1 and (ny, nm) in ((y, m + 1), (y + 1, 1)))
        first, last = solar_hijri.solar_month_days(y, m)
        assert first <= day <= last and 29 <= (last - first).days + 1 <= 31


def test_the_extremes_of_the_range():
    for text in ("1000", "10XX", "2999", "29XX", "1000-01-01", "2999-12-31"):
        d = dates.parse(text).start
        assert d is not None
        span = solar_hijri.solar_span(d)
        assert (solar_hijri.from_solar(*span.first), solar_hijri.from_solar(*span.last)) == (d.earliest, d.latest)
