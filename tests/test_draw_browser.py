"""The drawings in Chromium, on the real built site: the timeline page, the home and an actor page,
a claim page with its figures chart and provenance, a source page and the archived text's reader page."""

from __future__ import annotations

import pytest

from browser import ARTIFACTS, screenshot, watch
from conftest import REPO, STORY_DATA
from tracker.check.validate import validate
from tracker.model import archived
from tracker.model import records as model_mod
from tracker.render import pages

pytestmark = pytest.mark.browser

TIMELINE = "timeline/"
CLAIM = "claims/hrana-6854-protest-deaths/"
NEW_PAGES = {
    "timeline": TIMELINE,
    "home": "",
    "actor": "actors/hrana/",
    "claim": CLAIM,
    "source": "sources/seed-article/",
    "reader": "sources/seed-article/text/",
    "disputes": "disputes/",
}


@pytest.fixture(scope="module")
def model():
    return model_mod.build(validate(STORY_DATA).dataset)


def shot(page, name: str) -> None:
    """A screenshot of the drawing alone (the whole page is mostly the list)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("figure.tl-drawing").screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = watch(page, site_url)
    page.goto(site_url + TIMELINE)
    yield page
    assert page.watch.dialogs == [] and page.watch.errors == [] and page.watch.offsite == []
    context.close()


# every piece of text the drawings show: the story line's and the band's
DRAWN_TEXT = "figure.tl-drawing p, figure.tl-drawing .tl-st a, figure.tl-drawing .tl-st span:not(.tl-tip), figure.tl-drawing .tl-band a span"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_drawing_reads_in_the_list_order_readably(browser, site_url, model, width, scheme):
    """At 1280 and 390 px, light and dark: the story line's links in the list's order, its text at least 12 CSS px, no sideways scroll."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width == 390 else 900}, color_scheme=scheme)
    page = context.new_page()
    page.watch = watch(page, site_url)
    page.goto(site_url + TIMELINE)
    drawn = page.eval_on_selector_all("figure.tl-story a[id^='tlm-']", "els => els.map(a => a.getAttribute('href').slice(1))")
    listed = page.eval_on_selector_all("li.tl-entry", "els => els.map(e => e.id)")
    assert drawn == listed == [f"{e.kind}-{e.record.id}" for e in pages.timeline.timeline_entries(model)]
    sizes = page.eval_on_selector_all(DRAWN_TEXT, "els => els.filter(e => e.offsetParent).map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 12, min(sizes)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # the first screen says where the story runs and that its 2026 part has no exact dates
    summary = page.locator(".tl-story-summary")
    assert "from January 2025 to probably 2026" in summary.inner_text()
    if width == 390:
        assert summary.bounding_box()["y"] + summary.bounding_box()["height"] <= 844
    screenshot(page, f"timeline-{width}-{scheme}")
    shot(page, f"storyline-{width}-{scheme}")
    page.goto(site_url)
    band = page.locator("figure.tl-band-figure")
    assert band.count() == 1 and "January 2026" not in band.inner_text()
    sizes = page.eval_on_selector_all(DRAWN_TEXT, "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 12 and page.evaluate("document.documentElement.scrollWidth") <= width
    band.screenshot(path=str(ARTIFACTS / f"band-{width}-{scheme}.png"))
    assert page.watch.dialogs == [] and page.watch.errors == [] and page.watch.offsite == []
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_clicking_an_entry_lands_on_its_list_entry(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + TIMELINE)
    for target in ("event-trump-warns-supreme-leader", "claim-hrana-6854-protest-deaths"):
        page.goto(site_url + TIMELINE)
        page.locator(f"#tlm-{target}").click()
        assert page.evaluate("location.hash") == f"#{target}"
        top, height = page.evaluate(f"(() => [document.getElementById('{target}').getBoundingClientRect().top, innerHeight])()")
        assert -2 <= top < height, (target, top, height)  # scrolled to it (sub-pixel rounding above the top)
    # a claim's dot shows its words on focus, within the page's width
    page.goto(site_url + TIMELINE)
    page.focus("#tlm-claim-hrana-6854-protest-deaths")
    tip = page.locator("#tlm-claim-hrana-6854-protest-deaths .tl-tip")
    box = tip.bounding_box()
    assert box and box["width"] > 100 and box["x"] + box["width"] <= width and "6,854" in tip.inner_text()
    context.close()


def test_the_drawing_follows_the_filters(page):
    page.select_option("#tl-actor", "hrana")
    page.wait_for_timeout(100)
    listed = page.eval_on_selector_all("li.tl-entry:not([hidden])", "els => els.map(e => e.id)")
    drawn = page.eval_on_selector_all("figure.tl-story a[id^='tlm-']", "els => els.filter(a => a.offsetParent).map(a => a.getAttribute('href').slice(1))")
    assert listed and drawn == listed
    shot(page, "storyline-filtered-hrana")
    page.select_option("#tl-actor", "")
    page.wait_for_timeout(100)
    assert page.eval_on_selector_all("figure.tl-story a[id^='tlm-']", "els => els.filter(a => !a.offsetParent).length") == 0


@pytest.mark.parametrize("name", sorted(NEW_PAGES))
def test_no_sideways_scroll_at_390(browser, site_url, name):
    """At a phone's width the page itself never scrolls sideways (a drawing may scroll inside its own box)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + NEW_PAGES[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, f"drawings-{name}-390")
    context.close()


def test_reader_highlights_link_to_their_records(page, site_url, model):
    page.goto(site_url + NEW_PAGES["reader"])
    source = model.sources["seed-article"]
    cited = archived.citations_of(model, source)
    anchors = archived.excerpt_anchors(model, source, (REPO / source.seed).read_text("utf-8"))
    assert page.locator("mark.excerpt[id^='excerpt-']").count() + page.locator("span[id^='excerpt-']").count() == len(anchors) == len(cited)
    page.goto(site_url + NEW_PAGES["reader"] + "#excerpt-1")
    assert page.locator("#excerpt-1").is_visible()
    citers = page.eval_on_selector_all(".excerpt-cites a", "els => els.map(a => a.href)")
    expected = {rid for ids in cited.values() for rid in ids}
    assert {href.rstrip("/").rsplit("/", 1)[-1] for href in citers} == expected
    assert page.locator(".uncited").count() > 0 and "covering" in page.inner_text(".reader-share")
    assert page.locator("a[download]").count() == 1


def test_a_citation_from_a_claim_lands_on_its_highlighted_excerpt(page, site_url, model):
    page.goto(site_url + CLAIM)
    claim = model.claims["hrana-6854-protest-deaths"]
    link = page.locator(".evidence-card a.ev-context")  # the one quote on the page, in the evidence card
    link.click()
    page.wait_for_load_state()
    assert "/sources/seed-article/text/#excerpt-" in page.url
    target = page.evaluate("location.hash.slice(1)")
    # an excerpt starting where another does is anchored by an empty <span> just before the shared <mark>
    highlight = "mark" if page.eval_on_selector(f"#{target}", "el => el.tagName") == "MARK" else "~ mark"
    mark = page.locator(f"#{target}" if highlight == "mark" else f"#{target} {highlight} >> nth=0")
    assert mark.is_visible()
    highlighted = mark.text_content()
    assert highlighted and highlighted.split()[0] in " ".join(claim.citations[0].excerpt.split())
    screenshot(page, "reader-from-claim-citation")


def test_figures_chart_and_provenance_on_the_claim_page(page, site_url):
    page.goto(site_url + CLAIM)
    assert page.locator("svg.fig-svg a[href]").count() == 2 and page.locator("svg.fig-svg a.fig-current").count() == 1
    assert page.locator("figure.fig-drawing + .figure-table table").count() == 1  # the table stays below as its text
    # a straight chain: an ordered list of linked boxes, each named by its own words
    assert page.locator("ol.prov-chain > li > a").count() >= 3
    names = page.eval_on_selector_all("ol.prov-chain a", "els => els.map(a => a.innerText.replace(/\\s+/g, ' '))")
    assert names[0].startswith("CLAIMANT") and "Human Rights Activists News Agency" in names[0]
    page.goto(site_url + "disputes/")
    assert page.locator("svg.fig-svg").count() >= 1


def _link_names(page) -> dict[str, str]:
    """Chromium's accessible names of the page's links, by the link's href (what a screen reader is given)."""
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    names = {}
    for node in nodes:
        if node.get("role", {}).get("value") == "link":
            props = {p["name"]: p.get("value", {}).get("value") for p in node.get("properties", [])}
            names[props.get("url") or ""] = node.get("name", {}).get("value", "")
    return names


def test_entries_and_boxes_have_their_words_as_accessible_names(page, site_url):
    """An entry of the story line is named by its words (a claim's dot too, though they show only on hover and focus);
    a provenance box is named by its own words."""
    names = _link_names(page)
    sworn = next(name for url, name in names.items() if url.endswith("#event-trump-sworn-in") and "sworn in" in name)
    assert sworn == "Donald Trump was sworn in as President after being reelected"
    hrana = next(name for url, name in names.items() if url.endswith("#claim-hrana-6854-protest-deaths"))
    assert hrana.startswith("Claim: The Human Rights Activists News Agency estimated that 6,854 people died")
    page.goto(site_url + "sources/araghchi-cnn-interview/")
    names = _link_names(page)
    current = next(name for url, name in names.items() if url.endswith("/sources/araghchi-cnn-interview/"))
    # the role, as shown (Chromium takes the box's uppercase as written), the title, and the note the box does not show
    assert (
        current
        == "THIS DOCUMENT Interview of Iranian Foreign Minister Abbas Araghchi by CNN, as the article reports it (known only through the report below it)"
    )


def test_provenance_boxes_sit_where_the_curves_meet_them(page, site_url):
    """Boxes side by side are HTML over an SVG of the curves: each box where the drawing put it, at 1280 and at 390."""
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site_url + "sources/araghchi-cnn-interview/")
        boxes = page.eval_on_selector(
            ".prov-graph",
            """g => { const o = g.getBoundingClientRect();
                 return [...g.querySelectorAll('li > a')].map(a => { const r = a.getBoundingClientRect();
                   return [Math.round(r.left - o.left), Math.round(r.top - o.top), Math.round(r.width), Math.round(r.height)]; }); }""",
        )
        # the drawing's layout: two boxes of 250 × 46 with 16 between, then one a layer centred under them, 30 apart
        assert boxes == [[4, 4, 250, 46], [270, 4, 250, 46], [137, 80, 250, 46], [137, 156, 250, 46], [137, 232, 250, 46]], width
        edges = page.eval_on_selector(".prov-graph svg.prov-edges", "s => [s.getBoundingClientRect().width, s.getBoundingClientRect().height]")
        assert edges == [524, 282]
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # on a phone it scrolls inside its own box
