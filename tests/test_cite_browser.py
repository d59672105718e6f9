"""A record's ready citation in a real browser: the reader's access date written in, copied in one click (docs/javascripts/cite.js)."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from browser import screenshot, watch

pytestmark = pytest.mark.browser

CLAIM = "claims/hrana-6854-protest-deaths/"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_journalist_copies_the_citation_of_a_claim_in_one_click(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.watch = watch(page, site_url)
    page.goto(site_url + CLAIM)
    block = page.locator(".cite-this")
    today = datetime.date.today()
    accessed = f"{today.day} {today.strftime('%B')} {today.year}"
    assert block.locator(".cite-accessed").inner_text() == accessed  # the reader's day, not the build's
    block.scroll_into_view_if_needed()
    button = block.locator("button.cite-copy")
    assert button.bounding_box()["height"] >= 44  # a finger's target on a phone
    button.click()
    expect(block.locator(".cite-status")).to_have_text("Copied.")  # the copy is asynchronous: wait for it, as a reader does
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“The Human Rights Activists News Agency estimated that 6,854 people died in the unrest.” Iran–US Talks Tracker")
    assert copied.endswith(f"https://newstrace.github.io/iran-us-talks/{CLAIM}. Accessed {accessed}.")  # the site's address, not the test server's
    screenshot(page, f"cite-{width}")
    assert page.watch.dialogs == [] and page.watch.errors == [] and page.watch.offsite == []
    context.close()


def test_without_javascript_the_citation_is_there_to_select(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CLAIM)
    text = page.locator(".cite-this .cite-text").inner_text()
    assert text.endswith(f"/{CLAIM}. Accessed [the day you read it].") and page.locator("button.cite-copy").count() == 0
    context.close()
