"""The site of the live data/ in Chromium: what holds for any valid data set, so for any contribution.

What the pages say is tested on the frozen story (test_browser.py, test_story_browser.py,
test_draw_browser.py); here only what new records must never break: no serious accessibility
violation on the pages a contribution changes, and no page wider than a 390-px phone. These run
again, by tests/test_contribution.py, on a copy of the repository with a contribution added.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser import watch
from conftest import LIVE_DATA

pytestmark = pytest.mark.browser

KINDS = ("events", "claims", "actors", "sources")
SECTIONS = ["", "timeline/", "disputes/", "data-notes/", "about/", *(f"{kind}/" for kind in KINDS)]


def record_pages() -> list[str]:
    return [f"{kind}/{path.stem}/" for kind in KINDS for path in sorted(LIVE_DATA.glob(f"{kind}/*.yaml"))]


def first_of_each_kind() -> list[str]:
    """One record page of each kind (the first by id): what axe checks besides the sections."""
    return [next(p for p in record_pages() if p.startswith(f"{kind}/")) for kind in KINDS if any(LIVE_DATA.glob(f"{kind}/*.yaml"))]


def one_of_each_family() -> list[str]:
    """The sections, with the four lists of records as one family (one template), and one record page of each
    kind: one axe scan per page family (tests/test_browser.py scans the families in both palettes)."""
    return [path for path in SECTIONS if path not in {f"{kind}/" for kind in KINDS[1:]}] + first_of_each_kind()


@pytest.mark.parametrize("path", one_of_each_family())
def test_no_serious_accessibility_violations(browser, live_site_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = watch(page, live_site_url)
    page.goto(live_site_url + path)
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    context.close()
    assert serious == []
    assert seen.errors == [] and seen.offsite == []


def test_no_page_is_wider_than_a_phone(browser, live_site_url):
    """Every section and every record page at 390 px: a long word or URL in a new record must wrap, not widen the page."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    wide = []
    for path in SECTIONS + record_pages():
        page.goto(live_site_url + path)
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 390:
            wide.append(f"{path or 'home'}: {width} px")
    context.close()
    assert wide == []
