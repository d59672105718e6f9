"""`make archive`: a saved page becomes a seed with its provenance and a source record, or a clear refusal."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, STORY
from tracker.cli import archive
from tracker.load.loader import load_file
from tracker.load.yaml_emit import format_text

ARTICLE = (
    "<p>Talks between Iran and the United States stalled on Tuesday after the two sides failed to agree on a venue, two officials said.</p>"
    "<p>The officials, who spoke on condition of anonymity, said Iran wanted the meeting held in Oman rather than in Istanbul.</p>"
    "<p>\u201cWe are still ready to talk,\u201d one of them said, adding that no new date had been set.</p>"
)
PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Talks</title><script>document.write("INJECTED SCRIPT TEXT")</script>'
    "<style>body{color:red}</style></head><body><nav><a href='/'>Home</a> <a href='/world'>World news menu</a></nav>"
    f"<article><h1>Talks between Iran and the US stall</h1>{ARTICLE}</article>"
    "<aside>Most read: celebrity gossip you will not believe</aside><footer>Copyright Example News</footer>"
    '<script>fetch("https://tracker.example/beacon")</script></body></html>'
)
EXPECTED_TEXT = (
    "Talks between Iran and the US stall\n"
    "Talks between Iran and the United States stalled on Tuesday after the two sides failed to agree on a venue, two officials said.\n"
    "The officials, who spoke on condition of anonymity, said Iran wanted the meeting held in Oman rather than in Istanbul.\n"
    "\u201cWe are still ready to talk,\u201d one of them said, adding that no new date had been set.\n"
)
URL = "https://example.org/news/talks?a=1&b=2"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository: the frozen story's seeds/ (one archived text, so the next is 001) and data/."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("seeds", "data"):
        shutil.copytree(STORY / name, root / name)
    return root


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def run(repo: Path, *args: str) -> tuple[int, str, str]:
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), str(REPO / "scripts" / "archive.py"), "--repo", str(repo), "--data", str(repo / "data"), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


def test_saved_page_becomes_seed_provenance_and_source_record(repo, tmp_path):
    page = write(tmp_path, "page.html", PAGE)
    code, out, err = run(repo, "--id", "talks-stall", "--file", str(page), "--url", URL, "--retrieved", "2026-11-28")
    assert (code, err) == (0, "")
    name = "001_" + hashlib.sha256(EXPECTED_TEXT.encode()).hexdigest()[:16] + ".txt"
    assert (repo / "seeds" / name).read_text("utf-8") == EXPECTED_TEXT
    assert "INJECTED" not in EXPECTED_TEXT and "celebrity" not in EXPECTED_TEXT
    provenance = json.loads((repo / "seeds" / name.replace(".txt", ".provenance.json")).read_text("utf-8"))
    assert provenance == {
        "file": name,
        "url": URL,
        "retrieved": "2026-11-28",
        "input": {"name": "page.html", "kind": "html", "bytes": len(PAGE.encode()), "sha256": hashlib.sha256(PAGE.encode()).hexdigest()},
        "extractor": {"name": "trafilatura", "version": archive.trafilatura.__version__},
        "text_sha256": hashlib.sha256(EXPECTED_TEXT.encode()).hexdigest(),
    }
    record = load_file(repo / "data" / "sources" / "talks-stall.yaml").data
    assert record == {"kind": "", "title": "Talks between Iran and the US stall", "description": "", "url": URL, "seed": f"seeds/{name}"}
    assert f"| `{name}` | Main text of the page at <{URL}>, retrieved 2026-11-28" in (repo / "seeds" / "README.md").read_text("utf-8")
    assert out.splitlines()[1] == "created " + str(repo / "data" / "sources" / "talks-stall.yaml")


def test_same_input_gives_the_same_files(repo, tmp_path):
    page = write(tmp_path, "page.html", PAGE)
    other = tmp_path / "other"
    shutil.copytree(repo, other)
    for root in (repo, other):
        assert run(root, "--id", "talks-stall", "--file", str(page), "--url", URL, "--retrieved", "2026-11-28")[0] == 0
    for name in ("seeds", "data/sources"):
        assert {p.name: p.read_bytes() for p in (repo / name).iterdir()} == {p.name: p.read_bytes() for p in (other / name).iterdir()}


def test_text_file_is_taken_as_it_is(repo, tmp_path):
    text = write(tmp_path, "article.txt", "  First paragraph of the article, long enough to archive.  \r\n\r\n" + "Second paragraph. " * 12 + "\n")
    os.utime(text, (1764288000, 1764288000))  # 2025-11-28
    code, _out, err = run(repo, "--id", "from-text", "--text", str(text))
    assert (code, err) == (0, "")
    [seed] = sorted((repo / "seeds").glob("001_*.txt"))
    assert seed.read_text("utf-8") == "First paragraph of the article, long enough to archive.\n" + ("Second paragraph. " * 12).strip() + "\n"
    provenance = json.loads(seed.with_suffix(".provenance.json").read_text("utf-8"))
    assert (provenance["url"], provenance["retrieved"], provenance["extractor"]) == (None, "2025-11-28", None)


REFUSALS = [
    ("no article", "page.html", "<html><body><nav>Home World Sport</nav><p>Subscribe to read.</p></body></html>", ["--url", URL], None),
    ("only scripts", "page.html", "<html><body><script>" + "var a = 1;" * 5000 + "</script></body></html>", ["--url", URL], None),
    (
        "binary",
        "page.html",
        b"\x89PNG\r\n\x1a\n\0\0\0IHDR",
        ["--url", URL],
        "is a binary file, not a saved web page or text: save the page as HTML, or copy its text into a .txt file",
    ),
    ("not UTF-8", "page.html", "<p>caf\u00e9</p>".encode("latin-1"), ["--url", URL], "is not UTF-8 (byte 0xe9 at offset 6): save it again as UTF-8"),
    (
        "javascript URL",
        "page.html",
        PAGE,
        ["--url", "javascript:alert(1)"],
        "error: 'javascript:alert(1)' is not an absolute http:// or https:// URL with a host",
    ),
    ("file URL", "page.html", PAGE, ["--url", "file:///etc/passwd"], "error: 'file:///etc/passwd' is not an absolute http:// or https:// URL with a host"),
    ("page without URL", "page.html", PAGE, [], "error: a saved page needs the URL it was saved from: add URL=https://..."),
]


@pytest.mark.parametrize(("name", "file", "content", "extra", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusals_write_nothing(repo, tmp_path, name, file, content, extra, message):
    before = {p.name for p in (repo / "seeds").iterdir()}
    code, out, err = run(repo, "--id", "new-source", "--file", str(write(tmp_path, file, content)), *extra)
    assert code == 1 and out == ""
    if message is None:  # tiny extractions
        assert err.startswith("error: only ") and "characters of article text found in the page (at least 200 are needed)" in err
    else:
        assert message in err.splitlines()[0]
    assert {p.name for p in (repo / "seeds").iterdir()} == before
    assert not (repo / "data" / "sources" / "new-source.yaml").exists()


def test_id_in_use_is_refused(repo, tmp_path):
    code, _out, err = run(repo, "--id", "hrana-estimate", "--file", str(write(tmp_path, "page.html", PAGE)), "--url", URL)
    assert (code, err) == (
        1,
        "error: id 'hrana-estimate' is already used by " + str(repo / "data" / "sources" / "hrana-estimate.yaml") + ": choose another id\n",
    )


def test_file_over_the_limit_is_refused_before_it_is_read(repo, tmp_path):
    page = tmp_path / "huge.html"
    with page.open("wb") as out:
        out.truncate(archive.MAX_INPUT_BYTES + 1)
    code, _out, err = run(repo, "--id", "huge", "--file", str(page), "--url", URL)
    assert (code, err) == (1, f"error: {page} is 5,242,881 bytes, over the limit of 5,242,880: save the page as HTML only, without images\n")


def test_long_article_in_hostile_markup_keeps_only_the_article():
    """About 2 MB: scripts, comments and boilerplate nested 100 deep around a long article.
    (Nesting deeper than lxml's 255 levels makes the extraction empty: refused as tiny.)"""
    noise = ("<div><script>alert('x')</script><!-- comment --><a href='/x'>link</a>" * 100 + "</div>" * 100) * 20
    paragraphs = "".join(f"<p>Paragraph {n}: officials said the talks would resume once a venue was agreed by both sides.</p>" for n in range(15000))
    page = f"<html><body>{noise}<article>{paragraphs}</article><script>{'x=1;' * 10000}</script></body></html>"
    assert 1_000_000 < len(page) < archive.MAX_INPUT_BYTES
    text = archive.extract(page)
    assert len(text.splitlines()) == 15000
    assert text.splitlines()[-1] == "Paragraph 14999: officials said the talks would resume once a venue was agreed by both sides."
    assert "alert" not in text and "comment" not in text and "x=1" not in text


def test_page_of_boilerplate_is_refused(repo, tmp_path):
    """About 400 kB of links and one-line teasers (a big page, the size no bigger than the test needs: the
    extraction's time grows with it): no article, so nothing is archived."""
    page = "<html><body>" + "<div><a href='/x'>Related: buy now</a></div>" * 9000 + "</body></html>"
    assert 300_000 < len(page) < archive.MAX_INPUT_BYTES
    code, _out, err = run(repo, "--id", "boilerplate", "--file", str(write(tmp_path, "page.html", page)), "--url", URL)
    assert code == 1
    assert err.startswith("error: only ") and "characters of article text found in the page (at least 200 are needed)" in err


# --------------------------------------------------------------------------- what the page states of itself

SAVED_PAGE = REPO / "tests" / "fixtures" / "contribution" / "saved-page.html"  # an article page, with its metadata
SAVED_URL = "https://example.org/world/iran-istanbul-venue"


def test_the_pages_title_date_byline_and_site_are_filled_in(repo, tmp_path):
    page = write(tmp_path, "page.html", SAVED_PAGE.read_text("utf-8"))
    code, out, err = run(repo, "--id", "istanbul-venue", "--file", str(page), "--url", SAVED_URL, "--retrieved", "2026-02-11")
    assert (code, err) == (0, "")
    path = repo / "data" / "sources" / "istanbul-venue.yaml"
    record = load_file(path).data
    assert (record["title"], record["published"]) == ("Iran says it accepted Istanbul as venue for talks", "2026-02-10")
    assert set(record) == {"kind", "title", "description", "published", "url", "seed"}
    text = path.read_text("utf-8")
    assert (
        '# The page names its site: "Example News". If that is the outlet, add it as an actor of kind news-outlet and give its id here.\n# outlet: ""\n' in text
    )
    assert '# The page\'s byline: "Jane Roe". Add each author as an actor (make new KIND=actor) and list their ids here.\n# authors:\n' in text
    assert out.splitlines()[2] == (
        "from the page's metadata: title 'Iran says it accepted Istanbul as venue for talks'; published '2026-02-10'; "
        "byline 'Jane Roe' (a note above authors); site 'Example News' (a note above outlet): check them against the page"
    )
    assert format_text(text, "sources") == text


@pytest.mark.parametrize(
    ("stated", "published"),
    [
        ('<meta property="article:published_time" content="2026-02-10T08:30:00Z">', "2026-02-10"),
        ('<meta property="article:published_time" content="2026-02">', "2026-02"),  # htmldate would add a day of its own
        ('<meta property="article:published_time" content="February 2026">', None),
        ("", None),  # no date in the metadata: none is guessed from the URL or the text
    ],
    ids=["day", "month", "in words", "none"],
)
def test_the_date_keeps_the_precision_the_page_gives(stated: str, published: str | None):
    html = SAVED_PAGE.read_text("utf-8").replace('<meta property="article:published_time" content="2026-02-10T08:30:00Z">', stated)
    assert archive.page_facts(html).published == published


def test_invisible_characters_of_the_metadata_are_dropped():
    html = SAVED_PAGE.read_text("utf-8").replace('content="Jane Roe"', 'content="Jane\u202e Roe\u200b\n"')
    assert archive.page_facts(html).byline == "Jane Roe"
    assert archive.page_facts("<html><body><p>No metadata at all.</p></body></html>") == archive.PageFacts()


def test_a_text_file_states_nothing(repo, tmp_path):
    text = write(tmp_path, "article.txt", "Published 10 February 2026 by Jane Roe. " + "A paragraph of the article. " * 10 + "\n")
    assert run(repo, "--id", "from-text", "--text", str(text), "--retrieved", "2026-02-11")[0] == 0
    assert set(load_file(repo / "data" / "sources" / "from-text.yaml").data) == {"kind", "description", "seed"}
