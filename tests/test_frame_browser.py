"""The theme's frame in Chromium, as written by overrides/ (issue #14): the phone's drawer offers every
section and page by keyboard, the chosen palette is set on the next page before it is drawn (from
docs/javascripts/frame.js, with no inline script), and the icons drawn from files have names."""

from __future__ import annotations

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from browser import screenshot, wait_until, watch
from conftest import REPO

pytestmark = pytest.mark.browser

CLAIM = "claims/hrana-6854-protest-deaths/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def nav_sections() -> list[tuple[str, list[str]]]:
    """mkdocs.yml's nav: each section's title and the titles of its pages."""
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["nav"]
    return [(title, [name for child in children for name in child]) for section in nav for title, children in section.items()]


def open_page(browser, site_url: str, viewport: dict, scheme: str = "light"):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.watch = watch(page, site_url)
    page.console_errors = []
    page.on("console", lambda message: page.console_errors.append(message.text) if message.type == "error" else None)
    return context, page


def close(context, page) -> None:
    assert page.watch.dialogs == [] and page.watch.errors == [] and page.watch.offsite == []
    assert page.console_errors == []
    context.close()


def in_view(page, selector: str) -> bool:
    """Drawn inside the viewport (the drawer and its sections slide in from the left)."""
    return page.evaluate(
        """(selector) => { const box = document.querySelector(selector).getBoundingClientRect();
           return box.width > 0 && box.left >= 0 && box.right <= innerWidth; }""",
        selector,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_drawer_offers_every_section_and_page_by_keyboard(browser, site_url, scheme):
    context, page = open_page(browser, site_url, PHONE, scheme)
    page.goto(site_url + CLAIM)
    # the palette follows the system's colour scheme (the media queries of the switch frame.js draws)
    wait_until(page, "(s) => document.body.getAttribute('data-md-color-scheme') === s", {"light": "default", "dark": "slate"}[scheme])
    menu = page.locator("label.md-header__button[for=__drawer]")
    assert page.get_by_role("img", name="Navigation").is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    wait_until(page, "() => document.getElementById('__drawer').checked")
    wait_until(page, "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    assert page.locator(".md-nav__source a.md-source").is_visible()  # the repository, which the header hides on a phone
    for index, (title, pages) in enumerate(nav_sections(), start=1):
        section = f".md-nav--primary details:nth-of-type({index})"
        summary = page.locator(f"{section} > summary")
        assert summary.inner_text() == title and in_view(page, f"{section} > summary")
        summary.focus()  # the keyboard reaches it (a <summary> is focusable) and opens it
        page.keyboard.press("Enter")
        wait_until(page, "(s) => document.querySelector(s).open", section)
        links = page.locator(f"{section} a")
        assert links.all_inner_texts() == pages
        for n in range(links.count()):
            assert links.nth(n).is_visible() and links.nth(n).get_attribute("href") and in_view(page, f"{section} li:nth-child({n + 1}) > a")
        screenshot(page, f"frame-drawer-{index}-{scheme}")
        page.keyboard.press("Enter")  # and closes it
        wait_until(page, "(s) => !document.querySelector(s).open", section)
    # a link of the drawer goes where it says, reached with the Tab key
    page.locator(".md-nav--primary details:nth-of-type(2) > summary").focus()
    page.keyboard.press("Enter")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Actors"
    page.keyboard.press("Enter")
    page.wait_for_url("**/actors/")
    close(context, page)


def test_phone_drawer_marks_the_current_page_and_lists_its_headings(browser, site_url):
    """On a page of the nav, its section is open in the drawer, its link marked as the current page
    with its headings under it (the table of contents beside the page is hidden on a phone)."""
    context, page = open_page(browser, site_url, PHONE)
    page.goto(site_url + "about/")
    page.click("label.md-header__button[for=__drawer]")
    wait_until(page, "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    current = page.locator(".md-nav--primary [aria-current=page]")
    assert current.inner_text() == "About" and current.is_visible()
    headings = page.locator(".md-nav--primary [aria-current=page] + ul a")
    assert headings.count() >= 3 and headings.first.is_visible()
    target = headings.first.get_attribute("href")
    assert page.locator(f"article {target}").count() == 1
    close(context, page)


def test_desktop_sidebar_opens_a_section_in_place(browser, site_url):
    context, page = open_page(browser, site_url, DESKTOP)
    page.goto(site_url + CLAIM)
    assert not page.locator("label.md-header__button[for=__drawer]").is_visible()
    section = ".md-nav--primary details:nth-of-type(3)"
    assert not page.locator(f"{section} a").first.is_visible()
    page.click(f"{section} > summary")
    wait_until(page, "(s) => document.querySelector(s).open", section)
    links = page.locator(f"{section} a")
    assert links.all_inner_texts() == nav_sections()[2][1]
    assert all(links.nth(n).is_visible() for n in range(links.count()))
    # the current page's headings are the table of contents beside the page, not repeated in the nav
    page.goto(site_url + "about/")
    assert page.locator(".md-nav--primary [aria-current=page]").is_visible()
    assert not page.locator(".md-nav--primary [aria-current=page] + ul").is_visible()
    page.goto(site_url + CLAIM)
    toc = page.locator(".md-sidebar--secondary a.md-nav__link")
    assert toc.count() >= 5 and toc.first.is_visible()
    for n in range(toc.count()):  # each entry leads to its heading
        target = toc.nth(n).get_attribute("href")
        assert page.locator(f"article {target}").inner_text().rstrip("¶").strip() == toc.nth(n).inner_text()
    close(context, page)


def test_chosen_palette_is_set_on_the_next_page_before_it_is_drawn(browser, site_url):
    context, page = open_page(browser, site_url, DESKTOP)
    page.goto(site_url + CLAIM)
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    # the switch frame.js draws in the header, named, as Material wrote it
    switch = page.locator("header form[data-md-component=palette] label >> visible=true")
    assert switch.get_attribute("title") == "Switch to dark mode" and page.get_by_role("radio", name="Switch to dark mode").count() == 1
    switch.click()
    wait_until(page, "() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    # Material's storage helpers (frame.js) keep the choice under the site's root, whatever the page's depth
    assert page.evaluate("__md_scope.href") == site_url
    # On the next page, in order: the body's scheme changes (frame.js, in the header) before <main> is parsed.
    page.add_init_script(
        """window.__order = [];
        new MutationObserver((records) => { for (const r of records) {
          if (r.type === 'attributes') window.__order.push('scheme');
          for (const n of r.addedNodes || []) if (n.nodeName === 'MAIN') window.__order.push('main');
        } }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-md-color-scheme']});"""
    )
    page.goto(site_url + "events/us-jet-shoots-down-iranian-drone/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    order = page.evaluate("window.__order")
    assert "scheme" in order and "main" in order and order.index("scheme") < order.index("main"), order
    screenshot(page, "frame-dark-next-page")
    close(context, page)


def drawn_icon(element) -> str:
    """The mask of an element's icon: its <span class="tracker-icon"> (or itself, if it is one), or drawn before its content."""
    if element.locator(".tracker-icon").count():
        element = element.locator(".tracker-icon")
    return element.evaluate("e => getComputedStyle(e, e.matches('.tracker-icon') ? null : '::before').maskImage")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_frame_icons_are_drawn_and_named(browser, site_url, viewport):
    """Each icon drawn from a file (tracker.css) is visible where Material shows it and has a name:
    its own, its link's title or its button's text."""
    context, page = open_page(browser, site_url, viewport, "dark")
    page.goto(site_url + CLAIM)
    named = [page.get_by_role("link", name="Edit this page"), page.get_by_role("button", name="Search")]
    if viewport is PHONE:
        named.append(page.get_by_role("img", name="Navigation"))
    else:
        named.append(page.get_by_role("link", name="Iran–US Talks Tracker").first)  # the logo
    for element in named:
        assert element.is_visible()
        box = element.bounding_box()
        assert box and box["width"] >= 16 and box["height"] >= 16
        assert "images/" in drawn_icon(element)
    # back to top: appears when the reader scrolls back up, named by its text, its arrow beside it
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    top = page.get_by_role("button", name="Back to top")
    wait_until(page, "() => !document.querySelector('.md-top').hidden")
    assert "top.svg" in drawn_icon(top)
    assert top.evaluate("e => parseFloat(getComputedStyle(e, '::before').width)") >= 16
    close(context, page)


def test_phone_page_with_its_drawer_open_has_no_serious_accessibility_violations(browser, site_url):
    context, page = open_page(browser, site_url, PHONE)
    page.goto(site_url + CLAIM)
    page.click("label.md-header__button[for=__drawer]")
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    close(context, page)
