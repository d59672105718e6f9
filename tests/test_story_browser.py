"""The story first (#16), in a real browser: the order of the timeline, disputes, the first screen, the phone.

Screenshots (desktop 1280×800 and phone 390×844) of the home page, the timeline, a claim and
the disputes go to test-artifacts/.
"""

from __future__ import annotations

import pytest

from browser import ARTIFACTS, screenshot, watch
from conftest import STORY_DATA
from tracker.check.validate import validate
from tracker.model import records as model_mod

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return model_mod.build(validate(STORY_DATA).dataset)


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# One page of every type a reader meets.
PAGE_TYPES = {
    "home": "",
    "timeline": "timeline/",
    "event": "events/us-jet-shoots-down-iranian-drone/",
    "claim": "claims/hrana-6854-protest-deaths/",
    "actor": "actors/hrana/",
    "source": "sources/seed-article/",
    "events index": "events/",
    "claims index": "claims/",
    "actors index": "actors/",
    "sources index": "sources/",
    "disputes": "disputes/",
    "methodology": "methodology/",
    "about": "about/",
    "data notes": "data-notes/",
    "downloads": "downloads/",
    "contributing": "contributing/",
    "search": "search/?q=Iran",
}


def _open(browser, site_url, viewport, path):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    seen = watch(page, site_url)
    page.goto(site_url + path)
    return context, page, seen


def _ids(page) -> list[str]:
    return page.eval_on_selector_all("li.tl-entry", "els => els.map(e => e.id)")


def test_timeline_reads_in_the_articles_order(browser, site_url):
    context, page, seen = _open(browser, site_url, DESKTOP, "timeline/")
    ids = _ids(page)
    position = ids.index
    # the warning followed the drone shootdown; the sanctions followed the swearing-in and fuelled the protests
    assert position("event-us-jet-shoots-down-iranian-drone") < position("event-trump-warns-supreme-leader")
    assert position("event-trump-sworn-in") < position("event-us-sanctions-on-iran-reinstated") < position("event-iran-protests")
    # each year is one section, in order, and the year links reach them
    years = page.eval_on_selector_all("section.tl-year", "els => els.map(e => e.dataset.year)")
    assert years == sorted(years) and len(years) == len(set(years))
    links = page.eval_on_selector_all("nav.tl-years a", "els => els.map(a => a.getAttribute('href'))")
    assert links == [f"#y-{y}" for y in years]
    page.click("nav.tl-years a >> nth=-1")
    assert page.evaluate("document.querySelector(':target').dataset.year") == years[-1] or page.url.endswith(links[-1])
    # entries placed by the order of the article say so; the undated bucket says what it is
    # (an entry whose date line its whole section shares has it said once, at the section's head)
    line = page.locator("#event-iran-protests .tl-date")
    if line.count() == 0:
        line = page.locator("section.tl-month:has(#event-iran-protests) > .tl-shared-date")
    assert line.locator(".tl-order").inner_text() in ("· in the order reported", "· after what it followed, as the article says")
    assert "exact date not given" in page.locator("section.tl-year[data-year='2026'] h3").first.inner_text()
    assert line.locator(".date").inner_text() == "Date not given; the article is probably from 2026"
    assert seen.errors == [] and seen.offsite == []
    context.close()


def test_timeline_offers_events_only_claims_only_or_both(browser, site_url):
    context, page, _ = _open(browser, site_url, DESKTOP, "timeline/")
    total = page.locator("li.tl-entry").count()
    page.select_option("#tl-kind", "event")
    assert page.locator("li.tl-entry:not([hidden])").count() == page.locator("li.tl-event").count() < total
    page.select_option("#tl-kind", "claim")
    assert page.locator("li.tl-entry:not([hidden])").count() == page.locator("li.tl-claim").count() < total
    page.select_option("#tl-kind", "")
    assert page.locator("li.tl-entry:not([hidden])").count() == total
    assert page.locator("#tl-kind option").all_inner_texts() == ["Events and claims", "Events only", "Claims only"]
    # tags by name, not slug
    assert "U.S. politics" in page.locator("#tl-tag").inner_text()
    context.close()


def test_a_source_contradicting_itself_is_not_a_dispute(browser, site_url):
    context, page, _ = _open(browser, site_url, DESKTOP, "disputes/")
    headings = page.locator("section.dispute h2").all_inner_texts()
    assert headings == ["How many died in the protests?"]
    inside = page.locator("section.inconsistency")
    assert inside.count() == 1
    assert "trump-sworn-in-january-2025" in inside.inner_html() and "trump-returned-to-office-january-2024" in inside.inner_html()
    assert page.locator("h2#within").inner_text().startswith("Where a source contradicts itself")
    # compatible figures are said to be compatible first, then why they still compete
    compatible = page.locator("section.dispute .dispute-compatible").inner_text()
    assert compatible.startswith("Strictly, these figures are compatible: An estimated 6,854 is also more than 3,000.")
    assert "Why they are still shown as competing" in compatible
    context.close()


def test_home_says_what_happened_and_what_is_disputed_on_the_first_screen(browser, site_url):
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context, page, _ = _open(browser, site_url, viewport, "")
        lead = page.locator(".story-lead p")
        assert 1 <= lead.count() <= 5
        assert all(lead.nth(i).locator("a.lead-ref").count() >= 1 for i in range(lead.count()))
        assert page.locator(".story-lead").bounding_box()["y"] < viewport["height"]
        box = page.locator(".disputed-box")
        assert "How many died in the protests?" in box.inner_text()
        assert "Iranian officials: more than 3,000 · Human Rights Activists News Agency: an estimated 6,854" in box.inner_text()
        if name == "desktop":
            assert box.bounding_box()["y"] < viewport["height"]
        assert page.locator(".rests-on").inner_text().startswith("The data rests on 1 document we hold")
        context.close()


def test_claim_quote_is_on_the_first_screen(browser, site_url, model):
    claim = model.claims["hrana-6854-protest-deaths"]
    for viewport in (DESKTOP, PHONE):
        context, page, _ = _open(browser, site_url, viewport, "claims/hrana-6854-protest-deaths/")
        quote = page.locator(".evidence-card .ev-excerpt blockquote")
        assert " ".join(quote.inner_text().split()) == " ".join(claim.citations[0].excerpt.split())
        box = quote.bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], f"quote ends at {box['y'] + box['height']:.0f} px at {viewport['width']} px wide"
        card = page.locator(".evidence-card").inner_text()
        assert "Claimed by Human Rights Activists News Agency" in card and "Said in" in card
        assert page.locator(".rationale, .ev-rationale").count() == 1  # the rationale once
        assert page.locator(".record-head .record-meta").count() == 0 and page.locator(".record-foot .record-meta").count() == 1
        if viewport is PHONE:  # the figures reflow: where it was said and how sure, on screen without scrolling sideways
            page.click(".figure-table summary")  # the table behind the chart, one tap away
            said_in = page.locator(".figure-table td:nth-child(4)").first
            assert said_in.is_visible() and said_in.bounding_box()["x"] + said_in.bounding_box()["width"] <= PHONE["width"]
            # each cell is labelled with its column's name, from the stylesheet
            label = said_in.evaluate("td => getComputedStyle(td, '::before').content")
            assert label == '"Said in: "'
            assert page.locator(".figure-table th").nth(3).inner_text() == "Said in"
        context.close()


# Elements of the page's text that stick out past the right edge, except inside a box that scrolls
# sideways itself (a wide table may): Material's layout can hide such overflow from scrollWidth.
STICKING_OUT = """(w) => {
  const out = [];
  for (const el of document.querySelectorAll('article *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= w + 1) continue;
    let a = el.parentElement, scrolls = false;
    for (; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if ((o === 'auto' || o === 'scroll') && a.getBoundingClientRect().right <= w + 1) { scrolls = true; break; }
    }
    if (!scrolls) out.push(el.tagName.toLowerCase() + '.' + el.className + ' ends at ' + Math.round(r.right));
  }
  return out;
}"""


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_page_scrolls_sideways_on_a_phone(browser, site_url, name):
    context, page, seen = _open(browser, site_url, PHONE, PAGE_TYPES[name])
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width} px wide at 390 px"
    assert page.evaluate(STICKING_OUT, PHONE["width"]) == []
    if name == "search":  # with results and filters shown
        page.wait_for_selector(".tracker-search-result", timeout=30000)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
        assert page.evaluate(STICKING_OUT, PHONE["width"]) == []
    assert seen.errors == [] and seen.offsite == []
    context.close()


@pytest.mark.parametrize("name", ["home", "timeline", "claim", "disputes"])
def test_screenshots_desktop_and_phone(browser, site_url, name):
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context, page, _ = _open(browser, site_url, viewport, PAGE_TYPES[name])
        path = screenshot(page, f"story-{name}-{label}")
        assert path.parent == ARTIFACTS and path.stat().st_size > 0
        context.close()
