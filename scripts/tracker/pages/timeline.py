"""The timeline: every event and dated claim in order, in pages of TIMELINE_PAGE_SIZE entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import dates
from ..html import esc, first_sentence
from ..model import Claim, Event, Model, Source, claim_date
from ..paths import METHODOLOGY_PAGE, timeline_page_path
from .base import Links, Page, html_block, paginate
from .fragments import actor_links, badge, date_html, tag_list
from .reader import readable, reader_href


@dataclass(slots=True)
class TimelineEntry:
    kind: str  # "event" or "claim"
    record: Event | Claim
    date: dates.EdtfDate
    basis: str


def timeline_entries(model: Model) -> list[TimelineEntry]:
    """Events and dated claims in the documented order: earliest day, latest day, events first, id."""
    entries = [TimelineEntry("event", e, e.date, "") for e in model.events.values()]
    for claim in model.claims.values():
        when, how = claim_date(model, claim)
        if when is not None:
            entries.append(TimelineEntry("claim", claim, when, how))
    entries.sort(key=lambda t: (*t.date.sort_key(), t.kind != "event", t.record.id))
    return entries


def group_label(value: dates.EdtfDate) -> tuple[str, str]:
    """(year group, month group) an entry is listed under, from its earliest possible day."""
    if value.start is None:
        return "Start unknown", f"Until {dates.humanize(value).removeprefix('until ')}"
    start = value.start
    year = str(start.earliest.year)
    if start.precision in ("decade", "century"):
        return dates.humanize(dates.parse(start.text.rstrip("?~%"))), "Year not known"
    if start.precision == "year":
        return year, f"{year}, month not known"
    return year, f"{dates.MONTHS[start.earliest.month - 1]} {year}"


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


def timeline_pages(model: Model, chunks: list[list[TimelineEntry]] | None = None, drawing: Drawing | None = None) -> list[Page]:
    chunks = chunks if chunks is not None else timeline_chunks(model)
    total_events = len(model.events)
    total_claims = sum(1 for chunk in chunks for e in chunk if e.kind == "claim")
    counts = f"{total_events:,} events and {total_claims:,} dated claims"
    pages = []
    for number, entries in enumerate(chunks, start=1):
        here = timeline_page_path(number)
        links = Links(model, here)
        intro = (
            f'<p class="tl-intro">{counts}, in order. Each entry is placed at the first day it could have happened; '
            f'an entry whose date is not exact is marked <span class="fuzzy">not exact</span> and never shown more precisely than its sources allow '
            f'(<a href="{esc(links.to(METHODOLOGY_PAGE, "dates"))}">how dates work</a>). '
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
                span = f"{dates.humanize(chunk[0].date)} … {dates.humanize(chunk[-1].date)}"
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
            f'<div class="timeline">{_timeline_groups(links, entries, drawn)}</div>',
            cls="timeline-page",
        )
        title = "Timeline" if len(chunks) == 1 else f"Timeline ({number}/{len(chunks)})"
        pages.append(Page(here, title, f"Every event and dated claim in order ({counts}).", md, searchable=False))
    return pages


def _timeline_groups(links: Links, entries: list[TimelineEntry], drawn: bool = False) -> str:
    parts: list[str] = []
    current_year = current_month = None
    open_list = False
    for entry in entries:
        year, month = group_label(entry.date)
        if year != current_year or month != current_month:
            if open_list:
                parts.append("</ol></section>")
            if year != current_year:
                if current_year is not None:
                    parts.append("</section>")
                parts.append(
                    f'<section class="tl-year" data-year="{esc(year)}"><h2 class="tl-year-heading" id="y-{esc(year.lower().replace(" ", "-"))}">{esc(year)}</h2>'
                )
                current_year = year
            parts.append(f'<section class="tl-month"><h3 class="tl-month-heading">{esc(month)}</h3><ol class="tl-entries">')
            current_month, open_list = month, True
        parts.append(timeline_entry_html(links, entry, drawn))
    if open_list:
        parts.append("</ol></section></section>")
    return "".join(parts)


def _citation_href(links: Links, record_id: str, number: int, source: Source, excerpt: str) -> str:
    """A source link lands on the excerpt's highlight in the archived text, else on the record's footnote."""
    return reader_href(links, source, excerpt) if readable(source) else links.record(record_id, f"cite-{number}")


def timeline_entry_html(links: Links, entry: TimelineEntry, drawn: bool = False) -> str:
    """One entry of the list; ``drawn``: the drawing above has its mark, which the entry links back to."""
    record = entry.record
    model = links.model
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
        summary = f"Claimed by {', '.join(model.actors[a].name for a in record.claimants)}."
        citations = record.citations
        kind_label = "Claim"
        extra = " " + badge(record.status)
    sources = " ".join(
        f'<a href="{esc(_citation_href(links, record.id, n, model.sources[c.source], c.excerpt))}" class="tl-source" title="{esc(model.sources[c.source].title)}">[{n}]</a>'
        for n, c in enumerate(citations, start=1)
    )
    fuzzy_cls = " tl-fuzzy" if entry.date.is_fuzzy else ""
    basis = f' <span class="date-basis">({esc(entry.basis)})</span>' if entry.basis else ""
    return (
        f'<li class="tl-entry tl-{entry.kind}{fuzzy_cls}" id="{entry.kind}-{esc(record.id)}" '
        f'data-kind="{entry.kind}" data-actors="{esc(" ".join(actors))}" data-tags="{esc(" ".join(tags))}">'
        f'<p class="tl-date">{date_html(entry.date)}{basis}</p>'
        f'<p class="tl-title"><span class="tl-kind">{kind_label}</span>{extra} {links.a(record.id)}</p>'
        f'<p class="tl-summary">{esc(summary)}</p>'
        f'<p class="tl-meta">{"Actors" if entry.kind == "event" else "Claimants"}: {actor_links(links, actors)}'
        + (f" · Tags: {tag_list(tags)}" if tags else "")
        + f" · Sources: {sources}"
        + (f' · <a class="tl-to-mark" href="#tlm-{entry.kind}-{esc(record.id)}">on the drawing</a>' if drawn else "")
        + "</p></li>"
    )
