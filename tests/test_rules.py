"""Every validation rule: one broken copy of the mini dataset per rule, with the exact output."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, utils

from case_table import CASES, GOOD_CASES, WARNING_CASES, Case
from conftest import STORY_DATA, run_validator
from tracker.check import rules
from tracker.check.rulebook import all_rules
from tracker.check.rules.duplicates import SIMILAR
from tracker.load.loader import load_file


def test_mini_dataset_is_valid(mini):
    code, lines = run_validator(mini)
    assert (code, lines) == (0, ["ok: 1 events, 2 claims, 3 actors, 2 sources"])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_rule(case: Case, mini, archive_root):
    with case.archived(archive_root):
        case.apply(mini)
        code, lines = run_validator(mini)
    assert code == 1
    # a problem that suggests YAML to paste is several lines: the message, then the YAML as it is to be written
    assert "\n".join(lines[:-1]) == "\n".join(f"data/{problem}" for problem in case.expected)
    assert lines[-1].startswith(f"{len(case.expected)} problem")


@pytest.mark.parametrize("case", GOOD_CASES, ids=lambda c: c.name)
def test_rule_accepts(case: Case, mini, archive_root):
    with case.archived(archive_root):
        case.apply(mini)
        code, lines = run_validator(mini)
    assert code == 0 and len(lines) == 1 and lines[0].startswith("ok: "), lines


@pytest.mark.parametrize("case", WARNING_CASES, ids=lambda c: c.name)
def test_rule_warns(case: Case, mini, archive_root):
    """A warning is printed apart, with "warning:", counted on the last line, and the run passes."""
    with case.archived(archive_root):
        case.apply(mini)
        code, lines = run_validator(mini)
    assert code == 0
    assert lines[:-1] == [f"data/{warning}" for warning in case.expected]
    assert (
        lines[-1]
        == f"ok: 1 events, 2 claims, 3 actors, 2 sources; {len(case.expected)} warning{'s' if len(case.expected) > 1 else ''} (they do not fail the check)"
    )


def test_a_warning_is_reported_apart_from_problems(mini):
    """Problems first, then warnings; exit 1 for the problems alone; GitHub gets an error and a warning annotation."""
    WARNING_CASES[0].apply(mini)
    (mini / "claims" / "other-talks.yaml").write_text((mini / "claims" / "other-talks.yaml").read_text() + "colour: red\n")
    code, lines = run_validator(mini)
    assert code == 1
    assert [line.split(": ")[1] for line in lines[:-1]] == ["unknown field 'colour'", "warning"]
    assert lines[-1] == "1 problem found (1 events, 2 claims, 3 actors, 2 sources checked); 1 warning (they do not fail the check)"
    code, lines = run_validator(mini, "--format", "github")
    assert [line.split(" ")[0] for line in lines[:-1]] == ["::error", "::warning"]
    assert lines[-1] == "1 problems found; 1 warning (they do not fail the check)"


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
    covered = {case.rule for case in CASES + WARNING_CASES}
    assert [r.name for r in all_rules() if r.name not in covered] == []
    assert covered - {r.name for r in all_rules()} <= {""}, "a case names a rule that is not registered"


def test_rule_docs_are_the_docstrings():
    docs = dict(rules.rule_docs())
    assert docs["check_references"] == "Every reference names an existing record of the right kind, and not the record itself."
    assert len(docs) == len(all_rules())


# Real claims that cite overlapping passages of the seed article, by one claimant, and are distinct.
DISTINCT_REAL_PAIRS = [
    ("hrana-50235-protest-arrests", "hrana-6854-protest-deaths"),
    ("iranian-officials-deaths-due-to-terrorist-acts", "iranian-officials-most-dead-security-forces-or-bystanders"),
    ("iranian-officials-deaths-due-to-terrorist-acts", "iranian-officials-over-3000-protest-deaths"),
    ("iranian-officials-most-dead-security-forces-or-bystanders", "iranian-officials-over-3000-protest-deaths"),
    ("araghchi-nuclear-deal-achievable-in-good-faith", "araghchi-trust-in-washington-eroded"),
]
# Rewordings a contributor might add as a second claim: each must reach the threshold.
REWORDED = {
    "iranian-officials-over-3000-protest-deaths": "Iranian officials acknowledged that more than 3,000 people were killed during the protests.",
    "araghchi-nuclear-deal-achievable-in-good-faith": "Abbas Araghchi said that a nuclear deal is still achievable if the U.S. negotiates in good faith.",
}


def _statement(claim_id: str) -> str:
    return load_file(STORY_DATA / "claims" / f"{claim_id}.yaml").data["statement"]


def test_near_duplicate_threshold_on_real_pairs():
    def score(a: str, b: str) -> float:
        return fuzz.token_set_ratio(a, b, processor=utils.default_process)

    assert [(a, b) for a, b in DISTINCT_REAL_PAIRS if score(_statement(a), _statement(b)) >= SIMILAR] == []
    assert [c for c, reworded in REWORDED.items() if score(_statement(c), reworded) < SIMILAR] == []
    assert f"{SIMILAR} out of 100" in dict(rules.rule_docs())["check_near_duplicate_claims"]
