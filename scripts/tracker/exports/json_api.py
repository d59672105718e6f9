"""The static JSON API under api/v2/: an index, one list per kind, one document per record, a dump.

The dump is gzip-compressed (api/v2/dump.json.gz, written without a time stamp so builds stay
identical). API v1, which it replaced, keeps a note at each of its addresses (exports.json_api_v1).

Every document names its JSON Schema in ``$schema``; the schemas live in
schema/api/v2/ and are served at api/v2/schema/, at the address their ``$id``
gives. A reference to another record is ``{type, id, title}``: the index's
``record_url_templates`` make its API and page URLs (v1 wrote both into every
reference, 40% of a document). A record's own document keeps its ``api_url``
and ``page_url``. A record's document is the same object in its own file
and in the dump. Keys are sorted; ``generated`` is SOURCE_DATE_EPOCH, and a
record's ``published``/``modified`` come from the commits of its file
(model.trust), so two builds of one commit are identical.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tracker.core import kinds, licences
from tracker.exports.common import SCHEMA_VERSION, SITE_NAME, Refs, build_time, date_doc, json_number, record_url_templates, rfc3339, timeline_date
from tracker.model.paths import (
    ALL_FEED_PATH,
    CALENDAR_PATH,
    CHANGES_API_PATH,
    CHANGES_FEED_PATH,
    CORRECTIONS_FEED_PATH,
    DATAPACKAGE_PATH,
    DUMP_PATH,
    INDEX_PATH,
    SCHEMA_ROOT,
    absolute,
    actor_feed_path,
    list_api_path,
    record_api_path,
    record_page_path,
    schema_url,
    tag_feed_path,
)
from tracker.model.records import Actor, Citation, Claim, Event, Model, Record, Source
from tracker.trust import gather as trust
from tracker.trust import wording
from tracker.trust.withdrawals import WithdrawnRecord

REPO_URL = "https://github.com/newstrace/iran-us-talks"  # when a model was built without mkdocs.yml (tests, tools)
SCHEMA_SOURCE_DIR = Path(__file__).resolve().parents[3] / "schema" / "api" / "v2"


def dumps(document: object, *, indent: bool = False) -> bytes:
    """Canonical JSON: sorted keys, UTF-8, a final newline, no NaN or Infinity (an error instead); compact unless indented."""
    if indent:
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    else:
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return (text + "\n").encode("utf-8")


def _citations(refs: Refs, citations: list[Citation]) -> list[dict]:
    return [{"source": refs(c.source), "excerpt": c.excerpt, "note": c.note} for c in citations]


def _head(site_url: str, record: Record) -> dict:
    kind_type = kinds.get(record.kind).singular
    return {
        "$schema": schema_url(kind_type),
        "schema_version": SCHEMA_VERSION,
        "type": kind_type,
        "id": record.id,
        "api_url": absolute(site_url, record_api_path(record.kind, record.id)),
        "page_url": absolute(site_url, record_page_path(record.kind, record.id)),
        "data_file": f"data/{record.kind}/{record.id}.yaml",
    }


@kinds.provides("events", "api_document")
def event_document(refs: Refs, event: Event) -> dict:
    """An event's document: its data fields with references resolved, and what points at it."""
    model, site_url = refs.model, refs.site_url
    loc = event.location
    return {
        **_head(site_url, event),
        "title": event.title,
        "date": date_doc(event.date),
        "date_note": event.date_note,
        "timeline_order": refs.timeline_order("event", event.id),
        "location": {"name": loc["name"], "country": loc.get("country"), "detail": loc.get("detail")} if loc else None,
        "actors": refs.many(event.actors),
        "summary": event.summary,
        "tags": list(event.tags),
        "part_of": refs(event.part_of) if event.part_of else None,
        "notes": event.notes,
        "citations": _citations(refs, event.citations),
        "referenced_by": {
            "claims_about": refs.many(model.claims_about.get(event.id, [])),
            "sub_events": refs.many(model.sub_events.get(event.id, [])),
        },
    }


@kinds.provides("claims", "api_document")
def claim_document(refs: Refs, claim: Claim) -> dict:
    """A claim's document: its data fields with references resolved, and what points at it."""
    model, site_url = refs.model, refs.site_url
    when, basis = timeline_date(model, claim)
    linked_from = sorted(model.links_to.get(claim.id, []), key=lambda item: (item[0], item[1].type))
    return {
        **_head(site_url, claim),
        "claimants": refs.many(claim.claimants),
        "statement": claim.statement,
        "quote": claim.quote,
        "made_in": refs(claim.made_in),
        "date": date_doc(claim.date),
        "date_note": claim.date_note,
        "timeline_date": date_doc(when),
        "timeline_date_basis": basis,
        "timeline_order": refs.timeline_order("claim", claim.id),
        "about": refs.many(claim.about),
        "quantities": [
            {"measure": q.measure, "counts": q.counts, "value": json_number(q.value), "qualifier": q.qualifier, "unit": q.unit} for q in claim.quantities
        ],
        "assessment": {"status": claim.status, "rationale": claim.rationale},
        "links": [{"type": link.type, "claim": refs(link.claim), "note": link.note} for link in claim.links],
        "tags": list(claim.tags),
        "notes": claim.notes,
        "citations": _citations(refs, claim.citations),
        "referenced_by": {
            "linked_from": [{"type": link.type, "claim": refs(other), "note": link.note} for other, link in linked_from],
        },
    }


@kinds.provides("actors", "api_document")
def actor_document(refs: Refs, actor: Actor) -> dict:
    """An actor's document: its data fields with references resolved, and what points at it."""
    model, site_url = refs.model, refs.site_url
    return {
        **_head(site_url, actor),
        "name": actor.name,
        "kind": actor.actor_kind,
        "described_as": actor.described_as,
        "roles": [{"title": r.title, "organisation": refs(r.organisation) if r.organisation else None, "date": date_doc(r.date)} for r in actor.roles],
        "aliases": list(actor.aliases),
        "country": actor.country,
        "member_of": refs.many(actor.member_of),
        "description": actor.description,
        "citations": _citations(refs, actor.citations),
        "feed_url": absolute(site_url, actor_feed_path(actor.id)),
        "referenced_by": {
            "claims": refs.many(model.claims_by.get(actor.id, [])),
            "events": refs.many(model.events_with.get(actor.id, [])),
            "sources": refs.many(model.sources_by.get(actor.id, [])),
            "members": refs.many(model.members.get(actor.id, [])),
        },
    }


@kinds.provides("sources", "api_document")
def source_document(refs: Refs, source: Source) -> dict:
    """A source's document: its data fields with references resolved, and what points at it."""
    model, site_url = refs.model, refs.site_url
    return {
        **_head(site_url, source),
        "kind": source.source_kind,
        "title": source.source_title,
        "description": source.description,
        "outlet": refs(source.outlet) if source.outlet else None,
        "authors": refs.many(source.authors),
        "published": date_doc(source.published),
        "date_note": source.date_note,
        "url": source.url,
        "archived_url": source.archived_url,
        "seed": source.seed,
        "seed_url": absolute(site_url, source.seed) if source.seed else None,
        "language": source.language,
        "reported_via": _citations(refs, source.reported_via),
        "notes": source.notes,
        "referenced_by": {
            "cited_by": refs.many(model.cited_by.get(source.id, [])),
            "claims_made_in": refs.many(model.claims_made_in.get(source.id, [])),
            "reports": refs.many(model.reports.get(source.id, [])),
        },
    }


def record_document(model: Model, site_url: str, record: Record, refs: Refs | None = None) -> dict:
    """The API document of one record (what api/v2/<kind>/<id>.json holds)."""
    return {**kinds.call("api_document", record.kind, refs or Refs(model, site_url), record), **trust.api_fields(model, record)}


def list_item(refs: Refs, record: Record) -> dict:
    """One row of a per-kind list: the reference plus what a list is sorted or filtered by."""
    extra = kinds.call("list_item", record.kind, refs, record)
    return {**refs(record.id), **extra}


@kinds.provides("events", "list_item")
def _event_item(refs: Refs, event: Event) -> dict:
    return {"date": date_doc(event.date), "tags": list(event.tags)}


@kinds.provides("claims", "list_item")
def _claim_item(refs: Refs, claim: Claim) -> dict:
    return {"date": date_doc(timeline_date(refs.model, claim)[0]), "status": claim.status, "tags": list(claim.tags)}


@kinds.provides("actors", "list_item")
def _actor_item(refs: Refs, actor: Actor) -> dict:
    return {"kind": actor.actor_kind}


@kinds.provides("sources", "list_item")
def _source_item(refs: Refs, source: Source) -> dict:
    return {"kind": source.source_kind, "date": date_doc(source.published)}


def list_document(refs: Refs, kind: str) -> dict:
    records = list(getattr(refs.model, kind).values())  # sorted by id (model.build)
    return {
        "$schema": schema_url("list"),
        "schema_version": SCHEMA_VERSION,
        "type": kind,
        "count": len(records),
        "items": [list_item(refs, r) for r in records],
    }


def schema_files() -> dict[str, bytes]:
    """The published API schemas, by file name, exactly as in schema/api/v2/."""
    return {p.name: p.read_bytes() for p in sorted(SCHEMA_SOURCE_DIR.glob("*.schema.json"))}


def index_document(model: Model, site_url: str, epoch: int, csv_files: list[str], tags: list[str]) -> dict:
    built = build_time(epoch)
    return {
        "$schema": schema_url("index"),
        "schema_version": SCHEMA_VERSION,
        "title": f"{SITE_NAME}: open data",
        "generated": rfc3339(built) if built else None,
        "site_url": absolute(site_url, ""),
        "counts": model.counts(),
        "record_url_templates": record_url_templates(site_url),
        "links": {
            "self": absolute(site_url, INDEX_PATH),
            "dump": absolute(site_url, DUMP_PATH),
            "lists": {kind: absolute(site_url, list_api_path(kind)) for kind in kinds.FOLDERS},
            "record_template": absolute(site_url, record_api_path("{kind}", "{id}")),
            "page_template": absolute(site_url, record_page_path("{kind}", "{id}")),
            "schemas": {name.removesuffix(".schema.json"): absolute(site_url, f"{SCHEMA_ROOT}/{name}") for name in schema_files()},
            "csv": {
                "datapackage": absolute(site_url, DATAPACKAGE_PATH),
                "files": {path.rsplit("/", 1)[-1].removesuffix(".csv"): absolute(site_url, path) for path in csv_files},
            },
            "feeds": {
                "all": absolute(site_url, ALL_FEED_PATH),
                "actor_template": absolute(site_url, actor_feed_path("{id}")),
                "tag_template": absolute(site_url, tag_feed_path("{tag}")),
                "tags": {tag: absolute(site_url, tag_feed_path(tag)) for tag in tags},
            },
            "calendar": absolute(site_url, CALENDAR_PATH),
            "downloads_page": absolute(site_url, "downloads/"),
            "changes": absolute(site_url, CHANGES_API_PATH),
            "changes_feed": absolute(site_url, CHANGES_FEED_PATH),
            "corrections_feed": absolute(site_url, CORRECTIONS_FEED_PATH),
        },
        "license": licences.api_licence(trust.of_model(model).repo_url or REPO_URL),
        "withdrawn": len(trust.of_model(model).removed),
    }


def withdrawn_document(site_url: str, record: WithdrawnRecord) -> dict:
    """The document kept at a withdrawn record's address: who it was, when and why it was withdrawn, its last version."""
    kind_type = kinds.get(record.kind).singular
    return {
        "$schema": schema_url("withdrawn"),
        "schema_version": SCHEMA_VERSION,
        "type": kind_type,
        "id": record.id,
        "api_url": absolute(site_url, record_api_path(record.kind, record.id)),
        "page_url": absolute(site_url, record_page_path(record.kind, record.id)),
        "title": record.title,
        "withdrawn": {"date": record.date, "reason": record.reason, "last_version_url": record.last_version_url, "change_url": record.diff_url},
    }


def changes_document(model: Model, site_url: str) -> dict:
    """Every commit that touched a record, newest first (what the "What changed" page lists)."""
    found = trust.of_model(model)

    def ref(path: str) -> dict:
        kind, _, name = path.partition("/")
        return {"kind": kind, "id": name.removesuffix(".yaml")}  # the index's links.record_template makes its address

    return {
        "$schema": schema_url("changes"),
        "schema_version": SCHEMA_VERSION,
        "history_available": found.available,
        "changes": [
            {
                "commit": c.sha,
                "date": c.date,
                "summary": wording.commit_summary(c),
                "change_url": found.diff_url(c.sha),
                "added": [ref(p) for p in c.added],
                "changed": [{**ref(p), "what_changed": found.what_changed(c.sha, p)} for p in c.changed],
                "withdrawn": [ref(p) for p in c.withdrawn],
            }
            for c in found.commits
        ],
    }


def gzipped(content: bytes) -> bytes:
    """gzip at a fixed level with no time stamp or file name in the header, so two builds of one commit are identical."""
    return gzip.compress(content, compresslevel=9, mtime=0)


def dump_document(model: Model, epoch: int, documents: dict[str, list[dict]]) -> dict:
    built = build_time(epoch)
    return {
        "$schema": schema_url("dump"),
        "schema_version": SCHEMA_VERSION,
        "generated": rfc3339(built) if built else None,
        "counts": model.counts(),
        **documents,
    }


def json_outputs(model: Model, site_url: str, epoch: int, *, csv_files: list[str], tags: list[str]) -> dict[str, bytes]:
    """Every file of the JSON API, including the schemas, by site-relative path."""
    out: dict[str, bytes] = {}
    documents: dict[str, list[dict]] = {}
    refs = Refs(model, site_url)
    for kind in kinds.FOLDERS:
        documents[kind] = []
        for record in getattr(model, kind).values():
            doc = record_document(model, site_url, record, refs)
            documents[kind].append(doc)
            out[record_api_path(kind, record.id)] = dumps(doc)
        out[list_api_path(kind)] = dumps(list_document(refs, kind))
    for withdrawn in trust.of_model(model).removed:
        out[record_api_path(withdrawn.kind, withdrawn.id)] = dumps(withdrawn_document(site_url, withdrawn))
    out[CHANGES_API_PATH] = dumps(changes_document(model, site_url))
    out[DUMP_PATH] = gzipped(dumps(dump_document(model, epoch, documents)))
    out[INDEX_PATH] = dumps(index_document(model, site_url, epoch, csv_files, tags), indent=True)
    for name, content in schema_files().items():
        out[f"{SCHEMA_ROOT}/{name}"] = content
    return out
