"""The synthetic-data generator (scripts/synth.py): deterministic, and valid by construction."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_validator, tree
from tracker.cli import synth, synth_words

RECORDS = 60


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth.write(RECORDS, out, seed=0)
    return out


def test_same_seed_gives_a_byte_identical_tree(generated: Path, tmp_path: Path) -> None:
    again = tmp_path / "data"
    synth.write(RECORDS, again, seed=0)
    assert tree(again) == tree(generated)


def test_a_different_seed_gives_different_data(generated: Path, tmp_path: Path) -> None:
    other = tmp_path / "data"
    synth.write(RECORDS, other, seed=1)
    assert tree(other) != tree(generated)


def test_output_validates_without_problems(generated: Path) -> None:
    code, lines = run_validator(generated)
    assert code == 0, "\n".join(lines)


def test_counts_and_proportions(generated: Path) -> None:
    counts = {kind: len(list((generated / kind).glob("*.yaml"))) for kind in synth.KINDS}
    assert sum(counts.values()) == RECORDS
    assert counts == synth_words.kind_counts(RECORDS)
    big = synth_words.kind_counts(10_000)
    assert big == {"events": 3000, "claims": 5000, "actors": 1200, "sources": 800}


def test_exercises_the_hard_parts(generated: Path) -> None:
    """Links both ways, figures, anonymous actors, reported_via, fuzzy dates with a note, quotes."""
    text = "\n".join(b.decode("utf-8") for b in tree(generated).values())
    for needle in ("type: contradicts", "type: corroborates", "quantities:", "kind: anonymous", "reported_via:", "date_note:", "quote:", "part_of:"):
        assert needle in text, needle


def test_refuses_to_overwrite_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(SystemExit):
        synth.write(RECORDS, tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_refuses_the_repository(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        synth.prepare_out(synth.REPO_ROOT / "data")
