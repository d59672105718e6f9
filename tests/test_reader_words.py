"""Reader-facing words: the built pages never use the repository's own vocabulary ("seed", "seeds/")."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# words of this repository, not of readers: its archive folder and what its files are called
# (a file's path, such as seeds/000_339a995688291f73.txt in the field reference, is a value, not a word)
REPOSITORY_WORDS = re.compile(r"\bseeds?\b(?!/\w+\.txt)", re.IGNORECASE)


class VisibleText(HTMLParser):
    """The text a reader sees: no script, style or code (ids and file names shown as code are data, not prose), SVG titles included.

    Edit summaries (`.edit-summary`: the subjects of the commits that changed the data, on record
    histories and the "What changed" page) are quoted verbatim, as a wiki quotes its edit summaries,
    so they are left out too; they hold only escaped text."""

    SKIP = frozenset({"script", "style", "code"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.in_summary = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "span" and ("class", "edit-summary") in attrs:
            self.in_summary = True
        if tag in self.SKIP:
            self.depth += 1
        for name, value in attrs:  # what a reader also meets: titles, labels and alternative text
            if name in ("title", "aria-label", "alt") and value and not self.depth:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag == "span":
            self.in_summary = False
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth and not self.in_summary:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def test_visible_text_reads_drops_code_and_scripts():
    html = '<p title="the seed">A <code>seed-article</code> text<script>var seed</script><style>.seed{}</style> <svg><title>drawn</title></svg></p>'
    assert visible_text(html).split() == ["the", "seed", "A", "text", "drawn"]
    quoted = "<li>1 May: changed. <span class='edit-summary'>Curated seed data</span> (the change)</li>"
    assert visible_text(quoted).split() == ["1", "May:", "changed.", "(the", "change)"]


def test_no_repository_words_in_built_pages(site: Path):
    found = []
    for page in sorted(site.rglob("*.html")):
        text = visible_text(page.read_text("utf-8"))
        for match in REPOSITORY_WORDS.finditer(text):
            found.append(f"{page.relative_to(site)}: …{text[max(match.start() - 40, 0) : match.end() + 40]}…")
    assert found == []
