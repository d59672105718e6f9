"""Browser-test support: a local HTTP server for a built site, and Debian's Chromium via Playwright.

The tests drive /usr/bin/chromium (override with CHROMIUM=...), or Playwright's own Chromium
when that is missing and scripts/ensure_browser.sh (run by `make test`) could only install that. When it is missing the browser tests FAIL with
instructions; they never skip, so a CI run without a browser cannot pass silently.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


def _playwright_chromium() -> str:
    """The Chromium `playwright install chromium` put in its cache (scripts/ensure_browser.sh does that
    when Debian's package cannot be installed), or "" when there is none."""
    from playwright.sync_api import sync_playwright  # only when /usr/bin/chromium is missing: it starts a driver

    with sync_playwright() as playwright:
        return playwright.chromium.executable_path


def require_chromium() -> str:
    if not Path(CHROMIUM).is_file() and "CHROMIUM" not in os.environ:
        with contextlib.suppress(Exception):
            installed = _playwright_chromium()
            if Path(installed).is_file():
                return installed
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium` (browser tests never skip)")
    return CHROMIUM


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a directory on 127.0.0.1 (a free port) for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageWatch:
    """What a page did that it must not: dialogs, page errors, requests to other hosts."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)


def watch(page, base_url: str) -> PageWatch:
    seen = PageWatch()

    def on_dialog(dialog):
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_route(route):
        url = route.request.url
        if url.startswith(base_url) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            seen.offsite.append(url)
            route.abort()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
    page.on("console", lambda message: note_policy_violation(seen, message))
    page.route("**/*", on_route)
    return seen


def note_policy_violation(seen: PageWatch, message) -> None:
    """The browser reports what the Content-Security-Policy blocked as a console error: an error of the page."""
    if message.type == "error" and "Content Security Policy" in message.text:
        seen.errors.append(message.text)


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# True once the selected element's markup has not changed for `rounds` polls in a row.
_SETTLED = """([selector, rounds]) => {
  const el = document.querySelector(selector);
  const html = el ? el.innerHTML : null;
  const seen = (window.__settled ||= {});
  const last = seen[selector];
  seen[selector] = last && last.html === html ? {html, count: last.count + 1} : {html, count: 0};
  return html !== null && seen[selector].count >= rounds;
}"""


def search(page, query: str, timeout: float = 30000, **filters: str) -> None:
    """Search from the header as a reader would and wait until the results have settled.

    Typing into the header's field and pressing Enter opens the search page (a plain form);
    there the script loads Pagefind's index and searches on every keystroke, replacing the
    result list each time, so the list must stay unchanged for half a second before a test
    reads or clicks it. Filters (kind, status, actor, tag) are chosen from the page's selects, once the
    reader has opened them (they load on demand).
    """
    page.fill("[data-tracker-search=query]", query)
    page.press("[data-tracker-search=query]", "Enter")
    page.wait_for_selector("#tracker-search-field", timeout=timeout)
    wait_until(page, "() => !document.querySelector('.tracker-search-status').textContent.startsWith('Loading')", timeout=timeout)
    if filters:  # the menus load when the reader opens them
        page.click(".tracker-search-filters > summary")
    for name, value in filters.items():
        page.select_option(f".tracker-search-filters select[name={name}]", value=value)
    wait_until(page, "() => /record|Type a word/.test(document.querySelector('.tracker-search-status').textContent)", timeout=timeout)
    wait_until(page, _SETTLED, [".tracker-search-results", 5], timeout=timeout)


def wait_until(page, function: str, arg=None, *, timeout: float = 30000, interval: float = 100) -> None:
    """Poll ``function`` (JavaScript, with ``arg``) until it returns true.

    Not page.wait_for_function: that evaluates its predicate with eval() inside the page, which
    the site's Content-Security-Policy forbids; page.evaluate is not subject to the policy.
    """
    for _ in range(max(1, int(timeout / interval))):
        if page.evaluate(function, arg):
            return
        page.wait_for_timeout(interval)
    raise AssertionError(f"not true within {timeout / 1000:.0f} s: {function}")


def goto_when_served(page, url: str, tries: int = 120) -> None:
    """Open ``url`` once a starting server (the live preview) listens and serves its first build."""
    for _ in range(tries):
        with contextlib.suppress(PlaywrightError):
            if page.goto(url).ok:
                return
        page.wait_for_timeout(500)
    raise AssertionError(f"{url} was not served within {tries / 2:.0f} s")
