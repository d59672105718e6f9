"""Rendering payloads and the data set that carries every one of them into every text field.

Each payload is text a contributor could put in a record: HTML, script, event handlers,
Markdown links and images, attribute lists, table pipes, headings, newlines. The documented
outcome for all of them is the same: the page shows the text literally, and adds no element
and no attribute.

``write_payload_data`` writes one *set* of four records (event, claim, actor, source) per
payload. Within a set every text field (a "slot") holds a different payload, rotated so that
across the sets every payload lands in every slot exactly once: set ``k`` puts payload
``(k + j) % N`` into slot ``j``. Every page therefore shows many payloads, each field of it
a different one, and a missing field is noticed as a missing payload.

With ``control=True`` the same records are written with every non-space character of every
payload replaced by ``x``: the control site has the same records, the same line and paragraph
structure, and no markup, so any element or attribute the payload site has in excess was
injected by a payload.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Payload:
    name: str
    text: str  # as written into multi-line text fields

    @property
    def line(self) -> str:
        """The payload for one-line fields: line breaks become spaces."""
        return self.text.replace("\n", " ")


PAYLOADS: list[Payload] = [
    Payload("script element", '<script>alert("script element")</script> ran here'),  # words after it: an excerpt has at least three
    Payload("img onerror", '<img src=x onerror=alert("img onerror")>'),
    Payload("svg onload", '<svg/onload=alert("svg onload")><circle r="40"/></svg>'),
    Payload("double-quote attribute breakout", '"><b data-pwn="1" onmouseover="alert(\'dq\')">hover me</b>'),
    Payload("single-quote attribute breakout", "'><b data-pwn='2' onmouseover='alert(1)'>hover me</b>"),
    Payload("unquoted attribute breakout", "x autofocus onfocus=alert(3) data-pwn=3 tabindex=0 x"),
    Payload("handler on an allowed tag", '<p onclick="alert(4)" data-pwn="4">click</p><a href="https://evil.example/" onclick="alert(4)">link</a>'),
    Payload("javascript link in HTML", "<a href=\"javascript:alert('html link')\">click me</a>"),
    Payload("iframe srcdoc", '<iframe srcdoc="&lt;script&gt;alert(5)&lt;/script&gt;"></iframe> <object data="javascript:alert(5)"></object>'),
    Payload("Markdown link", "[click me](javascript:alert('markdown link')) and [home](https://evil.example/)"),
    Payload("Markdown image", '![tracking pixel](https://evil.example/pixel.png "title")'),
    Payload("Markdown autolink", "<https://evil.example/autolink> and <mailto:someone@evil.example>"),
    Payload("Markdown reference link", "[click me][ref]\n\n[ref]: javascript:alert('reference')"),
    Payload("attribute list", 'A paragraph { onclick="alert(6)" data-pwn="6" }\n\n## Heading {: #pwned onclick="alert(6)" }'),
    Payload("table pipes", "| a | b |\n| --- | --- |\n| <b>c</b> | d |"),
    Payload("Markdown headings", "# Heading one\n\n## Heading two\n\nSetext heading\n=============="),
    Payload("newlines and blank lines", "line one\nline two\n\n\nparagraph three\n   \n\nlast   line  "),
    Payload("HTML entities", "&lt;script&gt;alert('entity')&lt;/script&gt; &amp; &#60;b&#62; &nbsp; &#x27;"),
    Payload("comment and CDATA", "<!-- hidden comment --> <![CDATA[ cdata ]]> --> ]]> <!--"),
    Payload("closing tags", "</div></p></li></ol></table></dl></section></details></script></style></textarea></title></noscript> closed them all"),
    Payload("style and stylesheet", '<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">'),
    Payload("meta refresh and base", '<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">'),
    Payload("JSON-LD breakout", '"}</script><script>alert("json-ld")</script><script type="application/ld+json">{" broke out'),
    Payload("template syntax", "{{ config.site_name }} {% include 'base.html' %} ${alert(7)} #{7*7} <%= 7*7 %>"),
    Payload("Markdown emphasis, code and lists", "**bold** _em_ `code` ~~strike~~\n> quoted\n- list item\n1. numbered\n\n    indented code"),
    Payload("admonition and md_in_html", '!!! danger "pwned"\n    admonition body\n\n<div markdown="1">**inside**</div>'),
    Payload("Markdown placeholders", "wzxhzdk:0 klzzwxh:0 &#2;wzxhzdk:1&#3; \\<b\\> \\*not em\\*"),
    Payload(
        "MathML and SVG links", '<math><mi xlink:href="javascript:alert(8)">x</mi></math><svg><a xlink:href="javascript:alert(8)"><text>t</text></a></svg>'
    ),
    Payload("noscript mutation", '<noscript><p title="</noscript><img src=x onerror=alert(9)>"></noscript>'),
    Payload("entity-encoded handler", "&quot; onmouseover=&quot;alert(10)&quot; data-x=&quot;"),
    Payload("bare URLs", "javascript:alert('bare') https://evil.example/bare www.evil.example"),
    Payload("backslashes", "C:\\path\\to\\file \\\\ \\n \\t \\` \\u003c"),
    Payload("non-Latin scripts", "naïve café — “quoted” ‘single’ … 日本語 עברית العربية 👍🏽"),
    Payload("spreadsheet formula", '=HYPERLINK("https://evil.example/","open")+1 @SUM(A1) -2+3'),
    Payload("iCalendar injection", "x\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected event\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT"),
    Payload("form and button", '<form action="https://evil.example/"><input name=q autofocus><button formaction="javascript:alert(11)">go</button></form>'),
]

CONTROL_CHARACTER = "x"


def control_text(text: str) -> str:
    """The control version of a text: the same whitespace, every other character an x."""
    return re.sub(r"\S", CONTROL_CHARACTER, text)


# The slots of one payload set: (kind, record id template, dotted field path, one line?).
# Paths with an index ("citations.0.excerpt") point into lists.
EVENT_SLOTS = [
    ("title", True),
    ("date_note", False),
    ("location.name", True),
    ("location.country", True),
    ("location.detail", True),
    ("summary", False),
    ("notes", False),
    ("citations.0.excerpt", False),
    ("citations.0.note", False),
]
CLAIM_SLOTS = [
    ("statement", False),
    ("quote", False),  # also the first citation's excerpt: a quote must occur in an excerpt
    ("date_note", False),
    ("quantities.0.counts", True),
    ("quantities.0.unit", True),
    ("assessment.rationale", False),
    ("links.0.note", True),
    ("notes", False),
    ("citations.0.note", False),
    ("citations.1.excerpt", False),
    ("citations.1.note", False),
]
ACTOR_SLOTS = [
    ("name", True),
    ("described_as", True),
    ("roles.0.title", True),
    ("aliases.0", True),
    ("country", True),
    ("description", False),
    ("citations.0.excerpt", False),
    ("citations.0.note", False),
]
SOURCE_SLOTS = [
    ("title", True),
    ("description", True),
    ("date_note", False),
    ("notes", False),
    ("reported_via.0.excerpt", False),
    ("reported_via.0.note", False),
]
_UNIT_SLOT = CLAIM_SLOTS.index(("quantities.0.unit", True))
SLOTS: dict[str, list[tuple[str, bool]]] = {"events": EVENT_SLOTS, "claims": CLAIM_SLOTS, "actors": ACTOR_SLOTS, "sources": SOURCE_SLOTS}
PREFIX = {"events": "event", "claims": "claim", "actors": "actor", "sources": "source"}
# A URL that is valid (http(s), a host) but full of characters that must stay inside the attribute.
HOSTILE_URL = "https://example.org/p?q=\"'><img/src=x/onerror=alert(12)>&x=<script>alert(12)</script>"


@dataclass(frozen=True)
class Placement:
    """Where one payload was written: the record, its page, the field and the value."""

    kind: str
    record_id: str
    field: str
    value: str

    @property
    def page(self) -> str:
        return f"{self.kind}/{self.record_id}/index.html"


def record_id(kind: str, set_index: int) -> str:
    """The id of payload set ``set_index``'s record of one kind, such as ``event-p03``."""
    return f"{PREFIX[kind]}-p{set_index:02d}"


def _set(data: dict, dotted: str, value: str) -> None:
    parts = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    node: object = data
    for part in parts[:-1]:
        node = node[part]  # type: ignore[index]
    node[parts[-1]] = value  # type: ignore[index]


def _skeletons(k: int) -> dict[str, dict]:
    """The records of payload set ``k`` with placeholder text, before the slots are filled."""
    event, actor, source = (record_id(kind, k) for kind in ("events", "actors", "sources"))
    return {
        "events": {
            "title": "",
            "date": "2026-02-01",
            "date_note": "",
            "location": {"name": "", "country": "", "detail": ""},
            "actors": [actor, "base-actor"],
            "summary": "",
            "tags": ["hostile"],
            "part_of": "base-event",
            "notes": "",
            "citations": [{"source": source, "excerpt": "", "note": ""}],
        },
        "claims": {
            "claimants": [actor],
            "statement": "",
            "quote": "",
            "made_in": source,
            "date": "2026-02-01",
            "date_note": "",
            "about": [event],
            "quantities": [{"measure": f"measure-p{k:02d}", "counts": "", "value": k + 1, "qualifier": "about", "unit": ""}],
            "assessment": {"status": "disputed", "rationale": ""},
            "links": [{"type": "updates", "claim": "base-claim", "note": ""}],
            "tags": ["hostile"],
            "notes": "",
            "citations": [{"source": source, "excerpt": "", "note": ""}, {"source": "base-source", "excerpt": "", "note": ""}],
        },
        "actors": {
            "name": "",
            "kind": "group",
            "described_as": "",
            "roles": [{"title": "", "organisation": "base-org", "date": "2026"}],
            "aliases": [""],
            "country": "",
            "member_of": ["base-org"],
            "description": "",
            "citations": [{"source": source, "excerpt": "", "note": ""}],
        },
        "sources": {
            "kind": "news-article",
            "title": "",
            "description": "",
            "outlet": "base-outlet",
            "authors": [actor],
            "published": "2026-02",
            "date_note": "",
            "url": HOSTILE_URL,
            "archived_url": HOSTILE_URL + "&archived=1",
            "language": "en",
            "reported_via": [{"source": "base-source", "excerpt": "", "note": ""}],
            "notes": "",
        },
    }


BASE_RECORDS: dict[str, dict] = {
    "actors/base-actor.yaml": {"name": "Base Actor", "kind": "person", "citations": [{"source": "base-source", "excerpt": "Base source excerpt."}]},
    "actors/base-org.yaml": {"name": "Base Org", "kind": "organisation", "citations": [{"source": "base-source", "excerpt": "Base source excerpt."}]},
    "actors/base-outlet.yaml": {"name": "Base Outlet", "kind": "news-outlet", "citations": [{"source": "base-source", "excerpt": "Base source excerpt."}]},
    "sources/base-source.yaml": {
        "kind": "news-article",
        "description": "Base source",
        "authors": ["base-actor"],  # the venue of the base claim is its claimant's (check_venue)
        "url": "https://example.org/base",
        "published": "2026-03-01",
    },
    "claims/base-claim.yaml": {
        "claimants": ["base-actor"],
        "statement": "The claim every payload claim updates.",
        "made_in": "base-source",
        "assessment": {"status": "unverified", "rationale": "Base rationale."},
        "citations": [{"source": "base-source", "excerpt": "Base source excerpt."}],
    },
    "events/base-event.yaml": {
        "title": "Base event",
        "date": "2026-01/2026-03",
        "actors": ["base-actor"],
        "summary": "The event every payload event is part of.",
        "citations": [{"source": "base-source", "excerpt": "Base source excerpt."}],
    },
}

# YAML 1.1 implicit typing: written unquoted on purpose, kept and shown exactly as written.
YAML_11_RECORDS: dict[str, str] = {
    "events/yaml-11-scalars.yaml": (
        "title: no\n"
        "date: 2026-02-01\n"
        "location:\n"
        "  name: on\n"
        "  country: NO\n"
        "  detail: 1:20\n"
        "actors:\n"
        "  - base-actor\n"
        "summary: 012\n"
        "notes: 2026-02-01 10:00:00\n"
        "citations:\n"
        "  - source: base-source\n"
        "    excerpt: Base source excerpt, on 2026-02-01.\n"  # gives the day and names the place 'on'
        "    note: off\n"
    ),
}
YAML_11_SHOWN = ["no", "on", "NO", "1:20", "012", "2026-02-01 10:00:00", "off"]


def placements() -> list[Placement]:
    """Every (record, field, value) the payload data set holds, payload site values."""
    found = []
    n = len(PAYLOADS)
    for kind, slots in SLOTS.items():
        for k in range(n):
            for j, (field, one_line) in enumerate(slots):
                payload = PAYLOADS[(k + j) % n]
                value = payload.line if one_line else payload.text
                if (kind, field) == ("claims", "statement"):  # fill() adds the quantity's figure and unit
                    value += f" {k + 1} {PAYLOADS[(k + _UNIT_SLOT) % n].line}"
                found.append(Placement(kind, record_id(kind, k), field, value))
    return found


def fill(data: dict, kind: str, values: dict[str, str]) -> dict:
    """Set the slots of one record (a quote is also its claim's first excerpt, and so on as the rules
    require); return the record."""
    for field, value in values.items():
        _set(data, field, value)
    if kind == "claims":
        data["citations"][0]["excerpt"] = data["quote"]
        # The editorial rules: a quantity restates its statement's figure and unit (placements() knows) ...
        quantity = data["quantities"][0]
        data["statement"] += f" {quantity['value']} {quantity['unit']}"
    # ... and a location and a described_as are words of a cited excerpt (a second citation), which for an
    # event also gives its day (a date_note does not stand in for it unless it quotes the source).
    if kind == "events":
        data["citations"].append({"source": "base-source", "excerpt": f"{data['location']['name']}, on 2026-02-01"})
    if kind == "actors":
        data["citations"].append({"source": "base-source", "excerpt": data["described_as"]})
    return data


def payload_records(*, control: bool = False) -> dict[str, dict]:
    """Every record of the payload data set, by data-relative path."""
    records = copy.deepcopy(BASE_RECORDS)
    n = len(PAYLOADS)
    for k in range(n):
        skeletons = _skeletons(k)
        for kind, slots in SLOTS.items():
            values = {}
            for j, (field, one_line) in enumerate(slots):
                payload = PAYLOADS[(k + j) % n]
                value = payload.line if one_line else payload.text
                values[field] = control_text(value) if control else value
            records[f"{kind}/{record_id(kind, k)}.yaml"] = fill(skeletons[kind], kind, values)
    return records


def one_set(kind: str, field: str, value: str, *, filler: str = "Plain text here.") -> dict[str, dict]:
    """The base records and one payload set, every slot holding ``filler`` but one that holds ``value``."""
    records = copy.deepcopy(BASE_RECORDS)
    for each_kind, data in _skeletons(0).items():
        values = {name: filler for name, _ in SLOTS[each_kind]}
        if each_kind == kind:
            values[field] = value
        records[f"{each_kind}/{record_id(each_kind, 0)}.yaml"] = fill(data, each_kind, values)
    return records


def dump(data: dict) -> str:
    """YAML as a contributor's tool would write it (PyYAML's safe dumper, Unicode kept)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def write_payload_data(root: Path, *, control: bool = False) -> dict[str, dict]:
    """Write the payload data set under ``root``; return the records written, by path."""
    records = payload_records(control=control)
    for relative, data in records.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), "utf-8")
    for relative, text in YAML_11_RECORDS.items():
        (root / relative).write_text(text, "utf-8")
    # every measure and tag used needs a reader-facing name; plain ones, as the page layer does not show them yet
    measures = sorted({q["measure"] for data in records.values() for q in data.get("quantities", [])})
    tags = sorted({t for data in records.values() for t in data.get("tags", [])})
    lines = ["measures:", *(f'  {m}:\n    name: "{m}"' for m in measures)] if measures else []
    lines += ["tags:", *(f'  {t}: "{t}"' for t in tags)] if tags else []
    (root / "vocabulary.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return records
