"""The index of each kind (events by year, claims by assessment, actors and sources by kind)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from tracker.check import vocab
from tracker.core import kinds
from tracker.core.html import esc
from tracker.model import provenance
from tracker.model.paths import METHODOLOGY_PAGE, index_path, list_page_path
from tracker.model.records import Model
from tracker.render.pages import lists
from tracker.render.pages.base import Links, Page, html_block
from tracker.render.pages.fragments import claim_item, date_html, record_published
from tracker.render.pages.lists import ItemRenderer, _group_pages
from tracker.render.pages.timeline import sections, timeline_entries


def _slug(label: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in label.lower()).strip("-") or "group"


def index_pages(model: Model, kind: str, intro_html: Callable[[Links], str], groups: list[tuple[str, list[str]]], item: ItemRenderer) -> list[Page]:
    """The index of one kind, by group; groups too large to list inline get paginated pages."""
    here = index_path(kind)
    links = Links(model, here)
    title = kinds.get(kind).title
    sections, pages = [], []
    for label, ids in groups:
        if not ids:
            continue
        slug = _slug(label)
        if len(ids) <= lists.INLINE_LIMIT:
            listing = '<ul class="index-list">' + "".join(item(links, i) for i in ids) + "</ul>"
        else:
            first = links.to(list_page_path(kind, slug, 1))
            listing = (
                '<ul class="index-list">' + "".join(item(links, i) for i in ids[: lists.INLINE_LIMIT]) + "</ul>"
                f'<p class="more"><a href="{esc(first)}">All {len(ids):,} in “{esc(label)}”</a></p>'
            )
            pages += _group_pages(model, kind, label, slug, ids, item)
        sections.append(f'<section class="group"><h2 id="{esc(slug)}">{esc(label)} <small>({len(ids):,})</small></h2>{listing}</section>')
    body = html_block(f'<h1 id="title">{title}</h1>', intro_html(links), "".join(sections), cls="index-page")
    total = len(getattr(model, kind))
    return [Page(here, title, f"All {total:,} {title.lower()}, grouped.", body, searchable=False), *pages]


@kinds.provides("events", "index")
def events_index(model: Model) -> list[Page]:
    by_year: dict[str, list[str]] = defaultdict(list)
    events = [e for e in timeline_entries(model) if e.kind == "event"]
    for entry, (year, _) in zip(events, sections(events), strict=True):  # the timeline's order and its year sections
        by_year[year].append(entry.record.id)
    return index_pages(
        model,
        "events",
        lambda links: f"<p>{len(model.events):,} events, by year, in timeline order.</p>",
        list(by_year.items()),
        lambda links, i: f"<li>{date_html(model.events[i].date, published=record_published(model, model.events[i]))} — {links.a(i)}</li>",
    )


@kinds.provides("claims", "index")
def claims_index(model: Model) -> list[Page]:
    by_status: dict[str, list[str]] = {s: [] for s in vocab.statuses()}
    for claim in model.claims.values():
        by_status.setdefault(claim.status, []).append(claim.id)
    return index_pages(
        model,
        "claims",
        lambda links: f'<p>{len(model.claims):,} claims, by <a href="{esc(links.to(METHODOLOGY_PAGE, "assessment-scale"))}">assessment</a>.</p>',
        [(vocab.status_title(s), ids) for s, ids in by_status.items()],
        lambda links, i: claim_item(links, model.claims[i]),
    )


@kinds.provides("actors", "index")
def actors_index(model: Model) -> list[Page]:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for actor in sorted(model.actors.values(), key=lambda a: (a.name.lower(), a.id)):
        by_kind[actor.actor_kind].append(actor.id)
    return index_pages(
        model,
        "actors",
        lambda links: f"<p>{len(model.actors):,} people, governments, organisations, groups and anonymous sources.</p>",
        [(vocab.actor_kind_title(k), by_kind[k]) for k in vocab.actor_kinds() if k in by_kind],
        lambda links, i: f"<li>{links.a(i)} <small>({len(model.claims_by.get(i, []))} claims, {len(model.events_with.get(i, []))} events)</small></li>",
    )


@kinds.provides("sources", "index")
def sources_index(model: Model) -> list[Page]:
    """Documents we hold apart from those known only through another, so that "cited by 0" never reads as "unused"."""
    groups: dict[str, list[str]] = {HELD: [], VIA: []}
    for source in sorted(model.sources.values(), key=lambda s: (s.title.lower(), s.id)):
        groups[HELD if provenance.holding(source) in (provenance.ARCHIVED, provenance.LINKED) else VIA].append(source.id)

    def item(links: Links, i: str) -> str:
        source = model.sources[i]
        kind = esc(vocab.source_kind_title(source.source_kind))
        held = provenance.holding(source)
        if held in (provenance.ARCHIVED, provenance.LINKED):
            how = "text archived" if held == provenance.ARCHIVED else "linked"
            return f'<li>{links.a(i)} <span class="index-detail">({kind}; {how}; cited by {len(model.cited_by.get(i, [])):,} records)</span></li>'
        through = ", ".join(links.a(r) for r in sorted(provenance.held_roots(model, i)))
        uses = len(provenance.uses(model, i))
        # not <small>: the theme fades it, below 4.5:1 for the links inside
        return (
            f'<li>{links.a(i)} <span class="index-detail">({kind}; known through {through or "no document we hold"}; {uses:,} records draw on it)</span></li>'
        )

    return index_pages(
        model,
        "sources",
        lambda links: f"<p>{esc(provenance.summary_sentence(provenance.counts(model)))}</p>",
        list(groups.items()),
        item,
    )


HELD = "Documents we hold"
VIA = "Known only through another document"
