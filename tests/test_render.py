"""Rendering as pure functions: pages from the mini model, paginated indexes, escaping."""

from __future__ import annotations

import copy

import pytest

from conftest import MINI, STORY_DATA
from tracker.check import vocab
from tracker.check.validate import validate
from tracker.model import paths
from tracker.model import records as model_mod
from tracker.model import story as story_mod
from tracker.render.pages import all_pages, base, disputes, indexes, lists, records, site, timeline


@pytest.fixture(scope="module")
def mini_model():
    result = validate(MINI)
    assert result.ok
    return model_mod.build(result.dataset)


def test_every_record_gets_exactly_one_page(mini_model):
    pages = all_pages(mini_model, "Test")
    made = [p.path for p in pages]
    assert len(made) == len(set(made))
    for record in mini_model.all_records():
        assert made.count(paths.page_path(record)) == 1


def test_large_groups_are_paginated(mini_model, monkeypatch):
    monkeypatch.setattr(lists, "INLINE_LIMIT", 1)
    monkeypatch.setattr(lists, "LIST_PAGE_SIZE", 1)
    pages = {p.path: p for p in indexes.actors_index(mini_model)}
    # three actors in three kinds: no group exceeds one, so nothing is paginated
    assert list(pages) == ["actors/index.md"]
    pages = {p.path: p for p in indexes.claims_index(mini_model)}
    assert list(pages) == ["claims/index.md", "browse/claims/disputed/index.md", "browse/claims/disputed/2.md"]
    index = pages["claims/index.md"].html
    assert 'href="../browse/claims/disputed/"' in index and "All 2 in “Disputed”" in index
    first, second = pages["browse/claims/disputed/index.md"].html, pages["browse/claims/disputed/2.md"].html
    assert 'href="../../../browse/claims/disputed/2/" rel="next"' in first and 'rel="prev"' not in first
    assert 'href="../../../../browse/claims/disputed/" rel="prev"' in second and "page 2 of 2" in second
    assert 'href="../../../claims/fair-talks/"' in first and 'href="../../../../claims/other-talks/"' in second


@pytest.mark.parametrize(
    ("here", "target", "href"),
    [
        ("index.md", "events/a.md", "events/a/"),
        ("events/a.md", "actors/b.md", "../../actors/b/"),
        ("events/index.md", "events/a.md", "../events/a/"),
        ("timeline/index.md", "methodology.md", "../methodology/"),
        ("events/a.md", "index.md", "../../"),
        ("sources/s.md", "seeds/x.txt", "../../seeds/x.txt"),
        ("browse/claims/x/2.md", "browse/claims/x/index.md", "../../../../browse/claims/x/"),
        ("index.md", "index.md", "./"),
    ],
)
def test_relative_links(mini_model, here, target, href):
    assert base.Links(mini_model, here).to(target) == href


def test_timeline_is_paginated_when_large(mini_model, monkeypatch):
    monkeypatch.setattr(timeline, "TIMELINE_PAGE_SIZE", 1)
    chunks = timeline.timeline_chunks(mini_model)
    pages = timeline.timeline_pages(mini_model, chunks)
    assert [p.path for p in pages] == ["timeline/index.md", "timeline/2.md", "timeline/3.md"]
    assert [len(c) for c in chunks] == [1, 1, 1]
    # the entries dated February 2026 come before the claim dated only 2026 (a year's undated entries close it)
    assert timeline.timeline_locations(chunks) == {"statement": "timeline/index.md"}
    assert 'href="../../timeline/3/"' in pages[1].html and "Page 2 of 3" in pages[1].html
    assert all(not p.searchable for p in pages)
    event = records.event_page(mini_model, mini_model.events["statement"], "timeline/2.md")
    assert 'href="../../timeline/2/#event-statement"' in event.html


@pytest.fixture(scope="module")
def real_model():
    result = validate(STORY_DATA)
    assert result.ok
    return model_mod.build(result.dataset)


@pytest.fixture(scope="module")
def real_story():
    result = validate(STORY_DATA)
    assert result.ok
    return story_mod.from_dataset(result.dataset)


def test_disputes_are_paginated_when_many(real_model, real_story, monkeypatch):
    groups = disputes.contradiction_groups(real_model, real_story)
    assert len(groups) == 2  # the death tolls differ, and a question of the story names both: a dispute
    assert len(disputes.contradiction_groups(real_model)) == 1  # without the story, a differs pair is none
    assert [p.path for p in disputes.disputes_pages(real_model, real_story)] == ["disputes.md"]
    # the article's own slip is not a dispute between accounts: said in two documents, it would be
    model = copy.deepcopy(real_model)
    model.claims["trump-returned-to-office-january-2024"].made_in = "daily-mail-report"
    monkeypatch.setattr(disputes, "DISPUTES_PAGE_SIZE", 1)
    first, second = disputes.disputes_pages(model, real_story)
    assert (first.path, second.path) == ("disputes.md", "disputes/2.md")
    assert 'id="dispute-1"' in first.html and 'id="dispute-2"' not in first.html
    assert 'id="dispute-2"' in second.html and "<h2>When did Trump return to office?</h2>" in second.html  # numbered across pages
    assert "Where a source contradicts itself" in first.html and "Where a source contradicts itself" not in second.html
    assert 'href="../disputes/2/"' in first.html and 'href="../../disputes/"' in second.html
    assert "Page 2 of 2 (disputes 2–2)" in second.html and (first.title, second.title) == ("Disputes (1/2)", "Disputes (2/2)")


def test_long_lists_on_record_pages_link_to_paginated_pages(mini_model, monkeypatch):
    monkeypatch.setattr(lists, "INLINE_LIMIT", 1)
    monkeypatch.setattr(lists, "LIST_PAGE_SIZE", 2)
    pages = {p.path: p for p in lists.overflow_pages(mini_model)}
    cited = sorted(p for p in pages if p.startswith("browse/sources/seed/citing-"))
    assert cited == ["browse/sources/seed/citing-actors/2.md", "browse/sources/seed/citing-actors/index.md", "browse/sources/seed/citing-claims/index.md"]
    source = records.source_page(mini_model, mini_model.sources["seed"]).html
    assert 'href="../../browse/sources/seed/citing-actors/">All 3 actors citing it</a>' in source
    assert source.count('<ul class="record-list">') == 4  # claims made, and events, claims, actors citing it
    every = {p.path for p in all_pages(mini_model, "Test")}
    assert set(pages) <= every


def test_statuses_come_from_the_schema_in_its_order(mini_model, monkeypatch):
    """A status added to the claim schema shows up in the claims index and on the home page, in the schema's order."""
    scales = dict(vocab.scales())
    extra = {"const": "withdrawn", "title": "Withdrawn", "description": "Taken back by whoever made it."}
    scales["status"] = [extra, *scales["status"]]
    monkeypatch.setattr(vocab, "scales", lambda: scales)
    claim = mini_model.claims["fair-talks"]
    monkeypatch.setattr(claim, "status", "withdrawn")
    index = indexes.claims_index(mini_model)[0].html
    assert index.index(">Withdrawn <small>(1)</small>") < index.index(">Disputed <small>")
    home = site.home_page(mini_model, "Test").html
    assert "Taken back by whoever made it." in home
    assert home.index("status-withdrawn") < home.index("status-unverified")
