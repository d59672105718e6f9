"""How a record and a figure are named in text, on pages and in the open data alike."""

from __future__ import annotations

from tracker.core.html import first_sentence
from tracker.model.records import Claim, Record


def record_label(record: Record, limit: int = 160) -> str:
    """A record's name in a link or a reference: a claim's first sentence, else its title."""
    if isinstance(record, Claim):
        return first_sentence(record.statement, limit)
    title: str = record.title  # type: ignore[attr-defined]  # every kind but claims has a title (model.py); the base Record declares none
    return title


def number_for_reading(value: float) -> str:
    """A figure for readers, with thousands separators: 3,000 and 2,500.5."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def number_for_data(value: float) -> str:
    """A figure in a fixed notation for data files: an integer without separators (3000), otherwise Python's shortest repr."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


QUALIFIER_WORDS = {
    "exactly": "",
    "about": "about ",
    "at-least": "at least ",
    "more-than": "more than ",
    "at-most": "at most ",
    "fewer-than": "fewer than ",
    "estimated": "an estimated ",
}


def figure_text(value: float, qualifier: str, unit: str) -> str:
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{number_for_reading(value)} {unit}"
