"""Broken datasets: each case is one change to the mini dataset and the exact lines it must produce.

Used by test_rules.py (every rule of the validator; a registered rule with no
case here fails a test) and extended by the
hostile-input suite. Paths in expected lines are relative to the data directory.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Case:
    name: str
    expected: list[str]
    edits: list[tuple[str, str, str]] = field(default_factory=list)  # (file, old, new)
    writes: dict[str, str | bytes | None] = field(default_factory=dict)  # file -> content (None deletes)
    custom: Callable[[Path], None] | None = None
    rule: str = ""  # the registered rule (tracker.check.rulebook) this case breaks; every rule needs one
    seeds: dict[str, bytes] = field(default_factory=dict)  # seeds/<name> -> content, while the case runs (archived)

    @contextlib.contextmanager
    def archived(self, repo: Path) -> Iterator[None]:
        """The case's archived texts in the repository's seeds/ while it runs (the validator reads them there), removed after."""
        written: list[Path] = []
        try:
            for name, content in self.seeds.items():
                path = repo / "seeds" / name
                assert not path.exists(), f"{path} exists: a case adds only new archived texts"
                path.write_bytes(content)
                written.append(path)
            yield
        finally:
            for path in written:
                path.unlink(missing_ok=True)

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


def other_toll(value: int, qualifier: str, words: str) -> list[tuple[str, str, str]]:
    """Edits giving other-talks a toll of the measure fair-talks gives "more than 3,000" of, in the same unit."""
    quantity = f'made_in: seed\nquantities:\n  - measure: deaths\n    counts: "deaths"\n    value: {value}\n    qualifier: {qualifier}\n    unit: people\n'
    return [(O, "Iran said something else.", f"Iran said {words} people died."), (O, "made_in: seed\n", quantity)]


DIFFERS = [(O, "type: contradicts", "type: differs"), (C, "type: contradicts", "type: differs")]
A = "actors/president.yaml"

# A claim of Iran's, to copy another claim with: {statement} and {excerpt} (from the seed).
OTHER_EXCERPT = "Iran insists on limiting conversations solely to its nuclear program"  # other-talks' excerpt
AGAIN = 'claimants:\n  - iran\nstatement: "{statement}"\nmade_in: seed\nassessment:\n  status: unverified\n  rationale: "Test."\ncitations:\n  - source: seed\n    excerpt: "{excerpt}"\nnotes: "Test: the venue is the seed."\n'

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
        ["events/statement.yaml:4:5: unknown actor 'nobody': no file data/actors/nobody.yaml"],
        edits=[(E, "  - president\nsummary", "  - nobody\nsummary")],
        rule="check_references",
    ),
    Case(
        "unknown reference with a close id",
        ["events/statement.yaml:4:5: unknown actor 'presidnet': no file data/actors/presidnet.yaml; did you mean 'president'?"],
        edits=[(E, "  - president\nsummary", "  - presidnet\nsummary")],
        rule="check_references",
    ),
    Case(
        "reference to the wrong kind",
        ["claims/fair-talks.yaml:2:5: 'statement' is an event (data/events/statement.yaml), not an actor"],
        edits=[(C, "  - president\nstatement", "  - statement\nstatement")],
        rule="check_references",
    ),
    Case(
        "event part of itself",
        ["events/statement.yaml:6:10: 'statement' refers to itself"],
        edits=[(E, "tags:", "part_of: statement\ntags:")],
        rule="check_references",
    ),
    Case(
        "claim links to itself",
        [
            "claims/fair-talks.yaml:20:12: 'fair-talks' refers to itself",
            "claims/other-talks.yaml:10:12: contradicts goes both ways: add this item to the links of data/claims/fair-talks.yaml, above its line 21 (citations:):\n"
            "  - type: contradicts\n"
            "    claim: other-talks",
        ],
        edits=[(C, "claim: other-talks", "claim: fair-talks")],
        rule="check_references",
    ),
    Case(
        "contradiction written on one side only",
        [
            "claims/fair-talks.yaml:20:12: contradicts goes both ways: add these lines to data/claims/other-talks.yaml, above its line 8 (citations:):\n"
            "links:\n"
            "  - type: contradicts\n"
            "    claim: fair-talks"
        ],
        edits=[(O, "links:\n  - type: contradicts\n    claim: fair-talks\n", "")],
        rule="check_claim_links",
    ),
    Case(
        "two links to one claim",
        ["claims/fair-talks.yaml:22:12: a second link to 'other-talks' (corroborates, already contradicts); keep one"],
        edits=[(C, "    claim: other-talks\n", "    claim: other-talks\n  - type: corroborates\n    claim: other-talks\n")],
        rule="check_claim_links",
    ),
    Case(
        "contradicts between figures that can both be true as stated",
        [
            "claims/fair-talks.yaml:19:11: 'contradicts' says both cannot be true, but the figures can both be true as stated "
            "(deaths: more than 3,000 here, estimated 6,854 in 'other-talks'): write type: differs, in both records",
            "claims/other-talks.yaml:15:11: 'contradicts' says both cannot be true, but the figures can both be true as stated "
            "(deaths: estimated 6,854 here, more than 3,000 in 'fair-talks'): write type: differs, in both records",
        ],
        edits=other_toll(6854, "estimated", "an estimated 6,854"),
        rule="check_contradicting_figures",
    ),
    Case(
        "differs between figures that exclude each other",
        [
            "claims/fair-talks.yaml:19:11: 'differs' says both can be true as stated, but the figures exclude each other "
            "(deaths: more than 3,000 here, fewer than 2,000 in 'other-talks'): write type: contradicts, in both records",
            "claims/other-talks.yaml:15:11: 'differs' says both can be true as stated, but the figures exclude each other "
            "(deaths: fewer than 2,000 here, more than 3,000 in 'fair-talks'): write type: contradicts, in both records",
        ],
        edits=other_toll(2000, "fewer-than", "fewer than 2,000") + DIFFERS,
        rule="check_contradicting_figures",
    ),
    Case(
        "differs between claims without a figure in common",
        [
            "claims/fair-talks.yaml:19:11: 'differs' links two figures of one measure, but this claim and 'other-talks' give none in common; use another type",
            "claims/other-talks.yaml:9:11: 'differs' links two figures of one measure, but this claim and 'fair-talks' give none in common; use another type",
        ],
        edits=DIFFERS,
        rule="check_contradicting_figures",
    ),
    Case(
        "unverified claim in a contradiction",
        ["claims/other-talks.yaml:6:11: a claim that contradicts another must be assessed: disputed, contradicted, corroborated or retracted, not unverified"],
        edits=[(O, "status: disputed", "status: unverified")],
        rule="check_assessment",
    ),
    Case(
        "corroborated with one source",
        ["claims/other-talks.yaml:6:11: 'corroborated' needs a corroborates link or citations of at least two sources"],
        edits=[(O, "status: disputed", "status: corroborated")],
        rule="check_assessment",
    ),
    Case(
        "claim dated after its venue",
        ["claims/fair-talks.yaml:6:7: claim dated 2026-03-01 is after its source 'x-post' was published (2026-02)"],
        edits=[(C, 'date: "2026-02-01"', 'date: "2026-03-01"')],
        rule="check_claim_dates",
    ),
    Case(
        "excerpt not in the seed",
        [
            "events/statement.yaml:10:14: excerpt not found verbatim in seeds/000_339a995688291f73.txt (source 'seed'); the archived text has '…X, Pezeshkian said he ^has instructed his…' where the excerpt has '…X, Pezeshkian said he ^had instructed his…'"
        ],
        edits=[(E, "Pezeshkian said he has instructed", "Pezeshkian said he had instructed")],
        rule="check_excerpts",
    ),
    Case(
        "excerpt with nothing close in the seed",
        [
            # the date_note quotes words of the excerpt, which are gone now
            "events/statement.yaml:2:7: the date_note does not say where the day 2026-02-01 comes from: quote in it, in quotation marks, the words of an excerpt that give it (such as 'on Monday'), or cite the passage that gives the day",
            "events/statement.yaml:10:14: excerpt not found verbatim in seeds/000_339a995688291f73.txt (source 'seed'); nothing in the archived text is close to it: check the source, or copy the passage again",
        ],
        edits=[(E, "In a statement on X, Pezeshkian said he has instructed his foreign minister", "Lorem ipsum dolor sit amet, consectetur adipiscing elit")],
        rule="check_excerpts",
    ),
    Case(
        "quote not in the excerpts",
        ["claims/fair-talks.yaml:4:8: the quote does not occur in any of the claim's citation excerpts"],
        edits=[(C, 'quote: "fair and equitable negotiations"', 'quote: "fair negotiations"')],
        rule="check_quote",
    ),
    Case(
        "fuzzy date without a date_note",
        ["events/statement.yaml:2:7: date '2026-02?' is not exact; add a date_note saying how it was derived"],
        edits=[
            (E, '"2026-02-01"', '"2026-02?"'),
            (E, "date_note: \"The day of the post that the article calls 'a statement on X', which the excerpt does not give.\"\n", ""),
        ],
        rule="check_date_notes",
    ),
    Case(
        "seed file missing",
        ["sources/seed.yaml:4:7: 'seeds/999_missing.txt' is not a file in seeds/"],
        edits=[("sources/seed.yaml", "000_339a995688291f73.txt", "999_missing.txt")],
        rule="check_seed",
    ),
    Case(
        "source with no way to read it",
        ["sources/x-post.yaml:1:1: a source with no url, archived_url or seed must say where it is reported (reported_via)"],
        edits=[(S, 'reported_via:\n  - source: seed\n    excerpt: "In a statement on X, Pezeshkian said"\n', "")],
        rule="check_traceable",
    ),
    Case(
        "reported_via cycle",
        ["sources/a.yaml:4:3: reported_via leads back to this source (a cycle)", "sources/b.yaml:4:3: reported_via leads back to this source (a cycle)"],
        writes={
            "sources/a.yaml": 'kind: other\ndescription: "A"\nreported_via:\n  - source: b\n    excerpt: "B mentions A here"\n',
            "sources/b.yaml": 'kind: other\ndescription: "B"\nreported_via:\n  - source: a\n    excerpt: "A mentions B here"\n',
        },
        rule="check_traceable",
    ),
    Case(
        "outlet that is not a news outlet",
        ["sources/x-post.yaml:3:9: outlet 'iran' is an actor of kind 'government', not news-outlet"],
        edits=[(S, "outlet: platform", "outlet: iran")],
        rule="check_outlet_kind",
    ),
    Case(
        "one measure in two units",
        ["claims/other-talks.yaml:16:11: measure 'deaths' is counted in 'people' in data/claims/fair-talks.yaml; use one unit per measure"],
        edits=[
            (O, 'statement: "Iran said something else."', 'statement: "Iran said 6,854 persons died."'),
            (
                O,
                "citations:",
                'quantities:\n  - measure: deaths\n    counts: "deaths"\n    value: 6854\n    qualifier: estimated\n    unit: persons\ncitations:',
            ),
        ],
        rule="check_measure_units",
    ),
    Case(
        "described_as not in the source's words",
        ["actors/president.yaml:3:15: 'a senior official' does not occur in the actor's excerpts or the archived text they cite; use the source's own words"],
        edits=[(A, "kind: person\n", 'kind: anonymous\ndescribed_as: "a senior official"\n')],
        rule="check_described_as",
    ),
    Case(
        "exact day that no excerpt gives",
        [
            "events/statement.yaml:2:7: no excerpt gives the day 2026-02-01; cite the passage that does, or add a date_note quoting (in quotation marks) the words the day is read from"
        ],
        edits=[(E, "date_note: \"The day of the post that the article calls 'a statement on X', which the excerpt does not give.\"\n", "")],
        rule="check_exact_day",
    ),
    Case(
        "a date_note that does not say where the day comes from",
        [
            "events/statement.yaml:2:7: the date_note does not say where the day 2026-02-01 comes from: quote in it, in quotation marks, "
            "the words of an excerpt that give it (such as 'on Monday'), or cite the passage that gives the day"
        ],
        edits=[
            (E, "date_note: \"The day of the post that the article calls 'a statement on X', which the excerpt does not give.\"", 'date_note: "Mid-February."')
        ],
        rule="check_exact_day",
    ),
    Case(
        "an exact day whose excerpts give only the month",
        [
            "events/june.yaml:2:7: no excerpt gives the day 2025-06-13; cite the passage that does, or add a date_note quoting (in quotation marks) "
            "the words the day is read from; the excerpts give only its month: date it to the month:\n"
            'date: "2025-06"'
        ],
        writes={
            "events/june.yaml": 'title: "Israel launched a bombing campaign"\ndate: "2025-06-13"\nactors:\n  - iran\nsummary: "A campaign."\n'
            'citations:\n  - source: seed\n    excerpt: "Israel launched a massive bombing campaign in June"\n'
        },
        rule="check_exact_day",
    ),
    Case(
        "a venue that is not a document of the claimant",
        [
            "claims/fair-talks.yaml:5:10: 'x-post' is not a document of iran (its authors and outlet are president, platform). Where they spoke "
            "elsewhere (an interview, a briefing, a statement the document reports), add that as a source reported via 'x-post' and name it in "
            "made_in; where this document is itself the venue (unnamed sources' words published in it), say why in the claim's notes, with the "
            'word "venue". The new source (make new KIND=source ID=…) starts as:\n'
            "kind: other\n"
            'description: ""\n'
            "authors:\n"
            "  - iran\n"
            "reported_via:\n"
            "  - source: x-post\n"
            '    excerpt: ""'
        ],
        edits=[(C, "  - president\nstatement", "  - iran\nstatement")],
        rule="check_venue",
    ),
    Case(
        "location that no excerpt names",
        ["events/statement.yaml:4:9: 'Tehran' is not named in any of the event's excerpts; cite the passage that names the place, or leave location out"],
        edits=[(E, "actors:\n", 'location:\n  name: "Tehran"\nactors:\n')],
        rule="check_location_cited",
    ),
    Case(
        "quantity the statement does not give",
        ["claims/fair-talks.yaml:12:12: the statement does not give the figure 3000; a quantity restates a figure of its statement"],
        edits=[(C, ", and that more than 3,000 people died.", ".")],
        rule="check_quantity_statement",
    ),
    Case(
        "quantity in another unit than its statement",
        ["claims/fair-talks.yaml:14:11: the statement does not count in 'protesters'; use the unit the statement counts in"],
        edits=[(C, "unit: people", "unit: protesters")],
        rule="check_quantity_statement",
    ),
    Case(
        "the same statement twice",
        [
            "claims/again.yaml:3:12: the same statement as data/claims/other-talks.yaml: merge them, or if both are meant, link one to the other (links: type and claim)"
        ],
        writes={"claims/again.yaml": AGAIN.format(statement="Iran said  something ELSE", excerpt="Talks between Iran and the United States")},
        rule="check_duplicate_text",
    ),
    Case(
        "the same title twice",
        ["events/again.yaml:1:8: the same title as data/events/statement.yaml: merge them, or give each a title that tells them apart"],
        writes={
            "events/again.yaml": 'title: "Pezeshkian posted a statement on X."\ndate: "2026"\nactors:\n  - iran\nsummary: "Again."\ncitations:\n  - source: seed\n    excerpt: "In a statement on X"\n'
        },
        rule="check_duplicate_text",
    ),
    Case(
        "a reworded claim on a shorter excerpt",
        [
            "claims/again.yaml:3:12: nearly the same statement (every word of one is in the other) as data/claims/other-talks.yaml, "
            "citing an overlapping passage of 'seed': merge them, or if both are meant, link one to the other (links: type and claim)"
        ],
        writes={"claims/again.yaml": AGAIN.format(statement="Iran has said something else.", excerpt="limiting conversations solely")},
        rule="check_near_duplicate_claims",
    ),
    Case(
        "a claim of the same claimant on the same passage, reworded",
        [
            "claims/again.yaml:10:14: the same passage of 'seed', by the same claimant 'iran', as data/claims/other-talks.yaml (statements 40% similar): "
            "merge them, or if both are meant, link one to the other (links: type and claim)"
        ],
        writes={"claims/again.yaml": AGAIN.format(statement="Iran wants the talks to cover its nuclear programme only.", excerpt=OTHER_EXCERPT)},
        rule="check_same_passage_claims",
    ),
    Case(
        "a claim on the same passage, added under an id that sorts first",
        [
            "claims/aaa.yaml:10:14: the same passage of 'seed', by the same claimant 'iran', as data/claims/other-talks.yaml (statements 40% similar): "
            "merge them, or if both are meant, link one to the other (links: type and claim)"
        ],
        writes={"claims/aaa.yaml": AGAIN.format(statement="Iran wants the talks to cover its nuclear programme only.", excerpt=OTHER_EXCERPT)},
        rule="check_same_passage_claims",
    ),
    Case(
        "part of an event outside its dates",
        ["events/later.yaml:2:7: date 2026-05 lies outside that of 'statement' (2026-02-01)"],
        writes={
            "events/later.yaml": 'title: "Later"\ndate: "2026-05"\ndate_note: "Test."\nactors:\n  - iran\nsummary: "Later."\npart_of: statement\ncitations:\n  - source: seed\n    excerpt: "Talks between Iran and the United States"\n'
        },
        rule="check_part_of_date",
    ),
]

# An archived text added by hand, and the source that points at it, for the provenance rule.
HAND_TEXT = b"Officials said today that Iran has ruled out diplomacy entirely and will not negotiate again.\n"
HAND_SOURCE = 'kind: news-article\ndescription: "A text added by hand"\npublished: "2026"\nseed: seeds/{name}\n'
OTHER = "Iran insists on limiting conversations solely to its nuclear program"
SEED = "seeds/000_339a995688291f73.txt"


def provenance_of(name: str, text: bytes) -> bytes:
    """A provenance file as `make archive` writes it (its keys that the rule reads)."""
    return json.dumps({"file": name, "text_sha256": hashlib.sha256(text).hexdigest(), "url": None}).encode()


EXCERPT_CASES = [
    Case(
        "an excerpt of spaces",
        ["claims/other-talks.yaml:13:14: excerpt has no words once white space is collapsed; quote at least 3, enough to support the record on its own"],
        edits=[(O, f'"{OTHER}"', '"            "')],
        rule="check_excerpt_words",
    ),
    Case(
        "an excerpt of two words",
        ["claims/other-talks.yaml:13:14: excerpt has 2 words once white space is collapsed; quote at least 3, enough to support the record on its own"],
        edits=[(O, OTHER, "Iran insists")],
        rule="check_excerpt_words",
    ),
    Case(
        "an excerpt cut inside words",
        [f"claims/other-talks.yaml:13:14: excerpt starts inside the word 'Iran' of {SEED}; quote whole words"],
        edits=[(O, OTHER, "ran insists on limiting conversations solely to its nuclear progr")],
        rule="check_excerpt_boundaries",
    ),
    Case(
        "an excerpt that ends inside a word",
        [f"claims/other-talks.yaml:13:14: excerpt ends inside the word 'program' of {SEED}; quote whole words"],
        edits=[(O, OTHER, "Iran insists on limiting conversations solely to its nuclear progr")],
        rule="check_excerpt_boundaries",
    ),
    Case(
        "an excerpt that drops the negation before it",
        [
            f"claims/other-talks.yaml:13:14: excerpt begins right after 'not' in {SEED}, which it leaves out: start the excerpt with it, "
            "or add a note saying why the words before it do not change its meaning"
        ],
        edits=[(O, "Iran said something else.", "Iran has ruled out diplomacy entirely."), (O, OTHER, "ruled out diplomacy entirely")],
        rule="check_excerpt_negation",
    ),
    Case(
        "an excerpt that drops 'no' before it",
        [
            f"claims/other-talks.yaml:13:14: excerpt begins right after 'no' in {SEED}, which it leaves out: start the excerpt with it, "
            "or add a note saying why the words before it do not change its meaning"
        ],
        edits=[(O, OTHER, "willingness to back down")],
        rule="check_excerpt_negation",
    ),
    Case(
        "an archived text added by hand, without provenance",
        [
            "sources/hand.yaml:4:7: seeds/990_0123456789abcdef.txt has no provenance file (seeds/990_0123456789abcdef.provenance.json): archive texts with `make archive`, which writes it"
        ],
        seeds={"990_0123456789abcdef.txt": HAND_TEXT},
        writes={"sources/hand.yaml": HAND_SOURCE.format(name="990_0123456789abcdef.txt")},
        rule="check_seed_provenance",
    ),
    Case(
        "an archived text changed after it was archived",
        [
            f"sources/hand.yaml:4:7: seeds/991_0123456789abcdef.txt is not the text its provenance file records (sha256 {hashlib.sha256(HAND_TEXT).hexdigest()[:16]}…, "
            f"found {hashlib.sha256(HAND_TEXT.replace(b'ruled out', b'embraced')).hexdigest()[:16]}…): an archived text is never edited; archive it again"
        ],
        seeds={
            "991_0123456789abcdef.txt": HAND_TEXT.replace(b"ruled out", b"embraced"),
            "991_0123456789abcdef.provenance.json": provenance_of("991_0123456789abcdef.txt", HAND_TEXT),
        },
        writes={"sources/hand.yaml": HAND_SOURCE.format(name="991_0123456789abcdef.txt")},
        rule="check_seed_provenance",
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


# A second event that says what it came after (chronology), for the order-relation rules.
SECOND = """title: "Pezeshkian spoke again"
date: "{date}"
actors:
  - president
summary: "Pezeshkian spoke again."
chronology:
  - type: {type}
    event: {event}
    source: seed
    excerpt: "{excerpt}"
citations:
  - source: seed
    excerpt: "In a statement on X, Pezeshkian said he has instructed his foreign minister"
date_note: "Test: the day of the post the article calls 'a statement on X'."
"""
RELATION_EXCERPT = "In a statement on X, Pezeshkian said"


def second(**fields: str) -> str:
    return SECOND.format(**({"date": "2026-02-02", "type": "after", "event": "statement", "excerpt": RELATION_EXCERPT} | fields))


# The home page's lead and questions (data/story.yaml) for the mini dataset.
STORY = """lead:
  - text: "Pezeshkian posted a statement."
    rests_on:
      - statement
questions:
  - question: "How fair are the talks?"
    claims:
      - fair-talks
"""
COMPATIBLE_FIGURE = 'quantities:\n  - measure: deaths\n    counts: "deaths"\n    value: 6854\n    qualifier: estimated\n    unit: people\nassessment:'

STORY_CASES = [
    Case(
        "a claim dated more precisely than its venue",
        [
            "claims/other-talks.yaml:5:7: date '2026-01' is more precise than the source that reports it ('seed', published 2026?); "
            "add a date_note saying where the precision comes from, such as the day the source gives"
        ],
        edits=[
            ("sources/seed.yaml", 'published: "2026"\n', 'published: "2026?"\ndate_note: "Test: inferred."\n'),
            (O, "made_in: seed\n", 'made_in: seed\ndate: "2026-01"\n'),
        ],
        rule="check_date_precision",
    ),
    Case(
        "an order relation that contradicts the dates",
        ["events/again.yaml:7:11: 'after' contradicts the dates: this event is dated 2026-01-31, 'statement' 2026-02-01; correct the relation or a date"],
        writes={"events/again.yaml": second(date="2026-01-31")},
        rule="check_chronology_dates",
    ),
    Case(
        "a date that may begin before the event it came after",
        [
            "events/again.yaml:2:7: date '2026' may begin in January 2026, before 'statement' (2026-02-01), which this event is recorded as coming after; "
            "start it no earlier than that event, for example date: '2026-02-01/2026-12', or say in date_note why it may have begun before it"
        ],
        writes={"events/again.yaml": second(date="2026")},
        rule="check_chronology_bounds",
    ),
    Case(
        "a date that may end after the event it came before",
        [
            "events/again.yaml:2:7: date '2026' may end in December 2026, after 'statement' (2026-02-01), which this event is recorded as coming before; "
            "end it no later than that event, for example date: '2026-01/2026-02-01', or say in date_note why it may have ended after it"
        ],
        writes={"events/again.yaml": second(date="2026", type="before")},
        rule="check_chronology_bounds",
    ),
    Case(
        "an order relation to an unknown event",
        ["events/again.yaml:8:12: unknown event 'nothing': no file events/nothing.yaml"],
        writes={"events/again.yaml": second(event="nothing")},
        rule="check_chronology_references",
    ),
    Case(
        "an order relation whose excerpt is not in the archived text",
        ["events/again.yaml:10:14: excerpt not found verbatim in seeds/000_339a995688291f73.txt (source 'seed')"],
        writes={"events/again.yaml": second(excerpt="Not in the article at all")},
        rule="check_chronology_excerpts",
    ),
    Case(
        "order relations in a cycle",
        ["events/again.yaml:8:12: order relations form a cycle: again then statement then again; remove one of them"],
        writes={"events/again.yaml": second(date="2026-02-01")},
        edits=[(E, "citations:", f'chronology:\n  - type: after\n    event: again\n    source: seed\n    excerpt: "{RELATION_EXCERPT}"\ncitations:')],
        rule="check_chronology_cycles",
    ),
    Case(
        "a misspelt tag",
        ["claims/fair-talks.yaml:22:5: tag 'diplomcy' has no name for readers; did you mean 'diplomacy'?"],
        edits=[(C, "citations:", "tags:\n  - diplomcy\ncitations:")],
        rule="check_vocabulary",
    ),
    Case(
        "a tag with no name for readers",
        [
            "events/statement.yaml:7:5: tag 'diplomacy' has no name for readers: add it under tags: in data/vocabulary.yaml, at its end, with the words readers see:\n  diplomacy: \"Diplomacy\""
        ],
        edits=[("vocabulary.yaml", "  diplomacy:", "  negotiations:")],
        rule="check_vocabulary",
    ),
    Case(
        "a dispute with no question for readers",
        [
            "claims/fair-talks.yaml:20:12: claims 'fair-talks' and 'other-talks' dispute each other, but no question for readers names them "
            '(the pages would head the dispute "What is disputed?"): add these lines to data/story.yaml, at its end, with the question they answer:\n'
            "questions:\n"
            '  - question: ""\n'
            "    claims:\n"
            "      - fair-talks\n"
            "      - other-talks"
        ],
        writes={"story.yaml": STORY.split("questions:")[0]},
        rule="check_dispute_questions",
    ),
    Case(
        "a dispute written on one side only, with no question for readers",
        [
            "claims/fair-talks.yaml:20:12: claims 'fair-talks' and 'other-talks' dispute each other, but no question for readers names them "
            '(the pages would head the dispute "What is disputed?"): add these lines to data/story.yaml, at its end, with the question they answer:\n'
            "questions:\n"
            '  - question: ""\n'
            "    claims:\n"
            "      - fair-talks\n"
            "      - other-talks",
            "claims/fair-talks.yaml:20:12: contradicts goes both ways: add these lines to data/claims/other-talks.yaml, above its line 8 (citations:):\n"
            "links:\n"
            "  - type: contradicts\n"
            "    claim: fair-talks",
        ],
        writes={"story.yaml": STORY.split("questions:")[0]},
        edits=[(O, "links:\n  - type: contradicts\n    claim: fair-talks\n", "")],
        rule="check_dispute_questions",
    ),
    Case(
        "a lead sentence resting on an actor",
        ["story.yaml:4:9: a sentence rests on events and claims; 'president' is an actor (data/actors/president.yaml)"],
        writes={"story.yaml": STORY.replace("      - statement", "      - president", 1)},
        rule="check_story_references",
    ),
    Case(
        "strictly compatible figures without why_competing",
        ["story.yaml:6:15: the figures of these claims are strictly compatible; add why_competing saying why they are shown as competing"],
        writes={"story.yaml": STORY + "      - other-talks\n"},  # a differs pair is a dispute when one question names both
        edits=[(O, "assessment:", COMPATIBLE_FIGURE), (O, "Iran said something else.", "Iran said an estimated 6,854 people died."), *DIFFERS],
        rule="check_compatible_figures",
    ),
    Case(
        "a lead sentence quoting words no excerpt has",
        [
            "story.yaml:2:11: lead sentence 1 quotes 'fair negotiations', which no excerpt of the records it rests on contains; "
            "quote the excerpt's words exactly, or rest the sentence on the record that has them"
        ],
        writes={"story.yaml": STORY.replace("Pezeshkian posted a statement.", "Pezeshkian posted a statement calling for 'fair negotiations'.")},
        rule="check_lead_quotes",
    ),
    Case(
        "a lead sentence attributing words to someone none of its claims is by",
        [
            "story.yaml:2:11: lead sentence 1 attributes words to Masoud Pezeshkian ('Masoud Pezeshkian'), but rests on no claim of theirs; "
            "add to rests_on a claim whose claimants include 'president', or attribute the words to whoever the records say said them"
        ],
        writes={"story.yaml": STORY.replace("Pezeshkian posted a statement.", "Masoud Pezeshkian said he has instructed his foreign minister.")},
        rule="check_lead_attributions",
    ),
]

# The lead sentence of the mini story, resting on the event and on the claim that quotes it.
LEAD_ON_CLAIM = STORY.replace("      - statement\n", "      - statement\n      - fair-talks\n", 1)

# Warnings: printed apart, the run still passes.
WARNING_CASES = [
    Case(
        "a lead sentence leaving out a condition of its excerpt",
        [
            "story.yaml:2:11: warning: lead sentence 1 leaves out 'provided', which an excerpt it rests on says (\"pursue 'fair and equitable negotiations' provided the U.S.\"); "
            "keep the condition, or check that leaving it out does not change what the sentence says"
        ],
        writes={"story.yaml": LEAD_ON_CLAIM.replace("Pezeshkian posted a statement.", "Pezeshkian said he would pursue 'fair and equitable negotiations'.")},
        rule="check_lead_conditions",
    ),
]

CASES = SCHEMA_CASES + RULE_CASES + EXCERPT_CASES + STORY_CASES + LAYOUT_CASES

# Changes that every rule must accept: the good side of the editorial rules.
GOOD_CASES = [
    Case(
        "figures that can both be true as stated, linked as differing",
        [],
        edits=other_toll(6854, "estimated", "an estimated 6,854") + DIFFERS,
    ),
    Case("figures that exclude each other, linked as contradicting", [], edits=other_toll(2000, "fewer-than", "fewer than 2,000")),
    Case(
        "a date reaching before the event it came after, with a date_note saying why",
        [],
        writes={
            "events/again.yaml": second(date="2026").replace(
                'date_note: "Test: the day', 'date_note: "Test: it may have begun before the statement, as the article says. The day'
            )
        },
    ),
    Case(
        "a lead sentence quoting an excerpt",
        [],
        writes={"story.yaml": STORY.replace("Pezeshkian posted a statement.", "Pezeshkian posted 'a statement on X'.")},
    ),
    Case(
        "a lead sentence attributing words to the claimant of a claim it rests on, with the claim's condition",
        [],
        writes={
            "story.yaml": LEAD_ON_CLAIM.replace(
                "Pezeshkian posted a statement.",
                "Iran's President Masoud Pezeshkian said he would pursue 'fair and equitable negotiations' provided the U.S. agrees.",
            )
        },
    ),
    Case("described_as from the actor's excerpt", [], edits=[(A, "kind: person\n", 'kind: anonymous\ndescribed_as: "Iranian President"\n')]),
    Case("described_as from the archived text", [], edits=[(A, "kind: person\n", 'kind: anonymous\ndescribed_as: "his foreign minister"\n')]),
    Case(
        "exact day given by the excerpt",
        [],
        writes={
            "events/sworn-in.yaml": 'title: "Sworn in"\ndate: "2025-01-20"\nactors:\n  - president\nsummary: "Sworn in."\n'
            'citations:\n  - source: seed\n    excerpt: "reelected and sworn in on January 20, 2025"\n'
        },
    ),
    Case(
        "days of an interval given as a range",
        [],
        writes={
            "events/talks.yaml": 'title: "Talks"\ndate: "2026-01-20/2026-01-22"\nactors:\n  - iran\nsummary: "Talks."\n'
            'citations:\n  - source: x-post\n    excerpt: "talks on Jan. 20-22 in the capital"\n'
        },
    ),
    Case(
        "location named by the excerpt",
        [],
        writes={
            "events/meeting.yaml": 'title: "Meeting"\ndate: "2026"\nlocation:\n  name: "Istanbul"\nactors:\n  - iran\nsummary: "A meeting."\n'
            'citations:\n  - source: seed\n    excerpt: "a location for a scheduled meeting in Istanbul"\n'
        },
    ),
    Case("figure written without a thousands separator", [], edits=[(C, "3,000 people", "3000 people")]),
    Case("an excerpt that keeps its negation", [], edits=[(O, OTHER, "Iran has not ruled out diplomacy entirely")]),
    Case(
        "an excerpt after a negation, with a note saying why",
        [],
        edits=[
            (O, f'    excerpt: "{OTHER}"\n', '    excerpt: "willingness to back down"\n    note: "Test: the claim is that Iran shows no such willingness."\n')
        ],
    ),
    Case(
        "an archived text with its provenance",
        [],
        seeds={"992_0123456789abcdef.txt": HAND_TEXT, "992_0123456789abcdef.provenance.json": provenance_of("992_0123456789abcdef.txt", HAND_TEXT)},
        writes={"sources/hand.yaml": HAND_SOURCE.format(name="992_0123456789abcdef.txt")},
    ),
    Case(
        "the same statement, linked as a deliberate pair",
        [],
        writes={
            "claims/again.yaml": AGAIN.format(statement="Iran said something else.", excerpt="Talks between Iran").replace(
                "citations:", "links:\n  - type: updates\n    claim: other-talks\ncitations:"
            )
        },
    ),
    Case(
        "a similar statement on another passage",
        [],
        writes={"claims/again.yaml": AGAIN.format(statement="Iran has said something else.", excerpt="Talks between Iran")},
    ),
    Case(
        "a similar statement by another claimant",
        [],
        writes={
            "claims/again.yaml": AGAIN.format(statement="Iran has said something else.", excerpt="limiting conversations solely").replace(
                "  - iran", "  - president"
            )
        },
    ),
    Case(
        "a similar statement with another figure",
        [],
        writes={"claims/again.yaml": AGAIN.format(statement="Iran said 2 things else.", excerpt="limiting conversations solely")},
        edits=[(O, "Iran said something else.", "Iran said 3 things else.")],
    ),
]
