"""The reader pages: each archived text with every cited excerpt highlighted in place and linked to its citers."""

from __future__ import annotations

from tracker.model import archived
from tracker.model.paths import reader_page_path
from tracker.model.records import Model, Source
from tracker.model.words import record_label
from tracker.render import templating
from tracker.render.draw.source_reader import reader_html
from tracker.render.pages.base import Links, Page


@templating.expose
def reader_href(links: Links, source: Source, excerpt: str = "") -> str:
    """Where to read a source's archived text: its reader page, at the excerpt's highlight when it is found there."""
    anchor = archived.anchors(links.model, source).get(excerpt, "") if excerpt else ""
    return links.to(reader_page_path(source.id), anchor)


@templating.expose
def readable(source: Source) -> bool:
    """A source with an archived text that can be read (a reader page exists for it)."""
    return source.seed is not None and archived.raw_text(source.seed) is not None


def reader_page(model: Model, source: Source) -> Page:
    here = reader_page_path(source.id)
    links = Links(model, here)
    seed = source.seed
    assert seed is not None, source.id  # reader pages are made for readable sources only
    raw = archived.raw_text(seed) or ""
    title = f"Archived text: {source.title}"
    return templating.page(
        "reader.html",
        here,
        title,
        f"The archived text of {source.title}, with every passage the records cite highlighted.",
        searchable=False,
        links=links,
        source=source,
        heading=title,
        # the reader's HTML is tracker.render.draw's, every value escaped there: Markup, as the drawings
        text=templating.drawing(reader_html(model, source, raw, links.record, lambda rid: _label(model, rid))),
    )


def reader_pages(model: Model) -> list[Page]:
    """One reader page per source with an archived text."""
    return [reader_page(model, s) for s in model.sources.values() if readable(s)]


def _label(model: Model, rid: str) -> str:
    record = model.get(rid)
    return record_label(record, 60) if record is not None else rid
