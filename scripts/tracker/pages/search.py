"""What each page tells the search index (Pagefind): which pages are indexed, and a record's facets.

Only content inside `data-pagefind-body` is indexed: record pages and prose pages, never the
theme's chrome or lists of records (they only repeat the records). Each record kind registers
its facets: the filters a reader can narrow by (kind, status, actor, tag) and the metadata a
result shows (kind, status, date, claimant), plus the other names of the actors involved (so
"HRANA" finds the agency's claims). Values are data: they enter the page escaped, as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import dates, kinds, vocab
from ..html import esc
from ..model import Actor, Claim, Event, Model, Record, Source

# Pages left out besides the lists of records: the search page itself, the home page and the
# downloads (lists of what is elsewhere).
NOT_INDEXED = frozenset({"search.md", "index.md", "downloads.md"})
PROSE_WEIGHT = "0.5"  # record pages rank above prose pages (methodology, contributing)


@dataclass
class Facets:
    filters: list[tuple[str, str]] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)
    also_known_as: list[str] = field(default_factory=list)  # indexed, not shown


def facets(model: Model, record: Record) -> Facets:
    found = Facets([("kind", kinds.get(record.kind).singular_title)], [("kind", kinds.get(record.kind).singular_title)])
    kinds.call("search_entry", record.kind, model, record, found)
    return found


def facet_html(model: Model, record: Record) -> str:
    """Hidden elements carrying a record's filters, metadata and other names."""
    found = facets(model, record)
    spans = [f'<span data-pagefind-filter="{name}">{esc(value)}</span>' for name, value in found.filters]
    spans += [f'<span data-pagefind-meta="{name}">{esc(value)}</span>' for name, value in found.meta]
    hidden = f'<div class="tracker-search-facets" data-pagefind-ignore="index" hidden>{"".join(spans)}</div>'
    if found.also_known_as:
        hidden += f'<p class="tracker-search-aliases" hidden>{esc(" ".join(found.also_known_as))}</p>'
    return hidden


def indexed(content_html: str, record: Record | None, model: Model) -> str:
    """A page's content marked for the index: a record page with its facets, any other page as prose."""
    if record is None:
        return f'<div data-pagefind-body data-pagefind-weight="{PROSE_WEIGHT}">{content_html}</div>'
    return f"<div data-pagefind-body>{facet_html(model, record)}{content_html}</div>"


def _actors(model: Model, ids: list[str], found: Facets) -> list[str]:
    actors = [model.actors[a] for a in ids if a in model.actors]
    found.filters += [("actor", a.name) for a in actors]
    found.also_known_as += [alias for a in actors for alias in a.aliases]
    return [a.name for a in actors]


@kinds.provides("events", "search_entry")
def _event_facets(model: Model, event: Event, found: Facets) -> None:
    _actors(model, event.actors, found)
    found.filters += [("tag", tag) for tag in event.tags]
    if event.date is not None:
        found.meta.append(("date", dates.humanize(event.date)))


@kinds.provides("claims", "search_entry")
def _claim_facets(model: Model, claim: Claim, found: Facets) -> None:
    status = vocab.status_title(claim.status)
    found.filters.append(("status", status))
    found.meta.append(("status", status))
    claimants = _actors(model, claim.claimants, found)
    found.filters += [("tag", tag) for tag in claim.tags]
    if claimants:
        found.meta.append(("claimant", ", ".join(claimants)))
    if claim.date is not None:
        found.meta.append(("date", dates.humanize(claim.date)))


@kinds.provides("actors", "search_entry")
def _actor_facets(model: Model, actor: Actor, found: Facets) -> None:
    found.filters.append(("actor", actor.name))


@kinds.provides("sources", "search_entry")
def _source_facets(model: Model, source: Source, found: Facets) -> None:
    if source.published is not None:
        found.meta.append(("date", dates.humanize(source.published)))
