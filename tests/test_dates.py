"""The date notation: our EDTF subset agrees with the edtf package, reads as words, and orders."""

from __future__ import annotations

import time
from datetime import date

import pytest
from edtf import parse_edtf

from tracker.core import dates

AGREED_FORMS = [
    "2025", "2025-06", "2025-06-13", "2025?", "2025-06~", "2025-06-13%", "202X", "20XX", "2025-XX", "2025-06-XX",
    "2025-06-13/2025-06-24", "2025-06/2025-07", "2024/2026", "2025-06?/2025-07?", "2024-02-29",
]  # fmt: skip


@pytest.mark.parametrize("text", AGREED_FORMS)
def test_bounds_agree_with_the_edtf_package(text):
    ours = dates.parse(text)
    theirs = parse_edtf(text)
    assert ours.earliest == date(*time.struct_time(theirs.lower_strict())[:3])
    assert ours.latest == date(*time.struct_time(theirs.upper_strict())[:3])


@pytest.mark.parametrize(
    "text", ["2025-02-30", "2025-13", "2025-00", "2025-06-31", "25", "2025-6", "2025/06", "June 2025", "2025-06-13T10:00", "0000", "../..", "2025-06//"]
)
def test_rejected(text):
    with pytest.raises(dates.DateError):
        dates.parse(text)


def test_interval_ending_before_start():
    with pytest.raises(dates.DateError, match="ends before it starts"):
        dates.parse("2025-06-24/2025-06-13")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2025-01-20", "20 January 2025"),
        ("2025-06", "June 2025"),
        ("2025", "2025"),
        ("2026?", "2026, uncertain"),
        ("2026~", "2026, approximate"),
        ("2025-06%", "June 2025, uncertain, approximate"),
        ("202X", "2020s"),
        ("2025-06-13/2025-06-24", "13–24 June 2025"),
        ("2025-06/2025-07", "June–July 2025"),
        ("2025-06?/2025-07?", "June–July 2025, uncertain"),
        ("2024-12/2025-01", "December 2024 – January 2025"),
        ("2025-01-20/..", "from 20 January 2025 onwards"),
        ("2025-01-20/", "from 20 January 2025, end unknown"),
        ("../2025-01", "until January 2025"),
        ("/2025-01", "until January 2025, start unknown"),
        ("2025?/..", "from 2025, uncertain onwards"),
    ],
)
def test_humanize_keeps_true_precision(text, words):
    assert dates.humanize(text) == words


def test_total_order_for_mixed_precision():
    written = ["2025-06-13", "2025", "2025-06", "../2025-01", "2025-06-13/2025-06-24", "2025-06-01", "2024/..", "2026?"]
    ordered = sorted(written, key=lambda t: dates.parse(t).sort_key())
    assert ordered == ["../2025-01", "2024/..", "2025", "2025-06-01", "2025-06", "2025-06-13", "2025-06-13/2025-06-24", "2026?"]


@pytest.mark.parametrize(("text", "fuzzy"), [("2025", False), ("2025?", True), ("202X", True), ("2025/..", True), ("2025-01/2025-02", False)])
def test_fuzzy(text, fuzzy):
    assert dates.parse(text).is_fuzzy is fuzzy


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("01/20/2026", "'2026-01-20'"),
        ("20 January 2026", "'2026-01-20'"),
        ("January 20, 2026", "'2026-01-20'"),
        ("Jan 2026", "'2026-01'"),
        ("Sept 2026", "'2026-09'"),
        ("20.01.2026", "'2026-01-20'"),
        ("2026/1/5", "'2026-01-05'"),
        ("03/04/2026", "'2026-03-04' or '2026-04-03'"),
    ],
)
def test_common_non_edtf_forms_get_the_edtf_to_write(written, meant):
    with pytest.raises(dates.DateError) as caught:
        dates.parse(written)
    assert str(caught.value) == f"{written!r} is not written in the date notation (EDTF); did you mean {meant}?"


def test_a_common_form_that_names_no_day_says_so():
    with pytest.raises(dates.DateError) as caught:
        dates.parse("31/02/2026")
    assert str(caught.value) == "'31/02/2026' is not written in the date notation (EDTF) and names no real day; write YYYY-MM-DD, such as 2026-01-20"


def test_a_word_that_is_no_month_gets_no_suggestion():
    with pytest.raises(dates.DateError) as caught:
        dates.parse("Janx 2026")
    assert str(caught.value) == "'Janx 2026' is not an EDTF date such as 2025, 2025-06 or 2025-06-13"
