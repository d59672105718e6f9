"""The drawn timeline in Chromium, on a page made of the real list and the drawing for the seed data,
with the site's scripts and Content-Security-Policy (until the page layer puts the drawing on the site)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from browser import ARTIFACTS, screenshot, serve, watch
from conftest import REPO
from tracker import csp, render
from tracker import model as model_mod
from tracker.draw import timeline
from tracker.validate import validate

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
    drawing = timeline.timeline_svg(timeline.marks_from_entries(render.timeline_entries(model)))
    listing = render.timeline_pages(model)[0].markdown
    body = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Timeline</title>'
        '<link rel="stylesheet" href="stylesheets/drawings.css"></head>'
        f"<body>{drawing}{listing}"
        '<script src="javascripts/timeline.js"></script><script src="javascripts/drawings.js"></script></body></html>'
    )
    (root / "index.html").write_text(csp.add_policy(body), "utf-8")
    with serve(root) as url:
        yield url


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
    entries = render.timeline_entries(model)
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
