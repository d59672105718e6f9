"""Property-based tests (hypothesis) of the two promises the hostile-input catalogue checks by example.

1. The loader returns exactly the data written, or a positioned error. Data is written the
   way a tool writes YAML (PyYAML's emitter in its various styles), with the one rule the
   loader documents: a plain scalar is a string unless written exactly like a JSON number,
   ``true``, ``false``, ``null`` or ``~`` -- so strings that look like those are quoted.
2. Any string in any text field of a valid record renders to HTML whose visible text is that
   string and which adds no element and no attribute: the record page goes through the real
   renderer, the Markdown configured in mkdocs.yml and the nh3 backstop, and is compared with
   the same page rendered from a control string with the same whitespace and no markup.
"""

from __future__ import annotations

import calendar
import copy
import math
import re
import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import FIXED_EPOCH, MINI
from hostile import htmlcheck
from hostile.payloads import PAYLOADS, SLOTS, control_text, dump, one_set
from tracker.check.validate import check_rules, check_schemas
from tracker.core import dates
from tracker.core.html import sanitize, sentence_end
from tracker.exports import outputs as exports
from tracker.load.dataset import Dataset, RecordFile
from tracker.load.loader import LoadFailed, decode, describe_character, load_file, load_text
from tracker.model import records as model_mod
from tracker.render.pages import all_pages

# Budgets: the examples are the same on every run (tests/conftest.py), so a budget buys a fixed set of
# cases, not luck; each is as large as a run of the whole suite can afford on 2 cores (the page renders
# cost a fifth of a second an example, the all-dates build half a second), and what a wider search found
# is pinned with @example.

# ---------------------------------------------------------------- 1. the loader

_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_CONSTANTS = {"true", "false", "null", "~", ""}


class WriterDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting strings that the loader's documented rule would not read as strings."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if value in _CONSTANTS or _JSON_NUMBER.fullmatch(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_str(value)


WriterDumper.add_representer(str, _represent_str)

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["no", "on", "yes", "off", "012", "1:20", "2025-01-20", "0x1F", "1_000", ".inf", "<<", "&a", "*a", "!tag", "#", "- x", "1e3", "-0"])
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
records = st.dictionaries(st.text(max_size=12) | st.sampled_from(["title", "<<", "no", "1", "? x", "- y"]), values, max_size=6)
styles = st.fixed_dictionaries(
    {
        "default_flow_style": st.sampled_from([False, True, None]),
        "allow_unicode": st.booleans(),
        "width": st.sampled_from([20, 80, 10**6]),
        "indent": st.sampled_from([2, 4]),
        "explicit_start": st.booleans(),
        "sort_keys": st.booleans(),
    }
)


def same(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down (1, 1.0 and True are three different values)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)  # type: ignore[union-attr]
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)  # type: ignore[arg-type]
    return a == b


def has_unsafe_number(data: object) -> bool:
    """Whether the data holds a number JSON consumers cannot represent exactly (the loader refuses it)."""
    if isinstance(data, dict):
        return any(has_unsafe_number(v) for v in data.values())
    if isinstance(data, list):
        return any(has_unsafe_number(v) for v in data)
    return isinstance(data, int | float) and not isinstance(data, bool) and not (abs(data) <= 2**53 - 1)


def has_empty_key(data: object) -> bool:
    """Whether any mapping in the data has the key '' (which the loader refuses, with a position)."""
    if isinstance(data, dict):
        return "" in data or any(has_empty_key(v) for v in data.values())
    if isinstance(data, list):
        return any(has_empty_key(v) for v in data)
    return False


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=records, style=styles)
@example(data={"title": "no", "value": 12, "when": "2025-01-20", "n": "1:20", "<<": {"a": 1}}, style={"default_flow_style": False, "allow_unicode": True})
def test_loader_returns_the_data_written_or_a_positioned_error(data: dict, style: dict):
    """Whatever PyYAML writes, the loader reads back exactly, or refuses with positions that point at the cause."""
    text = yaml.dump(data, Dumper=WriterDumper, **style)
    try:
        doc = load_text(decode(text.encode("utf-8")))
    except LoadFailed as failure:
        lines = text.split("\n")
        assert failure.problems
        for problem in failure.problems:
            assert 1 <= problem.line <= len(lines), problem
            assert 1 <= problem.col <= len(lines[problem.line - 1]) + 1, problem
            at = lines[problem.line - 1][problem.col - 1 : problem.col]
            if problem.message.startswith(("control or invisible", "tab character", "carriage return", "byte order mark")):
                if at == "\\":  # a double-quoted escape that produces the character
                    token = re.match(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", lines[problem.line - 1][problem.col - 1 :])
                    escaped = yaml.safe_load('"' + token.group() + '"')
                    assert describe_character(escaped[0]) == problem.message, (problem, escaped)
                else:
                    assert at and describe_character(at) == problem.message, (problem, at)
            elif problem.message == "number out of range":
                assert has_unsafe_number(data), problem
            else:
                assert problem.message == "empty key" and has_empty_key(data), problem
    else:
        assert same(doc.data, data), (text, doc.data)


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=200)
    | st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"%@`#,? \n\t\r\\") + list(string.ascii_letters[:6])), max_size=80).map(str.encode)
)
def test_loader_never_raises_anything_but_a_positioned_load_error(raw: bytes):
    """Arbitrary bytes and YAML punctuation: a document, or LoadFailed with positions; no other exception."""
    try:
        load_text(decode(raw))
    except LoadFailed as failure:
        assert failure.problems and all(p.line >= 1 and p.col >= 1 and p.message for p in failure.problems)


# ---------------------------------------------------------------- 2. rendering

ALL_SLOTS = [(kind, field, one_line) for kind, slots in SLOTS.items() for field, one_line in slots]
# Text a browser or Markdown would treat specially, mixed with arbitrary Unicode.
FRAGMENTS = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "`",
    "<script>",
    "</div>",
    "<b onclick=alert(1)>",
    "<!--",
    "&lt;",
    "&#60;",
    "&amp;",
    "{: .x onclick=y }",
    "{",
    "}",
    "|",
    " | --- |",
    "# ",
    "## ",
    "===",
    "---",
    "[a](javascript:x)",
    "![i](http://e.example/p.png)",
    "<http://e.example>",
    "*",
    "_",
    "**",
    "!!! note",
    "    ",
    "\\",
    "javascript:",
    'markdown="1"',
    "{{ 7 * 7 }}",  # template syntax in data is text: values never go through a template's parser
    "{% if true %}",
    "{#",
    "wzxhzdk:1",
    "\n",
    "\n\n",
    "1. ",
    "- ",
    "> ",
]
ordinary = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))


def text_for(one_line: bool, minimum: int) -> st.SearchStrategy[str]:
    """Text for a one-line or multi-line field: markup fragments mixed with ordinary Unicode."""
    pieces = st.lists(st.sampled_from([f for f in FRAGMENTS if not (one_line and "\n" in f)]) | st.text(ordinary, min_size=1, max_size=6), max_size=12)
    return pieces.map("".join).filter(lambda s: minimum <= len(s) <= (300 if one_line else 2000))


def control_keeping_sentences(text: str) -> str:
    """The control text, with a full stop and a capital where the text's first sentence ends.

    A claim's title is its statement's first sentence, and the evidence card repeats the statement
    when the title shortened it: "1. Talks" is two sentences, its control "xx xxxxx" one. The
    control keeps that break, so both pages have the same elements.
    """
    control = list(control_text(text))
    end = sentence_end(text + " X")  # the field may go on after the text ("1. " + " 1 Plain text here.")
    if end is not None:
        control[end - 1] = "."
        after = end + len(text[end:]) - len(text[end:].lstrip())
        if after < len(text):
            control[after] = "X"
    return "".join(control)


@st.composite
def field_and_text(draw) -> tuple[str, str, str]:
    """A text field of one of the four kinds, and a string for it."""
    kind, field, one_line = draw(st.sampled_from(ALL_SLOTS))
    if field.endswith("excerpt") or field == "quote":  # an excerpt (a quote is one) has at least three words
        return kind, field, draw(text_for(one_line, 10)) + " in three words"
    return kind, field, draw(text_for(one_line, 1))


def dataset_of(records: dict[str, dict]) -> Dataset | None:
    """The records as the validator would load and check them (in memory); None when invalid."""
    dataset = Dataset(Path("/virtual/data"))
    for relative, data in records.items():
        kind, name = relative.split("/")
        try:
            doc = load_text(decode(dump(data).encode("utf-8")))
        except LoadFailed:
            return None
        record = RecordFile(kind, name.removesuffix(".yaml"), Path("/virtual/data") / relative, f"data/{relative}", doc=doc)
        dataset.files.append(record)
        dataset.by_id[record.id] = record
    # every measure and tag used needs a name (data/vocabulary.yaml): plain names for all of them
    measures = sorted({q["measure"] for data in records.values() for q in data.get("quantities", [])})
    tags = sorted({t for data in records.values() for t in data.get("tags", [])})
    vocabulary = {"measures": {m: {"name": "Measure"} for m in measures}, "tags": {t: "Tag" for t in tags}}
    doc = load_text(dump({k: v for k, v in vocabulary.items() if v}) or "{}\n")
    dataset.documents["vocabulary"] = RecordFile("vocabulary", "vocabulary", Path("/virtual/data/vocabulary.yaml"), "data/vocabulary.yaml", doc=doc)
    if check_schemas(dataset) or check_rules(dataset):
        return None
    return dataset


def rendered(records: dict[str, dict], page_path: str) -> str | None:
    """The HTML MkDocs puts in the page body for one generated page: the template's, sanitized by nh3."""
    dataset = dataset_of(records)
    if dataset is None:
        return None
    pages = all_pages(model_mod.build(dataset), "Site")
    (page,) = [p for p in pages if p.path == page_path]
    return sanitize(page.html)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(field_and_text())
@example(("events", "summary", PAYLOADS[0].text))
@example(("claims", "statement", "1. "))  # a title of "1." and the statement repeated below it
@example(("claims", "statement", "| a | b |\n| --- | --- |\n| <b>c</b> | d |"))
@example(("actors", "name", '"><img src=x onerror=alert(1)> {: onclick=x }'))
def test_any_text_renders_as_that_text_and_nothing_more(case: tuple[str, str, str]):
    """Any text in any field: its page shows it, with the elements and attributes of the control page and no more."""
    kind, field, text = case
    page_path = f"{kind}/{ {'events': 'event', 'claims': 'claim', 'actors': 'actor', 'sources': 'source'}[kind] }-p00.md"
    html = rendered(one_set(kind, field, text), page_path)
    assume(html is not None)  # the schema refuses it (such as leading or trailing spaces in an excerpt): not a valid record
    control = rendered(one_set(kind, field, control_keeping_sentences(text)), page_path)
    assert control is not None
    page, clean = htmlcheck.parse(html), htmlcheck.parse(control)
    assert page.skeleton == clean.skeleton
    assert htmlcheck.normalise(text) in page.visible_text
    assert htmlcheck.event_handler_attributes(page) == [] and htmlcheck.dangerous_urls(page) == []


# ---------------------------------------------------------------- 3. dates across the whole accepted range

MINI_RECORDS = {p.relative_to(MINI).as_posix(): load_file(p).data for p in sorted(MINI.rglob("*.yaml")) if p.parent != MINI}
YEARS = st.sampled_from([dates.MIN_YEAR, dates.MAX_YEAR]) | st.integers(dates.MIN_YEAR, dates.MAX_YEAR)


@st.composite
def single_date(draw) -> str:
    """One date of the notation in the accepted years: a year, month or day, a decade or century, unspecified digits, a qualifier."""
    year = draw(YEARS)
    month = draw(st.sampled_from([1, 12]) | st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    day = draw(st.sampled_from([1, last]) | st.integers(1, last))
    text = draw(
        st.sampled_from(
            [
                f"{year:04d}",
                f"{year:04d}-{month:02d}",
                f"{year:04d}-{month:02d}-{day:02d}",
                f"{year // 10:03d}X",
                f"{year // 100:02d}XX",
                f"{year:04d}-XX",
                f"{year:04d}-{month:02d}-XX",
            ]
        )
    )
    return text + draw(st.sampled_from(["", "?", "~", "%"]))


@st.composite
def any_date(draw) -> str:
    """A single date, or an interval of two (in order), or with an open or unknown end."""
    a, b = draw(single_date()), draw(single_date())
    shape = draw(st.sampled_from(["single", "closed", "open start", "open end", "unknown start", "unknown end"]))
    if shape == "closed":
        first, second = sorted([a, b], key=lambda t: dates.parse(t).earliest)
        return f"{first}/{second}" if dates.parse(second).latest >= dates.parse(first).earliest else first
    return {"single": a, "open start": f"../{a}", "open end": f"{a}/..", "unknown start": f"/{a}", "unknown end": f"{a}/"}[shape]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_date(), any_date(), any_date())
@example(f"{dates.MIN_YEAR}-01-01", f"{dates.MAX_YEAR}-12-31", f"{dates.MIN_YEAR}")
@example(f"../{dates.MIN_YEAR}-01-01", f"{dates.MAX_YEAR}-12-31/..", f"{dates.MAX_YEAR}-12-31")
@example(f"{dates.MIN_YEAR // 100}XX", f"{dates.MAX_YEAR // 100}XX%", f"/{dates.MAX_YEAR}-12")
def test_every_page_and_open_data_file_builds_for_any_accepted_date(event_date: str, other_date: str, published: str):
    """Two events and the archived article dated anywhere in the accepted years, extremes included: the validator accepts
    them, and every page (the drawn timelines too), feed, calendar, CSV and API file is made without an error."""
    records = copy.deepcopy(MINI_RECORDS)
    records["events/statement.yaml"]["date"] = event_date
    records["events/other.yaml"] = {**copy.deepcopy(records["events/statement.yaml"]), "title": "Another event", "date": other_date}
    records["sources/seed.yaml"]["published"] = published
    records["sources/seed.yaml"]["date_note"] = "Test: any date."
    dataset = dataset_of(records)
    assert dataset is not None, "a date in the accepted years was refused"
    model = model_mod.build(dataset)
    pages = all_pages(model, "Site")
    outputs = exports.build_outputs(model, site_url="https://example.org/", epoch=int(FIXED_EPOCH))
    assert any("<svg" in page.html for page in pages) and "calendar/events.ics" in outputs
