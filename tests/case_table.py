"""Broken datasets: each case is one change to the mini dataset and the exact lines it must produce.

Used by test_rules.py (every rule of the validator) and extended by the
hostile-input suite. Paths in expected lines are relative to the data directory.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Case:
    name: str
    expected: list[str]
    edits: list[tuple[str, str, str]] = field(default_factory=list)  # (file, old, new)
    writes: dict[str, str | bytes | None] = field(default_factory=dict)  # file -> content (None deletes)
    custom: Callable[[Path], None] | None = None

    def apply(self, data: Path) -> None:
        for name, old, new in self.edits:
            path = data / name
            text = path.read_text("utf-8")
            assert old in text, f"{self.name}: {old!r} not in {name}"
            path.write_text(text.replace(old, new, 1), "utf-8")
        for name, content in self.writes.items():
            path = data / name
            if content is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, "utf-8")
        if self.custom:
            self.custom(data)


def _symlink(data: Path) -> None:
    os.symlink("/etc/passwd", data / "actors" / "passwd.yaml")


def _symlinked_folder(data: Path) -> None:
    os.symlink(data / "events", data / "claims" / "more")


C = "claims/fair-talks.yaml"
O = "claims/other-talks.yaml"
E = "events/statement.yaml"
S = "sources/x-post.yaml"
A = "actors/president.yaml"

SCHEMA_CASES = [
    Case(
        "missing required field",
        ["claims/other-talks.yaml:1:1: missing required field 'statement'"],
        edits=[(O, 'statement: "Iran said something else."\n', "")],
    ),
    Case("unknown field", ["events/statement.yaml:6:1: unknown field 'colour'"], edits=[(E, "tags:\n", "colour: red\ntags:\n")]),
    Case(
        "reference is not an id",
        ["claims/fair-talks.yaml:2:5: 'President' is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens"],
        edits=[(C, "  - president\nstatement", "  - President\nstatement")],
    ),
    Case(
        "status not on the scale",
        ["claims/other-talks.yaml:6:11: 'probably' is not one of: unverified, corroborated, disputed, contradicted, retracted"],
        edits=[(O, "status: disputed", "status: probably")],
    ),
    Case(
        "javascript url",
        ["sources/x-post.yaml:6:6: 'javascript:alert(1)' is not an absolute http:// or https:// URL with a host"],
        edits=[(S, "published:", 'url: "javascript:alert(1)"\npublished:')],
    ),
    Case(
        "impossible date",
        ["events/statement.yaml:2:7: invalid date: '2026-02-30': day 30 does not exist in February 2026"],
        edits=[(E, '"2026-02-01"', '"2026-02-30"')],
    ),
    Case(
        "interval ends before it starts",
        ["events/statement.yaml:2:7: invalid date: '2026-03/2026-01': the interval ends before it starts"],
        edits=[(E, '"2026-02-01"', '"2026-03/2026-01"')],
    ),
    Case("number written as a string", ['claims/fair-talks.yaml:12:12: "3000" is not of type "number"'], edits=[(C, "value: 3000", 'value: "3000"')]),
    Case(
        "line break in a one-line field",
        ["events/statement.yaml:1:8: must be a single line of text (no line breaks)"],
        edits=[(E, '"Pezeshkian posted a statement on X"', '"Pezeshkian posted\\na statement"')],
    ),
    Case(
        "id with trailing newline",
        ["events/statement.yaml:4:5: 'president\\n' is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens"],
        edits=[(E, "  - president\nsummary", '  - "president\\n"\nsummary')],
    ),
    Case(
        "empty citations",
        ["claims/other-talks.yaml:11:12: must not be empty: at least one item is required"],
        edits=[(O, 'citations:\n  - source: seed\n    excerpt: "Iran insists on limiting conversations solely to its nuclear program"\n', "citations: []\n")],
    ),
    Case(
        "anonymous actor without described_as",
        ["actors/president.yaml:1:1: missing required field 'described_as'"],
        edits=[(A, "kind: person", "kind: anonymous")],
    ),
]

RULE_CASES = [
    Case(
        "unknown reference",
        ["events/statement.yaml:4:5: unknown actor 'nobody': no file actors/nobody.yaml"],
        edits=[(E, "  - president\nsummary", "  - nobody\nsummary")],
    ),
    Case(
        "reference to the wrong kind",
        ["claims/fair-talks.yaml:2:5: 'statement' is an event (data/events/statement.yaml), not an actor"],
        edits=[(C, "  - president\nstatement", "  - statement\nstatement")],
    ),
    Case("event part of itself", ["events/statement.yaml:6:10: 'statement' refers to itself"], edits=[(E, "tags:", "part_of: statement\ntags:")]),
    Case(
        "claim links to itself",
        [
            "claims/fair-talks.yaml:20:12: 'fair-talks' refers to itself",
            "claims/other-talks.yaml:10:12: contradicts goes both ways: add {type: contradicts, claim: other-talks} to the links of data/claims/fair-talks.yaml",
        ],
        edits=[(C, "claim: other-talks", "claim: fair-talks")],
    ),
    Case(
        "contradiction written on one side only",
        ["claims/fair-talks.yaml:20:12: contradicts goes both ways: add {type: contradicts, claim: fair-talks} to the links of data/claims/other-talks.yaml"],
        edits=[(O, "links:\n  - type: contradicts\n    claim: fair-talks\n", "")],
    ),
    Case(
        "two links to one claim",
        ["claims/fair-talks.yaml:22:12: a second link to 'other-talks' (corroborates, already contradicts); keep one"],
        edits=[(C, "    claim: other-talks\n", "    claim: other-talks\n  - type: corroborates\n    claim: other-talks\n")],
    ),
    Case(
        "unverified claim in a contradiction",
        ["claims/other-talks.yaml:6:11: a claim that contradicts another must be assessed: disputed, contradicted, corroborated or retracted, not unverified"],
        edits=[(O, "status: disputed", "status: unverified")],
    ),
    Case(
        "corroborated with one source",
        ["claims/other-talks.yaml:6:11: 'corroborated' needs a corroborates link or citations of at least two sources"],
        edits=[(O, "status: disputed", "status: corroborated")],
    ),
    Case(
        "claim dated after its venue",
        ["claims/fair-talks.yaml:6:7: claim dated 2026-03-01 is after its source 'x-post' was published (2026-02)"],
        edits=[(C, 'date: "2026-02-01"', 'date: "2026-03-01"')],
    ),
    Case(
        "excerpt not in the seed",
        ["events/statement.yaml:10:14: excerpt not found verbatim in seeds/000_339a995688291f73.txt (source 'seed')"],
        edits=[(E, "Pezeshkian said he has instructed", "Pezeshkian said he had instructed")],
    ),
    Case(
        "quote not in the excerpts",
        ["claims/fair-talks.yaml:4:8: the quote does not occur in any of the claim's citation excerpts"],
        edits=[(C, 'quote: "fair and equitable negotiations"', 'quote: "fair negotiations"')],
    ),
    Case(
        "fuzzy date without a date_note",
        ["events/statement.yaml:2:7: date '2026-02?' is not exact; add a date_note saying how it was derived"],
        edits=[(E, '"2026-02-01"', '"2026-02?"'), (E, "date_note:", "# date_note:")],
    ),
    Case(
        "seed file missing",
        ["sources/seed.yaml:4:7: 'seeds/999_missing.txt' is not a file in seeds/"],
        edits=[("sources/seed.yaml", "000_339a995688291f73.txt", "999_missing.txt")],
    ),
    Case(
        "source with no way to read it",
        ["sources/x-post.yaml:1:1: a source with no url, archived_url or seed must say where it is reported (reported_via)"],
        edits=[(S, 'reported_via:\n  - source: seed\n    excerpt: "In a statement on X, Pezeshkian said"\n', "")],
    ),
    Case(
        "reported_via cycle",
        ["sources/a.yaml:4:3: reported_via leads back to this source (a cycle)", "sources/b.yaml:4:3: reported_via leads back to this source (a cycle)"],
        writes={
            "sources/a.yaml": 'kind: other\ndescription: "A"\nreported_via:\n  - source: b\n    excerpt: "B mentions A here"\n',
            "sources/b.yaml": 'kind: other\ndescription: "B"\nreported_via:\n  - source: a\n    excerpt: "A mentions B here"\n',
        },
    ),
    Case(
        "outlet that is not a news outlet",
        ["sources/x-post.yaml:3:9: outlet 'iran' is an actor of kind 'government', not news-outlet"],
        edits=[(S, "outlet: platform", "outlet: iran")],
    ),
    Case(
        "one measure in two units",
        ["claims/other-talks.yaml:16:11: measure 'deaths' is counted in 'people' in data/claims/fair-talks.yaml; use one unit per measure"],
        edits=[
            (
                O,
                "citations:",
                'quantities:\n  - measure: deaths\n    counts: "deaths"\n    value: 6854\n    qualifier: estimated\n    unit: persons\ncitations:',
            )
        ],
    ),
    Case(
        "part of an event outside its dates",
        ["events/later.yaml:2:7: date 2026-05 lies outside that of 'statement' (2026-02-01)"],
        writes={
            "events/later.yaml": 'title: "Later"\ndate: "2026-05"\ndate_note: "Test."\nactors:\n  - iran\nsummary: "Later."\npart_of: statement\ncitations:\n  - source: seed\n    excerpt: "Talks between Iran and the United States"\n'
        },
    ),
]

LAYOUT_CASES = [
    Case(
        "reserved id",
        ["events/index.yaml:1:1: 'index' is reserved for the site's own pages; choose another id"],
        writes={"events/index.yaml": "title: x\n"},
    ),
    Case(
        "file name is not an id",
        ["actors/Iran2.yaml:1:1: file name 'Iran2' is not a valid id: use lowercase letters a-z, digits 0-9 and single hyphens"],
        writes={"actors/Iran2.yaml": 'name: "Iran"\nkind: government\n'},
    ),
    Case(
        "id used by two kinds",
        ["events/iran.yaml:1:1: id 'iran' is also used by data/actors/iran.yaml; ids must be unique across kinds"],
        writes={"events/iran.yaml": "title: x\n"},
    ),
    Case(
        "wrong extension", ["events/extra.yml:1:1: unexpected file; records are <id>.yaml files (extension .yaml)"], writes={"events/extra.yml": "title: x\n"}
    ),
    Case(
        "file outside the kind folders",
        ["notes.txt:1:1: unexpected file; records go in one of the folders events, claims, actors, sources"],
        writes={"notes.txt": "hello\n"},
    ),
    Case(
        "unknown folder",
        ["people:1:1: unknown folder; the data directory holds only events, claims, actors, sources"],
        writes={"people/someone.yaml": "name: x\n"},
    ),
    Case(
        "folder inside a kind folder",
        ["events/2026:1:1: unexpected folder; events/ holds only <id>.yaml files"],
        writes={"events/2026/extra.yaml": "title: x\n"},
    ),
    Case("symlinked file", ["actors/passwd.yaml:1:1: symlinks are not allowed under the data directory"], custom=_symlink),
    Case("symlinked folder", ["claims/more:1:1: symlinks are not allowed under the data directory"], custom=_symlinked_folder),
]

CASES = SCHEMA_CASES + RULE_CASES + LAYOUT_CASES
