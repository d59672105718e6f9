"""Duplicate records (scripts/tracker/duplicates.py): which file a finding is reported on, and work that stays bounded.

The exact messages of each rule are cases in tests/case_table.py (test_rules.py) and in the
hostile catalogue; here, what they cannot show: the order of files by their commits, and the
number of statement comparisons on adversarial data (a count, not a time).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from case_table import AGAIN, OTHER_EXCERPT
from conftest import MINI, REPO, run_validator
from test_history import DAY, T0, commit, git
from tracker.check.rules import duplicates

SEED = "seeds/000_339a995688291f73.txt"
REWORDED = AGAIN.format(statement="Iran wants the talks to cover its nuclear programme only.", excerpt=OTHER_EXCERPT)


def message(newer: str, older: str) -> str:
    return (
        f"data/claims/{newer}.yaml:10:14: the same passage of 'seed', by the same claimant 'iran', as data/claims/{older}.yaml (statements 40% similar): "
        "merge them, or if both are meant, link one to the other (links: type and claim)"
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(MINI, root / "data")
    git(root, "init", "-q", "-b", "main")
    commit(root, "The mini data", T0)
    return root


def test_a_committed_claim_is_older_than_one_being_added(repository: Path) -> None:
    """`make check` before committing: the new file, whatever its id, gets the message."""
    (repository / "data" / "claims" / "aaa.yaml").write_text(REWORDED, "utf-8")
    os.utime(repository / "data" / "claims" / "other-talks.yaml")  # written after it, yet committed before it
    code, lines = run_validator(repository / "data")
    assert (code, lines[:-1]) == (1, [message("aaa", "other-talks")])


def test_of_two_committed_claims_the_later_commit_is_the_newer(repository: Path) -> None:
    """In CI both are committed: git's order of the commits decides, not the files' times or the commit dates an author sets."""
    (repository / "data" / "claims" / "aaa.yaml").write_text(REWORDED, "utf-8")
    commit(repository, "A second claim on the same passage, dated before the first commit", T0 - 30 * DAY)
    os.utime(repository / "data" / "claims" / "other-talks.yaml")
    code, lines = run_validator(repository / "data")
    assert (code, lines[:-1]) == (1, [message("aaa", "other-talks")])


def test_the_similarity_shown_is_never_100_for_texts_that_differ() -> None:
    """The measure of the rule is 100 whenever one statement's words are all in the other: that is said in words."""
    assert duplicates.similarity("Iran said something else.", "Iran has said something else.") == "every word of one is in the other"
    assert duplicates.similarity("Iran said something else.", "IRAN said, something else") == "100% similar"
    assert duplicates.similarity("Iran said 3,000 people died.", "Iran said that 3,000 people were killed.") == "89% similar"
    assert duplicates.similarity("x" * 300, "x" * 299 + "y") == "99% similar"


def _statement(i: int) -> str:
    """A statement with no figure, unlike every other: twelve letters spelled from i."""
    letters = hashlib.sha256(str(i).encode()).hexdigest()
    return f"Iran said {''.join(chr(97 + int(c, 16)) for c in letters[:12])}."


@pytest.mark.parametrize("excerpts", ["one passage", "overlapping passages"])
def test_statement_comparisons_stay_bounded(mini: Path, monkeypatch: pytest.MonkeyPatch, excerpts: str) -> None:
    """500 claims of one claimant, each citing one passage 50 times, or each a different passage, all overlapping: each
    claim's statement is compared at most NEIGHBOURS times (the old sweep compared every pair of citations: 31 million)."""
    words = (REPO / SEED).read_text("utf-8").split()[:70]
    for i in range(500):
        if excerpts == "one passage":
            text = AGAIN.format(statement=_statement(i), excerpt=" ".join(words[:8]))
            head, _, citation = text.partition("citations:\n")
            text = head + "citations:\n" + citation * 50
        else:  # 10 starts by 50 lengths: 500 different passages, all holding the 10th word
            text = AGAIN.format(statement=_statement(i), excerpt=" ".join(words[i % 10 : i % 10 + 10 + i // 10]))
        (mini / "claims" / f"c{i:04d}.yaml").write_text(text, "utf-8")
    calls = 0
    real = fuzz.token_set_ratio

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(duplicates.fuzz, "token_set_ratio", counted)
    code, lines = run_validator(mini)
    assert calls <= 500 * duplicates.NEIGHBOURS
    assert code == (1 if excerpts == "one passage" else 0), lines[-3:]
