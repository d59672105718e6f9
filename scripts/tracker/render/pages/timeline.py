"""The timeline: every event and dated claim in the order of chronology.order, in pages of TIMELINE_PAGE_SIZE entries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tracker.core import date_words, dates
from tracker.model import chronology
from tracker.model.chronology import TimelineEntry, timeline_entries
from tracker.model.paths import timeline_page_path
from tracker.model.records import Model, Source
from tracker.model.story import Story
from tracker.render import templating
from tracker.render.pages.base import Links, Page, paginate
from tracker.render.pages.fragments import record_published
from tracker.render.pages.reader import readable, reader_href


def group_label(value: dates.EdtfDate) -> tuple[str, str]:
    """(year group, month group) an entry is listed under: chronology's bucket, in words."""
    if value.start is None:
        return "Start not known", chronology.bucket_label(value)
    start = value.start
    year = str(start.earliest.year)
    if start.precision in ("decade", "century"):
        return chronology.bucket_label(value), chronology.bucket_label(value)
    if start.precision == "year":
        return year, f"{year}: exact date not given"
    return year, chronology.bucket_label(value)


# The timeline is one page up to this many entries; beyond, consecutive pages of this many,
# so that no page grows with the data set. Filters then act on the page shown.
# 700 keeps a page under 1 MB at 10,000 records with the drawing above the list.
TIMELINE_PAGE_SIZE = 700


def timeline_chunks(model: Model) -> list[list[TimelineEntry]]:
    entries = timeline_entries(model)
    return paginate(entries, TIMELINE_PAGE_SIZE)


def timeline_locations(chunks: list[list[TimelineEntry]]) -> dict[str, str]:
    """The timeline page each event is listed on."""
    return {e.record.id: timeline_page_path(n) for n, chunk in enumerate(chunks, start=1) for e in chunk if e.kind == "event"}


# (links, page number, its entries) -> (the drawing above the list, whether each entry has a mark): Markup of tracker.render.draw
Drawing = Callable[[Links, int, list[TimelineEntry]], tuple[str, bool]]


def timeline_pages(model: Model, chunks: list[list[TimelineEntry]] | None = None, story: Story | None = None, drawing: Drawing | None = None) -> list[Page]:
    chunks = chunks if chunks is not None else timeline_chunks(model)
    story = story or Story()
    total_events = len(model.events)
    total_claims = sum(1 for chunk in chunks for e in chunk if e.kind == "claim")
    counts = f"{total_events:,} {'event' if total_events == 1 else 'events'} and {total_claims:,} dated {'claim' if total_claims == 1 else 'claims'}"
    labels = (
        [(n, f"{n}: {date_words.plain(chunk[0].date)} … {date_words.plain(chunk[-1].date)}") for n, chunk in enumerate(chunks, start=1)]
        if len(chunks) > 1
        else []
    )
    pages = []
    for number, entries in enumerate(chunks, start=1):
        here = timeline_page_path(number)
        links = Links(model, here)
        figure, drawn = drawing(links, number, entries) if drawing else ("", False)
        pages.append(
            templating.page(
                "timeline.html",
                here,
                "Timeline" if len(chunks) == 1 else f"Timeline ({number}/{len(chunks)})",
                f"Every event and dated claim in order ({counts}).",
                searchable=False,
                links=links,
                counts=counts,
                number=number,
                pages=labels,
                drawing=figure,
                drawn=drawn,
                years=grouped(entries, model),
                tags=story.tags,
            )
        )
    return pages


# (month, its entries, the entry whose date line the month's head says once or None, whether each entry says its own)
Month = tuple[str, list[TimelineEntry], TimelineEntry | None, list[bool]]


def grouped(entries: list[TimelineEntry], model: Model) -> list[tuple[str, str, list[Month]]]:
    """The entries by year and month, as ``sections`` places them: (year, its anchor, [Month]).

    The date line most entries of a month share (the same date, dated the same way, placed the same
    way) is said once at the month's head and not on each of them: else the 2026 section repeated
    "Date not given; the article is probably from 2026 · in the order reported" 35 times. An entry
    whose date line differs keeps its own."""
    years: list[tuple[str, str, list[tuple[str, list[TimelineEntry]]]]] = []
    for (year, month), entry in zip(sections(entries), entries, strict=True):
        if not years or years[-1][0] != year:
            years.append((year, _year_id(year), []))
        months = years[-1][2]
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append(entry)
    return [(year, anchor, [_shared(month, members, model) for month, members in months]) for year, anchor, months in years]


def _date_line(entry: TimelineEntry, model: Model) -> tuple:
    """What an entry's date line says (timeline.html's ``date_line``): its words, whether it says it is the
    publication's date, and what placed it; two entries with the same value read the same."""
    by_venue = entry.kind == "claim" and entry.basis == "published in its venue"
    published = entry.date if by_venue else record_published(model, entry.record)
    return (entry.date.text, templating.date_in_words(entry.date, published), by_venue and not entry.date.is_fuzzy, entry.by)


def _shared(month: str, members: list[TimelineEntry], model: Model) -> Month:
    lines = [_date_line(e, model) for e in members]
    common, count = Counter(lines).most_common(1)[0]  # the first seen among equals: most_common keeps insertion order
    if count < 2:
        return month, members, None, [True] * len(members)
    return month, members, members[lines.index(common)], [line != common for line in lines]


def _year_id(year: str) -> str:
    return "y-" + "".join(c if c.isalnum() else "-" for c in year.lower())


def sections(entries: list[TimelineEntry]) -> list[tuple[str, str]]:
    """The (year, month) section each entry is listed under, never going back.

    An entry the sources place after another (a relation) may carry an earlier date than the
    section it follows into (the article's "January 2024" sanctions after the January 2025
    swearing-in); it stays in that section, with its own date shown, so each year is one section.
    """
    found: list[tuple[str, str]] = []
    current: tuple | None = None
    label = ("", "")
    for entry in entries:
        key = chronology.bucket_key(entry.date)
        if current is None or key > current:
            current, label = key, group_label(entry.date)
        found.append(label)
    return found


@templating.expose
def citation_href(links: Links, record_id: str, number: int, source: Source, excerpt: str) -> str:
    """A source link lands on the excerpt's highlight in the archived text, else on the record's footnote."""
    return reader_href(links, source, excerpt) if readable(source) else links.record(record_id, f"cite-{number}")
