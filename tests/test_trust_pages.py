"""Corrections, the correction policy, status histories and licences as readers see them (#13, #15)."""

from __future__ import annotations

import json

import feedparser
import yaml

from conftest import MINI, REPO, STORY_DATA
from tracker.check.validate import validate
from tracker.model import records as model_mod
from tracker.render.pages import history as history_pages
from tracker.render.pages.records import claim_page
from tracker.trust import gather as trust

CORRECTED = sorted(p for p in STORY_DATA.glob("*/*.yaml") if "corrections" in yaml.safe_load(p.read_text("utf-8")))


def test_a_corrected_record_says_so_at_the_top_of_its_page(site):
    page = (site / "events" / "trump-sworn-in" / "index.html").read_text("utf-8")
    top = page.index('id="corrections"')
    assert top < page.index('id="summary"')
    assert "What was wrong:</strong> It gave 20 January 2025 as a certain day" in page[top:]
    assert 'href="../../corrections/policy/"' in page[top:]


def test_the_corrections_page_and_feed_list_every_correction(site):
    assert len(CORRECTED) == 21
    page = (site / "corrections" / "index.html").read_text("utf-8")
    assert page.count("<strong>What was wrong:</strong>") == 21
    feed = feedparser.parse((site / "feeds" / "corrections.atom").read_bytes())
    assert not feed.bozo and len(feed.entries) == 21
    assert {"/".join(e.link.split("#")[0].rstrip("/").split("/")[-2:]) for e in feed.entries} == {f"{p.parent.name}/{p.stem}" for p in CORRECTED}
    document = json.loads((site / "api" / "v2" / "events" / "trump-sworn-in.json").read_text("utf-8"))
    assert document["corrections"][0]["date"] == "2026-11-29"


def test_the_correction_policy_links_the_issue_form(site):
    page = (site / "corrections" / "policy" / "index.html").read_text("utf-8")
    assert "What counts as a correction" in page
    assert 'href="https://github.com/newstrace/iran-us-talks/issues/new?template=request-correction.yml"' in page
    assert (REPO / ".github" / "ISSUE_TEMPLATE" / "request-correction.yml").is_file()


def test_licences_are_stated_in_the_five_places(site):
    assert "CC BY 4.0" in (REPO / "README.md").read_text("utf-8")
    footer = (site / "index.html").read_text("utf-8")
    assert 'Data: <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> · Code: <a href=' in footer
    downloads = (site / "downloads" / "index.html").read_text("utf-8")
    assert "licensed under Creative Commons Attribution 4.0 (CC BY 4.0)" in downloads and "copyright stays with their publishers" in downloads
    index = json.loads((site / "api" / "v2" / "index.json").read_text("utf-8"))
    assert (index["license"]["data"]["name"], index["license"]["code"]["name"]) == ("CC-BY-4.0", "MIT")
    package = json.loads((site / "csv" / "datapackage.json").read_text("utf-8"))
    assert [lic["name"] for lic in package["licenses"]] == ["CC-BY-4.0"]


def test_a_claim_whose_status_changed_says_since_when_and_what_it_was():
    result = validate(MINI)
    model = model_mod.build(result.dataset)
    model.trust = trust.Trust(available=True, status_notes={"fair-talks": "Disputed since 4 January 2026; previously unverified"})
    claim = model.claims["fair-talks"]
    page = claim_page(model, claim, trust=history_pages.record_trust(model, claim)).html
    assert '<p class="status-history">Disputed since 4 January 2026; previously unverified.</p>' in page
    assert page.index("status-history") < page.index("<h2 id=")  # at the top, before the first section
