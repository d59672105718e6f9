"""Open data: every output read back by an independent parser, and every record in each exactly once.

The built site (the ``site`` fixture, from the real data/) is checked with
feedparser, icalendar, the published JSON Schemas (jsonschema), the csv module
and frictionless; the export functions are checked on the mini dataset, edited
per test where a case needs data the seed does not have.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from datetime import date
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
import referencing
from frictionless import Package
from referencing.jsonschema import DRAFT202012

from conftest import FIXED_EPOCH, MINI, REPO, STORY_DATA, edit
from sitecheck import parse_page
from tracker.check.validate import validate
from tracker.exports import conservation, csv_tables
from tracker.exports import feeds as export_feeds
from tracker.exports import outputs as exports
from tracker.model import records as model_mod
from tracker.model import words
from tracker.model.chronology import timeline_entries
from tracker.model.paths import CANONICAL_SITE_URL
from tracker.render.pages import downloads
from tracker.trust import gather as trust

SITE_URL = CANONICAL_SITE_URL
EPOCH = int(FIXED_EPOCH)
KINDS = ("events", "claims", "actors", "sources")
SCHEMA_SOURCE = REPO / "schema" / "api" / "v2"
RETIRED_SCHEMA_SOURCE = REPO / "schema" / "api" / "v1"


def build_model(data: Path) -> model_mod.Model:
    result = validate(data)
    assert result.ok, [str(p) for p in result.problems]
    return model_mod.build(result.dataset)


def outputs_of(data: Path, epoch: int = EPOCH) -> tuple[model_mod.Model, dict[str, bytes]]:
    model = build_model(data)
    return model, exports.build_outputs(model, site_url=SITE_URL, epoch=epoch)


@pytest.fixture(scope="module")
def real_model(story_data) -> model_mod.Model:
    """The frozen story's model with its history, as the site build reads it (mkdocs.yml's repo_url)."""
    model = build_model(story_data)
    model.trust = trust.gather(model, story_data, repo_url="https://github.com/newstrace/iran-us-talks")
    return model


@pytest.fixture(scope="module")
def mini_outputs() -> tuple[model_mod.Model, dict[str, bytes]]:
    return outputs_of(MINI)


def record_ids(kind: str) -> list[str]:
    return sorted(p.stem for p in (STORY_DATA / kind).glob("*.yaml"))


def add_event(data: Path, rid: str, when: str, note: str | None = None) -> None:
    """A copy of the mini event under another id and date."""
    text = (data / "events" / "statement.yaml").read_text("utf-8").replace('date: "2026-02-01"', f'date: "{when}"')
    # A title of its own (duplicate titles are refused); the mini event's date_note (its excerpt
    # gives no day) unless another is given.
    text = text.replace('title: "Pezeshkian posted a statement on X"', f'title: "Pezeshkian posted a statement on X ({rid})"', 1)
    if note:
        note_line = next(line for line in text.splitlines() if line.startswith("date_note:"))
        text = text.replace(f"{note_line}\n", f'date_note: "{note}"\n', 1)
    (data / "events" / f"{rid}.yaml").write_text(text, "utf-8")


# ---------------------------------------------------------------- determinism and conservation


def test_outputs_are_identical_for_one_commit_and_timestamps_come_only_from_the_epoch():
    model = build_model(MINI)
    first = exports.build_outputs(model, site_url=SITE_URL, epoch=EPOCH)
    assert exports.build_outputs(model, site_url=SITE_URL, epoch=EPOCH) == first
    later = exports.build_outputs(model, site_url=SITE_URL, epoch=EPOCH + 86400 * 400)
    changed = sorted(p for p in first if first[p] != later[p])
    # Record documents, lists and CSV rows carry no timestamp; only these do.
    assert changed == sorted(
        ["api/v2/dump.json.gz", "api/v2/index.json", "calendar/events.ics", "csv/datapackage.json", *[p for p in first if p.startswith("feeds/")]]
    )
    assert json.loads(first["api/v2/index.json"])["generated"] == "2026-01-01T00:00:00Z"
    assert json.loads(exports.build_outputs(model, site_url=SITE_URL, epoch=0)["api/v2/index.json"])["generated"] is None


def test_the_built_site_holds_exactly_the_outputs_of_an_in_process_build(site, real_model):
    """Another process (another hash seed) built the site: its files are byte-identical to these."""
    outputs = exports.build_outputs(real_model, site_url=SITE_URL, epoch=EPOCH)
    assert conservation.check_outputs(real_model, outputs, site_dir=site) == []


def test_conservation_holds_on_the_mini_data(mini_outputs):
    model, outputs = mini_outputs
    assert conservation.check_outputs(model, outputs) == []


def test_conservation_check_reports_missing_doubled_and_unwritten_records(mini_outputs, tmp_path):
    model, outputs = mini_outputs
    broken = dict(outputs)
    del broken["api/v2/claims/fair-talks.json"]
    dump = json.loads(gzip.decompress(broken["api/v2/dump.json.gz"]))
    dump["events"].append(dump["events"][0])
    broken["api/v2/dump.json.gz"] = gzip.compress(json.dumps(dump).encode())
    rows = broken["csv/actors.csv"].decode().splitlines(keepends=True)
    broken["csv/actors.csv"] = "".join(r for r in rows if not r.startswith("platform,")).encode()
    problems = conservation.check_outputs(model, broken, site_dir=tmp_path)
    joined = "\n".join(problems)
    assert "api/v2/claims/*.json: 1 missing: api/v2/claims/fair-talks.json" in joined
    assert "api/v2/dump.json.gz events: 1 more than once: statement" in joined
    assert "csv/actors.csv: 1 missing: platform" in joined
    assert "size or hash of actors.csv does not match" in joined
    assert f"api/v2/index.json: not written to {tmp_path}" in joined


def test_conservation_check_reads_the_compressed_dump(mini_outputs):
    model, outputs = mini_outputs
    uncompressed = {**outputs, "api/v2/dump.json.gz": gzip.decompress(outputs["api/v2/dump.json.gz"])}
    [problem] = conservation.check_outputs(model, uncompressed)
    assert problem.startswith("open-data outputs could not be read back: BadGzipFile(")
    truncated = {**outputs, "api/v2/dump.json.gz": outputs["api/v2/dump.json.gz"][:-100]}
    [problem] = conservation.check_outputs(model, truncated)
    assert problem.startswith("open-data outputs could not be read back: EOFError(")


def test_conservation_check_reports_every_v1_address_lost_or_pointing_elsewhere(mini_outputs):
    """API v1 was replaced: each of its addresses must still answer, with a note giving the v2 address of the same document."""
    model, outputs = mini_outputs
    note = json.loads(outputs["api/v1/claims/fair-talks.json"])
    broken = dict(outputs)
    del broken["api/v1/claims/other-talks.json"]
    broken["api/v1/claims/fair-talks.json"] = json.dumps({**note, "moved_to": f"{SITE_URL}api/v2/claims/other-talks.json"}).encode()
    # the document v1 served, left in place instead of the note
    broken["api/v1/events/statement.json"] = outputs["api/v2/events/statement.json"]
    broken["api/v1/actors/iran.json"] = json.dumps({**json.loads(outputs["api/v1/actors/iran.json"]), "message": "Gone."}).encode()
    broken["api/v1/stray.json"] = b"{}"
    dump_note = json.loads(gzip.decompress(outputs["api/v1/dump.json.gz"]))
    broken["api/v1/dump.json.gz"] = gzip.compress(json.dumps({**dump_note, "moved_to": f"{SITE_URL}api/v1/dump.json.gz"}).encode())
    del broken["api/v1/dump.json"]
    broken["api/v1/schema/event.schema.json"] = outputs["api/v2/schema/event.schema.json"]
    assert conservation.check_outputs(model, broken) == [
        "api/v1/ (notes): 2 missing: api/v1/claims/other-talks.json, api/v1/dump.json",
        "api/v1/ (notes): 1 unexpected: api/v1/stray.json",
        "api/v1/actors/iran.json: does not say that v1 was replaced by v2",
        f"api/v1/claims/fair-talks.json: does not point at the same document in v2 (api/v2/claims/fair-talks.json), but at '{SITE_URL}api/v2/claims/other-talks.json'",
        f"api/v1/dump.json.gz: does not point at the same document in v2 (api/v2/dump.json.gz), but at '{SITE_URL}api/v1/dump.json.gz'",
        "api/v1/events/statement.json: does not point at the same document in v2 (api/v2/events/statement.json), but at None",
        "api/v1/schema/event.schema.json: differs from v1's schema as published",
    ]


def test_v1_keeps_a_note_for_every_v2_document_and_its_schemas_as_published(mini_outputs):
    _, outputs = mini_outputs
    notes = {p for p in outputs if p.startswith("api/v1/") and not p.startswith("api/v1/schema/")}
    v2 = {p for p in outputs if p.startswith("api/v2/") and not p.startswith("api/v2/schema/")}
    # one note per document of v2, and one more at the dump's first address (api/v1/dump.json)
    assert notes == {p.replace("api/v2/", "api/v1/", 1) for p in v2} | {"api/v1/dump.json"}
    assert sorted(p.removeprefix("api/v1/schema/") for p in outputs if p.startswith("api/v1/schema/")) == sorted(
        p.name for p in RETIRED_SCHEMA_SOURCE.glob("*.schema.json")
    )


def test_feeds_hold_their_newest_entries_and_say_where_the_rest_is(real_model, monkeypatch):
    monkeypatch.setattr(export_feeds, "FEED_ENTRIES", 3)
    monkeypatch.setattr(export_feeds, "GROUP_FEED_ENTRIES", 2)
    outputs = exports.build_outputs(real_model, site_url=SITE_URL, epoch=EPOCH)
    everything = export_feeds.entries(real_model, EPOCH)
    parsed = feedparser.parse(outputs["feeds/all.atom"])
    assert [e.id for e in parsed.entries] == [f"{SITE_URL}{e.record.kind}/{e.record.id}/" for e in everything[:3]]
    assert parsed.feed.subtitle.endswith(
        f"The newest 3 of {len(everything)}; every one is in the JSON API's full dump, gzip-compressed ({SITE_URL}api/v2/dump.json.gz)."
    )
    # A feed of one actor keeps fewer: its newest 2, and says so.
    by_actor, _ = export_feeds.grouped(everything)
    busy = min(a for a, items in by_actor.items() if len(items) > 2)
    parsed = feedparser.parse(outputs[f"feeds/actors/{busy}.atom"])
    assert [e.id for e in parsed.entries] == [f"{SITE_URL}{e.record.kind}/{e.record.id}/" for e in by_actor[busy][:2]]
    assert parsed.feed.subtitle.endswith(
        f"The newest 2 of {len(by_actor[busy])}; every one is in the JSON API's full dump, gzip-compressed ({SITE_URL}api/v2/dump.json.gz)."
    )
    assert conservation.check_outputs(real_model, outputs) == []  # the dump, the API and the CSV still hold every record
    doubled = outputs["feeds/all.atom"].decode()
    first = doubled[doubled.index("<entry>") : doubled.index("</entry>") + len("</entry>\n")]
    doubled = doubled.replace(first, first + first, 1).encode()
    assert "feeds/all.atom: 4 entries, expected the newest 3 of" in "\n".join(conservation.check_outputs(real_model, {**outputs, "feeds/all.atom": doubled}))
    page = downloads.extra_pages(real_model, outputs)[0].html
    assert f"newest 3 of {len(everything)} entries" in page and f"newest 2 of {len(by_actor[busy])} entries" in page
    assert "The feed of everything holds its newest 3 entries, a feed of one actor or tag its newest 2" in page
    assert "api/v1/dump.json.gz" in page


def test_conservation_check_reports_feed_and_calendar_losses(mini_outputs):
    model, outputs = mini_outputs
    broken = dict(outputs)
    feed = broken["feeds/actors/president.atom"].decode()
    start, end = feed.index("<entry>"), feed.index("</entry>") + len("</entry>")
    broken["feeds/actors/president.atom"] = (feed[:start] + feed[end:]).encode()
    broken["calendar/events.ics"] = broken["calendar/events.ics"].replace(b"BEGIN:VEVENT", b"BEGIN:VTODO").replace(b"END:VEVENT", b"END:VTODO")
    del broken["feeds/tags/diplomacy.atom"]
    problems = "\n".join(conservation.check_outputs(model, broken))
    assert "feeds/actors/president.atom: 1 missing: events/statement" in problems
    assert "calendar/events.ics: 1 missing: events/statement" in problems
    assert "tag feeds: 1 missing: feeds/tags/diplomacy.atom" in problems


# ---------------------------------------------------------------- JSON API


def read_dump(site: Path) -> dict:
    """The full dump as a reader gets it: api/v2/dump.json.gz, decompressed."""
    return json.loads(gzip.decompress((site / "api" / "v2" / "dump.json.gz").read_bytes()))


def published_registry(site: Path) -> referencing.Registry:
    """The schemas as the site serves them, each registered under its $id."""
    resources = []
    for path in sorted((site / "api" / "v2" / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text("utf-8"))
        resources.append((schema["$id"], DRAFT202012.create_resource(schema)))
    return referencing.Registry().with_resources(resources)


def validator_for(registry: referencing.Registry, url: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": url}, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_api_schemas_are_valid_and_served_at_their_id(site):
    sources = sorted(SCHEMA_SOURCE.glob("*.schema.json"))
    assert [p.name for p in sources] == [
        "actor.schema.json", "changes.schema.json", "claim.schema.json", "common.schema.json", "dump.schema.json",
        "event.schema.json", "index.schema.json", "list.schema.json", "moved.schema.json", "source.schema.json", "withdrawn.schema.json",
    ]  # fmt: skip
    for path in sources:
        schema = json.loads(path.read_text("utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$id"] == f"{SITE_URL}api/v2/schema/{path.name}"
        served = site / schema["$id"].removeprefix(SITE_URL)
        assert served.read_bytes() == path.read_bytes()


def test_every_json_document_validates_against_the_schema_it_names(site):
    registry = published_registry(site)
    documents = [p for p in sorted((site / "api" / "v2").rglob("*.json")) if "schema" not in p.relative_to(site).parts]
    assert len(documents) == sum(len(record_ids(k)) for k in KINDS) + len(KINDS) + 2  # records, lists, index, changes
    for path in documents:
        doc = json.loads(path.read_text("utf-8"))
        assert doc["$schema"].startswith(f"{SITE_URL}api/v2/schema/"), path
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator_for(registry, doc["$schema"]).iter_errors(doc)]
        assert errors == [], path


def test_the_schemas_reject_documents_that_break_the_contract(site):
    registry = published_registry(site)
    doc = json.loads((site / "api" / "v2" / "events" / "trump-sworn-in.json").read_text("utf-8"))
    validator = validator_for(registry, doc["$schema"])
    assert validator.is_valid(doc)
    for broken in (
        {k: v for k, v in doc.items() if k != "citations"},
        {**doc, "surprise": 1},
        {**doc, "date": {**doc["date"], "earliest": "20 January 2025"}},
        {**doc, "actors": [{k: v for k, v in doc["actors"][0].items() if k != "title"}]},
        # a reference as v1 wrote it: v2's give no addresses (the index's record_url_templates do)
        {**doc, "actors": [{**doc["actors"][0], "api_url": f"{SITE_URL}api/v1/actors/{doc['actors'][0]['id']}.json"}]},
        {**doc, "type": "claim"},
    ):
        assert not validator.is_valid(broken)


def test_each_record_has_one_document_and_the_dump_holds_the_same_documents(site):
    api = site / "api" / "v2"
    dump = read_dump(site)
    index = json.loads((api / "index.json").read_text("utf-8"))
    for kind in KINDS:
        ids = record_ids(kind)
        assert sorted(p.stem for p in (api / kind).glob("*.json")) == ids
        assert [d["id"] for d in dump[kind]] == ids
        for doc in dump[kind]:
            assert json.loads((api / kind / f"{doc['id']}.json").read_text("utf-8")) == doc
        listed = json.loads((api / f"{kind}.json").read_text("utf-8"))
        assert [i["id"] for i in listed["items"]] == ids and listed["count"] == len(ids)
        assert dump["counts"][kind] == index["counts"][kind] == len(ids)
    assert index["schema_version"] == dump["schema_version"] == "2.0.0"
    assert index["generated"] == "2026-01-01T00:00:00Z"


def test_the_dump_is_compressed_the_same_way_every_build_and_validates_once_decompressed(site):
    raw = (site / "api" / "v2" / "dump.json.gz").read_bytes()
    # gzip's header: magic, deflate, no flags (so no file name), a zero time stamp; then the document the schema describes.
    assert raw[:4] == b"\x1f\x8b\x08\x00" and raw[4:8] == b"\x00\x00\x00\x00"
    dump = json.loads(gzip.decompress(raw))
    assert dump["$schema"] == f"{SITE_URL}api/v2/schema/dump.schema.json"
    errors = [e.message for e in validator_for(published_registry(site), dump["$schema"]).iter_errors(dump)]
    assert errors == []


def test_the_dumps_old_addresses_say_in_words_where_it_went(site):
    index = json.loads((site / "api" / "v2" / "index.json").read_text("utf-8"))
    plain = json.loads((site / "api" / "v1" / "dump.json").read_text("utf-8"))
    # v1's compressed dump is now a gzip file holding the same note, so a client that decompresses it reads it
    compressed = json.loads(gzip.decompress((site / "api" / "v1" / "dump.json.gz").read_bytes()))
    assert plain == compressed
    note = plain
    assert note["$schema"] == f"{SITE_URL}api/v2/schema/moved.schema.json"
    assert note["moved_to"] == index["links"]["dump"] == f"{SITE_URL}api/v2/dump.json.gz"
    assert (note["compression"], note["index"], note["schema"]) == ("gzip", index["links"]["self"], f"{SITE_URL}api/v2/schema/dump.schema.json")
    assert note["message"].startswith("API v1 was replaced by API v2, and the full dump, every record in one file, is no longer served here. ")
    assert f"It is now at {SITE_URL}api/v2/dump.json.gz, gzip-compressed," in note["message"]
    assert note["downloads_page"] == f"{SITE_URL}downloads/"
    assert (site / note["moved_to"].removeprefix(SITE_URL)).is_file()
    assert validator_for(published_registry(site), note["$schema"]).is_valid(note)


def test_every_address_of_api_v1_holds_a_note_giving_the_same_document_in_v2(site):
    registry = published_registry(site)
    v1, v2 = site / "api" / "v1", site / "api" / "v2"
    notes = [p for p in sorted(v1.rglob("*.json")) if "schema" not in p.relative_to(v1).parts]
    assert len(notes) == sum(len(record_ids(k)) for k in KINDS) + len(KINDS) + 3  # records, lists, index, changes, dump.json
    for kind in KINDS:
        assert sorted(p.stem for p in (v1 / kind).glob("*.json")) == record_ids(kind)
    for path in notes:
        note = json.loads(path.read_text("utf-8"))
        assert validator_for(registry, note["$schema"]).is_valid(note), path
        same = "dump.json.gz" if path.name == "dump.json" else path.relative_to(v1).as_posix()
        assert note["moved_to"] == f"{SITE_URL}api/v2/{same}", path
        assert (v2 / same).is_file(), path
        assert note["message"].startswith("API v1 was replaced by API v2: this document is now at the address in moved_to. ") or same == "dump.json.gz"
        assert note["downloads_page"] == f"{SITE_URL}downloads/"
    # v1's schemas stay as published: the documents people downloaded from v1 still name them
    assert sorted(p.name for p in (v1 / "schema").glob("*")) == sorted(p.name for p in RETIRED_SCHEMA_SOURCE.glob("*.schema.json"))
    for path in RETIRED_SCHEMA_SOURCE.glob("*.schema.json"):
        assert (v1 / "schema" / path.name).read_bytes() == path.read_bytes()
        assert json.loads(path.read_text("utf-8"))["$id"] == f"{SITE_URL}api/v1/schema/{path.name}"


def test_references_resolve_with_the_index_templates_to_existing_documents_and_pages(site):
    """Every reference ({type, id, title}), made into addresses with the index's record_url_templates, and every
    api_url, page_url, feed_url and seed_url of a document, points at a file of the built site."""
    index = json.loads((site / "api" / "v2" / "index.json").read_text("utf-8"))
    templates = index["record_url_templates"]
    assert templates["event"] == {"api": f"{SITE_URL}api/v2/events/{{id}}.json", "page": f"{SITE_URL}events/{{id}}/"}

    def walk(node):
        if isinstance(node, dict):
            if set(node) == {"type", "id", "title"}:
                yield from (t.replace("{id}", node["id"]) for t in templates[node["type"]].values())
            for key, value in node.items():
                if key in ("api_url", "page_url", "feed_url", "seed_url") and value is not None:
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    dump = read_dump(site)
    urls = set(walk(dump))
    assert len(urls) > 100
    for url in sorted(urls):
        assert url.startswith(SITE_URL), url
        target = site / url.removeprefix(SITE_URL)
        assert (target / "index.html").is_file() if url.endswith("/") else target.is_file(), url


def test_a_record_document_resolves_its_references(site, real_model):
    claim = json.loads((site / "api" / "v2" / "claims" / "hrana-6854-protest-deaths.json").read_text("utf-8"))
    record = real_model.claims["hrana-6854-protest-deaths"]
    assert claim["made_in"] == {"type": "source", "id": "hrana-estimate", "title": words.record_label(real_model.sources["hrana-estimate"])}
    templates = json.loads((site / "api" / "v2" / "index.json").read_text("utf-8"))["record_url_templates"]
    assert templates["source"]["api"].replace("{id}", "hrana-estimate") == f"{SITE_URL}api/v2/sources/hrana-estimate.json"
    assert templates["source"]["page"].replace("{id}", "hrana-estimate") == f"{SITE_URL}sources/hrana-estimate/"
    assert (claim["api_url"], claim["page_url"]) == (f"{SITE_URL}api/v2/claims/{record.id}.json", f"{SITE_URL}claims/{record.id}/")
    assert claim["quantities"][0]["value"] == 6854 and isinstance(claim["quantities"][0]["value"], int)
    assert (claim["statement"], claim["assessment"]["status"]) == (record.statement, record.status)
    assert [c["excerpt"] for c in claim["citations"]] == [c.excerpt for c in record.citations]
    assert claim["timeline_date"]["edtf"] == "2026?" and claim["timeline_date_basis"] == "published in its venue"
    assert claim["date"] is None


# ---------------------------------------------------------------- CSV and the data package


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a published CSV with each cell restored the documented way."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: csv_tables.uncell(v) for k, v in row.items()} for row in csv.DictReader(handle)]


def test_csv_tables_round_trip_to_the_json_dump(site):
    dump = read_dump(site)
    by_id = {d["id"]: d for kind in KINDS for d in dump[kind]}
    csv_dir = site / "csv"
    for kind in KINDS:
        rows = read_csv(csv_dir / f"{kind}.csv")
        assert [r["id"] for r in rows] == record_ids(kind)
    for row in read_csv(csv_dir / "events.csv"):
        doc = by_id[row["id"]]
        assert row["title"] == doc["title"] and row["summary"] == doc["summary"]
        assert row["date"] == doc["date"]["edtf"] and row["date_earliest"] == (doc["date"]["earliest"] or "")
        assert row["actors"].split(" ") == [a["id"] for a in doc["actors"]]
        assert (row["tags"].split(" ") if row["tags"] else []) == doc["tags"]
        assert row["part_of"] == (doc["part_of"]["id"] if doc["part_of"] else "")
        assert row["notes"] == (doc["notes"] or "") and row["date_note"] == (doc["date_note"] or "")
    for row in read_csv(csv_dir / "claims.csv"):
        doc = by_id[row["id"]]
        assert (row["statement"], row["quote"], row["status"], row["rationale"]) == (
            doc["statement"],
            doc["quote"] or "",
            doc["assessment"]["status"],
            doc["assessment"]["rationale"],
        )
        assert row["claimants"].split(" ") == [a["id"] for a in doc["claimants"]] and row["made_in"] == doc["made_in"]["id"]
    rebuilt: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for row in read_csv(csv_dir / "citations.csv"):
        rebuilt.setdefault((row["record_id"], row["list"]), []).append((row["source_id"], row["excerpt"], row["note"]))
        assert int(row["position"]) == len(rebuilt[(row["record_id"], row["list"])])
    expected = {}
    for doc in by_id.values():
        name = "reported_via" if doc["type"] == "source" else "citations"
        if doc[name]:
            expected[(doc["id"], name)] = [(c["source"]["id"], c["excerpt"], c["note"] or "") for c in doc[name]]
    assert rebuilt == expected
    figures = [(r["claim_id"], float(r["value"]), r["qualifier"]) for r in read_csv(csv_dir / "quantities.csv")]
    assert figures == [(d["id"], q["value"], q["qualifier"]) for d in dump["claims"] for q in d["quantities"]]


def test_frictionless_validates_the_data_package(site):
    report = Package(str(site / "csv" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((site / "csv" / "datapackage.json").read_text("utf-8"))
    described = {r["path"] for r in package["resources"]}
    assert described == {p.name for p in (site / "csv").glob("*.csv")}
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO((site / "csv" / resource["path"]).read_text("utf-8"))))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        assert all(f["description"] for f in resource["schema"]["fields"]), resource["name"]


def test_frictionless_catches_a_broken_reference_so_its_pass_means_something(site, tmp_path):
    copy = tmp_path / "csv"
    shutil.copytree(site / "csv", copy)
    claims = copy / "claims.csv"
    claims.write_bytes(claims.read_bytes().replace(b",seed-article,", b",no-such-source,"))
    package = json.loads((copy / "datapackage.json").read_text("utf-8"))
    for resource in package["resources"]:
        resource.pop("hash"), resource.pop("bytes")
    (copy / "datapackage.json").write_text(json.dumps(package), "utf-8")
    report = Package(str(copy / "datapackage.json")).validate()
    assert not report.valid
    assert {e.type for task in report.tasks for e in task.errors} == {"foreign-key"}


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "'quoted", '=HYPERLINK("http://x")'])
def test_cells_that_could_run_as_formulas_are_prefixed_and_restored(text):
    written = csv_tables.cell(text)
    assert written == "'" + text
    assert csv_tables.uncell(written) == text


def test_ordinary_cells_are_written_as_they_are():
    assert [csv_tables.cell(v) for v in ("plain", 'a, b "c"\nd', None, True, False, 6854, 2.5)] == ["plain", 'a, b "c"\nd', "", "true", "false", "6854", "2.5"]


def test_formula_like_text_from_data_is_neutralised_in_the_csv_and_survives_a_round_trip(mini):
    edit(
        mini / "claims" / "other-talks.yaml",
        'statement: "Iran said something else."',
        'statement: "=HYPERLINK(\\"http://evil.example\\", \\"click\\"), said Iran"',
    )
    edit(mini / "events" / "statement.yaml", "tags:", 'notes: "-1 line one\\n@line, \\"two\\""\ntags:')
    model, outputs = outputs_of(mini)
    raw = list(csv.DictReader(io.StringIO(outputs["csv/claims.csv"].decode("utf-8"), newline="")))
    cell = next(r["statement"] for r in raw if r["id"] == "other-talks")
    assert cell.startswith("'=HYPERLINK(")
    assert csv_tables.uncell(cell) == model.claims["other-talks"].statement
    event = next(csv.DictReader(io.StringIO(outputs["csv/events.csv"].decode("utf-8"), newline="")))
    assert event["notes"] == '\'-1 line one\n@line, "two"'
    assert csv_tables.uncell(event["notes"]) == model.events["statement"].notes


# ---------------------------------------------------------------- Atom feeds


def entry_tail(entry) -> str:
    return "/".join(entry.id.rstrip("/").split("/")[-2:])


def test_feedparser_accepts_every_feed(site):
    feeds = sorted((site / "feeds").rglob("*.atom"))
    assert len(feeds) == 3 + len(record_ids("actors")) + len({p.stem for p in (site / "feeds" / "tags").glob("*.atom")})  # all, changes, corrections
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.id == f"{SITE_URL}{path.relative_to(site).as_posix()}"
        assert parsed.feed.updated == "2026-01-01T00:00:00Z"
        for entry in parsed.entries:
            assert entry.updated_parsed is not None and entry.title and entry.summary
            assert entry.link.startswith(SITE_URL)


def test_the_feed_of_everything_has_each_event_and_claim_once_newest_first(site, real_model):
    parsed = feedparser.parse((site / "feeds" / "all.atom").read_bytes())
    tails = [entry_tail(e) for e in parsed.entries]
    assert sorted(tails) == sorted([f"events/{i}" for i in record_ids("events")] + [f"claims/{i}" for i in record_ids("claims")])
    # Newest first by the story's dates; with history, an entry is published and updated when its record was.
    assert tails == [f"{e.record.kind}/{e.record.id}" for e in export_feeds.entries(real_model, EPOCH)]
    sworn = next(e for e in parsed.entries if entry_tail(e) == "events/trump-sworn-in")
    found = trust.of_model(real_model).history(real_model.events["trump-sworn-in"])
    assert (sworn.published, sworn.updated) == (found.published, found.modified)
    assert all(e.published <= e.updated for e in parsed.entries)


def test_each_actor_and_tag_feed_holds_exactly_its_records(site, real_model):
    for actor_id in record_ids("actors"):
        parsed = feedparser.parse((site / "feeds" / "actors" / f"{actor_id}.atom").read_bytes())
        expected = [f"events/{e}" for e in real_model.events_with.get(actor_id, [])] + [f"claims/{c}" for c in real_model.claims_by.get(actor_id, [])]
        assert sorted(entry_tail(e) for e in parsed.entries) == sorted(expected), actor_id
    tags = {t for r in (*real_model.events.values(), *real_model.claims.values()) for t in r.tags}
    assert {p.stem for p in (site / "feeds" / "tags").glob("*.atom")} == tags
    for tag in tags:
        parsed = feedparser.parse((site / "feeds" / "tags" / f"{tag}.atom").read_bytes())
        assert all(tag in {t.term for t in e.tags} for e in parsed.entries)
        # Every record with the tag, or past the cap the newest of them.
        tagged = sum(tag in r.tags for r in (*real_model.events.values(), *real_model.claims.values()))
        assert len(parsed.entries) == min(tagged, export_feeds.GROUP_FEED_ENTRIES)


def test_markup_in_data_reaches_feed_readers_as_text(mini):
    title = 'Iran said <script>alert("x")</script> & <b>more</b> ]]>'
    edit(mini / "events" / "statement.yaml", 'title: "Pezeshkian posted a statement on X"', f"title: {json.dumps(title)}")
    _, outputs = outputs_of(mini)
    assert b"<script>" not in outputs["feeds/all.atom"]
    parsed = feedparser.parse(outputs["feeds/all.atom"])
    assert not parsed.bozo
    entry = next(e for e in parsed.entries if entry_tail(e) == "events/statement")
    assert entry.title_detail.type == "text/plain"
    assert entry.title == title


# ---------------------------------------------------------------- iCalendar


def vevents(ics: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    return {"/".join(str(e["UID"]).rstrip("/").split("/")[-2:]): e for e in calendar.walk("VEVENT")}


def test_icalendar_accepts_the_calendar_and_it_keeps_only_day_dated_events(site, real_model):
    ics = (site / "calendar" / "events.ics").read_bytes()
    events = vevents(ics)
    day_dated = [e.id for e in real_model.events.values() if e.date.start and e.date.end and e.date.start.precision == e.date.end.precision == "day"]
    assert sorted(events) == sorted(f"events/{i}" for i in day_dated)
    sworn = events["events/trump-sworn-in"]
    assert sworn["DTSTART"].params.get("VALUE") == "DATE"
    assert sworn.decoded("DTSTART") == date(2025, 1, 20) and sworn.decoded("DTEND") == date(2025, 1, 21)
    assert "events/twelve-day-conflict" not in events  # "2025-06?/2025-07?": known only to the month
    assert "events/us-sanctions-on-iran-reinstated" not in events  # "2025-01-20/..": open-ended
    assert b"DTSTAMP:20260101T000000Z" in ics


@pytest.fixture
def dated_mini(mini: Path) -> Path:
    add_event(mini, "month-only", "2026-02")
    add_event(mini, "year-only", "2026")
    add_event(mini, "three-days", "2026-02-01/2026-02-03")
    add_event(mini, "uncertain-day", "2026-02-05?", note="The source says 'on or about the fifth'.")
    add_event(mini, "open-ended", "2026-02-01/..", note="From the day of 'a statement on X'; still going on when the source was published.")
    add_event(mini, "day-to-month", "2026-02-01/2026-03", note="From the day of 'a statement on X'; the source gives only the month it ended.")
    return mini


def test_calendar_dates_are_never_more_precise_than_the_data(dated_mini):
    model, outputs = outputs_of(dated_mini)
    events = vevents(outputs["calendar/events.ics"])
    # A day is an all-day event; DTEND is exclusive.
    day = events["events/statement"]
    assert day["DTSTART"].params["VALUE"] == "DATE" and day["DTEND"].params["VALUE"] == "DATE"
    assert (day.decoded("DTSTART"), day.decoded("DTEND")) == (date(2026, 2, 1), date(2026, 2, 2))
    assert str(day["STATUS"]) == "CONFIRMED"
    # An interval of days spans them, the day after the last being the exclusive end.
    span = events["events/three-days"]
    assert (span.decoded("DTSTART"), span.decoded("DTEND")) == (date(2026, 2, 1), date(2026, 2, 4))
    # An uncertain day is kept but marked.
    uncertain = events["events/uncertain-day"]
    assert str(uncertain["STATUS"]) == "TENTATIVE" and "date not exact" in str(uncertain["SUMMARY"])
    # Month, year, open and coarse-ended dates would need a made-up day: they are left out.
    for left_out in ("month-only", "year-only", "open-ended", "day-to-month"):
        assert f"events/{left_out}" not in events
    assert "Left out rather than pinned to a day the sources do not give: 4" in str(
        icalendar.Calendar.from_ical(outputs["calendar/events.ics"])["X-WR-CALDESC"]
    )
    assert conservation.check_outputs(model, outputs) == []


def test_month_precision_dates_keep_their_precision_in_json_and_csv(dated_mini):
    _, outputs = outputs_of(dated_mini)
    doc = json.loads(outputs["api/v2/events/month-only.json"])["date"]
    assert doc == {
        "edtf": "2026-02",
        "text": "February 2026",
        "is_interval": False,
        "is_fuzzy": False,
        "earliest": "2026-02-01",
        "latest": "2026-02-28",
        "start_precision": "month",
        "end_precision": "month",
    }
    row = next(r for r in csv.DictReader(io.StringIO(outputs["csv/events.csv"].decode(), newline="")) if r["id"] == "open-ended")
    assert (row["date"], row["date_earliest"], row["date_latest"], row["date_end_precision"]) == ("2026-02-01/..", "2026-02-01", "", "")


# ---------------------------------------------------------------- the Downloads page, as a new user


def page_links(site: Path, page: str) -> list[str]:
    return parse_page(site / page).links


def follow(site: Path, page: str, href: str) -> Path:
    return (site / page).parent.joinpath(href).resolve()


def test_downloads_page_lists_every_output_with_its_count_format_and_size(site):
    html = (site / "downloads" / "index.html").read_text("utf-8")
    linked = {follow(site, "downloads/index.html", h).relative_to(site.resolve()).as_posix() for h in page_links(site, "downloads/index.html")}
    for path in [
        "api/v2/dump.json.gz",
        "api/v1/dump.json",
        "api/v1/index.json",
        "api/v2/index.json",
        "csv/datapackage.json",
        "calendar/events.ics",
        "feeds/all.atom",
    ]:
        assert path in linked, path
    assert {p.relative_to(site).as_posix() for p in (site / "csv").glob("*.csv")} <= linked
    assert {p.relative_to(site).as_posix() for p in (site / "feeds").rglob("*.atom")} <= linked
    assert {p.relative_to(site).as_posix() for p in (site / "api" / "v2").glob("*.json")} <= linked
    total = sum(len(record_ids(k)) for k in KINDS)
    assert f"{total} records" in html and f"{len(record_ids('events'))} events" in html
    size = (site / "api" / "v2" / "dump.json.gz").stat().st_size
    assert downloads.human_size(size) in html
    # A .gz file is saved, not shown: the page says how to open it.
    fetch = f"<code>curl -L {SITE_URL}api/v2/dump.json.gz | gunzip &gt; dump.json</code>"  # a command to copy as it is
    for how in ("<code>gunzip dump.json.gz</code>", fetch, 'json.load(gzip.open("dump.json.gz"))', "pandas.json_normalize("):
        assert how in html, how
    for fmt in ("JSON", "CSV", "Atom", "iCalendar", "JSON Schema"):
        assert f"<td>{fmt}</td>" in html
    # how a reference becomes addresses, and where version 1 went
    assert "The index's <code>record_url_templates</code> gives them, for each type" in html
    assert "Every address of version 1 still answers" in html and "<code>moved_to</code>" in html


def test_a_new_user_gets_from_the_home_page_to_the_dump_the_csvs_and_an_actor_feed(site):
    home_links = page_links(site, "index.html")
    assert any(follow(site, "index.html", h) == (site / "downloads").resolve() for h in home_links)
    page = "downloads/index.html"
    targets = {follow(site, page, h).relative_to(site.resolve()).as_posix(): h for h in page_links(site, page)}
    dump = json.loads(gzip.decompress(follow(site, page, targets["api/v2/dump.json.gz"]).read_bytes()))
    assert len(dump["claims"]) == len(record_ids("claims"))
    events = read_csv(follow(site, page, targets["csv/events.csv"]))
    assert len(events) == len(record_ids("events"))
    feed = feedparser.parse(follow(site, page, targets["feeds/actors/masoud-pezeshkian.atom"]).read_bytes())
    assert feed.feed.title.endswith("Masoud Pezeshkian") and feed.entries
    actor = json.loads((site / "api" / "v2" / "actors" / "masoud-pezeshkian.json").read_text("utf-8"))
    assert sorted(entry_tail(e) for e in feed.entries) == sorted(
        [f"events/{r['id']}" for r in actor["referenced_by"]["events"]] + [f"claims/{r['id']}" for r in actor["referenced_by"]["claims"]]
    )


def test_the_api_and_csv_carry_the_timelines_one_order(real_model):
    """timeline_order in the API and the CSV is the list's order: the drone shootdown before Trump's warning."""
    outputs = exports.build_outputs(real_model, site_url=SITE_URL, epoch=EPOCH)
    listed = [(e.kind, e.record.id) for e in timeline_entries(real_model)]
    api = {}
    for kind in ("event", "claim"):
        for rid in real_model.events if kind == "event" else real_model.claims:
            document = json.loads(outputs[f"api/v2/{kind}s/{rid}.json"])
            api[(kind, rid)] = document["timeline_order"]
    assert sorted((n, key) for key, n in api.items() if n is not None) == [(n, key) for n, key in enumerate(listed, start=1)]
    rows = {}
    for kind in ("events", "claims"):
        for row in csv.DictReader(io.StringIO(outputs[f"csv/{kind}.csv"].decode("utf-8"))):
            rows[(kind[:-1], row["id"])] = int(row["timeline_order"]) if row["timeline_order"] else None
    assert rows == api
    assert api[("event", "us-jet-shoots-down-iranian-drone")] < api[("event", "trump-warns-supreme-leader")]
