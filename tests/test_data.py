"""The curated data: valid, complete against the seed, and honest about its conflicts."""

from __future__ import annotations

import hashlib
import re

import pytest

from conftest import REPO, run_validator
from tracker.check.rulebook import normalise
from tracker.check.validate import validate
from tracker.model import records as model_mod

SEED = REPO / "seeds" / "000_339a995688291f73.txt"

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
    result = validate(REPO / "data")
    assert result.ok, [str(p) for p in result.problems]
    return model_mod.build(result.dataset)


def test_data_validates():
    code, lines = run_validator(REPO / "data")
    assert code == 0, lines
    assert lines[-1].startswith("ok: ")


def test_seed_is_archived_byte_for_byte():
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert digest in (REPO / "seeds" / "README.md").read_text("utf-8")


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
    assert ("contradicts", ids[1]) in {(l.type, l.claim) for l in model.claims[ids[0]].links}


def test_undated_seed_is_not_given_false_precision(model):
    seed = model.sources["seed-article"]
    assert seed.published is not None and seed.published.is_fuzzy and seed.date_note
    assert seed.outlet is None and seed.source_title is None
