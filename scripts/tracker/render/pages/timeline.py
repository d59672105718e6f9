"""The timeline: every event and dated claim in the order of chronology.order, in pages of TIMELINE_PAGE_SIZE entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tracker.check import relations
from tracker.core import date_words, dates
from tracker.core.html import esc, first_sentence
from tracker.model import chronology
from tracker.model.paths import METHODOLOGY_PAGE, timeline_page_path
from tracker.model.records import Claim, Event, Model, Source, claim_date
from tracker.model.story import Story
from tracker.render.pages.base import Links, Page, html_block, paginate
from tracker.render.pages.fragments import actor_links, badge, date_html, record_published, tag_list
from tracker.render.pages.reader import readable, reader_href


@dataclass(slots=True)
class TimelineEntry:
    kind: str  # "event" or "claim"
    record: Event | Claim
    date: dates.EdtfDate
    basis: str
    by: str = "date"  # what placed it (chronology.Placed.by): "date", "relation", "reported" or "id"


def timeline_entries(model: Model) -> list[TimelineEntry]:
    """Events and dated claims in chronology.order: date bucket, the events' order relations, then the order reported."""
    entries = [TimelineEntry("event", e, e.date, "") for e in model.events.values()]
    for claim in model.claims.values():
        when, how = claim_date(model, claim)
        if when is not None:
            entries.append(TimelineEntry("claim", claim, when, how))
    pairs = relations.relations((e.id, e.data) for e in model.events.values())
    placed = chronology.order(entries, pairs, chronology.archived_texts(model.sources))
    ordered: list[TimelineEntry] = []
    for item in placed:
        entry = item.entry
        assert isinstance(entry, TimelineEntry)
        entry.by = item.by
        ordered.append(entry)
    return ordered


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


# (links, page number, its entries) -> (the drawing above the list, whether each entry has a mark)
Drawing = Callable[[Links, int, list[TimelineEntry]], tuple[str, bool]]


def timeline_pages(model: Model, chunks: list[list[TimelineEntry]] | None = None, story: Story | None = None, drawing: Drawing | None = None) -> list[Page]:
    chunks = chunks if chunks is not None else timeline_chunks(model)
    story = story or Story()
    total_events = len(model.events)
    total_claims = sum(1 for chunk in chunks for e in chunk if e.kind == "claim")
    counts = f"{total_events:,} {'event' if total_events == 1 else 'events'} and {total_claims:,} dated {'claim' if total_claims == 1 else 'claims'}"
    pages = []
    for number, entries in enumerate(chunks, start=1):
        here = timeline_page_path(number)
        links = Links(model, here)
        intro = (
            f'<p class="tl-intro">{counts}, in order. Entries are placed by date and never shown more precisely than the sources allow; '
            "where the sources give no exact date, entries follow what the sources say came first, then the order in which the article reports them "
            f'(marked <em>in the order reported</em>; <a href="{esc(links.to(METHODOLOGY_PAGE, "dates"))}">how dates are shown and ordered</a>). '
            + (
                "Filters below need JavaScript; without it, this is the complete list.</p>"
                if len(chunks) == 1
                else "Filters below need JavaScript and act on this page.</p>"
            )
        )
        pager = ""
        if len(chunks) > 1:
            items = []
            for n, chunk in enumerate(chunks, start=1):
                span = f"{date_words.plain(chunk[0].date)} … {date_words.plain(chunk[-1].date)}"
                label = f"{n}: {span}"
                items.append(
                    f"<li><strong>{esc(label)}</strong></li>" if n == number else f'<li><a href="{esc(links.to(timeline_page_path(n)))}">{esc(label)}</a></li>'
                )
            pager = f'<nav class="pager" aria-label="Timeline pages"><p>Page {number} of {len(chunks)}:</p><ol>{"".join(items)}</ol></nav>'
        figure, drawn = drawing(links, number, entries) if drawing else ("", False)
        md = html_block(
            '<h1 id="title">Timeline</h1>',
            intro,
            pager,
            figure,
            '<div id="tl-filters" class="tl-filters" hidden></div>',
            _year_links(entries),
            f'<div class="timeline">{_timeline_groups(links, entries, story, drawn)}</div>',
            cls="timeline-page",
        )
        title = "Timeline" if len(chunks) == 1 else f"Timeline ({number}/{len(chunks)})"
        pages.append(Page(here, title, f"Every event and dated claim in order ({counts}).", md, searchable=False))
    return pages


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


def _year_links(entries: list[TimelineEntry]) -> str:
    """Links to jump to each year of this page (a long timeline is thousands of pixels)."""
    years = list(dict.fromkeys(year for year, _ in sections(entries)))
    if len(years) < 2:
        return ""
    items = "".join(f'<li><a href="#{esc(_year_id(y))}">{esc(y)}</a></li>' for y in years)
    return f'<nav class="tl-years" aria-label="Jump to a year"><p>Jump to:</p><ul>{items}</ul></nav>'


def _timeline_groups(links: Links, entries: list[TimelineEntry], story: Story, drawn: bool = False) -> str:
    parts: list[str] = []
    current_year = current_month = None
    open_list = False
    for entry, (year, month) in zip(entries, sections(entries), strict=True):
        if year != current_year or month != current_month:
            if open_list:
                parts.append("</ol></section>")
            if year != current_year:
                if current_year is not None:
                    parts.append("</section>")
                parts.append(f'<section class="tl-year" data-year="{esc(year)}"><h2 class="tl-year-heading" id="{esc(_year_id(year))}">{esc(year)}</h2>')
                current_year = year
            parts.append(f'<section class="tl-month"><h3 class="tl-month-heading">{esc(month)}</h3><ol class="tl-entries">')
            current_month, open_list = month, True
        parts.append(timeline_entry_html(links, entry, story, drawn))
    if open_list:
        parts.append("</ol></section></section>")
    return "".join(parts)


def _citation_href(links: Links, record_id: str, number: int, source: Source, excerpt: str) -> str:
    """A source link lands on the excerpt's highlight in the archived text, else on the record's footnote."""
    return reader_href(links, source, excerpt) if readable(source) else links.record(record_id, f"cite-{number}")


def timeline_entry_html(links: Links, entry: TimelineEntry, story: Story | None = None, drawn: bool = False) -> str:
    """One entry of the list; ``drawn``: the drawing above has its mark, which the entry links back to."""
    record = entry.record
    model = links.model
    tag_names = (story or Story()).tags
    if isinstance(record, Event):
        actors = record.actors
        tags = record.tags
        summary = first_sentence(record.summary)
        citations = record.citations
        kind_label = "Event"
        extra = ""
    else:
        actors = record.claimants
        tags = record.tags
        summary = ""  # the title is the statement; who said it is the one "Claimed by" line below
        citations = record.citations
        kind_label = "Claim"
        extra = " " + badge(record.status)
    sources = " ".join(
        f'<a href="{esc(_citation_href(links, record.id, n, model.sources[c.source], c.excerpt))}" class="tl-source" title="{esc(model.sources[c.source].title)}">[{n}]</a>'
        for n, c in enumerate(citations, start=1)
    )
    fuzzy_cls = " tl-fuzzy" if entry.date.is_fuzzy else ""
    published: dates.EdtfDate | None
    if isinstance(record, Claim) and entry.basis == "published in its venue":
        # dated by the document it was said in: "Date not given; the article is probably from 2026"
        published = entry.date
        basis = "" if entry.date.is_fuzzy else ' <span class="date-basis">(when the document it was said in was published)</span>'
    else:
        published, basis = record_published(model, record), ""
    order = ' <span class="tl-order">· in the order reported</span>' if entry.by == "reported" else ""
    order = ' <span class="tl-order">· after what it followed, as the article says</span>' if entry.by == "relation" else order
    return (
        # The filters (timeline.js) read the kind from the class and the actors and tags from the links
        # and tags below: no copies in data-* attributes.
        f'<li class="tl-entry tl-{entry.kind}{fuzzy_cls}" id="{entry.kind}-{esc(record.id)}">'
        f'<p class="tl-date">{date_html(entry.date, published=published)}{basis}{order}</p>'
        # The title is the entry's second paragraph and the actors, tags and sources its last: the
        # stylesheet finds them by position (tracker.css), one class less on each of 7,800 entries at 10k.
        f'<p><span class="tl-kind">{kind_label}</span>{extra} {links.a(record.id)}</p>'
        + (f"<p>{esc(summary)}</p>" if summary else "")
        + f"<p>{'Actors' if entry.kind == 'event' else 'Claimed by'}: {actor_links(links, actors)}"
        + (f" · Tags: {tag_list(tags, tag_names)}" if tags else "")
        + f" · Sources: {sources}"
        + (f' · <a class="tl-to-mark" href="#tlm-{entry.kind}-{esc(record.id)}">on the drawing</a>' if drawn else "")
        + "</p></li>"
    )
