"""The payload site in a real browser: no payload runs, loads anything from elsewhere, or goes missing.

Every page of the payload site (tests/hostile/payloads.py: every payload in every text field)
is loaded in Debian's Chromium. On each page every element of the content is hovered, focused
and clicked by synthetic events (links do not navigate), so that an injected event handler
would fire. The page must open no dialog (the payloads call alert()), raise no error and ask
no other host for anything; and the text of every field must be visible as written.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Error as PlaywrightError

from browser import PageWatch, note_policy_violation, search, serve
from hostile import sites
from hostile.htmlcheck import normalise
from hostile.payloads import PAYLOADS, placements

pytestmark = pytest.mark.browser

# Fire the events an injected handler would wait for, on every element of the page body.
PROVOKE = """() => {
  const keep = event => event.preventDefault();
  window.addEventListener('click', keep, true);
  window.addEventListener('submit', keep, true);
  let count = 0;
  for (const el of document.body.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'click', 'animationstart']) {
      el.dispatchEvent(new Event(type, {bubbles: true, cancelable: true}));
    }
    count += 1;
  }
  return count;
}"""


def watch_offsite(page, base_url: str) -> PageWatch:
    """Like browser.watch, but only requests to other hosts reach Python (a regex the driver matches),
    which keeps loading every page of the site fast. Those requests are recorded and aborted."""
    seen = PageWatch()

    def on_dialog(dialog) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_offsite(route) -> None:
        seen.offsite.append(route.request.url)
        route.abort()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
    page.on("console", lambda message: note_policy_violation(seen, message))
    page.route(re.compile(rf"^(?!{re.escape(base_url)}|data:|blob:|about:)"), on_offsite)
    return seen


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    """The built payload site (shared with tests/test_hostile.py)."""
    return sites.payload_sites(tmp_path_factory)[0]


@pytest.fixture(scope="module")
def payload_url(payload_site):
    """The payload site served on 127.0.0.1."""
    with serve(payload_site) as url:
        yield url


@pytest.fixture(params=[False], ids=["with-csp"])
def tab(browser, payload_url, request):
    """A fresh browser tab and what it does that it must not (``bypass_csp``: as if the site had no policy)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=request.param)
    page = context.new_page()
    seen = watch_offsite(page, payload_url)
    yield page, seen
    context.close()


INJECTED_PAYLOAD = '<b onmouseover="alert(1)">x</b><img src=x onerror="alert(2)"><img src="https://evil.example/pixel.png">'


def test_every_page_runs_no_payload_and_shows_every_field(tab, payload_site, payload_url):
    """Every page: no dialog, no error, no request elsewhere after PROVOKE; record pages show each field as written."""
    page, seen = tab
    expected: dict[str, list[tuple[str, str]]] = {}
    for placement in placements():
        expected.setdefault(placement.page, []).append((placement.field, placement.value))
    problems: dict[str, list[str]] = {}
    names = sorted(p.relative_to(payload_site).as_posix() for p in payload_site.rglob("*.html"))
    assert len(names) > 4 * len(PAYLOADS)
    for name in names:
        before = (len(seen.dialogs), len(seen.errors), len(seen.offsite))
        page.goto(payload_url + name, wait_until="load")
        assert page.evaluate(PROVOKE) > 0
        page.wait_for_timeout(20)
        found = [*seen.dialogs[before[0] :], *seen.errors[before[1] :], *seen.offsite[before[2] :]]
        if name in expected:
            shown = normalise(page.inner_text("body"))
            found += [f"{field} not shown as written" for field, value in expected[name] if normalise(value) not in shown]
        if found:
            problems[name] = found
    assert problems == {}


@pytest.mark.parametrize("tab", [True], indirect=True, ids=["csp-bypassed"])
def test_the_browser_checks_notice_a_payload_that_runs(tab, payload_url):
    """Control: markup that did get into a page would be caught (a handler fired by PROVOKE, an onerror, a request elsewhere).

    The policy is bypassed here, as if the site had none: with it, nothing of this runs (next test)."""
    page, seen = tab
    page.goto(payload_url + "events/event-p00/")
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", INJECTED_PAYLOAD)
    page.evaluate(PROVOKE)
    for _ in range(200):  # the onerror waits for the local server's 404: up to 10 s on a busy machine
        if len(seen.dialogs) >= 2 and seen.offsite:
            break
        page.wait_for_timeout(50)
    assert sorted(seen.dialogs) == ["alert: 1", "alert: 2"]
    assert seen.offsite == ["https://evil.example/pixel.png"]


def test_the_content_security_policy_stops_a_payload_that_got_in(tab, payload_url):
    """Behind escaping and nh3: injected markup fires no handler and loads nothing from elsewhere; an injected script does not run."""
    page, seen = tab
    page.goto(payload_url + "events/event-p00/")
    page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", INJECTED_PAYLOAD)
    page.evaluate(PROVOKE)
    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.__injected = true")
    page.wait_for_timeout(1000)  # as long as the control above waits, at most, on an idle machine
    assert seen.dialogs == [] and seen.offsite == []
    assert page.evaluate("() => window.__injected === undefined")
    assert any("Content Security Policy" in error for error in seen.errors)  # the browser says what it blocked


# Elements and attributes that must not exist inside search results or highlighted content.
INJECTED = """root => [...root.querySelectorAll('*')].filter(el =>
  ['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM', 'STYLE', 'B'].includes(el.tagName) ||
  [...el.attributes].some(a => a.name.startsWith('on') || a.name === 'data-pwn')
).map(el => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("word", ["data", "onerror", "srcdoc", "pixel", "heading"])
def test_search_results_show_payloads_as_text(tab, payload_url, word):
    """Search results (titles, facts, excerpts) are built with DOM methods: payloads found by search stay text."""
    page, seen = tab
    page.goto(payload_url)
    search(page, word)  # generous timeouts: CI shares two cores
    results = page.locator(".tracker-search-results")
    assert results.locator(".tracker-search-result").count() > 0
    assert results.evaluate(INJECTED) == []
    assert "<" in results.inner_text()  # payload markup is shown as text
    results.locator(".tracker-search-title").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article").evaluate(INJECTED) == []
    assert seen.dialogs == [] and seen.errors == [] and seen.offsite == []


@pytest.mark.parametrize("query", ["<img src=x onerror=alert(1)>", '"><svg onload=alert(2)>', "javascript:alert(3)"])
def test_highlight_parameter_is_not_markup(tab, payload_url, query):
    """?h= (search.highlight) marks matches on the page; a hostile value must not become markup."""
    page, seen = tab
    page.goto(f"{payload_url}events/event-p00/?h={quote(query)}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    assert page.locator("article").evaluate(INJECTED) == []
    assert seen.dialogs == [] and seen.errors == [] and seen.offsite == []
