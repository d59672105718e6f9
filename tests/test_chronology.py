"""The timeline's order: dates, then the order relations of events, then the order reported; and the rules on relations."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from case_table import RELATION_EXCERPT, SECOND
from conftest import STORY_DATA, run_validator
from tracker.check import relations
from tracker.check.validate import validate
from tracker.core import dates
from tracker.model import chronology
from tracker.model import records as model_mod


@dataclass
class Entry:
    kind: str
    record: object
    date: dates.EdtfDate


def entries_of(model) -> list[Entry]:
    """Events, and claims at the date they were made (their own, else their venue's publication)."""
    found = [Entry("event", e, e.date) for e in model.events.values()]
    for claim in model.claims.values():
        venue = model.sources.get(claim.made_in)
        when = claim.date or (venue.published if venue else None)
        if when is not None:
            found.append(Entry("claim", claim, when))
    return found


@pytest.fixture(scope="module")
def seed_model():
    result = validate(STORY_DATA)
    assert result.ok, result.problems
    return model_mod.build(result.dataset)


def seed_order(model) -> list[str]:
    pairs = relations.relations((e.id, e.data) for e in model.events.values())
    placed = chronology.order(entries_of(model), pairs, chronology.archived_texts(model.sources))
    return [p.entry.record.id for p in placed]


def test_the_seed_reads_in_the_article_s_order(seed_model):
    ids = seed_order(seed_model)
    assert ids.index("us-jet-shoots-down-iranian-drone") < ids.index("trump-warns-supreme-leader")
    assert ids.index("trump-sworn-in") < ids.index("us-sanctions-on-iran-reinstated") < ids.index("iran-protests")
    assert ids.index("israel-bombing-campaign-june-2025") < ids.index("nuclear-talks-collapse-2025")
    assert ids.index("israel-bombing-campaign-june-2025") < ids.index("twelve-day-conflict")
    # the undated present of the article, in the order it reports it (claims among events)
    assert ids[-3:] == ["iran-unrest-deepening-crisis", "us-has-not-commented-on-stalled-negotiations", "window-for-diplomacy-rapidly-closing"]
    assert ids.index("talks-reach-impasse") < ids.index("source-one-take-it-or-leave-it") < ids.index("iran-shifts-from-istanbul-meeting")


def test_how_each_entry_was_placed_is_said(seed_model):
    pairs = relations.relations((e.id, e.data) for e in seed_model.events.values())
    placed = {p.entry.record.id: p for p in chronology.order(entries_of(seed_model), pairs, chronology.archived_texts(seed_model.sources))}
    assert placed["trump-warns-supreme-leader"].by == "relation"
    assert placed["talks-reach-impasse"].by == "reported"
    assert placed["trump-sworn-in"].by == "date"
    assert chronology.bucket_label(placed["talks-reach-impasse"].entry.date) == "2026, month not given"


@dataclass
class Rec:
    id: str
    citations: list


@dataclass
class Cit:
    source: str
    excerpt: str


def entry(rid: str, when: str, excerpt: str = "", kind: str = "event") -> Entry:
    return Entry(kind, Rec(rid, [Cit("s", excerpt)] if excerpt else []), dates.parse(when))


TEXT = "first alpha then beta then gamma"


def ids(placed) -> list[str]:
    return [p.entry.record.id for p in placed]


def test_dates_first_then_relations_then_the_order_reported():
    items = [entry("c", "2026?", "gamma"), entry("b", "2026?", "beta"), entry("a", "2026?", "alpha"), entry("z", "2025-06")]
    text_of = {"s": TEXT}.get
    assert ids(chronology.order(items, [], text_of)) == ["z", "a", "b", "c"]
    # what must come first is pulled forward to the place of what it precedes
    assert ids(chronology.order(items, [("c", "a")], text_of)) == ["z", "c", "a", "b"]
    # not reported in an archived text: after the reported ones, by id
    assert ids(chronology.order([entry("n", "2026?"), *items], [], text_of)) == ["z", "a", "b", "c", "n"]


def test_month_not_known_closes_its_year_and_a_relation_holds_an_entry_back_no_further_than_needed():
    items = [entry("year", "2025?/.."), entry("jan", "2025-01-20"), entry("jun", "2025-06"), entry("next", "2026")]
    assert ids(chronology.order(items, [], {}.get)) == ["jan", "jun", "year", "next"]
    assert ids(chronology.order(items, [("year", "jan")], {}.get)) == ["year", "jan", "jun", "next"]


def test_a_cycle_does_not_lose_entries():
    items = [entry("a", "2026"), entry("b", "2026"), entry("c", "2026")]
    assert sorted(ids(chronology.order(items, [("a", "b"), ("b", "a")], {}.get))) == ["a", "b", "c"]


def test_find_cycle():
    assert relations.find_cycle([("a", "b"), ("b", "c")]) is None
    assert relations.find_cycle([("a", "b"), ("b", "c"), ("c", "a")]) == ["a", "b", "c", "a"]


@pytest.mark.parametrize(
    ("relation", "this", "other", "contradicts"),
    [
        ("after", "2025-01", "2025-02", True),
        ("after", "2025", "2025-02", False),
        ("before", "2025-03", "2025-02", True),
        ("before", "2025-02-28", "2025-02", False),
        ("after", "2026?", "2026?", False),
    ],
)
def test_contradicts_dates(relation, this, other, contradicts):
    assert relations.contradicts_dates(relation, dates.parse(this), dates.parse(other)) is contradicts


# ---------------------------------------------------------------- rules

EXCERPT = RELATION_EXCERPT


def add_second(mini, **fields):
    values = {"date": "2026-02-02", "type": "after", "event": "statement", "excerpt": EXCERPT} | fields
    (mini / "events" / "again.yaml").write_text(SECOND.format(**values), "utf-8")


def test_a_valid_relation(mini):
    add_second(mini)
    assert run_validator(mini) == (0, ["ok: 2 events, 2 claims, 3 actors, 2 sources"])


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"date": "2026-01-31"},
            "data/events/again.yaml:7:11: 'after' contradicts the dates: this event is dated 2026-01-31, 'statement' 2026-02-01; correct the relation or a date",
        ),
        ({"event": "nothing"}, "data/events/again.yaml:8:12: unknown event 'nothing': no file events/nothing.yaml"),
        ({"event": "again"}, "data/events/again.yaml:8:12: 'again' cannot come after itself"),
        (
            {"excerpt": "Not in the article at all"},
            "data/events/again.yaml:10:14: excerpt not found verbatim in seeds/000_339a995688291f73.txt (source 'seed')",
        ),
    ],
)
def test_relation_rules(mini, fields, expected):
    add_second(mini, **fields)
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == [expected]


def test_a_cycle_is_refused(mini):
    add_second(mini, date="2026-02-01")
    path = mini / "events" / "statement.yaml"
    path.write_text(
        path.read_text("utf-8").replace(
            "citations:", f'chronology:\n  - type: after\n    event: again\n    source: seed\n    excerpt: "{EXCERPT}"\ncitations:', 1
        ),
        "utf-8",
    )
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == ["data/events/again.yaml:8:12: order relations form a cycle: again then statement then again; remove one of them"]


def test_newest_takes_the_latest_dates_first_and_keeps_the_order_reported_within_one():
    items = [entry("c", "2026?", "gamma"), entry("a", "2026?", "alpha"), entry("old", "2025-06"), entry("b", "2026?", "beta")]
    placed = chronology.order(items, [], {"s": TEXT}.get)
    assert ids(chronology.newest(placed, 4)) == ["a", "b", "c", "old"]
    assert ids(chronology.newest(placed, 2)) == ["a", "b"]


def test_the_seed_s_newest_entries_are_the_article_s_present_in_its_order(seed_model):
    pairs = relations.relations((e.id, e.data) for e in seed_model.events.values())
    placed = chronology.order(entries_of(seed_model), pairs, chronology.archived_texts(seed_model.sources))
    assert [p.entry.record.id for p in chronology.newest(placed, 3)] == [
        "talks-reach-impasse",
        "us-demands-comprehensive-talks-iran-nuclear-only",
        "source-one-take-it-or-leave-it",
    ]
