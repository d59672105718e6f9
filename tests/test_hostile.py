"""The hostile-input suite: untrusted data is rejected with a position, or shown as literal text.

Two catalogues (see tests/hostile/README.md):

* tests/hostile/cases.py: files a pull request could add, each with its exact outcome from
  ``scripts/validate.py`` run as a user runs it (a subprocess): exit 1 and exactly the
  expected ``path:line:col: message`` lines with no traceback, or exit 0 with the value kept
  as written;
* tests/hostile/payloads.py: text that must reach the page as text. One payload site holds
  every payload in every text field, and one control site holds the same records with the
  payloads' characters replaced by ``x``; both are built once per test session.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest

from conftest import MINI, REPO
from hostile import htmlcheck, sites
from hostile.cases import CASES, HostileCase
from hostile.payloads import HOSTILE_URL, PAYLOADS, YAML_11_SHOWN, Payload, placements
from tracker.load.loader import FORBIDDEN_CHARACTERS, load_file

ATOM_ELEMENTS = {"feed", "id", "title", "subtitle", "updated", "link", "author", "name", "uri", "entry", "category", "summary", "published", "content"}  # fmt: skip


def _param(case: HostileCase):
    marks = [pytest.mark.xfail(strict=True, reason=case.bug)] if case.bug else []
    return pytest.param(case, id=f"{case.category}: {case.name}", marks=marks)


def run_validate(data: Path, seconds: float = 10, repo: Path = REPO) -> tuple[int, list[str], str]:
    """Run scripts/validate.py of ``repo`` (the checkout, or a copy: conftest.scratch_repo) on a data
    directory; output lines with the directory shown as data/.

    An alias bomb, a named pipe or deep nesting must not hang it: after ``seconds`` the test fails."""
    env = {**os.environ, "GITHUB_ACTIONS": ""}
    try:
        command = [sys.executable, str(repo / "scripts" / "validate.py"), "--data", str(data)]
        result = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, timeout=seconds, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the validator did not finish within {seconds} s")
    lines = [line.replace(str(data), "data") for line in result.stdout.splitlines()]
    return result.returncode, lines, result.stderr


# ---------------------------------------------------------------- the case catalogue


def test_catalogue_is_large_and_documented():
    """At least 30 cases, unique names, an outcome each, and every category described in the README."""
    names = [f"{c.category}: {c.name}" for c in CASES]
    assert len(names) == len(set(names))
    assert len(CASES) >= 30
    assert all(c.expected or c.accepted for c in CASES)
    readme = (Path(__file__).parent / "hostile" / "README.md").read_text("utf-8")
    assert [c for c in dict.fromkeys(case.category for case in CASES) if f"**{c}**" not in readme] == []


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: HostileCase, tmp_path: Path, scratch_repo: Path):
    """One catalogue entry: exactly its documented outcome, with no traceback, in time."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    with case.archived(scratch_repo):  # an archived text the case adds is in the copy's seeds/ while it runs
        case.apply(data)
        code, lines, stderr = run_validate(data, case.seconds, scratch_repo)
    lines = [line for line in lines if ": warning: " not in line]  # stale or missing translations: the count's line says how many
    assert "Traceback" not in stderr and "Traceback" not in "\n".join(lines), stderr
    if case.accepted is not None:
        file, path, value = case.accepted
        assert code == 0 and len(lines) == 1 and lines[0].startswith("ok: "), lines
        loaded = load_file(data / file).data
        for key in path:
            loaded = loaded[key]
        assert loaded == value and type(loaded) is type(value)
    else:
        assert code == 1
        assert "\n".join(lines[:-1]) == "\n".join(case.expected)  # a problem with YAML to paste spans several lines
        assert lines[-1].startswith(f"{len(case.expected)} problem")
    if case.check:
        case.check(data)


# ---------------------------------------------------------------- the payload catalogue


@pytest.fixture(scope="module")
def payload_sites(tmp_path_factory) -> tuple[Path, Path]:
    """(payload site, control site), each built once per session by scripts/build.py."""
    return sites.payload_sites(tmp_path_factory)


@pytest.fixture(scope="module")
def payload_pages(payload_sites) -> dict[str, htmlcheck.Page]:
    """Every HTML page of the payload site, parsed, by site-relative path."""
    site = payload_sites[0]
    return {p.relative_to(site).as_posix(): htmlcheck.parse_file(p) for p in sorted(site.rglob("*.html"))}


def test_payloads_are_distinct_and_fit_every_field():
    """No payload hides inside another, so finding one on a page proves its own field is shown."""
    texts = [htmlcheck.normalise(p.text) for p in PAYLOADS]
    for i, a in enumerate(texts):
        assert all(a not in b for j, b in enumerate(texts) if i != j), PAYLOADS[i].name
    assert all(len(p.text) >= 10 and len(p.line) <= 300 for p in PAYLOADS)
    assert len({p.name for p in PAYLOADS}) == len(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_payload_is_shown_literally_in_every_field(payload: Payload, payload_sites, payload_pages):
    """Each field holding the payload shows it on its record's page as text; the raw markup is nowhere."""
    site = payload_sites[0]
    missing = []
    for placement in placements():
        if placement.value not in (payload.text, payload.line):
            continue
        page = payload_pages[placement.page]
        if htmlcheck.normalise(placement.value) not in page.visible_text:
            missing.append(f"{placement.page}: {placement.field}")
    assert missing == []
    if "<" in payload.text:
        raw = [name for name in payload_pages if payload.line in (site / name).read_text("utf-8") or payload.text in (site / name).read_text("utf-8")]
        assert raw == [], "the payload appears unescaped in the page source"


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_payload_round_trips_through_titles_and_json_ld(payload: Payload, payload_pages):
    """<title> and the JSON-LD of a record page hold the exact text: escaped once, never twice."""
    for placement in placements():
        if placement.kind in ("events", "actors", "sources") and placement.field in ("title", "name") and placement.value == payload.line:
            page = payload_pages[placement.page]
            assert page.title.startswith(payload.line + " - ")
            (jsonld,) = page.jsonld
            assert jsonld["name"] == payload.line
        if placement.kind == "claims" and placement.field == "statement" and placement.value == payload.text:
            (jsonld,) = payload_pages[placement.page].jsonld
            assert jsonld["text"] == payload.text


def test_no_page_gains_an_element_or_attribute(payload_sites, payload_pages):
    """Every page of the payload site has exactly the elements and attributes of the control site."""
    control_site = payload_sites[1]
    control_names = sorted(p.relative_to(control_site).as_posix() for p in control_site.rglob("*.html"))
    assert sorted(payload_pages) == control_names
    differences = {}
    for name, page in payload_pages.items():
        control = htmlcheck.parse_file(control_site / name)
        extra, lacking = page.skeleton - control.skeleton, control.skeleton - page.skeleton
        if extra or lacking:
            differences[name] = {"extra": dict(extra), "lacking": dict(lacking)}
    assert differences == {}


def test_no_event_handler_or_script_url_anywhere(payload_pages):
    """No page of the payload site has an on* attribute or a javascript:, vbscript: or data: URL."""
    found = {name: htmlcheck.event_handler_attributes(page) + htmlcheck.dangerous_urls(page) for name, page in payload_pages.items()}
    assert {name: items for name, items in found.items() if items} == {}


def test_hostile_url_stays_inside_its_attribute(payload_pages):
    """A valid URL full of quotes and brackets is one href, and is shown as text on the source page."""
    page = payload_pages["sources/source-p00/index.html"]
    hrefs = [value for tag, name, value in page.attributes if tag == "a" and name == "href"]
    assert HOSTILE_URL in hrefs
    assert HOSTILE_URL in page.visible_text


def test_yaml_1_1_scalars_are_shown_as_written(payload_pages):
    """Unquoted no, on, NO, 1:20, 012, a date and a date-time are shown as written, not as booleans, numbers or dates."""
    page = payload_pages["events/yaml-11-scalars/index.html"]
    assert page.title.startswith("no - ")
    for shown in YAML_11_SHOWN:
        assert re.search(rf"(?<![\w:-]){re.escape(shown)}(?![\w:-])", page.visible_text), shown
    assert "February 2026" in page.visible_text
    assert "False" not in page.visible_text and "True" not in page.visible_text


def test_no_control_or_invisible_character_is_published(payload_sites):
    """Pages, search index and open-data files carry no character the loader refuses (CRLF in CSV and iCalendar aside)."""
    site = payload_sites[0]
    outputs = [p for p in sorted(site.rglob("*")) if p.suffix in (".html", ".json", ".csv", ".atom", ".ics", ".xml") and "assets" not in p.parts]
    assert len(outputs) > 100
    found = {}
    for path in outputs:
        chars = {f"U+{ord(m.group()):04X}" for m in FORBIDDEN_CHARACTERS.finditer(path.read_text("utf-8")) if m.group() not in "\t\r"}
        if chars:
            found[path.relative_to(site).as_posix()] = sorted(chars)
    assert found == {}


def test_search_index_holds_payloads_as_the_text_readers_see(payload_sites):
    """Pagefind's fragments hold each page's text: a payload is indexed as the characters shown on
    the page, never as markup the page ran (the results script then puts it in the page as text)."""
    fragments = sorted((payload_sites[0] / "pagefind" / "fragment").glob("*.pf_fragment"))
    raw = [gzip.decompress(path.read_bytes()).decode("utf-8") for path in fragments]
    assert raw and all(text.startswith("pagefind_dcd") for text in raw)
    records = [json.loads(text.removeprefix("pagefind_dcd")) for text in raw]
    index = " ".join(" ".join([r["content"], *r["meta"].values()]) for r in records).split()  # Pagefind folds white space
    markup = [payload for payload in PAYLOADS if "<" in payload.line]
    assert markup and [p.name for p in markup if " ".join(p.line.split()) not in " ".join(index)] == []


def test_the_checks_notice_an_injected_element(payload_sites):
    """The comparison is not vacuous: one unescaped payload in a control page is caught three ways."""
    control = (payload_sites[1] / "events" / "event-p00" / "index.html").read_text("utf-8")
    hostile = control.replace('<h1 id="title">', '<h1 id="title"><img src=x onerror=alert(1)>', 1)
    injected, clean = htmlcheck.parse(hostile), htmlcheck.parse(control)
    assert injected.skeleton - clean.skeleton == Counter({("img", ("onerror", "src")): 1})
    assert htmlcheck.event_handler_attributes(injected) == ["<img onerror='alert(1)'>"]
    assert htmlcheck.dangerous_urls(htmlcheck.parse('<a href=" jav&#x09;ascript:alert(1)">x</a>')) == ["<a href=' jav\\tascript:alert(1)'>"]


# ---------------------------------------------------------------- the open-data files


def _strings(node: object) -> set[str]:
    if isinstance(node, str):
        return {node}
    if isinstance(node, dict):
        return set().union(*(_strings(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(_strings(v) for v in node)) if node else set()
    return set()


def test_json_api_holds_every_field_exactly(payload_sites):
    """Each record's JSON holds the exact text of each of its fields."""
    site = payload_sites[0]
    missing = []
    for placement in placements():
        path = site / "api" / "v2" / placement.kind / f"{placement.record_id}.json"
        if placement.value not in _strings(json.loads(path.read_text("utf-8"))):
            missing.append(f"{path.name}: {placement.field}")
    assert missing == []


def test_feeds_are_well_formed_and_hold_titles_as_text(payload_sites):
    """Every Atom feed parses, has only Atom elements, and holds the event titles as text."""
    site = payload_sites[0]
    feeds = sorted(site.glob("feeds/**/*.atom"))
    assert feeds
    texts: set[str] = set()
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()  # raises on a broken document
        assert {element.tag.split("}")[-1] for element in root.iter()} <= ATOM_ELEMENTS, feed.name
        texts |= {element.text or "" for element in root.iter()}
    joined = "\n".join(texts)
    missing = [p.field for p in placements() if p.kind == "events" and p.field == "title" and p.value not in joined]
    assert missing == []


def test_calendar_holds_one_event_per_event_and_text_exactly(payload_sites):
    """A payload with line breaks and iCalendar lines adds no event and no property."""
    site = payload_sites[0]
    calendar = icalendar.Calendar.from_ical((site / "calendar" / "events.ics").read_bytes())
    events = calendar.walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    titles = [p.value for p in placements() if p.kind == "events" and p.field == "title"]
    assert sorted(summaries) == sorted([*titles, "no"])  # every payload event and the YAML 1.1 one, dated to the day
    assert "injected event" not in summaries
    payload_events = [e for e in events if "/events/event-p" in str(e["URL"])]
    assert len(payload_events) == len(PAYLOADS) and all(set(e.keys()) == set(payload_events[0].keys()) for e in payload_events)
    descriptions = "\n".join(str(e["DESCRIPTION"]) for e in events)
    assert all(p.value in descriptions for p in placements() if p.kind == "events" and p.field == "summary")


def test_csv_cells_hold_text_without_running_formulas(payload_sites):
    """No cell starts a spreadsheet formula; every payload is in the CSV, guarded only by a leading apostrophe."""
    site = payload_sites[0]
    cells: set[str] = set()
    for path in sorted(site.glob("csv/*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            cells |= {cell for row in csv.reader(handle) for cell in row}
    formulas = [c for c in cells if c[:1] in ("=", "@", "+", "-", "\t", "\r") and not re.fullmatch(r"[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?", c)]
    assert formulas == []
    unguarded = {c.removeprefix("'") if c[:2] in ("'=", "'@", "'+", "'-", "''") else c for c in cells}
    assert [p.name for p in PAYLOADS if p.line not in unguarded and p.text not in unguarded] == []
