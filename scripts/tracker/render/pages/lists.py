"""Lists of records shown on another record's page, and the paginated pages of the long ones.

A list is shown inline up to INLINE_LIMIT items; a longer one gets its own pages of
LIST_PAGE_SIZE under browse/, so that no page grows with the size of the data set.
The indexes (pages.indexes) use the same limits and list pages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from tracker.core import kinds
from tracker.model.paths import list_page_path
from tracker.model.records import Actor, Model, Source
from tracker.model.words import record_label
from tracker.render import templating
from tracker.render.pages.base import Links, Page, paginate
from tracker.render.templating import macro

# An index lists a group inline up to INLINE_LIMIT records; a larger group gets its own
# pages of LIST_PAGE_SIZE under browse/, so no page grows with the size of the data set.
INLINE_LIMIT = 100


LIST_PAGE_SIZE = 500


ItemRenderer = Callable[[Links, str], str]  # one <li> (a macro of templates/macros.html)
# The kinds whose records cite sources (a source is reported via others, which its page shows apart).
CITING_KINDS = tuple(k for k in kinds.FOLDERS if k != "sources")


@dataclass(frozen=True, slots=True)
class RecordList:
    """A list of records shown on another record's page (an actor's claims, a source's citers)."""

    label: str  # for the overflow pages' title, such as "claims made"
    ids: list[str]
    item: Callable[[Links, str], str]  # one <li> (a macro of templates/macros.html)


def actor_lists(model: Model, actor: Actor) -> dict[str, RecordList]:
    events = sorted(model.events_with.get(actor.id, []), key=lambda e: (*model.events[e].date.sort_key(), e))
    return {
        "claims": RecordList(
            "claims made", model.claims_by.get(actor.id, []), lambda links, i: macro("claim_item")(links, model.claims[i], show_claimants=False)
        ),
        "events": RecordList("events", events, lambda links, i: macro("event_item")(links, model.events[i])),
    }


def source_lists(model: Model, source: Source) -> dict[str, RecordList]:
    citing: dict[str, list[str]] = defaultdict(list)
    for rid in model.cited_by.get(source.id, []):
        citer = model.get(rid)
        if citer is not None:  # cited_by holds only ids of the model
            citing[citer.kind].append(rid)
    lists = {
        "claims-made": RecordList("claims made in it", model.claims_made_in.get(source.id, []), lambda links, i: macro("claim_item")(links, model.claims[i]))
    }
    for kind in CITING_KINDS:
        lists[f"citing-{kind}"] = RecordList(f"{kind} citing it", citing.get(kind, []), lambda links, i: macro("record_item")(links, i))
    return lists


def group_pages(model: Model, kind: str, label: str, slug: str, ids: list[str], item: ItemRenderer) -> list[Page]:
    """A long list of records in pages of LIST_PAGE_SIZE under browse/ (templates/list.html)."""
    chunks = paginate(ids, LIST_PAGE_SIZE)
    heading = f"{kinds.get(kind).title}: {label}"
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        here = list_page_path(kind, slug, number)
        page = templating.page(
            "list.html",
            here,
            f"{heading} ({number}/{len(chunks)})",
            f"{heading}, page {number} of {len(chunks)}.",
            searchable=False,
            links=Links(model, here),
            kind=kind,
            slug=slug,
            heading=heading,
            number=number,
            pages=len(chunks),
            start=(number - 1) * LIST_PAGE_SIZE,
            total=len(ids),
            ids=chunk,
            item=item,
        )
        pages.append(page)
    return pages


def owner_overflow_pages(model: Model, owner: Actor | Source) -> list[Page]:
    """Paginated pages for one actor's or source's lists too long to show in full on its page."""
    lists = actor_lists(model, owner) if isinstance(owner, Actor) else source_lists(model, owner)
    pages: list[Page] = []
    for key, listed in lists.items():
        if len(listed.ids) > INLINE_LIMIT:
            pages += group_pages(model, owner.kind, f"{record_label(owner)}: {listed.label}", f"{owner.id}/{key}", listed.ids, listed.item)
    return pages


def list_owners(model: Model) -> list[Actor | Source]:
    """The records whose pages show lists that may overflow: actors, then sources."""
    return [*model.actors.values(), *model.sources.values()]


def overflow_pages(model: Model) -> list[Page]:
    """Paginated pages for the record lists too long to show in full on their record's page."""
    return [page for owner in list_owners(model) for page in owner_overflow_pages(model, owner)]
