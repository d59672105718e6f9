"""The site search's entries for record pages: a title and a short text saying what the record is, per kind."""

from __future__ import annotations

from .. import date_words, kinds, vocab
from ..html import esc
from ..model import Actor, Claim, Event, Model, Record, Source
from ..paths import page_path, url_of
from ..words import record_label


def search_entry(model: Model, record: Record) -> dict[str, str]:
    """A compact search-index entry for a record page: its title and what it is, as escaped text."""
    text = kinds.call("search_entry", record.kind, model, record)
    return {"location": url_of(page_path(record)), "title": esc(record_label(record)), "text": esc(" ".join(text.split()))}


@kinds.provides("events", "search_entry")
def _event_text(model: Model, event: Event) -> str:
    return f"Event, {date_words.plain(event.date)}. {event.summary} Actors: {', '.join(model.actors[a].name for a in event.actors)}."


@kinds.provides("claims", "search_entry")
def _claim_text(model: Model, claim: Claim) -> str:
    return f"Claim ({claim.status}) by {', '.join(model.actors[a].name for a in claim.claimants)}. {claim.statement} {claim.quote or ''}"


@kinds.provides("actors", "search_entry")
def _actor_text(model: Model, actor: Actor) -> str:
    return f"{vocab.actor_kind_title(actor.actor_kind)}. {' '.join(r.title for r in actor.roles)} {' '.join(actor.aliases)} {actor.description or ''}"


@kinds.provides("sources", "search_entry")
def _source_text(model: Model, source: Source) -> str:
    return f"{vocab.source_kind_title(source.source_kind)}. {source.description}"
