"""The drawings in Chromium, on the real built site: the timeline page, the home and an actor page,
a claim page with its figures chart and provenance, a source page and the archived text's reader page."""

from __future__ import annotations

from datetime import date

import pytest

from browser import ARTIFACTS, screenshot, watch
from conftest import REPO, STORY_DATA
from tracker.check.validate import validate
from tracker.model import archived
from tracker.model import records as model_mod
from tracker.render import pages
from tracker.render.draw import timeline

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


def test_one_mark_per_entry_with_extents_of_its_parsed_bounds(page, model):
    entries = pages.timeline.timeline_entries(model)
    data = page.eval_on_selector("svg.tl-svg", "s => [s.dataset.start, s.dataset.end, +s.dataset.left, +s.dataset.right]")
    scale = timeline.Scale(date.fromisoformat(data[0]), date.fromisoformat(data[1]), data[2], data[3])
    drawn = page.eval_on_selector_all(
        "a.tl-mark",
        """els => els.map(a => { const s = a.querySelector('rect, circle:not(.tl-halo)'); const b = s.getBBox();
           return [a.getAttribute('href').split('#')[1], s.tagName, b.x, b.x + b.width]; })""",
    )
    assert sorted(d[0] for d in drawn) == sorted(f"{e.kind}-{e.record.id}" for e in entries)
    by_id = {f"{e.kind}-{e.record.id}": e for e in entries}
    for entry_id, tag, x0, x1 in drawn:
        ext = timeline.extent(scale, by_id[entry_id].date)
        if ext.point:
            assert tag == "circle" and abs((x0 + x1) / 2 - ext.x0) < 0.1, entry_id
        else:
            assert tag == "rect" and abs(x0 - ext.x0) < 0.1 and abs(x1 - ext.x1) < 0.1, entry_id
    screenshot(page, "drawn-timeline-page")
    shot(page, "drawn-timeline")


def test_clicking_a_mark_lands_on_its_entry(page):
    page.click("#tlm-event-trump-sworn-in")
    assert page.evaluate("location.hash") == "#event-trump-sworn-in"
    assert page.locator("#event-trump-sworn-in").is_visible()
    top, height = page.evaluate("(() => [document.getElementById('event-trump-sworn-in').getBoundingClientRect().top, innerHeight])()")
    assert -2 <= top < height, (top, height)  # scrolled to it (sub-pixel rounding above the top)


def test_the_drawing_follows_the_filters(page):
    page.select_option("#tl-actor", "hrana")
    page.wait_for_timeout(100)
    listed = page.eval_on_selector_all("li.tl-entry:not([hidden])", "els => els.map(e => e.id)")
    drawn = page.eval_on_selector_all("a.tl-mark:not(.tl-filtered)", "els => els.map(e => e.getAttribute('href').split('#')[1])")
    assert listed and sorted(drawn) == sorted(listed)
    # the rows left empty close up: the drawing is shorter, the shown marks right under their lane's name
    assert page.eval_on_selector("svg.tl-svg", "s => s.viewBox.baseVal.height") < 200
    tops = page.eval_on_selector_all("a.tl-mark:not(.tl-filtered)", "els => els.map(a => a.getBoundingClientRect().top)")
    claims_lane = page.eval_on_selector_all(".tl-lane", "els => els.map(t => t.getBoundingClientRect().top)")[-1]
    assert max(tops) < claims_lane + 50
    shot(page, "drawn-timeline-filtered-hrana")
    page.select_option("#tl-actor", "")
    page.wait_for_timeout(100)
    assert page.locator("a.tl-mark.tl-filtered").count() == 0
    assert page.eval_on_selector("svg.tl-svg", "s => s.viewBox.baseVal.height") > 600


def test_the_zoom_control_moves_nothing(browser, site_url):
    """The control joins a line of fixed height: the drawing is where it is without JavaScript."""
    tops = []
    for javascript in (False, True):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
        page = context.new_page()
        page.goto(site_url + TIMELINE)
        tops.append(page.eval_on_selector("svg.tl-svg", "s => s.getBoundingClientRect().top"))
        assert page.locator("label.tl-zoom").count() == (1 if javascript else 0)
        context.close()
    assert tops[0] == tops[1]


def test_zoom_to_a_month_widens_its_marks(page):
    selector = "#tlm-event-israel-bombing-campaign-june-2025 rect"
    before = page.eval_on_selector(selector, "r => r.getBBox().width")
    page.select_option("label.tl-zoom select", "2025-6")
    left = page.eval_on_selector("svg.tl-svg", "s => +s.dataset.left")
    x, width = page.eval_on_selector(selector, "r => [r.getBBox().x, r.getBBox().width]")
    assert abs(x - left) < 2 and width > 10 * before  # June 2025 now spans the plot (coordinates are rounded to 0.1 before the zoom)
    shot(page, "drawn-timeline-zoom-june-2025")
    page.select_option("label.tl-zoom select", "")
    assert abs(page.eval_on_selector(selector, "r => r.getBBox().width") - before) < 0.1


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
    link = page.locator("#cite-1 a.reader-link")
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


def test_zoom_writes_the_month_names_it_needs(page):
    """Month names are not in the page while months are too narrow to read; zooming writes them, and takes them away again."""
    assert page.locator("svg.tl-svg .tl-tick-month").count() == 0
    years = page.eval_on_selector_all("svg.tl-svg .tl-tick", "els => els.map(t => t.textContent)")
    assert years == ["2024", "2025", "2026", "2027"]
    page.select_option("label.tl-zoom select", "2025")
    months = page.eval_on_selector_all("svg.tl-svg .tl-tick-month", "els => els.map(t => t.textContent)")
    assert months == ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    left, right = page.eval_on_selector("svg.tl-svg", "s => [+s.dataset.left, +s.dataset.right]")
    feb = page.eval_on_selector("svg.tl-svg .tl-tick-month", "t => +t.getAttribute('x')")
    assert abs(feb - 2 - (left + (right - left) * 31 / 365)) < 0.2  # February begins 31 days into 2025's width
    page.select_option("label.tl-zoom select", "")
    assert page.locator("svg.tl-svg .tl-tick-month").count() == 0


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


def test_marks_and_boxes_have_their_words_as_accessible_names(page, site_url):
    """A mark's <title> names its link (no aria-label needed); a provenance box is named by its own words."""
    names = _link_names(page)
    sworn = next(name for url, name in names.items() if url.endswith("#event-trump-sworn-in") and "sworn in" in name)
    assert sworn == "Donald Trump was sworn in as President after being reelected — 20 January 2025, uncertain"
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
