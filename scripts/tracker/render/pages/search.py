"""What each page tells the search index (Pagefind): which pages are indexed, and a record's facets.

Only content inside `data-pagefind-body` is indexed: record pages and prose pages, never the
theme's chrome or lists of records (they only repeat the records). Each record kind registers
its facets: the filters a reader can narrow by (kind, status, actor, tag) and the metadata a
result shows (kind, status, date, claimant), plus the other names of the actors involved (so
"HRANA" finds the agency's claims). Values are data: they enter the page escaped, as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.check import vocab
from tracker.core import date_words, kinds
from tracker.core.html import esc
from tracker.model.records import Actor, Claim, Event, Model, Record, Source

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


def facet_attributes(found: Facets) -> str:
    """A record's filters and metadata as attributes of the element that holds its indexed content.

    Pagefind reads ``name[attribute]`` from ``data-pagefind-filter`` and ``data-pagefind-meta``: the
    whole value of that attribute, so commas and colons in a name from data need no escaping (an
    inline ``name:value`` may only come last). Each distinct value is written once, in
    ``data-<facet>`` (``data-<facet>-2`` for a second value), and named by every facet that has it:
    the kind and status are both filters and metadata, a sole claimant both actor and claimant.
    At 10,000 records this is a third of the hidden spans it replaces.
    """
    holder: dict[str, str] = {}  # value -> the attribute that holds it
    counts: dict[str, int] = {}

    def ref(facet: str, value: str) -> str:
        if value not in holder:
            counts[facet] = counts.get(facet, 0) + 1
            holder[value] = f"data-{facet}" + (f"-{counts[facet]}" if counts[facet] > 1 else "")
        return f"{facet}[{holder[value]}]"

    filters = ", ".join(ref(name, value) for name, value in found.filters)
    meta = ", ".join(ref(name, value) for name, value in found.meta)
    attrs = [f'data-pagefind-filter="{filters}"'] + ([f'data-pagefind-meta="{meta}"'] if meta else [])
    attrs += [f'{attr}="{esc(value)}"' for value, attr in holder.items()]
    return " ".join(attrs)


def aliases_html(found: Facets) -> str:
    """The other names of the actors involved: indexed, so a search by any of them finds the record, never shown."""
    return f'<p class="tracker-search-aliases" hidden>{esc(" ".join(found.also_known_as))}</p>' if found.also_known_as else ""


def indexed(content_html: str, record: Record | None, model: Model) -> str:
    """A page's content marked for the index: a record page with its facets, any other page as prose."""
    if record is None:
        return f'<div data-pagefind-body data-pagefind-weight="{PROSE_WEIGHT}">{content_html}</div>'
    found = facets(model, record)
    return f"<div data-pagefind-body {facet_attributes(found)}>{aliases_html(found)}{content_html}</div>"


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
        found.meta.append(("date", date_words.plain(event.date)))


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
        found.meta.append(("date", date_words.plain(claim.date)))


@kinds.provides("actors", "search_entry")
def _actor_facets(model: Model, actor: Actor, found: Facets) -> None:
    found.filters.append(("actor", actor.name))


@kinds.provides("sources", "search_entry")
def _source_facets(model: Model, source: Source, found: Facets) -> None:
    if source.published is not None:
        found.meta.append(("date", date_words.plain(source.published)))
