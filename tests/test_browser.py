"""The reader's site in a real browser (Debian's Chromium through Playwright).

Screenshots of what each test looked at are kept in test-artifacts/ (not committed).
"""

from __future__ import annotations

import gzip
import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import goto_when_served, screenshot, search, wait_until, watch
from conftest import STORY_DATA, edit, live_preview
from tracker.check.validate import validate
from tracker.model import records as model_mod
from tracker.render.pages import timeline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return model_mod.build(validate(STORY_DATA).dataset)


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = watch(page, site_url)
    yield page
    assert page.watch.dialogs == [] and page.watch.errors == [] and page.watch.offsite == []
    context.close()


def test_timeline_lists_every_event_in_the_documented_order(page, site_url, model):
    page.goto(site_url + "timeline/")
    shown = page.eval_on_selector_all("li.tl-entry", "els => els.map(e => e.id)")
    expected = [f"{e.kind}-{e.record.id}" for e in timeline.timeline_entries(model)]
    assert shown == expected
    # ordered by chronology.order: never by id within a date (test_story_browser checks the article's order)
    events_in_order = [i.removeprefix("event-") for i in shown if i.startswith("event-")]
    assert events_in_order != sorted(events_in_order)
    assert page.locator("#tl-count").inner_text() == f"Showing {len(expected)} of {len(expected)} entries"
    # the stylesheet finds an entry's title (its second paragraph) and its actors and sources (its last) by position
    paragraphs = page.locator("li.tl-entry").first.locator(":scope > p")
    weight, size = "p => getComputedStyle(p).fontWeight", "p => parseFloat(getComputedStyle(p).fontSize)"
    assert paragraphs.nth(1).evaluate(weight) == "700" and paragraphs.first.evaluate(weight) == "400"
    assert paragraphs.last.evaluate(size) < paragraphs.first.evaluate(size)
    screenshot(page, "timeline")


def test_timeline_filters_by_actor_and_tag(page, site_url, model):
    page.goto(site_url + "timeline/")
    entries = timeline.timeline_entries(model)
    page.select_option("#tl-actor", "hrana")
    visible = page.eval_on_selector_all("li.tl-entry:not([hidden])", "els => els.map(e => e.id)")
    with_hrana = [f"{e.kind}-{e.record.id}" for e in entries if "hrana" in (e.record.actors if e.kind == "event" else e.record.claimants)]
    assert visible == with_hrana and visible
    assert page.locator("#tl-count").inner_text() == f"Showing {len(with_hrana)} of {len(entries)} entries"
    assert "actor=hrana" in page.url
    screenshot(page, "timeline-filtered-hrana")
    page.select_option("#tl-actor", "")
    page.select_option("#tl-tag", "nuclear-program")
    visible = page.eval_on_selector_all("li.tl-entry:not([hidden])", "els => els.map(e => e.id)")
    assert visible == [f"{e.kind}-{e.record.id}" for e in entries if "nuclear-program" in e.record.tags]
    page.select_option("#tl-kind", "claim")
    assert all(i.startswith("claim-") for i in page.eval_on_selector_all("li.tl-entry:not([hidden])", "els => els.map(e => e.id)"))
    # a filtered link can be shared: the filters are read back from the URL
    page.goto(site_url + "timeline/?actor=donald-trump")
    visible = page.eval_on_selector_all("li.tl-entry:not([hidden])", "els => els.map(e => e.id)")
    with_trump = [f"{e.kind}-{e.record.id}" for e in entries if "donald-trump" in (e.record.actors if e.kind == "event" else e.record.claimants)]
    assert visible and visible == with_trump


def test_timeline_without_javascript_is_the_complete_list(browser, site_url, model):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "timeline/")
    assert page.locator("li.tl-entry").count() == len(timeline.timeline_entries(model))
    assert page.locator("li.tl-entry:visible").count() == len(timeline.timeline_entries(model))
    assert not page.locator("#tl-filters").is_visible()
    context.close()


def test_timeline_shows_dates_at_their_true_precision(page, site_url):
    page.goto(site_url + "timeline/")
    bombing = page.locator("#event-israel-bombing-campaign-june-2025 .tl-date .date")
    assert bombing.inner_text() == "probably June 2025"
    assert bombing.get_attribute("title") == "Date as recorded: 2025-06?"
    sworn = page.locator("#event-trump-sworn-in .tl-date")
    assert sworn.inner_text() == "probably 20 January 2025"  # the article contradicts its own date


def test_excerpt_is_one_click_from_the_timeline(page, site_url, model):
    """From a timeline entry, its source link lands on the verbatim excerpt, highlighted in the archived text."""
    page.goto(site_url + "timeline/")
    event = model.events["us-jet-shoots-down-iranian-drone"]
    page.click("#event-us-jet-shoots-down-iranian-drone a.tl-source >> nth=0")
    page.wait_for_url("**/sources/seed-article/text/#excerpt-*")
    target = page.evaluate("location.hash.slice(1)")
    # an excerpt starting where another does is anchored by an empty <span> before the shared <mark>
    mark = page.locator(f"#{target}" if page.eval_on_selector(f"#{target}", "el => el.tagName") == "MARK" else f"#{target} ~ mark >> nth=0")
    words = " ".join(event.citations[0].excerpt.split())
    assert mark.is_visible() and " ".join(mark.text_content().split()) in words
    screenshot(page, "timeline-source-to-highlight")


def test_footnote_links_reach_the_right_excerpt(page, site_url, model):
    event = model.events["iran-protests"]
    page.goto(site_url + "events/iran-protests/")
    for number, citation in enumerate(event.citations, start=1):
        page.click(f"#ref-{number}")
        assert page.url.endswith(f"#cite-{number}")
        text = page.locator(f"li#cite-{number} blockquote.excerpt").inner_text()
        assert " ".join(text.split()) == " ".join(citation.excerpt.split())


def test_claim_page_compares_the_figures(page, site_url, model):
    page.goto(site_url + "claims/hrana-6854-protest-deaths/")
    page.click(".figure-table summary")  # the table behind the chart, one tap away
    rows = page.locator(".figure-table tbody tr")
    assert rows.count() == len(model.figures["iran-protest-deaths"]) == 2
    assert rows.nth(0).inner_text().split("\t")[:2] == ["Iranian officials", "more than 3,000 people"]
    assert rows.nth(1).inner_text().split("\t")[:2] == ["Human Rights Activists News Agency", "an estimated 6,854 people"]
    assert "current" in rows.nth(1).get_attribute("class")
    assert page.locator(".relation-differs a").count() == 2  # the other claim and its claimant, one line; this one is the evidence card
    assert page.locator(".figure-table caption").inner_text() == "Deaths in the protests: the figures given"
    assert page.locator(".figure-table thead").inner_text().split("\t")[3] == "Said in"
    screenshot(page, "claim-figures")


def test_claim_page_shows_the_reported_via_chain(page, site_url):
    page.goto(site_url + "claims/source-one-take-it-or-leave-it/")
    # one provenance: the drawing, an ordered list of linked boxes (the chain in words is only where nothing is drawn)
    boxes = page.locator("ol.prov-chain > li > a")
    assert boxes.first.inner_text().split("\n")[-1].strip() == "First source familiar with the discussions"
    assert page.locator("dl.facts .chain").count() == 0
    page.click("ol.prov-chain a[href$='/sources/seed-article/']")
    page.wait_for_url("**/sources/seed-article/")
    page.click("dl.facts a.reader-link")  # the archived text, on its reader page
    page.wait_for_url("**/sources/seed-article/text/")
    assert "Take it or leave it" in page.content()


def test_disputes_side_by_side(page, site_url):
    page.goto(site_url + "disputes/")
    groups = page.locator("section.dispute, section.inconsistency")
    assert groups.count() == 2
    for index in range(2):
        cards = groups.nth(index).locator(".side-by-side > .claim-card")
        boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
        assert len(boxes) == 2 and abs(boxes[0]["y"] - boxes[1]["y"]) < 1 and boxes[0]["x"] < boxes[1]["x"]
    screenshot(page, "disputes")


def test_search_finds_a_record(page, site_url):
    page.goto(site_url)
    search(page, "Abraham Lincoln")
    results = page.locator(".tracker-search-results").inner_text()
    assert "U.S. fighter jet shot down an Iranian drone near the USS Abraham Lincoln" in results
    screenshot(page, "search")
    page.click(".tracker-search-title:has-text('shot down an Iranian drone')")
    page.wait_for_url("**/events/us-jet-shoots-down-iranian-drone/**")


def test_search_by_actor_name_finds_the_actor_and_their_claims(page, site_url):
    page.goto(site_url)
    search(page, "Human Rights Activists")
    titles = page.locator(".tracker-search-title").all_inner_texts()
    facts = page.locator(".tracker-search-facts").all_inner_texts()
    assert any(fact.startswith("Actor") for fact in facts)
    assert any(fact.startswith("Claim") and "Human Rights Activists News Agency" in fact for fact in facts)  # the claimant is shown
    assert any("6,854" in title for title in titles)


def test_search_filter_shows_exactly_the_disputed_claims(page, site_url, model):
    disputed = {c.statement for c in model.claims.values() if c.status == "disputed"}
    page.goto(site_url)
    search(page, "", status="Disputed")
    page.click(".tracker-search-more") if page.locator(".tracker-search-more").is_visible() else None
    wait_until(page, "() => document.querySelector('.tracker-search-more').hidden")
    shown = page.locator(".tracker-search-result").count()
    assert shown == len(disputed) > 0
    assert all("Disputed" in fact for fact in page.locator(".tracker-search-facts").all_inner_texts())
    assert "status=Disputed" in page.url  # the selection is kept in the address
    screenshot(page, "search-disputed")


def test_search_loads_the_filter_menus_only_when_the_reader_opens_them(page, site_url):
    """A query downloads no filter index (every actor and tag with counts: the largest part of a
    first visit); opening the filters loads them, and an address naming a filter opens them."""
    fetched: list[str] = []
    page.context.on("request", lambda request: fetched.append(request.url))  # the worker's fetches too
    page.goto(site_url)
    search(page, "Abraham Lincoln")
    assert page.locator(".tracker-search-result").count() >= 1
    assert not [url for url in fetched if "/pagefind/filter/" in url]
    assert page.get_attribute(".tracker-search-filters", "open") is None
    page.click(".tracker-search-filters > summary")
    page.wait_for_selector(".tracker-search-filters select[name=status]")
    assert [url for url in fetched if "/pagefind/filter/" in url]
    page.goto(site_url + "search/?status=Disputed")
    page.wait_for_selector(".tracker-search-filters select[name=status]")
    assert page.get_attribute(".tracker-search-filters", "open") is not None
    assert page.input_value(".tracker-search-filters select[name=status]") == "Disputed"


def test_search_finds_a_word_only_in_an_excerpt(page, site_url):
    """'tempo' occurs in the article only inside a cited excerpt; search finds the record citing it."""
    page.goto(site_url)
    search(page, "tempo")
    assert page.locator(".tracker-search-result").count() >= 1
    assert "tempo" in page.locator(".tracker-search-excerpt mark").first.inner_text().lower()


def test_search_page_without_javascript_points_to_the_indexes(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/")
    text = page.locator("article").inner_text()
    assert "Search needs JavaScript" in text and "Timeline" in text
    context.close()


def test_dark_palette(page, site_url):
    page.goto(site_url + "claims/hrana-6854-protest-deaths/")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.click("form[data-md-component=palette] label >> visible=true")
    wait_until(page, "() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    screenshot(page, "claim-dark")


def test_record_pages_carry_json_ld_edit_link_and_title(page, site_url):
    page.goto(site_url + "events/us-jet-shoots-down-iranian-drone/")
    data = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    assert data["@type"] == "Event" and data["location"]["name"] == "Arabian Sea"
    assert page.title().startswith("U.S. fighter jet")
    edit = page.locator("a.md-content__button[href*='/edit/main/data/events/us-jet-shoots-down-iranian-drone.yaml']")
    assert edit.count() == 1
    assert page.locator("meta[name=description]").get_attribute("content")


# One axe scan per page family and palette: pages of a family come from one template, so a second page
# of it scans the same markup again. The live site's families are scanned again by test_live_browser.py.
FAMILIES = {
    "home": "",
    "timeline": "timeline/",
    "event": "events/us-jet-shoots-down-iranian-drone/",
    "claim": "claims/hrana-6854-protest-deaths/",
    "actor": "actors/hrana/",
    "source": "sources/seed-article/",
    "reader": "sources/seed-article/text/",
    "disputes": "disputes/",
    "list": "sources/",
    "prose": "about/",
    "methodology": "methodology/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_no_serious_accessibility_violations(browser, site_url, family, scheme):
    """Light and dark palettes, as Material picks them from the reader's system preference."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    seen = watch(page, site_url)
    page.goto(site_url + FAMILIES[family])
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    screenshot(page, f"axe-{family}-{scheme}")
    context.close()
    assert serious == []
    assert seen.dialogs == [] and seen.errors == [] and seen.offsite == []


def test_downloads_reach_the_dump_the_csvs_and_an_actor_feed(page, site_url, model):
    """As a new user: from the home page to the Downloads page, then fetch what it lists."""
    page.goto(site_url)
    page.click("text=Downloads >> nth=-1")
    page.wait_for_url("**/downloads/")
    dump_href = page.get_attribute("a[href$='api/v2/dump.json.gz']", "href")
    dump = json.loads(gzip.decompress(page.request.get(page.url + dump_href).body()))  # a .gz file, served as it is
    assert sum(len(dump[kind]) for kind in ("events", "claims", "actors", "sources")) == len(model.all_records())
    csv_links = page.eval_on_selector_all("a[href$='.csv']", "els => els.map(e => e.href)")
    assert any(link.endswith("csv/claims.csv") for link in csv_links)
    for link in csv_links:
        response = page.request.get(link)
        assert response.ok and response.headers["content-type"].startswith("text/csv")
    page.goto(site_url + "actors/hrana/")
    feed = page.request.get(page.url + page.get_attribute("p.feed-link a", "href"))
    assert feed.ok and b"<feed" in feed.body() and b"6,854" in feed.body()
    # no <link rel=alternate>: Material would fetch a sitemap.xml beside each one
    assert page.locator("link[rel=alternate]").count() == 0


def test_live_preview_reloads_the_open_page_after_an_edit(browser, mini):
    """`make serve`: the page open in the browser reloads by itself after an edit (its reload script is
    allowed by the preview's policy), with no policy violation, error or request elsewhere."""
    with live_preview(mini) as base:
        root = base.split("/iran-us-talks/")[0] + "/"  # the reload script polls the server's root
        context = browser.new_context()
        page = context.new_page()
        seen = watch(page, root)
        goto_when_served(page, base + "events/statement/")  # once the server serves its first build
        assert "Pezeshkian posted a statement on X" in page.inner_text("h1")
        edit(mini / "events" / "statement.yaml", "Pezeshkian posted a statement on X", "Reloaded by the preview")
        page.wait_for_selector("h1:has-text('Reloaded by the preview')", timeout=60000)
        assert seen.dialogs == [] and seen.errors == [] and seen.offsite == []
        context.close()
