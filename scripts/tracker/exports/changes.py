"""The Atom feeds of "What changed" (one entry per commit that touched a record) and of Corrections.

Both come from the build's history and the records' `corrections` lists only (model.trust), never
from the clock, so two builds of one commit give the same bytes. Without history the changes feed
has no entries; the corrections feed does not need history.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tracker.core import kinds
from tracker.exports.common import SITE_NAME, build_time, rfc3339
from tracker.exports.feeds import ATOM_NS, XML_LANG, _sub
from tracker.model.paths import CHANGES_FEED_PATH, CORRECTIONS_FEED_PATH, absolute, changes_page_path, record_page_path, url_of
from tracker.model.records import Model
from tracker.model.words import record_label
from tracker.trust import wording
from tracker.trust.gather import of_model

EPOCH_TEXT = "1970-01-01T00:00:00Z"


def _feed(site_url: str, path: str, title: str, alternate: str, updated: str) -> ET.Element:
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: "en"})
    _sub(feed, "id", absolute(site_url, path))
    _sub(feed, "title", title, type="text")
    _sub(feed, "updated", updated)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=absolute(site_url, path))
    _sub(feed, "link", rel="alternate", type="text/html", href=alternate)
    author = _sub(feed, "author")
    _sub(author, "name", SITE_NAME)
    _sub(author, "uri", absolute(site_url, ""))
    return feed


def _bytes(feed: ET.Element) -> bytes:
    ET.indent(feed, space="  ")
    return b"<?xml version='1.0' encoding='utf-8'?>\n" + ET.tostring(feed, encoding="unicode").encode() + b"\n"


def _names(model: Model, paths: tuple[str, ...]) -> str:
    names = []
    for path in paths:
        kind, _, name = path.partition("/")
        rid = name.removesuffix(".yaml")
        record = model.table(kind).get(rid) if kind in kinds.FOLDERS else None
        names.append(record_label(record) if record is not None else rid.replace("-", " "))
    return "; ".join(names)


def changes_feed(model: Model, site_url: str, epoch: int) -> bytes:
    trust = of_model(model)
    built = build_time(epoch)
    # Like every feed: updated at the commit built (SOURCE_DATE_EPOCH), else at the newest change.
    newest = rfc3339(built) if built else (trust.commits[0].date if trust.commits else EPOCH_TEXT)
    feed = _feed(site_url, CHANGES_FEED_PATH, f"{SITE_NAME}: what changed", absolute(site_url, url_of(changes_page_path(1))), newest)
    for commit in trust.commits:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"urn:git:{commit.sha}")
        _sub(entry, "title", wording.commit_summary(commit), type="text")
        _sub(entry, "updated", commit.date)
        _sub(entry, "published", commit.date)
        _sub(entry, "link", rel="alternate", type="text/html", href=absolute(site_url, url_of(changes_page_path(1))))
        url = trust.diff_url(commit.sha)
        if url:
            _sub(entry, "link", rel="via", type="text/html", href=url)  # the change itself, on the repository host
        for path in (*commit.added, *commit.changed, *commit.withdrawn):
            kind, _, name = path.partition("/")
            _sub(entry, "link", rel="related", type="text/html", href=absolute(site_url, record_page_path(kind, name.removesuffix(".yaml"))))
        lines = [f"{label}: {_names(model, paths)}." for label, paths in (("Added", commit.added), ("Withdrawn", commit.withdrawn)) if paths]
        lines += [f"Changed: {_names(model, (path,))} — {trust.what_changed(commit.sha, path) or 'a detail.'}" for path in commit.changed]
        _sub(entry, "summary", " ".join(lines), type="text")
    return _bytes(feed)


def corrections_feed(model: Model, site_url: str, epoch: int) -> bytes:
    trust = of_model(model)
    built = build_time(epoch)
    newest = rfc3339(built) if built else (f"{trust.all_corrections[0].date}T00:00:00Z" if trust.all_corrections else EPOCH_TEXT)
    feed = _feed(site_url, CORRECTIONS_FEED_PATH, f"{SITE_NAME}: corrections", absolute(site_url, "corrections/"), newest)
    for number, c in enumerate(trust.all_corrections):
        record = model.table(c.kind)[c.id]
        page = absolute(site_url, record_page_path(c.kind, c.id))
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"{page}#correction-{c.date}-{number}")
        _sub(entry, "title", f"Corrected: {record_label(record)}", type="text")
        _sub(entry, "updated", f"{c.date}T00:00:00Z")
        _sub(entry, "link", rel="alternate", type="text/html", href=f"{page}#corrections")
        _sub(entry, "summary", f"What was wrong: {c.wrong} What it says now: {c.now}", type="text")
    return _bytes(feed)


def change_outputs(model: Model, site_url: str, epoch: int) -> dict[str, bytes]:
    return {CHANGES_FEED_PATH: changes_feed(model, site_url, epoch), CORRECTIONS_FEED_PATH: corrections_feed(model, site_url, epoch)}
