"""schema.org JSON-LD for record pages: Event, Claim, Person or Organization, CreativeWork.

Another record on a page (an event's actors and sources, a claim's claimants and appearances) is a
mention: its type, name, addresses and date (``mention``). Everything else about it (an actor's
description, a source's authors) is in the JSON-LD of its own page, at the same ``@id``, instead of
on every page that names the record: at 10,000 records, with ``describe_once``, a claim page's
JSON-LD went from 2.9 to 1.8 KB and an event page's from 2.5 to 1.5 KB.

A page's JSON-LD describes each node once (``describe_once``): where the same record appears again
on the page (a claim's first appearance among its appearances, an author who is also a claimant),
it is a reference, ``{"@id": …}``, which a JSON-LD processor reads as the same node. The graph is
unchanged.
"""

from __future__ import annotations

from tracker.core import kinds
from tracker.model.paths import absolute, record_page_path
from tracker.model.records import Actor, Claim, Event, Model, Record, Source

SCHEMA_ORG = "https://schema.org"


def page_url(site_url: str, record: Record) -> str:
    return absolute(site_url, record_page_path(record.kind, record.id))


def _date(value) -> str | None:
    """An ISO 8601 date at the precision known: the EDTF text without qualifiers, when it is one."""
    if value is None or value.is_interval or "X" in value.text:
        return None
    return value.text.rstrip("?~%")


def _iso_part(value) -> str | None:
    """An ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) for one end of a date, if it has no unspecified digits."""
    if value is None or "X" in value.text:
        return None
    return value.text.rstrip("?~%")


MENTION_KEYS = ("@type", "@id", "name", "url", "datePublished")


def mention(node: dict) -> dict:
    """Another record's node as a page that names it carries it: what identifies it (its own page has the rest)."""
    return {key: node[key] for key in MENTION_KEYS if key in node}


@kinds.provides("actors", "jsonld")
def actor_node(model: Model, site_url: str, actor: Actor) -> dict:
    node: dict[str, object] = {
        "@type": "Person" if actor.actor_kind == "person" else "Organization",
        "@id": page_url(site_url, actor),
        "name": actor.name,
        "url": page_url(site_url, actor),
    }
    if actor.aliases:
        node["alternateName"] = actor.aliases
    if actor.description:
        node["description"] = actor.description
    if actor.roles and actor.actor_kind == "person":
        node["jobTitle"] = [r.title for r in actor.roles]
    return node


@kinds.provides("sources", "jsonld")
def source_node(model: Model, site_url: str, source: Source) -> dict:
    node: dict = {
        "@type": "NewsArticle" if source.source_kind == "news-article" else "CreativeWork",
        "@id": page_url(site_url, source),
        "name": source.title,
    }
    if source.description != source.title:  # a source without a title of its own is named by its description
        node["description"] = source.description
    if source.url:
        node["url"] = source.url
    if source.archived_url:
        node["archivedAt"] = source.archived_url
    published = _date(source.published)
    if published:
        node["datePublished"] = published
    if source.outlet:
        node["publisher"] = {"@id": page_url(site_url, model.actors[source.outlet]), "@type": "Organization", "name": model.actors[source.outlet].name}
    if source.authors:
        node["author"] = [{"@id": page_url(site_url, model.actors[a]), "name": model.actors[a].name} for a in source.authors]
    if source.reported_via:
        node["isBasedOn"] = [{"@id": page_url(site_url, model.sources[c.source])} for c in source.reported_via]
    return node


@kinds.provides("events", "jsonld")
def event_node(model: Model, site_url: str, event: Event) -> dict:
    node: dict = {
        "@type": "Event",
        "@id": page_url(site_url, event),
        "name": event.title,
        "description": event.summary,
        "url": page_url(site_url, event),
    }
    start, end = _iso_part(event.date.start), _iso_part(event.date.end)
    if start:
        node["startDate"] = start
    if end and event.date.is_interval:
        node["endDate"] = end
    if event.location:
        node["location"] = {"@type": "Place", "name": event.location["name"]}
    if event.actors:
        node["actor"] = [mention(actor_node(model, site_url, model.actors[a])) for a in event.actors]
    node["subjectOf"] = [mention(source_node(model, site_url, model.sources[s])) for s in sorted({c.source for c in event.citations})]
    return node


@kinds.provides("claims", "jsonld")
def claim_node(model: Model, site_url: str, claim: Claim) -> dict:
    venue = model.sources[claim.made_in]
    node: dict = {
        "@type": "Claim",
        "@id": page_url(site_url, claim),
        "text": claim.statement,
        "url": page_url(site_url, claim),
        "author": [mention(actor_node(model, site_url, model.actors[a])) for a in claim.claimants],
        "firstAppearance": mention(source_node(model, site_url, venue)),
        "appearance": [mention(source_node(model, site_url, model.sources[s])) for s in sorted({c.source for c in claim.citations})],
    }
    made = _date(claim.date)
    if made:
        node["dateCreated"] = made
    if claim.about:
        node["about"] = [{"@type": "Event", "@id": page_url(site_url, model.events[e]), "name": model.events[e].title} for e in claim.about]
    return node


def for_record(model: Model, site_url: str, record: Record) -> dict:
    return {"@context": SCHEMA_ORG, **kinds.call("jsonld", record.kind, model, site_url, record)}


def describe_once(document: dict) -> dict:
    """The document with every node (a dict with an ``@id``) described in full only where it first appears.

    Document order is the order of the page's serialisation (keys sorted). A later occurrence whose
    properties all appear, with the same values, in the first one becomes ``{"@id": …}``; one that
    says more is kept as it is (a processor merges both), so no statement is ever dropped.
    """
    seen: dict[str, dict] = {}

    def walk(value: object) -> object:
        if isinstance(value, list):
            return [walk(v) for v in value]
        if not isinstance(value, dict):
            return value
        node_id = value.get("@id")
        if isinstance(node_id, str) and len(value) > 1:
            first = seen.get(node_id)
            if first is not None and all(key in first and first[key] == v for key, v in value.items()):
                return {"@id": node_id}
            seen.setdefault(node_id, value)
        return {key: walk(value[key]) for key in sorted(value)}

    result = walk(document)
    assert isinstance(result, dict)
    return result
