"""ClaimReview JSON-LD (scripts/tracker/exports/claimreview.py): on every assessed claim, on no unverified one, read back by pyld offline."""

from __future__ import annotations

import copy

import pytest
import yaml
from pyld import jsonld

from conftest import MINI, REPO, STORY_DATA
from test_jsonld import OfflineLoader
from tracker.check.validate import validate
from tracker.exports import claimreview as cr
from tracker.load.schema_files import schema_documents
from tracker.model import records as model_mod

SITE_URL = "https://newstrace.github.io/iran-us-talks/"
S = "https://schema.org/"
PUBLISHER = cr.publisher_node(yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["extra"])


@pytest.fixture(scope="module")
def real_model() -> model_mod.Model:
    result = validate(STORY_DATA)
    assert result.ok
    return model_mod.build(result.dataset)


def review(model, claim, **dates):
    return cr.claim_review(model, SITE_URL, claim, publisher=PUBLISHER, date_published=dates.get("published"), date_modified=dates.get("modified"))


def expand(document: dict) -> dict:
    loader = OfflineLoader()
    [node] = jsonld.expand(copy.deepcopy(document), {"documentLoader": loader})
    assert loader.requested == ["https://schema.org"]
    return node


def test_the_scale_ranks_every_assessed_status_of_the_schema():
    statuses = schema_documents()["claim"]["properties"]["assessment"]["properties"]["status"]["oneOf"]
    assert {o["const"] for o in statuses} == {cr.NOT_ASSESSED, *cr.RATING_ORDER}
    assert [cr.rating(s)["ratingValue"] for s in cr.RATING_ORDER] == [4, 3, 2, 1]
    assert cr.rating("disputed") == {"@type": "Rating", "ratingValue": 3, "bestRating": 4, "worstRating": 1, "alternateName": "Disputed"}


def test_the_publisher_is_named_in_mkdocs_yml():
    assert PUBLISHER == {"@type": "Organization", "name": "Iran–US Talks Tracker", "url": SITE_URL}


def test_every_assessed_claim_has_a_review_and_no_unverified_one(real_model):
    claims = list(real_model.claims.values())
    assert {c.status for c in claims} >= {"disputed", "unverified"}
    for claim in claims:
        node = review(real_model, claim, published="2026-11-27T10:00:00Z")
        assert (node is None) == (claim.status == "unverified"), claim.id


def test_a_disputed_claim_reads_back_as_a_claim_review(real_model):
    claim = next(c for c in real_model.claims.values() if c.status == "disputed")
    url = f"{SITE_URL}claims/{claim.id}/"
    node = expand(review(real_model, claim, published="2026-11-27T10:00:00Z", modified="2026-11-29T09:00:00Z"))
    assert node["@type"] == [f"{S}ClaimReview"] and node["@id"] == f"{url}#review"
    assert node[f"{S}url"] == [{"@value": url}]
    assert node[f"{S}claimReviewed"] == [{"@value": claim.statement}]
    assert node[f"{S}datePublished"] == [{"@value": "2026-11-27T10:00:00Z"}] and node[f"{S}dateModified"] == [{"@value": "2026-11-29T09:00:00Z"}]
    [rating] = node[f"{S}reviewRating"]
    assert rating["@type"] == [f"{S}Rating"] and rating[f"{S}alternateName"] == [{"@value": "Disputed"}]
    assert (rating[f"{S}ratingValue"], rating[f"{S}bestRating"], rating[f"{S}worstRating"]) == ([{"@value": 3}], [{"@value": 4}], [{"@value": 1}])
    [author] = node[f"{S}author"]
    assert author["@type"] == [f"{S}Organization"] and author[f"{S}name"] == [{"@value": "Iran–US Talks Tracker"}]
    [item] = node[f"{S}itemReviewed"]
    assert item["@type"] == [f"{S}Claim"] and item["@id"] == url
    assert {a["@id"] for a in item[f"{S}author"]} == {f"{SITE_URL}actors/{a}/" for a in claim.claimants}
    assert item[f"{S}firstAppearance"][0]["@id"] == f"{SITE_URL}sources/{claim.made_in}/"
    assert {a["@id"] for a in item[f"{S}appearance"]} == {f"{SITE_URL}sources/{c.source}/" for c in claim.citations}


def test_the_claim_is_dated_when_it_was_made_only_if_that_is_certain(real_model):
    mini = validate(MINI)
    assert mini.ok
    mini_model = model_mod.build(mini.dataset)
    claim = mini_model.claims["fair-talks"]  # dated "2026-02-01"
    assert review(mini_model, claim)["itemReviewed"]["datePublished"] == "2026-02-01"
    uncertain = next(c for c in real_model.claims.values() if c.status == "disputed")  # its venue is dated "2026?"
    assert real_model.sources[uncertain.made_in].published.text == "2026?" and uncertain.date is None
    assert "datePublished" not in review(real_model, uncertain)["itemReviewed"]


def test_without_history_the_review_has_no_date(real_model):
    claim = next(c for c in real_model.claims.values() if c.status == "disputed")
    node = review(real_model, claim)
    assert "datePublished" not in node and "dateModified" not in node


def test_review_date_prefers_since_when_the_status_holds():
    assert cr.review_date("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z") == "2026-02-01T00:00:00Z"
    assert cr.review_date("2026-01-01T00:00:00Z") == "2026-01-01T00:00:00Z"
    assert cr.review_date(None) is None
