"""Material's own search (lunr), measured beside Pagefind on the same site (issue #14).

The site no longer ships Material's search, so this rebuilds what it would ship from the built
pages: Material's search plugin's own indexer (``SearchIndex.add_entry_from_context``) fed each
page's article, as the plugin is fed during a build, written to ``search_index.json``; and
Material's own search worker, copied from the installed theme. A small page (no part of the
site) then does what Material's bundle does when a reader searches a page that has just loaded:
fetch the index, hand it to the worker (which builds the lunr index), send the query, and wait for
the result. Bytes are those delivered for the index and the worker (served gzip-compressed like
the site); seconds run from the query to the worker's answer, in a fresh browser for each query.

Run on its own: `.venv/bin/python benchmarks/material_search.py SITE_DIR "a query" ...`.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import statistics
import sys
import tempfile
import urllib.parse
from pathlib import Path
from types import SimpleNamespace

import material
from material.plugins.search.plugin import SearchIndex

TIMEOUT_MS = 120_000
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
EDIT_BUTTON = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL)
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
# Material's defaults for English (partials/languages/en.html: search.config.*; its plugin reads them from there).
CONFIG = {
    "lang": ["en"],
    "separator": r"[\s\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1e3}, "text": {"boost": 1e0}, "tags": {"boost": 1e6}},
}
HARNESS_PAGE = '<!doctype html><meta charset="utf-8"><title>Material search</title><p id="state">loading</p><script src="harness.js"></script>\n'
# What Material's bundle does for a query on a fresh page: fetch the index, set the worker up
# (type 0; it answers 1 when its lunr index is built), send the query (2), read the result (3).
HARNESS_SCRIPT = """(function () {
  var query = new URLSearchParams(location.search).get("q");
  var state = document.getElementById("state");
  var started = performance.now();
  var worker = new Worker("worker.js");
  worker.onmessage = function (event) {
    if (event.data.type === 1) worker.postMessage({ type: 2, data: query });
    if (event.data.type === 3) {
      state.dataset.ms = String(performance.now() - started);
      state.dataset.items = String(event.data.data.items.length);
      state.id = "done";
    }
  };
  fetch("search_index.json").then(function (r) { return r.json(); }).then(function (index) {
    index.options = { suggest: false };  // the bundle adds the features' options; search.suggest is off
    worker.postMessage({ type: 0, data: index });
  });
})();
"""


def _entries(site: Path) -> list[dict]:
    """Every page's sections, as Material's search plugin indexes them during a build."""
    index = SearchIndex(**CONFIG)
    for page_file in sorted(site.rglob("index.html")):
        relative = page_file.relative_to(site).parent.as_posix()
        if relative.startswith(("search", "pagefind")):
            continue
        text = page_file.read_text("utf-8")
        article = ARTICLE.search(text)
        if not article:
            continue
        title = TITLE.search(text)
        page = SimpleNamespace(
            meta={},
            content=EDIT_BUTTON.sub("", article[1]),
            toc=[],
            url="" if relative == "." else relative + "/",
            title=html.unescape(title[1].rsplit(" - ", 1)[0]) if title else relative,
        )
        index.add_entry_from_context(page)
    return index.entries


def write_bundle(site: Path, out: Path) -> dict:
    """Material's search index for the site, its worker and the harness page, in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    entries = _entries(site)
    (out / "search_index.json").write_text(json.dumps({"config": CONFIG, "docs": entries}, separators=(",", ":")), "utf-8")
    worker = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    shutil.copyfile(worker, out / "worker.js")
    (out / "index.html").write_text(HARNESS_PAGE, "utf-8")
    (out / "harness.js").write_text(HARNESS_SCRIPT, "utf-8")
    return {"sections": len(entries), "index_mb": round((out / "search_index.json").stat().st_size / 1e6, 2)}


def _one(browser, url: str, query: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))  # the worker's requests too
    page.goto(url + "?q=" + urllib.parse.quote_plus(query))
    page.wait_for_selector("#done", state="attached")
    seconds = float(page.get_attribute("#done", "data-ms") or 0) / 1000
    items = int(page.get_attribute("#done", "data-items") or 0)
    sizes = [r.sizes() for r in finished if r.url.split("?")[0].endswith(("search_index.json", "worker.js"))]
    context.close()
    return {
        "query": query,
        "seconds": round(seconds, 3),
        "kb": round(sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes) / 1000, 1),
        "results": items,
    }


def measure(site: Path, queries: list[str]) -> dict:
    """Material's search on the site, for each query in a fresh browser; medians."""
    from playwright.sync_api import sync_playwright
    from search_browser import CHROMIUM, CHROMIUM_ARGS, serve  # type: ignore[import-not-found]  # a sibling; benchmarks/ is not a package

    with tempfile.TemporaryDirectory(prefix="material-search-") as folder:
        facts = write_bundle(site, Path(folder))
        rows = []
        with serve(Path(folder)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                rows = [_one(browser, url, query) for query in queries]
            finally:
                browser.close()
    return {
        **facts,
        "queries": rows,
        "median_kb": statistics.median(r["kb"] for r in rows) if rows else None,
        "median_s": statistics.median(r["seconds"] for r in rows) if rows else None,
    }


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2:]), indent=2))
