"""Atom feeds of events and claims: one of everything, one per actor, one per tag.

Entries are newest first, by the story's dates. Atom wants an ``updated`` instant for each entry
and for the feed. With the repository's history (model.trust), an entry is ``published`` and
``updated`` when its record was first published and last changed; without it, ``updated`` is
derived from the data and SOURCE_DATE_EPOCH only (see ``common.last_possible_instant``):
the start of the last day an entry's date may denote, capped at SOURCE_DATE_EPOCH. The
date in the entry's text is the honest one, in words at its true precision.
XML is written with xml.etree, which escapes text and attributes; characters
XML 1.0 cannot carry are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from tracker.core import dates, kinds
from tracker.core.html import first_sentence
from tracker.exports.common import EPOCH_ZERO, SITE_NAME, build_time, last_possible_instant, rfc3339, tags_of, timeline_date
from tracker.model.paths import ALL_FEED_PATH, DUMP_PATH, absolute, actor_feed_path, record_api_path, record_page_path, tag_feed_path
from tracker.model.records import Claim, Event, Model
from tracker.trust import gather as trust

ATOM_NS = "http://www.w3.org/2005/Atom"
# A feed carries its newest entries only: readers fetch feeds again and again, and at 10,000 records
# the 1,200 feeds repeating every entry were 38 MB. The full history is in the JSON API and the dump.
# The feed of everything keeps more than the feed of one actor or tag, which a reader follows for news.
FEED_ENTRIES = 50
GROUP_FEED_ENTRIES = 20
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot represent removed (escaping is left to ElementTree)."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True, slots=True)
class Entry:
    record: Event | Claim
    date: dates.EdtfDate | None
    basis: str | None
    updated: datetime


def entries(model: Model, epoch: int) -> list[Entry]:
    """Every event and claim as a feed entry, newest first.

    Newest first means by ``updated`` (the last possible day of the date, capped at
    SOURCE_DATE_EPOCH), then by the earliest possible day, both descending; undated
    claims come last; events before claims, then by id.
    """
    items = []
    records: list[Event | Claim] = [*model.events.values(), *model.claims.values()]
    for record in records:
        when, basis = timeline_date(model, record)
        items.append(Entry(record, when, basis, last_possible_instant(when, epoch)))

    def key(entry: Entry) -> tuple:
        earliest = entry.date.earliest.toordinal() if entry.date is not None and entry.date.start is not None else 0
        dated = entry.date is not None
        return (not dated, -entry.updated.timestamp(), -earliest, entry.record.kind != "events", entry.record.id)

    return sorted(items, key=key)


def participants(record: Event | Claim) -> list[str]:
    """The actors an entry belongs to: an event's actors, a claim's claimants."""
    return record.actors if isinstance(record, Event) else record.claimants


def grouped(all_entries: list[Entry]) -> tuple[dict[str, list[Entry]], dict[str, list[Entry]]]:
    """Entries by actor and by tag, each in feed order, in one pass."""
    by_actor: dict[str, list[Entry]] = defaultdict(list)
    by_tag: dict[str, list[Entry]] = defaultdict(list)
    for entry in all_entries:
        for actor_id in participants(entry.record):
            by_actor[actor_id].append(entry)
        for tag in entry.record.tags:
            by_tag[tag].append(entry)
    return by_actor, by_tag


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k.rstrip("_"): xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def entry_text(model: Model, entry: Entry) -> tuple[str, str]:
    """The entry's title and plain-text summary."""
    record = entry.record
    when = dates.humanize(entry.date) if entry.date is not None else "date not known"
    if entry.date is not None and entry.date.is_fuzzy:
        when += " (not exact)"
    if isinstance(record, Event):
        actors = ", ".join(model.actors[a].name for a in record.actors)
        return record.title, f"Event · {when}. {record.summary}\n\nActors: {actors}."
    claimants = ", ".join(model.actors[a].name for a in record.claimants)
    venue = model.sources[record.made_in].title
    basis = f", {entry.basis}" if entry.basis and entry.basis != "made" else ""
    title = f"Claim ({record.status}): {first_sentence(record.statement, 200)}"
    return (
        title,
        f"Claim by {claimants} in {venue} · {when}{basis} · assessment: {record.status}. {record.statement}\n\nWhy {record.status}: {record.rationale}",
    )


def entry_xml(model: Model, site_url: str, item: Entry) -> str:
    """One <entry>, serialised once and shared by every feed it is in, on a line of its own.

    Not indented: feed readers never show the white space, and it was a tenth of the feeds' bytes."""
    record = item.record
    page = absolute(site_url, record_page_path(record.kind, record.id))
    entry = ET.Element("entry")
    entry_title, summary = entry_text(model, item)
    _sub(entry, "id", page)
    _sub(entry, "title", entry_title)  # no type: Atom text constructs are plain text by default (RFC 4287, 3.1.1)
    found = trust.of_model(model).history(record)
    # With history, an entry was updated when its record last changed; without, the last day its date may denote.
    _sub(entry, "updated", found.modified if found is not None else rfc3339(item.updated))
    if found is not None:
        _sub(entry, "published", found.published)
    _sub(entry, "link", rel="alternate", type="text/html", href=page)
    _sub(entry, "link", rel="related", type="application/json", href=absolute(site_url, record_api_path(record.kind, record.id)))
    _sub(entry, "category", term=kinds.get(record.kind).singular, label=kinds.get(record.kind).singular.capitalize())
    for tag in record.tags:
        _sub(entry, "category", term=tag, scheme=absolute(site_url, "feeds/tags/"))
    _sub(entry, "summary", summary)
    return f"{ET.tostring(entry, encoding='unicode')}\n"


def feed_xml(
    site_url: str, epoch: int, *, path: str, title: str, subtitle: str, alternate: str, items: list[Entry], entry_texts: dict[str, str], cap: int
) -> bytes:
    """One Atom feed document of the newest ``cap`` items; ``entry_texts`` holds each record's serialised <entry> by id."""
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: "en"})
    feed_url = absolute(site_url, path)
    _sub(feed, "id", feed_url)
    _sub(feed, "title", title)
    if len(items) > cap:
        subtitle += f" The newest {cap} of {len(items)}; every one is in the JSON API's full dump, gzip-compressed ({absolute(site_url, DUMP_PATH)})."
        items = items[:cap]
    _sub(feed, "subtitle", subtitle)
    built = build_time(epoch)
    updated = built or max((e.updated for e in items), default=EPOCH_ZERO)
    _sub(feed, "updated", rfc3339(updated))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=alternate)
    author = _sub(feed, "author")
    _sub(author, "name", SITE_NAME)
    _sub(author, "uri", absolute(site_url, ""))
    head = ET.tostring(feed, encoding="unicode")
    assert head.endswith("</author></feed>")
    body = "".join(entry_texts[item.record.id] for item in items)
    return f"<?xml version='1.0' encoding='utf-8'?>\n{head.removesuffix('</feed>')}\n{body}</feed>\n".encode()


def feed_outputs(model: Model, site_url: str, epoch: int) -> dict[str, bytes]:
    """The feed of everything, one per actor and one per tag, by site-relative path."""
    everything = entries(model, epoch)
    by_actor, by_tag = grouped(everything)
    texts = {item.record.id: entry_xml(model, site_url, item) for item in everything}
    out = {
        ALL_FEED_PATH: feed_xml(
            site_url,
            epoch,
            path=ALL_FEED_PATH,
            title=f"{SITE_NAME}: events and claims",
            subtitle="Every event and claim in the tracker, newest first.",
            alternate=absolute(site_url, "timeline/"),
            items=everything,
            entry_texts=texts,
            cap=FEED_ENTRIES,
        )
    }
    for actor in model.actors.values():
        path = actor_feed_path(actor.id)
        out[path] = feed_xml(
            site_url,
            epoch,
            path=path,
            title=f"{SITE_NAME}: {actor.name}",
            subtitle=f"Events {actor.name} took part in and claims {actor.name} made, newest first.",
            alternate=absolute(site_url, record_page_path("actors", actor.id)),
            items=by_actor.get(actor.id, []),
            entry_texts=texts,
            cap=GROUP_FEED_ENTRIES,
        )
    for tag in tags_of(model):
        path = tag_feed_path(tag)
        out[path] = feed_xml(
            site_url,
            epoch,
            path=path,
            title=f"{SITE_NAME}: {tag}",
            subtitle=f"Events and claims tagged {tag}, newest first.",
            alternate=absolute(site_url, "timeline/"),
            items=by_tag.get(tag, []),
            entry_texts=texts,
            cap=GROUP_FEED_ENTRIES,
        )
    return out
