"""The curated data: the live data/ valid, and the story (its frozen copy) complete against the seed and honest about its conflicts."""

from __future__ import annotations

import hashlib
import re

import pytest

from conftest import LIVE_DATA, LIVE_SEEDS, STORY, STORY_DATA, run_validator
from tracker.check.rulebook import normalise
from tracker.check.validate import validate
from tracker.model import records as model_mod

SEED = STORY / "seeds" / "000_339a995688291f73.txt"

# Sentences of the seed recorded as nothing: rhetoric with no event, actor or assessable claim in it.
# The last two close the article: a statement that the outcome is unknown ("remains uncertain") and
# a superlative with nothing to check ("the stakes have never been higher"). The author's assessments
# that name their grounds, such as "the window for diplomacy is rapidly closing", are recorded as claims.
NOT_RECORDED = {
    "As the situation in the Middle East grows more volatile, the world watches closely.",
    "Whether the two sides can find common ground — or whether the region is headed for another conflict — remains uncertain.",
    "For now, the only certainty is that the stakes have never been higher.",
}


@pytest.fixture(scope="module")
def model():
    result = validate(STORY_DATA)
    assert result.ok, [str(p) for p in result.problems]
    return model_mod.build(result.dataset)


def test_data_validates():
    code, lines = run_validator(LIVE_DATA)
    assert code == 0, lines
    assert lines[-1].startswith("ok: ")


def test_every_archived_text_is_listed_with_its_sha256():
    readme = (LIVE_SEEDS / "README.md").read_text("utf-8")
    texts = sorted(LIVE_SEEDS.glob("*.txt"))
    assert texts
    for text in texts:
        assert f"| `{text.name}` |" in readme and hashlib.sha256(text.read_bytes()).hexdigest() in readme, text.name


def test_the_frozen_story_cites_the_archived_text_as_it_is():
    """The frozen copy's records name seeds/000_…, which the validator reads from the repository's seeds/ (never edited)."""
    assert (LIVE_SEEDS / SEED.name).read_bytes() == SEED.read_bytes()


def test_every_sentence_of_the_seed_is_recorded(model):
    """Each sentence is at least half covered by cited excerpts, except the listed rhetoric."""
    seed = normalise(SEED.read_text("utf-8"))
    covered = [False] * len(seed)
    for record in model.all_records():
        for citation in [*getattr(record, "citations", []), *getattr(record, "reported_via", [])]:
            excerpt = normalise(citation.excerpt)
            start = seed.find(excerpt)
            while start >= 0:
                covered[start : start + len(excerpt)] = [True] * len(excerpt)
                start = seed.find(excerpt, start + 1)
    uncovered, position = [], 0
    for sentence in re.split(r"(?<=[.!?])\s+", seed):
        start = seed.find(sentence, position)
        position = start + len(sentence)
        if sum(covered[start:position]) < len(sentence) / 2:
            uncovered.append(sentence)
    assert set(uncovered) == {normalise(s) for s in NOT_RECORDED}


def test_every_event_and_claim_cites_a_source(model):
    assert all(e.citations for e in model.events.values())
    assert all(c.citations for c in model.claims.values())


def test_the_seeds_own_contradiction_is_recorded_both_ways(model):
    by_text = {c.id: normalise(" ".join(x.excerpt for x in c.citations)) for c in model.claims.values()}
    sworn_2025 = [cid for cid, text in by_text.items() if "sworn in on January 20, 2025" in text]
    return_2024 = [cid for cid, text in by_text.items() if "return to office in January 2024" in text]
    assert len(sworn_2025) == 1 and len(return_2024) == 1
    a, b = model.claims[sworn_2025[0]], model.claims[return_2024[0]]
    assert ("contradicts", b.id) in {(l.type, l.claim) for l in a.links}
    assert ("contradicts", a.id) in {(l.type, l.claim) for l in b.links}
    assert a.made_in == b.made_in == "seed-article"


def test_conflicting_death_tolls_are_separate_attributed_claims(model):
    figures = model.figures["iran-protest-deaths"]
    values = {model.claims[cid].claimants[0]: q.value for cid, q in figures}
    assert values == {"iranian-officials": 3000, "hrana": 6854}
    ids = [cid for cid, _ in figures]
    # "over 3,000" and "an estimated 6,854" can both be true as stated: they differ, they do not contradict
    assert ("differs", ids[1]) in {(l.type, l.claim) for l in model.claims[ids[0]].links}


def test_undated_seed_is_not_given_false_precision(model):
    seed = model.sources["seed-article"]
    assert seed.published is not None and seed.published.is_fuzzy and seed.date_note
    assert seed.outlet is None and seed.source_title is None
