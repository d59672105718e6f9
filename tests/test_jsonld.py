"""The schema.org JSON-LD of record pages, read by a JSON-LD processor (pyld), offline.

pyld gets a document loader that serves a local stand-in for the https://schema.org
context (``@vocab`` only) and refuses every other URL, so nothing is fetched.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from pyld import jsonld

from conftest import STORY_DATA
from tracker.check.validate import validate
from tracker.core.html import json_for_script
from tracker.exports import jsonld as jsonld_lib
from tracker.exports import jsonld_history
from tracker.model import records as model_mod
from tracker.trust import gather as trust

SITE_URL = "https://newstrace.github.io/iran-us-talks/"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
STAND_IN = {"@context": {"@vocab": SCHEMA}}
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
EXPECTED_TYPES = {"events": {"Event"}, "claims": {"Claim", "ClaimReview"}, "actors": {"Person", "Organization"}, "sources": {"NewsArticle", "CreativeWork"}}


class OfflineLoader:
    """A pyld document loader that knows only schema.org's context, and records what was asked."""

    def __init__(self) -> None:
        self.requested: list[str] = []

    def __call__(self, url: str, options: dict | None = None) -> dict:
        self.requested.append(url)
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": STAND_IN}
        raise jsonld.JsonLdError(f"offline: refusing to load {url}", "jsonld.LoadDocumentError", {"url": url}, code="loading document failed")


def page_json_ld(page: Path) -> list[dict]:
    return [json.loads(block) for block in SCRIPT.findall(page.read_text("utf-8"))]


def record_pages(site: Path) -> list[tuple[str, str, Path]]:
    pages = []
    for kind in EXPECTED_TYPES:
        for record in sorted((STORY_DATA / kind).glob("*.yaml")):
            pages.append((kind, record.stem, site / kind / record.stem / "index.html"))
    return pages


@pytest.fixture(scope="module")
def expanded(site) -> dict[tuple[str, str], tuple[list, str]]:
    """Every record page's JSON-LD, expanded and as N-Quads, by (kind, id)."""
    loader = OfflineLoader()
    out = {}
    for kind, rid, page in record_pages(site):
        blocks = page_json_ld(page)
        assert len(blocks) == 1, page
        options = {"documentLoader": loader}
        out[(kind, rid)] = (jsonld.expand(blocks[0], options), jsonld.to_rdf(blocks[0], {**options, "format": "application/n-quads"}))
    assert set(loader.requested) <= {"https://schema.org", "https://schema.org/"}
    return out


def test_every_record_page_has_json_ld_that_pyld_expands(site, expanded):
    assert len(expanded) == len(record_pages(site))
    for (kind, rid), (nodes, _quads) in expanded.items():
        assert len(nodes) == 1, (kind, rid)
        node = nodes[0]
        # An assessed claim's page describes the review of the claim (ClaimReview), an unverified one the claim.
        reviewed = [t.removeprefix(SCHEMA) for t in node["@type"]] == ["ClaimReview"]
        assert node["@id"] == f"{SITE_URL}{kind}/{rid}/" + ("#review" if reviewed else "")
        assert {t.removeprefix(SCHEMA) for t in node["@type"]} <= EXPECTED_TYPES[kind]
        assert all(t.startswith(SCHEMA) for t in node["@type"])
        assert all(key.startswith(("@", SCHEMA)) for key in node), sorted(node)


def test_the_json_ld_turns_into_schema_org_triples(expanded):
    _nodes, quads = expanded[("events", "trump-sworn-in")]
    page = f"<{SITE_URL}events/trump-sworn-in/>"
    assert f"{page} <{RDF_TYPE}> <{SCHEMA}Event> ." in quads
    assert f'{page} <{SCHEMA}startDate> "2025-01-20" .' in quads
    assert f"{page} <{SCHEMA}actor> <{SITE_URL}actors/donald-trump/> ." in quads
    claim_nodes, claim_quads = expanded[("claims", "hrana-6854-protest-deaths")]
    assert f"<{SITE_URL}claims/hrana-6854-protest-deaths/> <{SCHEMA}firstAppearance> <{SITE_URL}sources/hrana-estimate/> ." in claim_quads
    claim = claim_nodes[0][f"{SCHEMA}itemReviewed"][0]
    assert claim["@id"] == f"{SITE_URL}claims/hrana-6854-protest-deaths/"
    assert claim[f"{SCHEMA}author"][0]["@id"].startswith(f"{SITE_URL}actors/")


def test_dates_in_json_ld_are_never_more_precise_than_the_data(expanded):
    """schema.org dates are ISO 8601 prefixes of the EDTF value: a year stays a year."""
    for (kind, rid), (nodes, _quads) in expanded.items():
        # A source's datePublished is the source's own; on other records it is when the record was first published (history).
        for key in ("startDate", "endDate", "dateCreated", *(["datePublished"] if kind == "sources" else [])):
            for value in nodes[0].get(f"{SCHEMA}{key}", []):
                assert re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value["@value"]), (kind, rid, key, value)
        for key in ("dateModified", *([] if kind == "sources" else ["datePublished"])):
            for value in nodes[0].get(f"{SCHEMA}{key}", []):
                assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z", value["@value"]), (kind, rid, key, value)
    assert expanded[("events", "araghchi-gives-cnn-interview")][0][0][f"{SCHEMA}startDate"] == [{"@value": "2026"}]


def test_the_loader_stand_in_is_the_only_document_pyld_may_load():
    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": "https://example.org/context.jsonld", "name": "x"}, {"documentLoader": OfflineLoader()})


def test_every_assessed_claim_is_a_claim_review_and_no_unverified_one_is(expanded):
    """ClaimReview (by the site's publisher, with the status's title and place on the scale) exactly on the assessed claims."""
    statuses = {p.stem: yaml.safe_load(p.read_text("utf-8"))["assessment"]["status"] for p in (STORY_DATA / "claims").glob("*.yaml")}
    assert "unverified" in statuses.values() and set(statuses.values()) - {"unverified"}  # both cases are in the data
    for rid, status in statuses.items():
        node = expanded[("claims", rid)][0][0]
        types = [t.removeprefix(SCHEMA) for t in node["@type"]]
        if status == "unverified":
            assert types == ["Claim"], rid
            continue
        assert types == ["ClaimReview"], rid
        rating = node[f"{SCHEMA}reviewRating"][0]
        assert [t.removeprefix(SCHEMA) for t in rating["@type"]] == ["Rating"]
        assert rating[f"{SCHEMA}alternateName"][0]["@value"].lower() == status.replace("-", " ")
        assert node[f"{SCHEMA}author"][0][f"{SCHEMA}name"][0]["@value"] == "Iran–US Talks Tracker"
        assert [t.removeprefix(SCHEMA) for t in node[f"{SCHEMA}itemReviewed"][0]["@type"]] == ["Claim"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", node[f"{SCHEMA}datePublished"][0]["@value"]), rid


def test_a_corrected_record_carries_its_corrections_as_correction_comments(expanded):
    node = expanded[("events", "trump-sworn-in")][0][0]
    comments = node[f"{SCHEMA}correction"]
    assert [[t.removeprefix(SCHEMA) for t in c["@type"]] for c in comments] == [["CorrectionComment"]]
    assert comments[0][f"{SCHEMA}datePublished"][0]["@value"] == "2026-11-29"
    assert comments[0][f"{SCHEMA}text"][0]["@value"].startswith("What was wrong: It gave 20 January 2025 as a certain day")


# ---------------------------------------------------------------- each node described once


def canonical(document: dict) -> str:
    """The document's graph as canonical N-Quads (URDNA2015): equal exactly when the graphs are."""
    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": OfflineLoader()}
    return jsonld.normalize(copy.deepcopy(document), options)


@pytest.fixture(scope="module")
def real_model(story_data) -> model_mod.Model:
    result = validate(story_data)
    assert result.ok
    model = model_mod.build(result.dataset)
    model.trust = trust.gather(model, story_data, repo_url="https://github.com/newstrace/iran-us-talks")
    return model


def test_describing_each_node_once_leaves_every_pages_graph_unchanged(real_model):
    """A node that appears again on a page becomes {"@id": …}: same graph, fewer bytes."""
    saved = 0
    for record in real_model.all_records():
        full = jsonld_history.full_document(real_model, SITE_URL, record)
        once = jsonld_history.for_record(real_model, SITE_URL, record)
        assert canonical(once) == canonical(full), record.id
        saved += len(json_for_script(full)) - len(json_for_script(once))
    assert saved > 1000
    claim = real_model.claims["trump-sworn-in-january-2025"]  # assessed, and its venue is also among its citations
    item = jsonld_history.for_record(real_model, SITE_URL, claim)["itemReviewed"]
    venue = f"{SITE_URL}sources/{claim.made_in}/"
    assert item["firstAppearance"] == {"@id": venue}
    assert next(a for a in item["appearance"] if a["@id"] == venue)["name"] == real_model.sources[claim.made_in].title


def test_a_later_occurrence_is_a_reference_only_when_it_says_nothing_new():
    a = {"@id": "x:a", "name": "A", "url": "x:a"}
    document = {"@id": "x:doc", "author": [a], "knows": [{"@id": "x:a", "name": "A"}, {"@id": "x:a", "name": "A", "email": "e"}], "z": {"@id": "x:doc"}}
    once = jsonld_lib.describe_once(document)
    assert once["author"] == [a]
    assert once["knows"] == [{"@id": "x:a"}, {"@id": "x:a", "name": "A", "email": "e"}]  # says more: kept whole
    assert once["z"] == {"@id": "x:doc"}
    assert canonical({"@context": "https://schema.org", **once}) == canonical({"@context": "https://schema.org", **document})


def test_a_source_named_by_its_description_does_not_repeat_it(real_model):
    for source in real_model.sources.values():
        node = jsonld_lib.source_node(real_model, SITE_URL, source)
        assert node["name"] == source.title
        assert ("description" in node) == (source.description != source.title), source.id


def test_what_a_page_says_about_another_record_is_said_on_that_records_own_page(real_model):
    """Another record is only mentioned (type, name, addresses, date): nothing is lost from the site's graph, whose
    statements about a record are all on its own page, at the same @id."""
    quads: dict[str, set[str]] = {}
    for record in real_model.all_records():
        url = jsonld_lib.page_url(SITE_URL, record)
        rdf = jsonld.to_rdf(jsonld_history.for_record(real_model, SITE_URL, record), {"documentLoader": OfflineLoader(), "format": "application/n-quads"})
        quads[url] = set(rdf.splitlines())
    elsewhere = 0
    for url, lines in quads.items():
        for line in lines:
            subject = line.split(" ", 1)[0].strip("<>")
            if subject in quads and subject != url:
                assert line in quads[subject], (url, line)
                elsewhere += 1
    assert elsewhere > 100
    event = jsonld_history.for_record(real_model, SITE_URL, real_model.events["us-jet-shoots-down-iranian-drone"])
    assert all(set(actor) <= set(jsonld_lib.MENTION_KEYS) for actor in event["actor"])
    assert "description" in jsonld_history.for_record(real_model, SITE_URL, real_model.actors["uss-abraham-lincoln"])
