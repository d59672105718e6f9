"""Reading built pages for the hostile-input suite: elements, attributes and visible text.

Parsed with the standard library's html.parser, which tokenises like a browser for the
purpose here: every start tag it reports is an element a browser would create.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Elements whose content is not text a reader sees.
_INVISIBLE = {"script", "style", "template", "head", "title"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "data", "xlink:href", "poster", "background", "srcset", "ping"}
_DANGEROUS_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


@dataclass
class Page:
    """What the suite needs to know about one HTML page."""

    elements: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # (tag, sorted attribute names)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, name, value)
    text_parts: list[str] = field(default_factory=list)
    title: str = ""
    jsonld: list[dict] = field(default_factory=list)

    @property
    def skeleton(self) -> Counter:
        return Counter(self.elements)

    @property
    def visible_text(self) -> str:
        """The page's text with whitespace collapsed, tags counted as word breaks."""
        return normalise("".join(self.text_parts))


def normalise(text: str) -> str:
    """Whitespace runs to one space, as a browser lays out text outside <pre>."""
    return " ".join(text.split())


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[str] = []
        self._in_title = False
        self._jsonld: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.page.attributes += [(tag, name, value or "") for name, value in attrs]
        self.page.text_parts.append(" ")
        if tag == "title":
            self._in_title = True
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._jsonld = []
        if tag in _INVISIBLE:
            self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.page.attributes += [(tag, name, value or "") for name, value in attrs]
        self.page.text_parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.page.text_parts.append(" ")
        if tag == "title":
            self._in_title = False
        if tag == "script" and self._jsonld is not None:
            self.page.jsonld.append(json.loads("".join(self._jsonld)))
            self._jsonld = None
        if tag in _INVISIBLE and self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data
        if self._jsonld is not None:
            self._jsonld.append(data)
        if not self._stack:
            self.page.text_parts.append(data)


def parse(html: str) -> Page:
    """Parse an HTML document or fragment."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def parse_file(path: Path) -> Page:
    """Parse a built page."""
    return parse(path.read_text("utf-8"))


def event_handler_attributes(page: Page) -> list[str]:
    """Attributes that run script: on* handlers, wherever they are."""
    return [f"<{tag} {name}={value!r}>" for tag, name, value in page.attributes if name.startswith("on")]


def dangerous_urls(page: Page) -> list[str]:
    """URL attributes with a javascript:, vbscript: or data: scheme (as a browser reads them)."""
    found = []
    for tag, name, value in page.attributes:
        if name in URL_ATTRIBUTES and _DANGEROUS_SCHEME.match(_IGNORED_IN_URL.sub("", value)):
            found.append(f"<{tag} {name}={value!r}>")
    return found
