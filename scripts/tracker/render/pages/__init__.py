"""The page layer: pure functions from the model to pages, one module per page family.

``FAMILIES`` is the one list of page families the build reads, in the order their
pages are produced. Below the families sit ``base`` (the page type, HTML blocks,
links, pagination), ``fragments`` (pieces shared by several families) and ``lists``
(record lists and their overflow pages); the paths of every page are in
``tracker.model.paths``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from tracker.core import kinds
from tracker.model.paths import page_path
from tracker.model.records import Model
from tracker.model.story import Story
from tracker.render.memo import RenderMemo
from tracker.render.pages import about, base, changes, disputes, drawings, evidence, history, home, indexes, lists, reader, records, search, site, timeline  # noqa: F401  (indexes, records and search register their per-kind handlers on import)
from tracker.render.pages.base import Page

__all__ = ["FAMILIES", "Build", "Family", "Page", "all_pages", "base", "records", "search"]


@dataclass(frozen=True, slots=True)
class Build:
    """What one build of the pages knows: the model, the site name, where each event sits on the timeline."""

    model: Model
    site_name: str
    memo: RenderMemo | None
    chunks: list[list[timeline.TimelineEntry]]
    on_timeline: dict[str, str]
    story: Story
    made_with: tuple[tuple[str, str], ...] = ()  # (name, URL) of the tools that make and search the site, for the About page

    def index(self, fn: Callable[[Model], list[Page]]) -> list[Page]:
        """An index's pages, reused from the live preview's memo when what they read is unchanged."""
        return fn(self.model) if self.memo is None else self.memo.call(("index", fn.__name__), fn, None)


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    pages: Callable[[Build], list[Page]]


def _record_pages(build: Build) -> list[Page]:
    """Every record's page. Its history (history.RecordTrust) is an argument like the others: the live
    preview's memo renders a page again when it changed, and reuses it otherwise."""
    model, memo = build.model, build.memo
    if memo is None:
        return [kinds.call("page", r.kind, model, r, build.on_timeline.get(r.id), build.story, history.record_trust(model, r)) for r in model.all_records()]
    pages = []
    for record in model.all_records():
        trust = history.record_trust(model, record)
        page = memo.call(page_path(record), kinds.get(record.kind).handler("page"), record, build.on_timeline.get(record.id), build.story, trust)
        pages.append(page if page.record is record else dataclasses.replace(page, record=record))
    return pages


def _overflow_pages(build: Build) -> list[Page]:
    if build.memo is None:
        return lists.overflow_pages(build.model)
    memo = build.memo
    return [page for owner in lists.list_owners(build.model) for page in memo.call(("overflow", page_path(owner)), lists.owner_overflow_pages, owner)]


FAMILIES: list[Family] = [
    Family("home", lambda b: [site.home_page(b.model, b.site_name, b.story, [e for chunk in b.chunks for e in chunk])]),
    Family("timeline", lambda b: timeline.timeline_pages(b.model, b.chunks, b.story, drawings.timeline_drawing)),
    Family("indexes", lambda b: [page for kind in kinds.ALL for page in b.index(kind.handler("index"))]),
    Family("disputes", lambda b: disputes.disputes_pages(b.model, b.story)),
    Family("data notes", lambda b: [site.data_notes_page(b.model)]),
    Family("methodology", lambda b: [site.methodology_page()]),
    Family("about", lambda b: [about.about_page(b.model, b.made_with)]),
    Family("record pages", _record_pages),
    Family("archived texts", lambda b: reader.reader_pages(b.model)),
    Family("overflow lists", _overflow_pages),
    Family("what changed", lambda b: changes.changes_pages(b.model)),
    Family("corrections", lambda b: [changes.corrections_page(b.model), changes.correction_policy_page(b.model)]),
    Family("withdrawn records", lambda b: changes.withdrawn_pages(b.model)),
]


def all_pages(
    model: Model, site_name: str, memo: RenderMemo | None = None, story: Story | None = None, made_with: tuple[tuple[str, str], ...] = ()
) -> list[Page]:
    """Every page of the site. With a memo (the live preview), pages whose inputs did not change are reused.

    ``story`` is data/story.yaml and data/vocabulary.yaml (the lead, the questions, the names of
    measures and tags); without it pages fall back to words made from the slugs."""
    if memo is not None:
        memo.begin(model)
    chunks = timeline.timeline_chunks(model)
    build = Build(model, site_name, memo, chunks, timeline.timeline_locations(chunks), story or Story(), made_with)
    return [page for family in FAMILIES for page in family.pages(build)]
