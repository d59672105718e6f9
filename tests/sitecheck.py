"""Reading a built site: its pages, their links and anchors, for the link checker and page tests."""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # href and src values
    jsonld: list[dict] = field(default_factory=list)
    title: str = ""
    scripts: list[str] = field(default_factory=list)  # src of <script>
    stylesheets: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._in_jsonld = False
        self._in_title = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.page.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.page.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.page.links.append(a[key])
        if tag == "script" and a.get("src"):
            self.page.scripts.append(a["src"])
        if tag == "link" and a.get("rel") == "stylesheet":
            self.page.stylesheets.append(a.get("href", ""))
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld, self._buffer = True, []
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "script" and self._in_jsonld:
            self.page.jsonld.append(json.loads("".join(self._buffer)))
            self._in_jsonld = False
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_jsonld:
            self._buffer.append(data)
        if self._in_title:
            self.page.title += data


def parse_page(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text("utf-8"))
    return parser.page


def broken_links(site: Path, base_path: str = "/iran-us-talks/") -> list[str]:
    """Internal links (and #anchors) in every HTML page that point at nothing in the site.

    Absolute paths (the 404 page uses them) are read below ``base_path``, the path of site_url."""
    pages = {p: parse_page(p) for p in sorted(site.rglob("*.html"))}
    problems = []
    for page_path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    problems.append(f"{page_path.relative_to(site)}: {link} (outside the site)")
                    continue
                target = site / unquote(parts.path[len(base_path) :])
                if link.endswith("/") or target.is_dir():
                    target = target / "index.html"
            elif parts.path:
                target = Path(posixpath.normpath(posixpath.join(page_path.parent.as_posix(), unquote(parts.path))))
                if link.endswith("/") or target.is_dir():
                    target = target / "index.html"
            else:
                target = page_path
            if not target.is_file() or site.resolve() not in target.resolve().parents:
                problems.append(f"{page_path.relative_to(site)}: {link} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_page(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page_path.relative_to(site)}: {link} (no such anchor)")
    return problems
