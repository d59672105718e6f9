"""The drawings as they sit on pages: the timeline (full, and compact on the home and actor pages), provenance and figures.

The drawings themselves are pure functions in ``tracker.render.draw``; here they get the page's links.
Templates call them (``templating.expose``) and get ``Markup``: the drawings are HTML and SVG that
``tracker.render.draw`` writes itself, every value from data/ in them escaped there. The reader
pages are in ``reader``.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from tracker.check import relations
from tracker.core import date_words
from tracker.model.paths import timeline_page_path
from tracker.model.records import Actor, Claim, Model, Source, claim_date
from tracker.render import templating
from tracker.render.draw import provenance, storyline
from tracker.render.draw.figures import figures_svg
from tracker.render.pages.base import Links
from tracker.render.pages.reader import reader_href
from tracker.render.pages.timeline import TimelineEntry, sections, timeline_chunks

_WHERE: list = [None, None]  # [model, _Placed]: worked out once per model (home and every actor page use it)
_PAGE_TOKEN = re.compile(r"@timeline-page-(\d+)@")


class _Placed:
    """Every timeline entry with the timeline page and the list section that hold it, and what placed it after what."""

    def __init__(self, model: Model):
        chunks = timeline_chunks(model)
        self.entries = [entry for chunk in chunks for entry in chunk]
        self.page_of: dict[tuple[str, str], int] = {(e.kind, e.record.id): n for n, chunk in enumerate(chunks, start=1) for e in chunk}
        self.section_of: dict[tuple[str, str], tuple[str, str]] = {
            (e.kind, e.record.id): label for chunk in chunks for e, label in zip(chunk, sections(chunk), strict=True)
        }
        self.by_actor: dict[str, list[TimelineEntry]] = {}
        self.band = ""  # the band of every entry, its links to pages as tokens (_PAGE_TOKEN)
        self.before: dict[str, list[str]] = {}  # event id -> the events a relation puts before it
        for earlier, later in relations.relations((e.id, e.data) for e in model.events.values()):
            if earlier in model.events:
                self.before.setdefault(later, []).append(earlier)
        for entry in self.entries:
            actors = getattr(entry.record, "actors", None) or getattr(entry.record, "claimants", [])
            for actor in dict.fromkeys(actors):
                self.by_actor.setdefault(actor, []).append(entry)


def _placed(model: Model) -> _Placed:
    if _WHERE[0] is not model:
        _WHERE[0], _WHERE[1] = model, _Placed(model)
    return _WHERE[1]


def _span_words(entry: TimelineEntry, label: str) -> tuple[str, str, bool]:
    """A section's head and span in words, and whether it is a year or more (said once, never spread over months)."""
    start = entry.date.start
    if start is None or start.precision in ("decade", "century"):
        return label, label, True
    if start.precision == "year":
        span = ("probably " if start.qualifier in ("?", "%") else "") + str(start.earliest.year)
        return f"{span}, exact dates not given", span, True
    return label, label, False


def stops(model: Model, entries: list[TimelineEntry], href) -> list[storyline.Stop]:
    """The entries as the drawing's stops: consecutive entries of one list section, in the list's order.

    ``href(entry)`` is the link to an entry in the list."""
    placed = _placed(model)
    titles = {e.record.id: e.record.title for e in placed.entries if e.kind == "event"}
    groups: list[tuple[tuple[str, str], list[TimelineEntry]]] = []
    for entry in entries:
        label = placed.section_of[(entry.kind, entry.record.id)]
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(entry)
    found = []
    for (_, month), members in groups:
        when, span, spread = _span_words(members[0], month)
        same = len({m.date.text for m in members}) == 1
        items = tuple(
            storyline.Item(
                storyline.entry_anchor(e.kind, e.record.id),
                href(e),
                e.kind,
                " ".join(e.record.title.split()),
                "" if same and spread else date_words.plain(e.date),
                tuple(" ".join(titles[b].split()) for b in placed.before.get(e.record.id, []) if b in titles)
                if e.kind == "event" and e.by == "relation"
                else (),
            )
            for e in members
        )
        found.append(storyline.Stop(when, spread, any(m.by == "reported" for m in members), items, items[0].href, span))
    return found


def _entry_href(links: Links, placed: _Placed, entry: TimelineEntry) -> str:
    return links.to(timeline_page_path(placed.page_of[(entry.kind, entry.record.id)]), storyline.entry_anchor(entry.kind, entry.record.id))


def timeline_drawing(links: Links, number: int, entries: list[TimelineEntry]) -> tuple[Markup, bool]:
    """The drawing above the list of timeline page ``number`` and whether its entries have a link on it to link back to.

    A timeline of at most ``storyline.BAND_THRESHOLD`` entries is drawn as its story line; a longer one
    shows on every page the band of all its sections, each linking to its page.
    """
    placed = _placed(links.model)
    if len(placed.entries) <= storyline.BAND_THRESHOLD:
        found = stops(links.model, entries, lambda e: "#" + storyline.entry_anchor(e.kind, e.record.id))
        return templating.drawing(storyline.storyline_html(found)), bool(found)
    if not placed.band:  # the same band on every page: drawn once, its links made relative per page

        def token(entry: TimelineEntry) -> str:
            return f"@timeline-page-{placed.page_of[(entry.kind, entry.record.id)]}@#{storyline.entry_anchor(entry.kind, entry.record.id)}"

        placed.band = storyline.band_html(stops(links.model, placed.entries, token), caption=storyline.BAND_CAPTION)
    return templating.drawing(_PAGE_TOKEN.sub(lambda m: "" if int(m.group(1)) == number else links.to(timeline_page_path(int(m.group(1)))), placed.band)), False


@templating.expose
def compact_timeline(links: Links, actor: Actor | None = None) -> Markup:
    """The timeline at a glance (home page), or one actor's entries (its page): the band; '' when there is nothing to draw."""
    placed = _placed(links.model)
    entries = placed.entries if actor is None else placed.by_actor.get(actor.id, [])
    found = stops(links.model, entries, lambda e: _entry_href(links, placed, e))
    caption = storyline.BAND_CAPTION if actor is None else f"{actor.name}’s entries on the timeline, by date; each part links to its first entry in the list."
    return templating.drawing(storyline.band_html(found, caption=caption))


@templating.expose
def provenance_drawing(links: Links, record: Claim | Source) -> Markup:
    """Who said it, where, through which reports, and where to read it: every box a link."""
    return templating.drawing(provenance.provenance_figure(links.model, record, record_href=links.record, seed_href=lambda s: reader_href(links, s)))


FIGURES_CHART_MAX = 12  # rows; beyond, a chart is no easier to read than its table (and weighs more)


@templating.expose
def figures_chart(links: Links, measure: str, highlight: str | None = None, prefix: str = "") -> Markup:
    """The chart of the figures given for one measure, above their table: with two figures or more, and few enough to read.

    ``prefix`` keeps the chart's ids unique when one page shows a measure twice."""
    model = links.model
    if not 2 <= len(model.figures[measure]) <= FIGURES_CHART_MAX:
        return Markup("")
    chart = figures_svg(
        model,
        measure,
        record_href=links.record,
        claim_date=lambda cid: claim_date(model, model.claims[cid])[0],
        highlight=highlight,
        prefix=f"fig-{prefix}{measure}",
    )
    return templating.drawing(chart)
