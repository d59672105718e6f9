"""The drawings as they sit on pages: the timeline (full, and compact on the home and actor pages), provenance and figures.

The drawings themselves are pure functions in ``tracker.render.draw``; here they get the page's links.
Templates call them (``templating.expose``) and get ``Markup``: the drawings are HTML and SVG that
``tracker.render.draw`` writes itself, every value from data/ in them escaped there. The reader
pages are in ``reader``.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from tracker.model.paths import timeline_page_path
from tracker.model.records import Actor, Claim, Model, Source, claim_date
from tracker.render import templating
from tracker.render.draw import provenance
from tracker.render.draw import timeline as draw_timeline
from tracker.render.draw.figures import figures_svg
from tracker.render.pages.base import Links
from tracker.render.pages.reader import reader_href
from tracker.render.pages.timeline import TimelineEntry, timeline_chunks

_WHERE: list = [None, None]  # [model, _Placed]: worked out once per model (home and every actor page use it)
_PAGE_TOKEN = re.compile(r"@timeline-page-(\d+)@")


class _Placed:
    """Every timeline entry with the timeline page that lists it, and each month's first entry."""

    def __init__(self, model: Model):
        chunks = timeline_chunks(model)
        self.entries = [entry for chunk in chunks for entry in chunk]
        self.page_of: dict[tuple[str, str], int] = {(e.kind, e.record.id): n for n, chunk in enumerate(chunks, start=1) for e in chunk}
        self.first_of_month: dict[tuple[int, int], TimelineEntry] = {}
        self.by_actor: dict[str, list[TimelineEntry]] = {}
        self.band = ""  # the density band of every entry, its links to pages as tokens (_PAGE_TOKEN)
        for entry in self.entries:
            if entry.date.start is not None:
                day = entry.date.start.earliest
                self.first_of_month.setdefault((day.year, day.month), entry)
            actors = getattr(entry.record, "actors", None) or getattr(entry.record, "claimants", [])
            for actor in dict.fromkeys(actors):
                self.by_actor.setdefault(actor, []).append(entry)


def _placed(model: Model) -> _Placed:
    if _WHERE[0] is not model:
        _WHERE[0], _WHERE[1] = model, _Placed(model)
    return _WHERE[1]


def _entry_href(links: Links, placed: _Placed, entry: TimelineEntry) -> str:
    return links.to(timeline_page_path(placed.page_of[(entry.kind, entry.record.id)]))


def _month_href(links: Links, placed: _Placed):
    """A density segment links to the list page holding that month's first entry, at that entry."""

    def href(year: int, month: int) -> str | None:
        entry = placed.first_of_month.get((year, month))
        if entry is None:
            return None
        page = timeline_page_path(placed.page_of[(entry.kind, entry.record.id)])
        return links.to(page, draw_timeline.default_entry_id(entry.kind, entry.record.id))

    return href


def timeline_drawing(links: Links, number: int, entries: list[TimelineEntry]) -> tuple[Markup, bool]:
    """The drawing above the list of timeline page ``number`` and whether its entries have marks to link back to.

    One timeline page draws its own entries; when the timeline runs over several pages (or past the
    threshold) every page shows the band of all entries per month, each month linking to its page.
    """
    placed = _placed(links.model)
    if len(placed.entries) <= draw_timeline.DENSITY_THRESHOLD:
        marks = draw_timeline.marks_from_entries(entries)
        return templating.drawing(draw_timeline.timeline_svg(marks)), bool(marks)
    if not placed.band:  # the same band on every page: drawn once, its links made relative per page

        def token(year: int, month: int) -> str | None:
            entry = placed.first_of_month.get((year, month))
            if entry is None:
                return None
            return f"@timeline-page-{placed.page_of[(entry.kind, entry.record.id)]}@#{draw_timeline.default_entry_id(entry.kind, entry.record.id)}"

        placed.band = draw_timeline.timeline_svg(draw_timeline.marks_from_entries(placed.entries), month_href=token)
    return templating.drawing(_PAGE_TOKEN.sub(lambda m: "" if int(m.group(1)) == number else links.to(timeline_page_path(int(m.group(1)))), placed.band)), False


@templating.expose
def compact_timeline(links: Links, actor: Actor | None = None) -> Markup:
    """The timeline at a glance (home page), or one actor's entries (its page); '' when there is nothing to draw."""
    placed = _placed(links.model)
    entries = placed.entries if actor is None else placed.by_actor.get(actor.id, [])
    marks = draw_timeline.marks_from_entries(entries, page_href=lambda e: _entry_href(links, placed, e))
    # an actor's drawing has a short caption; the legend itself is on the timeline page, not on every actor's page
    legend = templating.macro("timeline_legend")(links, actor) if actor is not None else None
    return templating.drawing(draw_timeline.timeline_svg(marks, compact=True, width=640, prefix="tlc", month_href=_month_href(links, placed), legend=legend))


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
