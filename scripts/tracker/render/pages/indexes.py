"""The index of each kind (events by year, claims by assessment, actors and sources by kind): templates/indexes/<kind>.html."""

from __future__ import annotations

from collections import defaultdict

from tracker.check import vocab
from tracker.core import kinds
from tracker.model import provenance
from tracker.model.paths import index_path
from tracker.model.records import Model
from tracker.render import templating
from tracker.render.pages import lists
from tracker.render.pages.base import Links, Page
from tracker.render.pages.lists import ItemRenderer, group_pages
from tracker.render.pages.timeline import sections, timeline_entries
from tracker.render.templating import macro


def _slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-") or "group"


def index_pages(model: Model, kind: str, groups: list[tuple[str, list[str]]], item: ItemRenderer) -> list[Page]:
    """The index of one kind, by group; groups too large to list inline get paginated pages."""
    here = index_path(kind)
    title = kinds.get(kind).title
    shown = [(label, _slug(label), ids) for label, ids in groups if ids]
    pages = [page for label, slug, ids in shown if len(ids) > lists.INLINE_LIMIT for page in group_pages(model, kind, label, slug, ids, item)]
    total = len(getattr(model, kind))
    index = templating.page(
        f"indexes/{kind}.html",
        here,
        title,
        f"All {total:,} {title.lower()}, grouped.",
        searchable=False,
        links=Links(model, here),
        kind=kind,
        total=total,
        groups=shown,
        inline_limit=lists.INLINE_LIMIT,
        item=item,
    )
    return [index, *pages]


@kinds.provides("events", "index")
def events_index(model: Model) -> list[Page]:
    by_year: dict[str, list[str]] = defaultdict(list)
    events = [e for e in timeline_entries(model) if e.kind == "event"]
    for entry, (year, _) in zip(events, sections(events), strict=True):  # the timeline's order and its year sections
        by_year[year].append(entry.record.id)
    return index_pages(model, "events", list(by_year.items()), lambda links, i: macro("event_item")(links, model.events[i]))


@kinds.provides("claims", "index")
def claims_index(model: Model) -> list[Page]:
    by_status: dict[str, list[str]] = {s: [] for s in vocab.statuses()}
    for claim in model.claims.values():
        by_status.setdefault(claim.status, []).append(claim.id)
    return index_pages(
        model, "claims", [(vocab.status_title(s), ids) for s, ids in by_status.items()], lambda links, i: macro("claim_item")(links, model.claims[i])
    )


@kinds.provides("actors", "index")
def actors_index(model: Model) -> list[Page]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for actor in sorted(model.actors.values(), key=lambda a: (a.name.lower(), a.id)):
        by_kind[actor.actor_kind].append(actor.id)
    return index_pages(model, "actors", [(vocab.actor_kind_title(k), by_kind[k]) for k in vocab.actor_kinds() if k in by_kind], macro("actor_item"))


@kinds.provides("sources", "index")
def sources_index(model: Model) -> list[Page]:
    """Documents we hold apart from those known only through another, so that "cited by 0" never reads as "unused"."""
    groups: dict[str, list[str]] = {HELD: [], VIA: []}
    for source in sorted(model.sources.values(), key=lambda s: (s.title.lower(), s.id)):
        groups[HELD if provenance.holding(source) in (provenance.ARCHIVED, provenance.LINKED) else VIA].append(source.id)
    return index_pages(model, "sources", list(groups.items()), macro("source_item"))


HELD = "Documents we hold"
VIA = "Known only through another document"
