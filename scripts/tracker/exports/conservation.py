"""The conservation check: every record is in every open-data output exactly once.

``check_outputs`` parses the outputs back with independent parsers (json, csv, ElementTree,
icalendar) and reports every record that is missing, duplicated or unexpected in any of them, and
every address of the replaced API v1 that does not point at its v2 document. The build refuses to
publish on any problem.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from pathlib import Path

import icalendar

from tracker.core import kinds
from tracker.exports import calendar_ics as export_calendar
from tracker.exports import csv_files as export_csv
from tracker.exports import csv_tables
from tracker.exports import feeds as export_feeds
from tracker.exports import json_api_v1 as export_retired
from tracker.exports.common import tags_of
from tracker.model.paths import (
    ALL_FEED_PATH,
    API_ROOT,
    CALENDAR_PATH,
    CHANGES_API_PATH,
    CSV_ROOT,
    DATAPACKAGE_PATH,
    DUMP_MOVED_PATH,
    DUMP_PATH,
    INDEX_PATH,
    RETIRED_API_ROOT,
    RETIRED_SCHEMA_ROOT,
    SCHEMA_ROOT,
    absolute,
    actor_feed_path,
    list_api_path,
    record_api_path,
    retired_path,
    schema_url,
    tag_feed_path,
)
from tracker.model.records import Claim, Event, Model
from tracker.trust import gather as trust

ATOM = "{http://www.w3.org/2005/Atom}"


def _exactly_once(what: str, found: list[str], expected: list[str]) -> list[str]:
    """Problems when ``found`` is not ``expected`` with each item exactly once."""
    problems = []
    seen = Counter(found)
    want = set(expected)
    missing = sorted(want - set(seen))
    extra = sorted(set(seen) - want)
    doubled = sorted(k for k, n in seen.items() if n > 1)
    if missing:
        problems.append(f"{what}: {len(missing)} missing: {', '.join(missing[:10])}")
    if extra:
        problems.append(f"{what}: {len(extra)} unexpected: {', '.join(extra[:10])}")
    if doubled:
        problems.append(f"{what}: {len(doubled)} more than once: {', '.join(doubled[:10])}")
    return problems


def _url_tail(url: str) -> str:
    """'<kind>/<id>' from a record page URL such as https://…/events/some-id/."""
    parts = url.rstrip("/").split("/")
    return "/".join(parts[-2:])


def _newest_once(what: str, found: list[str], expected: list[str], cap: int) -> list[str]:
    """A feed holds each of its records once, or, past ``cap`` of them, that many, none twice."""
    if len(expected) <= cap:
        return _exactly_once(what, found, expected)
    problems = [p for p in _exactly_once(what, found, expected) if " missing: " not in p]  # the older ones are left out
    if len(found) != cap:
        problems.append(f"{what}: {len(found)} entries, expected the newest {cap} of {len(expected)}")
    return problems


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def _feed_tails(content: bytes) -> list[str]:
    root = ET.fromstring(content)
    return [_url_tail(e.findtext(f"{ATOM}id") or "") for e in root.findall(f"{ATOM}entry")]


def _check_feeds(model: Model, outputs: dict[str, bytes], ids: dict[str, list[str]], everything: list[str]) -> list[str]:
    """The feed of everything holds the newest events and claims once each; each actor's and tag's feed, theirs."""
    problems = _newest_once(ALL_FEED_PATH, _feed_tails(outputs[ALL_FEED_PATH]), everything, export_feeds.FEED_ENTRIES)
    actor_feeds = sorted(p for p in outputs if p.startswith("feeds/actors/"))
    problems += _exactly_once("actor feeds", actor_feeds, [actor_feed_path(a) for a in ids["actors"]])
    for actor in model.actors.values():
        path = actor_feed_path(actor.id)
        if path in outputs:
            expected = [f"events/{e}" for e in model.events_with.get(actor.id, [])] + [f"claims/{c}" for c in model.claims_by.get(actor.id, [])]
            problems += _newest_once(path, _feed_tails(outputs[path]), expected, export_feeds.GROUP_FEED_ENTRIES)
    tag_feeds = sorted(p for p in outputs if p.startswith("feeds/tags/"))
    problems += _exactly_once("tag feeds", tag_feeds, [tag_feed_path(t) for t in tags_of(model)])
    tagged: list[Event | Claim] = [*model.events.values(), *model.claims.values()]
    for tag in tags_of(model):
        path = tag_feed_path(tag)
        if path in outputs:
            expected = [f"{r.kind}/{r.id}" for r in tagged if tag in r.tags]
            problems += _newest_once(path, _feed_tails(outputs[path]), expected, export_feeds.GROUP_FEED_ENTRIES)
    return problems


def check_outputs(model: Model, outputs: dict[str, bytes], *, site_dir: Path | None = None) -> list[str]:
    """Conservation: every record of the model appears exactly once in each output. Returns the problems.

    The outputs are parsed back (json, csv, xml.etree, icalendar) and the records
    found in each are compared with the records read. With ``site_dir``, every
    output must also have been written there byte for byte.
    """
    problems: list[str] = []
    ids = {kind: list(getattr(model, kind)) for kind in kinds.FOLDERS}
    tails = {kind: [f"{kind}/{rid}" for rid in ids[kind]] for kind in kinds.FOLDERS}
    try:
        problems += _check_json(model, outputs, ids)
        problems += _check_csv(model, outputs, ids)
        problems += _check_feeds(model, outputs, ids, tails["events"] + tails["claims"])
        calendar = icalendar.Calendar.from_ical(outputs[CALENDAR_PATH])
        kept, left_out = export_calendar.split_events(model)
        problems += _exactly_once(CALENDAR_PATH, [_url_tail(str(c.get("uid"))) for c in calendar.walk("VEVENT")], [f"events/{e.id}" for e in kept])
        if len(kept) + len(left_out) != len(model.events):
            problems.append(f"{CALENDAR_PATH}: {len(kept)} events kept and {len(left_out)} left out, but {len(model.events)} events read")
    except (KeyError, ValueError, ET.ParseError, gzip.BadGzipFile, EOFError, zlib.error) as error:  # a missing file, one that does not parse or decompress
        problems.append(f"open-data outputs could not be read back: {error!r}")
    if site_dir is not None:
        for path, content in outputs.items():
            target = site_dir / path
            if not target.is_file():
                problems.append(f"{path}: not written to {site_dir}")
            elif hashlib.sha256(target.read_bytes()).digest() != hashlib.sha256(content).digest():
                problems.append(f"{path}: the file in {site_dir} differs from the one built")
    return problems


def _check_json(model: Model, outputs: dict[str, bytes], ids: dict[str, list[str]]) -> list[str]:
    problems = []
    counts = model.counts()
    for kind in kinds.FOLDERS:
        prefix = f"{API_ROOT}/{kind}/"
        found = sorted(p for p in outputs if p.startswith(prefix) and p.endswith(".json") and "/" not in p[len(prefix) :])
        # Withdrawn records keep a document at their old address; they are counted apart from the records.
        withdrawn = [record_api_path(kind, w.id) for w in trust.of_model(model).removed if w.kind == kind]
        kept = [p for p in found if json.loads(outputs[p]).get("$schema") == schema_url("withdrawn")]
        problems += _exactly_once(f"{prefix}*.json (withdrawn)", kept, withdrawn)
        docs = [p for p in found if p not in set(kept)]
        problems += _exactly_once(f"{prefix}*.json", docs, [record_api_path(kind, r) for r in ids[kind]])
        for path in docs:
            doc = json.loads(outputs[path])
            if doc.get("id") != path[len(prefix) : -len(".json")] or doc.get("type") != kinds.get(kind).singular:
                problems.append(f"{path}: holds {doc.get('type')} {doc.get('id')!r}")
        listed = json.loads(outputs[list_api_path(kind)])
        problems += _exactly_once(list_api_path(kind), [i["id"] for i in listed["items"]], ids[kind])
        if listed["count"] != len(ids[kind]):
            problems.append(f"{list_api_path(kind)}: count {listed['count']} but {len(ids[kind])} {kind} read")
    dump = json.loads(gzip.decompress(outputs[DUMP_PATH]))  # read back as a reader would: decompressed, then parsed
    for kind in kinds.FOLDERS:
        problems += _exactly_once(f"{DUMP_PATH} {kind}", [d["id"] for d in dump[kind]], ids[kind])
    index = json.loads(outputs[INDEX_PATH])
    for path, doc in ((DUMP_PATH, dump), (INDEX_PATH, index)):
        if doc["counts"] != counts:
            problems.append(f"{path}: counts differ from the {counts} read")
    for path in sorted(p for p in outputs if p.startswith(f"{SCHEMA_ROOT}/")):
        name = path.rsplit("/", 1)[-1].removesuffix(".schema.json")
        if json.loads(outputs[path]).get("$id") != schema_url(name):
            problems.append(f"{path}: its $id is not {schema_url(name)}")
    return problems + _check_retired(model, outputs, ids, index)


def _check_retired(model: Model, outputs: dict[str, bytes], ids: dict[str, list[str]], index: dict) -> list[str]:
    """Every address API v1 published still answers: a note pointing at the same document in v2, or v1's schema as published."""
    problems = []
    # What v1 published, from the records read (not from what v2 holds): each record's and withdrawn record's
    # document, the lists, the index, the changes, and the dump at both its addresses.
    v2_paths = [record_api_path(kind, rid) for kind in kinds.FOLDERS for rid in ids[kind]]
    v2_paths += [record_api_path(w.kind, w.id) for w in trust.of_model(model).removed]
    v2_paths += [list_api_path(kind) for kind in kinds.FOLDERS] + [INDEX_PATH, CHANGES_API_PATH, DUMP_PATH]
    expected = {retired_path(p): p for p in v2_paths} | {DUMP_MOVED_PATH: DUMP_PATH}
    notes = sorted(p for p in outputs if p.startswith(f"{RETIRED_API_ROOT}/") and not p.startswith(f"{RETIRED_SCHEMA_ROOT}/"))
    problems += _exactly_once(f"{RETIRED_API_ROOT}/ (notes)", notes, list(expected))
    for path in notes:
        if path not in expected:
            continue
        content = outputs[path]
        note = json.loads(gzip.decompress(content) if path.endswith(".gz") else content)
        target = expected[path]
        moved_to = note.get("moved_to")
        if moved_to != absolute(index["site_url"], target) or target not in outputs:
            problems.append(f"{path}: does not point at the same document in v2 ({target}), but at {moved_to!r}")
        elif note.get("$schema") != schema_url("moved") or "replaced by API v2" not in note.get("message", ""):
            problems.append(f"{path}: does not say that v1 was replaced by v2")
    published = {f"{RETIRED_SCHEMA_ROOT}/{name}": content for name, content in export_retired.retired_schema_files().items()}
    schemas = [p for p in outputs if p.startswith(f"{RETIRED_SCHEMA_ROOT}/")]
    problems += _exactly_once(f"{RETIRED_SCHEMA_ROOT}/", schemas, list(published))
    problems += [f"{path}: differs from v1's schema as published" for path in schemas if path in published and outputs[path] != published[path]]
    return problems


def _check_csv(model: Model, outputs: dict[str, bytes], ids: dict[str, list[str]]) -> list[str]:
    problems = []
    expected = export_csv.expected_rows(model)
    package = json.loads(outputs[DATAPACKAGE_PATH])
    described = [f"{CSV_ROOT}/{r['path']}" for r in package["resources"]]
    problems += _exactly_once(DATAPACKAGE_PATH, described, [p for p in outputs if p.startswith(f"{CSV_ROOT}/") and p.endswith(".csv")])
    missing = [kind for kind in kinds.FOLDERS if kind not in {t.name for t in export_csv.tables()}]
    problems += [f"{CSV_ROOT}/: no table of {kind}" for kind in missing]
    for table in export_csv.tables():
        rows = _csv_rows(outputs[table.path])
        if table.name in kinds.FOLDERS:
            problems += _exactly_once(table.path, [csv_tables.uncell(r["id"]) for r in rows], ids[table.name])
        elif len(rows) != expected[table.name]:
            problems.append(f"{table.path}: {len(rows)} rows but the records have {expected[table.name]}")
    for resource in package["resources"]:
        content = outputs.get(f"{CSV_ROOT}/{resource['path']}", b"")
        if resource.get("bytes") != len(content) or resource.get("hash") != f"sha256:{hashlib.sha256(content).hexdigest()}":
            problems.append(f"{DATAPACKAGE_PATH}: size or hash of {resource['path']} does not match the file")
    return problems
