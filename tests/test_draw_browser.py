"""The drawn timeline in Chromium, on a page made of the real list and the drawing for the seed data,
with the site's scripts and Content-Security-Policy (until the page layer puts the drawing on the site)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import ARTIFACTS, screenshot, serve, watch
from conftest import REPO
from tracker import csp, pages
from tracker import model as model_mod
from tracker.draw import figures, provenance, source_reader, timeline
from tracker.model import claim_date
from tracker.validate import validate
from tracker.words import record_label

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def model():
    return model_mod.build(validate(REPO / "data").dataset)


@pytest.fixture(scope="module")
def site_url(model, tmp_path_factory):
    root = tmp_path_factory.mktemp("drawing")
    for name in ("javascripts/timeline.js", "javascripts/drawings.js", "stylesheets/drawings.css"):
        (root / name).parent.mkdir(exist_ok=True)
        shutil.copy(REPO / "docs" / name, root / name)
    drawing = timeline.timeline_svg(timeline.marks_from_entries(pages.timeline.timeline_entries(model)))
    listing = pages.timeline.timeline_pages(model)[0].markdown
    body = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timeline</title>'
        '<link rel="stylesheet" href="stylesheets/drawings.css"></head>'
        f"<body>{drawing}{listing}"
        '<script src="javascripts/timeline.js"></script><script src="javascripts/drawings.js"></script></body></html>'
    )
    (root / "index.html").write_text(csp.add_policy(body), "utf-8")
    for name, scheme in (("others.html", "default"), ("others-dark.html", "slate")):
        (root / name).write_text(csp.add_policy(others_page(model, scheme)), "utf-8")
    with serve(root) as url:
        yield url


# Material's palette variables as the theme sets them, so that contrast is checked as on the site.
SCHEMES = {
    "default": "--md-default-fg-color:rgba(0,0,0,.87);--md-default-fg-color--light:rgba(0,0,0,.54);--md-default-bg-color:#fff;--md-typeset-a-color:#546e7a;background:#fff;color:rgba(0,0,0,.87)",
    "slate": "--md-default-fg-color:hsla(232,75%,95%,.82);--md-default-fg-color--light:hsla(232,75%,90%,.56);--md-default-bg-color:hsl(232,15%,14%);--md-typeset-a-color:#78909c;"
    "background:hsl(232,15%,14%);color:hsla(232,75%,95%,.82)",
}


def others_page(model, scheme: str) -> str:
    """The figures chart, two provenance diagrams, the compact timeline and the source reader on one page."""
    source = model.sources["seed-article"]
    raw = (REPO / source.seed).read_text("utf-8")
    parts = [
        "<h1>Drawings</h1><h2>Figures</h2>",
        figures.figures_svg(
            model,
            "iran-protest-deaths",
            record_href=lambda c: f"#{c}",
            claim_date=lambda c: claim_date(model, model.claims[c])[0],
            highlight="hrana-6854-protest-deaths",
        ),
        "<h2>Provenance of a claim</h2>",
        provenance.provenance_svg(model, model.claims["source-one-take-it-or-leave-it"], record_href=lambda r: f"#{r}", seed_href=lambda s: "#reader"),
        "<h2>Provenance of a document</h2>",
        provenance.provenance_svg(model, model.sources["daily-mail-report"], record_href=lambda r: f"#{r}", seed_href=lambda s: "#reader", prefix="prov2"),
        "<h2>At a glance</h2>",
        timeline.timeline_svg(timeline.marks_from_entries(pages.timeline.timeline_entries(model)), compact=True, width=640, prefix="tlc"),
        '<h2 id="reader">The archived article</h2>',
        source_reader.reader_html(model, source, raw, lambda r: f"#{r}", lambda r: record_label(model.get(r), 60)),
    ]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Drawings</title>'
        f'<link rel="stylesheet" href="stylesheets/drawings.css"><style>body {{ font-family: sans-serif; max-width: 760px; margin: 1em auto; {SCHEMES[scheme]} }} a {{ color: var(--md-typeset-a-color) }}</style></head>'
        f'<body data-md-color-scheme="{scheme}"><main>{"".join(parts)}</main></body></html>'
    )


def shot(page, name: str) -> None:
    """A screenshot of the drawing alone (the whole page is mostly the list)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("figure.tl-drawing").screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = watch(page, site_url)
    page.goto(site_url)
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
           return [a.dataset.entry, s.tagName, b.x, b.x + b.width]; })""",
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
    drawn = page.eval_on_selector_all("a.tl-mark:not(.tl-filtered)", "els => els.map(e => e.dataset.entry)")
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
        page.goto(site_url)
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


@pytest.mark.parametrize("name", ["index.html", "others.html", "others-dark.html"])
def test_no_serious_accessibility_violations(page, site_url, name):
    page.goto(site_url + name)
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    screenshot(page, "drawings-" + name.removesuffix(".html"))


def test_reader_highlights_link_to_their_records(page, site_url, model):
    page.goto(site_url + "others.html")
    source = model.sources["seed-article"]
    cited = source_reader.citations_of(model, source)
    anchors = source_reader.excerpt_anchors(model, source, (REPO / source.seed).read_text("utf-8"))
    assert page.locator("mark.excerpt[id^='excerpt-']").count() + page.locator("span[id^='excerpt-']").count() == len(anchors) == len(cited)
    page.goto(site_url + "others.html#excerpt-1")
    assert page.locator("#excerpt-1").is_visible()
    citers = page.eval_on_selector_all(".excerpt-cites a", "els => els.map(a => a.getAttribute('href').slice(1))")
    assert set(citers) == {rid for ids in cited.values() for rid in ids}
