"""Search as a reader meets it, in Chromium (issue #14): bytes a first query transfers, time to first results.

For each of three queries (a word in a title, an actor's name, a word that occurs only in cited
excerpts, all picked from the built site's own data so the run needs no fixed vocabulary), a
fresh browser (empty cache) opens the home page; then, counted from the moment the query is
submitted in the header's search field: the bytes the network delivered (Playwright's
request sizes: what went over the wire, headers included, the worker's requests too) until the
first result was put in the page (a MutationObserver notes the moment), and the seconds until
then. Whatever arrives later (nothing, unless the page fetches more) is reported beside
(`kb_until_idle`). The search page, its script, Pagefind's script, WebAssembly, metadata,
index chunks and result fragments are all in the count. The server sends text gzip-compressed,
as GitHub Pages does; Pagefind's index files are compressed already and go as they are.

Run on its own: `.venv/bin/python benchmarks/search_browser.py SITE_DIR`. The site is served by
Python's http.server on 127.0.0.1 (loopback: no network latency, as the targets say).
"""

from __future__ import annotations

import collections
import contextlib
import functools
import gzip
import http.server
import json
import os
import re
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WORD = re.compile(r"[A-Za-z]{5,}")
SLUG = re.compile(r"[a-z0-9][a-z0-9./_-]*")
RESULT = ".tracker-search-result"
TIMEOUT_MS = 60_000


# What GitHub Pages (its CDN) sends gzip-compressed when the browser accepts it. Pagefind's own
# files (.pf_meta, .pf_filter, .pf_index, .pf_fragment, the WebAssembly) are gzip inside already
# and are sent as they are.
COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
# Marks, in every document the browser opens, the moment the first result is in the page.
FIRST_RESULT_CLOCK = (
    "new MutationObserver(function (changes, observer) {"
    f" if (document.querySelector('{RESULT}')) {{ window.__firstResultAt = Date.now(); observer.disconnect(); }}"
    " }).observe(document, {childList: true, subtree: true});"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """http.server, plus gzip for text as static hosts send it (measuring uncompressed text would overstate)."""

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' header: pages' assets are reused for ten minutes
        super().end_headers()

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED_TYPES or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in WORD.findall(text or "")}


COMMON = "common word"  # measured apart from the three: its target is its own (≤ 2 s), not the median's


def _texts(value: object, key: str = "") -> list[str]:
    """The text values of a record as the dump gives it, without its field names, ids and addresses (no page shows them as words)."""
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in _texts(v, k)]
    if isinstance(value, list):
        return [text for v in value for text in _texts(v, key)]
    if not isinstance(value, str) or "://" in value or SLUG.fullmatch(value) or key in ("id", "path") or key.endswith(("_id", "_ids", "url")):
        return []  # an address, or an id or a path as a value (a citation's source): no page shows it as words
    return [value]


def pick_queries(site: Path) -> dict[str, str | None]:
    """Three queries from the site's dump, and the word in the most records (the common word): deterministic for a given data set."""
    dump = json.loads(gzip.decompress((site / "api" / "v2" / "dump.json.gz").read_bytes()))
    events = sorted(dump["events"], key=lambda r: r["id"])
    title_word = next((w for e in events for w in WORD.findall(e["title"]) if w.lower() == w), None)
    people = sorted((a for a in dump["actors"] if a.get("kind") == "person"), key=lambda r: r["id"]) or sorted(dump["actors"], key=lambda r: r["id"])
    actor = people[0]["name"] if people else None
    # Synthetic excerpts share their vocabulary with the rest of the record; then the word is one
    # that no title, statement or name (what a result shows as its heading) contains.
    strict, headings = set(), set()
    in_excerpts: collections.Counter[str] = collections.Counter()
    in_records: collections.Counter[str] = collections.Counter()  # records whose data holds the word
    for kind in ("events", "claims", "actors", "sources"):
        for record in dump[kind]:
            in_records.update(set().union(*map(_words, _texts(record))))
            for citation in record.get("citations") or []:
                in_excerpts.update(_words(citation.get("excerpt")))
            for key in ("title", "statement", "name"):
                headings |= _words(record.get(key))
            strict |= _words(json.dumps({k: v for k, v in record.items() if k != "citations"}, ensure_ascii=False))
    only = sorted((n, w) for w, n in in_excerpts.items() if w not in strict) or sorted((n, w) for w, n in in_excerpts.items() if w not in headings)
    excerpt_word = only[len(only) // 2][1] if only else None  # of middling frequency
    records = sum(len(dump[kind]) for kind in ("events", "claims", "actors", "sources"))
    common = min(in_records.items(), key=lambda item: (-item[1], item[0]), default=None)
    label = f"{COMMON} (in {common[1] / records:.0%} of records)" if common and records else COMMON
    return {"title word": title_word, "actor name": actor, "excerpt-only word": excerpt_word, label: common[0] if common else None}


def first_query(browser, url: str, query: str) -> dict:
    """One query from the home page in a fresh context: bytes from submitting it to first results, and seconds."""
    context = browser.new_context()
    context.add_init_script(FIRST_RESULT_CLOCK)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))  # the page's and its workers' requests (Pagefind fetches from a worker)
    field = page.locator("[data-tracker-search=query]")
    field.fill(query)
    started = time.time() * 1000  # wall clock in ms, like the page's Date.now() and the requests' timings
    field.press("Enter")
    page.locator(RESULT).first.wait_for(state="visible")
    shown_at = page.evaluate("window.__firstResultAt")
    seconds = (shown_at - started) / 1000
    count = page.locator(RESULT).count()
    page.wait_for_load_state("networkidle")  # anything the page fetches after its first results
    # the query's own cost: what had arrived when the first result was put in the page
    answered = [r for r in finished if r.timing["startTime"] + r.timing["responseEnd"] <= shown_at]
    by_part: collections.Counter[str] = collections.Counter()
    sizes_of = {}
    for request in finished:
        sizes = request.sizes()  # what went over the wire: headers and (encoded) body
        path = request.url.split("?")[0]
        part = path.split("/pagefind/", 1)[1] if "/pagefind/" in path else "page, styles and scripts"
        part = part.split("/")[0] if "/" in part else part.rsplit(".", 1)[-1] if "/pagefind/" in path else part
        sizes_of[id(request)] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        by_part[part] += sizes_of[id(request)]
    total = sum(by_part.values())
    first = sum(sizes_of[id(request)] for request in answered)
    context.close()
    return {
        "query": query,
        "seconds": round(seconds, 3),
        "kb": round(first / 1000, 1),
        "kb_until_idle": round(total / 1000, 1),
        "results_shown": count,
        "kb_by_part": {k: round(v / 1000, 1) for k, v in sorted(by_part.items())},
    }


def measure(site: Path) -> dict:
    """The three queries, each in a fresh browser context, and their medians."""
    from playwright.sync_api import sync_playwright  # only the benchmark needs a browser, not the build

    queries = pick_queries(site)
    rows = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for label, query in queries.items():
                row = {"label": label, "query": query}
                if query is None:
                    row["error"] = "no such word in this data"
                else:
                    try:
                        row.update(first_query(browser, url, query))
                    except Exception as error:  # a timeout is a finding, not a crash of the whole benchmark
                        row["error"] = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
                rows.append(row)
        finally:
            browser.close()
    done = [r for r in rows if "error" not in r and not r["label"].startswith(COMMON)]
    common = next((r for r in rows if r["label"].startswith(COMMON)), {})
    return {
        "queries": rows,
        "median_kb": statistics.median(r["kb"] for r in done) if done else None,
        "median_s": statistics.median(r["seconds"] for r in done) if done else None,
        "common_s": common.get("seconds"),
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1])), indent=2))
