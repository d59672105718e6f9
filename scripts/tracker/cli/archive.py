"""Archive an article: `make archive ID=some-id FILE=saved-page.html URL=https://...` (or `TEXT=article.txt`).

Extracts the main text of a saved web page with trafilatura (or takes a text
file as it is), writes it to seeds/NNN_<hash>.txt with its provenance beside it
(seeds/NNN_<hash>.provenance.json: URL, retrieval date, SHA-256 of the input,
extractor and version), adds it to the table in seeds/README.md and scaffolds
data/sources/<ID>.yaml pointing at it, ready for excerpts. What the page states
of itself in its metadata is filled in: its title, its publication date at the
precision the page writes it, and its byline and site name as notes above
`authors` and `outlet` (which name actors). Nothing is fetched: save the page in
the browser first ("Save page as", HTML only).

The same input gives the same files. The retrieval date is RETRIEVED=YYYY-MM-DD
when given, else the day the saved file was last modified (UTC).
Refused: an input over 5 MB, a binary or non-UTF-8 file, an extraction shorter
than 200 characters, an id already in use, a URL that is not http(s).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

import trafilatura

from tracker.check.schemas import is_http_url
from tracker.cli import exit_with
from tracker.cli.new_record import Refused, check_id, existing_record, skeleton
from tracker.core import dates
from tracker.load.dataset import display_path
from tracker.load.yaml_emit import format_text

MAX_INPUT_BYTES = 5 * 1024 * 1024  # a saved article page is well under 1 MB; 5 MB leaves room for inline styles
MIN_TEXT_CHARS = 200  # shorter than a paragraph: a cookie wall, a login page or a page that needs JavaScript
USAGE = "usage: make archive ID=some-id FILE=saved-page.html URL=https://... (or TEXT=article.txt instead of FILE=)"
_SEED_NAME = re.compile(r"(?P<number>[0-9]{3})_[0-9a-f]{16}\.txt")


def read_input(path: Path) -> tuple[bytes, str]:
    """The file's bytes and text; refuse a missing, huge, binary or non-UTF-8 file."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise Refused(f"{path} is {size:,} bytes, over the limit of {MAX_INPUT_BYTES:,}: save the page as HTML only, without images")
        raw = path.read_bytes()
    except OSError as exc:
        raise Refused(f"cannot read {path}: {exc.strerror}") from None
    if b"\0" in raw:
        raise Refused(f"{path} is a binary file, not a saved web page or text: save the page as HTML, or copy its text into a .txt file")
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(f"{path} is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}): save it again as UTF-8") from None
    return raw, text


def clean_text(text: str) -> str:
    """One paragraph per line, no trailing spaces, no blank runs, one final newline."""
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line) + "\n"


def extract(html: str) -> str:
    """The article's main text: no navigation, comments, scripts or boilerplate."""
    found = trafilatura.extract(
        html,
        favor_precision=True,  # a seed is checked against excerpts: leave out what may not be the article
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,  # a repeated sentence in the article is kept as published
        with_metadata=False,
    )
    return clean_text(found or "")


def next_seed_name(seeds: Path, text: str) -> str:
    """NNN_<first 16 hex digits of the text's SHA-256>.txt, numbered after the existing seeds."""
    numbers = [int(m["number"]) for p in seeds.glob("*.txt") if (m := _SEED_NAME.fullmatch(p.name))]
    number = max(numbers, default=-1) + 1
    return f"{number:03d}_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"


@dataclass(frozen=True)
class PageFacts:
    """What a saved page states about itself in its metadata (read by trafilatura): nothing guessed."""

    title: str | None = None
    published: str | None = None  # EDTF, at the precision the page writes: "2026-02-10", or "2026-02"
    byline: str | None = None
    site: str | None = None


def one_line(text: str | None) -> str | None:
    """Text of the page for one line of YAML: whitespace runs made one space, invisible and control characters dropped."""
    kept = "".join(ch for ch in text or "" if ch.isprintable() or ch.isspace())
    return " ".join(kept.split()) or None


def stated_date(found: str | None, html: str) -> str | None:
    """The publication date found in the page's metadata, at the precision the page itself writes it.

    htmldate (through trafilatura) always answers with a day, and fills in one that a page giving
    only "2026-02" does not state; so the day is kept only when the page writes it ("2026-02-10",
    as in "2026-02-10T08:30:00Z"), else the month when the page writes that, else nothing."""
    if not found or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", found) or not dates.is_valid(found):
        return None
    for stated in (found, found[:7]):
        if stated in html:
            return stated
    return None


def page_facts(html: str) -> PageFacts:
    """The title, publication date, byline and site name the page gives in its metadata (title tags,
    Open Graph, JSON-LD, meta author and date), never from its text nor from the URL."""
    found = trafilatura.extract_metadata(html, date_config={"extensive_search": False, "original_date": True})
    return PageFacts(one_line(found.title), stated_date(found.date, html), one_line(found.author), one_line(found.sitename))


def source_record(seed: str, url: str | None, facts: PageFacts = PageFacts()) -> str:
    """The source skeleton with what is known filled in (seed, URL, and what the page states of its title
    and date); its byline and site as notes above authors and outlet, which name actors; the rest left
    for the contributor."""
    text = skeleton("sources").replace('# seed: ""', f"seed: {json.dumps(seed)}", 1)
    if url:
        text = text.replace('# url: ""', f"url: {json.dumps(url, ensure_ascii=False)}", 1)
    if facts.title:
        text = text.replace('# title: ""', f"title: {json.dumps(facts.title, ensure_ascii=False)}", 1)
    if facts.published:
        text = text.replace('# published: ""', f"published: {json.dumps(facts.published)}", 1)
    if facts.site:
        note = f"# The page names its site: {json.dumps(facts.site, ensure_ascii=False)}. If that is the outlet, add it as an actor of kind news-outlet and give its id here."
        text = text.replace('\n# outlet: ""', f'\n{note}\n# outlet: ""', 1)
    if facts.byline:
        note = (
            f"# The page's byline: {json.dumps(facts.byline, ensure_ascii=False)}. Add each author as an actor (make new KIND=actor) and list their ids here."
        )
        text = text.replace("\n# authors:\n", f"\n{note}\n# authors:\n", 1)
    return format_text(text, "sources")


def readme_row(name: str, digest: str, size: int, url: str | None, retrieved: str) -> str:
    where = f"the page at <{url}>" if url else "a text given to `make archive`"
    return f"| `{name}` | Main text of {where}, retrieved {retrieved}: plain UTF-8 text, {size:,} bytes. | `{digest}` |"


def archive(
    repo: Path, data: Path, record_id: str, *, html: Path | None, text_file: Path | None, url: str | None, retrieved: str | None
) -> tuple[Path, Path, PageFacts]:
    """Write the seed, its provenance and the source record; return (seed, record) paths and what the page stated."""
    if (html is None) == (text_file is None):
        raise Refused(f"give either FILE= (a saved web page) or TEXT= (a text file)\n{USAGE}")
    check_id(record_id)
    clash = existing_record(data, record_id)
    if clash is not None:
        raise Refused(f"id {record_id!r} is already used by {display_path(clash)}: choose another id")
    if url is not None and not is_http_url(url):
        raise Refused(f"{url!r} is not an absolute http:// or https:// URL with a host")
    if html is not None and url is None:
        raise Refused(f"a saved page needs the URL it was saved from: add URL=https://...\n{USAGE}")
    if retrieved is not None and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", retrieved):
        raise Refused(f"RETRIEVED={retrieved!r} is not a day written YYYY-MM-DD")
    given = html or text_file
    assert given is not None
    raw, decoded = read_input(given)
    text = extract(decoded) if html is not None else clean_text(decoded)
    facts = page_facts(decoded) if html is not None else PageFacts()
    if len(text.strip()) < MIN_TEXT_CHARS:
        what = "the page" if html is not None else "the text"
        raise Refused(
            f"only {len(text.strip())} characters of article text found in {what} (at least {MIN_TEXT_CHARS} are needed): "
            "the page may have no article, or show it only with JavaScript; copy the article's text into a .txt file and use TEXT= instead"
        )
    if retrieved is None:
        retrieved = datetime.fromtimestamp(given.stat().st_mtime, UTC).date().isoformat()
    seeds = repo / "seeds"
    name = next_seed_name(seeds, text)
    body = text.encode("utf-8")
    text_sha256 = hashlib.sha256(body).hexdigest()
    provenance = {
        "file": name,
        "url": url,
        "retrieved": retrieved,
        "input": {"name": given.name, "kind": "html" if html is not None else "text", "bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()},
        "extractor": {"name": "trafilatura", "version": trafilatura.__version__} if html is not None else None,
        "text_sha256": text_sha256,
    }
    seed_path = seeds / name
    record_path = data / "sources" / f"{record_id}.yaml"
    record_path.parent.mkdir(exist_ok=True)
    with seed_path.open("xb") as out:
        out.write(body)
    (seeds / name.replace(".txt", ".provenance.json")).write_text(json.dumps(provenance, indent=2, sort_keys=True) + "\n", "utf-8")
    with record_path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(source_record(f"seeds/{name}", url, facts))
    readme = seeds / "README.md"
    if readme.is_file():
        lines = readme.read_text("utf-8").split("\n")
        last_row = max(i for i, line in enumerate(lines) if line.startswith("| `"))
        lines.insert(last_row + 1, readme_row(name, text_sha256, len(body), url, retrieved))
        readme.write_text("\n".join(lines), "utf-8")
    return seed_path, record_path, facts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], usage=USAGE.removeprefix("usage: "))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("DATA", "data")), help="data directory (default: data)")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[3], help=argparse.SUPPRESS)
    parser.add_argument("--id", default="", help="the new source's id")
    parser.add_argument("--file", type=Path, help="a saved web page (HTML)")
    parser.add_argument("--text", type=Path, help="a text file, taken as it is")
    parser.add_argument("--url", help="where the page was published (http or https)")
    parser.add_argument("--retrieved", help="the day the page was saved, YYYY-MM-DD (default: the file's modification day)")
    parser.add_argument("--from-make", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.from_make:  # make exports its command-line variables: read them here, never through a shell
        env = {name: os.environ.get(name) or None for name in ("ID", "FILE", "TEXT", "URL", "RETRIEVED")}
        args.id, args.url, args.retrieved = env["ID"] or "", env["URL"], env["RETRIEVED"]
        args.file, args.text = (Path(value) if (value := env[name]) else None for name in ("FILE", "TEXT"))
    if not args.id:
        print(f"error: give the new source's id\n{USAGE}", file=sys.stderr)
        return 2
    try:
        seed, record, facts = archive(args.repo, args.data, args.id, html=args.file, text_file=args.text, url=args.url, retrieved=args.retrieved)
    except Refused as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 1
    print(f"archived {display_path(seed)} (provenance beside it, listed in seeds/README.md)")
    print(f"created {display_path(record)}")
    stated = [f"{name} {value!r}" for name, value in (("title", facts.title), ("published", facts.published)) if value]
    stated += [
        f"{name} {value!r} (a note above {field})" for name, value, field in (("byline", facts.byline, "authors"), ("site", facts.site, "outlet")) if value
    ]
    if stated:
        print(f"from the page's metadata: {'; '.join(stated)}: check them against the page")
    print(
        f'next: fill in its "" fields, then cite it with excerpts copied from {display_path(seed)}; `make uncited SOURCE={args.id}` lists what no record cites yet'
    )
    return 0


def console() -> NoReturn:
    """The `tracker-archive` command."""
    exit_with(main)


if __name__ == "__main__":
    console()
