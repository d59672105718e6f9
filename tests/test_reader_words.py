"""Reader-facing words: the built pages never use the repository's or the builders' own vocabulary
("seed", "schema", "commit", "sanitizer", "yaml", "id", "#12", field and function names), on the frozen
story and on synthetic data."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import build_site, commit_as_one
from tracker.cli import synth

# words of this repository, not of readers: its archive folder and what its files are called
# (a file's path, such as seeds/000_339a995688291f73.txt in the field reference, is a value, not a word)
REPOSITORY_WORDS = re.compile(r"\bseeds?\b(?!/\w+\.txt)", re.IGNORECASE)
# words of the people who build the site: its tools, its files, its issues, its code
BUILDER_WORDS = re.compile(
    r"\bseeds?\b(?!/\w+\.txt)|\bschemas?\b|\bcommits?\b|\bsanitiz\w*|\byaml\b|\bids?\b|\bslugs?\b|\bedtf\b|\bowasp\b"
    r"|(?<![\w&])#\d+\b|\b[a-z]+_[a-z_]+\b|\b\w+\(\)",
    re.IGNORECASE,
)
# Pages written for those who reuse the data or contribute to it may name its files, fields and
# formats (JSON Schema, a record's id, the YAML files, a field name in the rules' reference); never
# the repository's own words, issue numbers or function names.
DATA_VOCABULARY = re.compile(r"\bschemas?\b|\bcommits?\b|\byaml\b|\bids?\b|\b[a-z]+_[a-z_]+\b", re.IGNORECASE)
FOR_DATA_USERS = ("contributing/", "downloads/", "methodology/")


def builder_words(site: Path) -> list[str]:
    """Every builder word in the visible text of every page of a built site, with where it is."""
    found = []
    for page in sorted(site.rglob("*.html")):
        where = page.relative_to(site).as_posix()
        text = visible_text(page.read_text("utf-8"))
        for match in BUILDER_WORDS.finditer(text):
            if where.startswith(FOR_DATA_USERS) and DATA_VOCABULARY.fullmatch(match.group(0)):
                continue
            found.append(f"{where}: …{text[max(match.start() - 40, 0) : match.end() + 40]}…")
    return found


class VisibleText(HTMLParser):
    """The text a reader sees: no script, style or code (ids and file names shown as code are data, not prose), SVG titles included."""

    SKIP = frozenset({"script", "style", "code"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        for name, value in attrs:  # what a reader also meets: titles, labels and alternative text
            if name in ("title", "aria-label", "alt") and value and not self.depth:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


# an address shown as text (a record's address in its ready citation) is a value, as code is
ADDRESS = re.compile(r"https?://\S+|(?<![\w/])/[\w.-]+(?:/[\w.-]+)*/")


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return ADDRESS.sub(" ", " ".join(parser.parts))


def test_visible_text_reads_drops_code_and_scripts():
    html = '<p title="the seed">A <code>seed-article</code> text<script>var seed</script><style>.seed{}</style> <svg><title>drawn</title></svg></p>'
    assert visible_text(html).split() == ["the", "seed", "A", "text", "drawn"]
    assert visible_text("<p>Cite: https://example.org/actors/seed-author/. or /actors/seed-author/. Date/Time</p>").split() == ["Cite:", "or", ".", "Date/Time"]


def test_builder_words_are_found_where_a_reader_would_meet_them(tmp_path: Path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "downloads").mkdir()
    page = "<p>{}</p>"
    (tmp_path / "claims" / "index.html").write_text(page.format("Sanitizer fix (#11): chronology.order() reads the seed yaml; made_in id"), "utf-8")
    (tmp_path / "downloads" / "index.html").write_text(page.format("Each record's id, its JSON Schema, made_in; not EDTF or (#12)"), "utf-8")
    found = [line.split(": …")[0] + ": " + line.split(": …")[1].strip("…").split()[0] for line in builder_words(tmp_path)]
    assert [f.split(": ")[0] for f in found] == ["claims/index.html"] * 7 + ["downloads/index.html"] * 2
    words = [m.group(0) for m in BUILDER_WORDS.finditer("Sanitizer fix (#11): chronology.order() reads the seed yaml; made_in id; 1 id.")]
    assert words == ["Sanitizer", "#11", "order()", "seed", "yaml", "made_in", "id", "id"]


def test_no_repository_words_in_built_pages(site: Path):
    found = []
    for page in sorted(site.rglob("*.html")):
        text = visible_text(page.read_text("utf-8"))
        for match in REPOSITORY_WORDS.finditer(text):
            found.append(f"{page.relative_to(site)}: …{text[max(match.start() - 40, 0) : match.end() + 40]}…")
    assert found == []


def test_no_builder_words_on_the_story_pages(site: Path):
    assert builder_words(site) == []


def test_no_builder_words_on_synthetic_pages(tmp_path: Path):
    """Synthetic data (tracker-synth) reaches page variants the story does not: every kind of figure, link and date."""
    data = tmp_path / "repo" / "data"
    synth.write(60, data, seed=0)
    commit_as_one(data.parent, "Synthetic records")
    result = build_site(data, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert builder_words(tmp_path / "site") == []
