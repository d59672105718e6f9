"""Every validation rule: one broken copy of the mini dataset per rule, with the exact output."""

from __future__ import annotations

import pytest

from case_table import CASES, GOOD_CASES, Case
from conftest import run_validator
from tracker import rules
from tracker.rulebook import all_rules


def test_mini_dataset_is_valid(mini):
    code, lines = run_validator(mini)
    assert (code, lines) == (0, ["ok: 1 events, 2 claims, 3 actors, 2 sources"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule(case: Case, mini):
    case.apply(mini)
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == [f"data/{line}" for line in case.expected]
    assert lines[-1].startswith(f"{len(case.expected)} problem")


@pytest.mark.parametrize("case", GOOD_CASES, ids=lambda c: c.name)
def test_rule_accepts(case: Case, mini):
    case.apply(mini)
    code, lines = run_validator(mini)
    assert code == 0 and len(lines) == 1 and lines[0].startswith("ok: "), lines


def test_every_problem_in_one_run(mini):
    """Problems in several files, of several stages, are all reported together."""
    for case in CASES:
        if case.name in {"unknown field", "quote not in the excerpts", "wrong extension", "file name is not an id"}:
            case.apply(mini)
    code, lines = run_validator(mini)
    assert code == 1
    assert len(lines) == 5
    assert lines[-1].startswith("4 problems found")


def test_only_named_files_are_reported_but_references_use_everything(mini):
    (mini / "events" / "statement.yaml").write_text((mini / "events" / "statement.yaml").read_text().replace("  - president\nsummary", "  - nobody\nsummary"))
    code, lines = run_validator(mini, str(mini / "claims" / "fair-talks.yaml"))
    assert (code, lines) == (0, ["ok: 1 events, 2 claims, 3 actors, 2 sources"])
    code, lines = run_validator(mini, str(mini / "events" / "statement.yaml"))
    assert code == 1
    assert lines[0] == "data/events/statement.yaml:4:5: unknown actor 'nobody': no file data/actors/nobody.yaml"


def test_every_registered_rule_has_a_bad_case():
    """A rule that no case breaks is untested: registering it without one fails here."""
    covered = {case.rule for case in CASES}
    assert [r.name for r in all_rules() if r.name not in covered] == []
    assert covered - {r.name for r in all_rules()} <= {""}, "a case names a rule that is not registered"


def test_rule_docs_are_the_docstrings():
    docs = dict(rules.rule_docs())
    assert docs["check_references"] == "Every reference names an existing record of the right kind, and not the record itself."
    assert len(docs) == len(all_rules())
