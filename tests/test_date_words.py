"""Dates in plain words: every form of the notation the project supports, and the undated case."""

from __future__ import annotations

import pytest

from tracker.check import docs_text
from tracker.core import date_words, dates

PLAIN = {
    "2025-01-20": "20 January 2025",
    "2025-06": "June 2025",
    "2026": "2026",
    "2025-06?": "probably June 2025",
    "2026~": "about 2026",
    "2025-06%": "probably about June 2025",
    "2025-01-20?": "probably 20 January 2025",
    "202X": "the 2020s (year not known)",
    "20XX": "the 2000s (year not known)",
    "2025-XX": "2025 (month not known)",
    "2025-06-XX": "June 2025 (day not known)",
    "2025-06-13/2025-06-24": "13 to 24 June 2025",
    "2025-06/2025-07": "June to July 2025",
    "2025-12-30/2026-01-02": "30 December 2025 to 2 January 2026",
    "2025-06-30/2025-07-02": "30 June to 2 July 2025",
    "2024/2026": "2024 to 2026",
    "2025-06?/2025-07?": "probably June to July 2025",
    "2025-06/2025-07?": "June 2025 to probably July 2025",
    "2025-06/2026": "June 2025 to 2026",
    "2025-01-20/..": "from 20 January 2025",
    "2025?/..": "from probably 2025",
    "2025-01-20/": "from 20 January 2025; end not known",
    "../2025-01": "until January 2025",
    "/2025-01": "until January 2025; start not known",
}


@pytest.mark.parametrize(("text", "words"), PLAIN.items())
def test_plain(text, words):
    assert date_words.plain(text) == words
    assert date_words.plain(dates.parse(text)) == words


def test_every_documented_example_has_words_without_notation():
    for text in docs_text.DATE_EXAMPLES:
        words = date_words.plain(text)
        assert words == PLAIN[text]
        assert not any(mark in words for mark in "?~%/X.")


@pytest.mark.parametrize(
    ("published", "noun", "words"),
    [
        ("2026?", "article", "Date not given; the article is probably from 2026"),
        ("2026", "article", "Date not given; the article is from 2026"),
        ("2026~", "post", "Date not given; the post is from about 2026"),
        ("2026-02%", "article", "Date not given; the article is probably from about February 2026"),
        ("2025/2026", "report", "Date not given; the report is dated 2025 to 2026"),
    ],
)
def test_undated(published, noun, words):
    assert date_words.undated_words(published, noun) == words


def test_record_date_words_says_when_a_date_only_repeats_the_source_s():
    published = dates.parse("2026?")
    assert date_words.record_date_words(dates.parse("2026?"), published) == "Date not given; the article is probably from 2026"
    # an exact date equal to the publication date is the record's own: it is shown as such
    assert date_words.record_date_words(dates.parse("2026-02-01"), dates.parse("2026-02-01")) == "1 February 2026"
    assert date_words.record_date_words(dates.parse("2025-06?"), published) == "probably June 2025"
    assert date_words.record_date_words(None, published) == "Date not given; the article is probably from 2026"
    assert date_words.record_date_words(None, None) == "Date not given"
