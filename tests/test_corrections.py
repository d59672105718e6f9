"""Corrections and explicit withdrawal in the record schemas: valid, checked with exact messages, canonically formatted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, run_validator
from tracker.load import yaml_emit

CORRECTED = """withdrawn:
  reason: "A duplicate of another claim."
  date: "2026-11-21"
corrections:
  - now: "It gives the toll as more than 3,000."
    date: "2026-11-20"
    wrong: "It gave the toll as 3,000."
"""


def test_every_kind_takes_corrections_and_withdrawal():
    """Actors too: the editorial audit corrected four actor records (who they are, how they are described)."""
    for kind in ("event", "claim", "source", "actor"):
        properties = json.loads((REPO / "schema" / f"{kind}.schema.json").read_text("utf-8"))["properties"]
        assert properties["withdrawn"] == {"$ref": "common.schema.json#/$defs/withdrawn"}
        assert properties["corrections"] == {"$ref": "common.schema.json#/$defs/corrections"}


@pytest.mark.parametrize("folder", ["claims", "events", "sources", "actors"])
def test_a_corrected_and_withdrawn_record_is_valid(mini: Path, folder: str):
    record = sorted((mini / folder).glob("*.yaml"))[0]
    record.write_text(record.read_text("utf-8") + CORRECTED, "utf-8")
    code, lines = run_validator(mini)
    assert code == 0, lines


def test_a_withdrawn_actor_is_valid(mini: Path):
    record = mini / "actors" / "iran.yaml"
    record.write_text(record.read_text("utf-8") + CORRECTED.split("corrections:")[0], "utf-8")
    code, lines = run_validator(mini)
    assert code == 0, lines


def test_bad_corrections_and_withdrawals_are_reported_with_their_place(mini: Path):
    record = mini / "claims" / "fair-talks.yaml"
    base = record.read_text("utf-8")
    start = base.count("\n") + 1
    record.write_text(
        base
        + 'withdrawn:\n  date: "2026-11"\ncorrections:\n  - date: "2026-02-30"\n    wrong: "It said 3,000."\n    now: "It says more."\n'
        + '  - date: "2026-11-20"\n    wrong: "It said 3,000."\n',
        "utf-8",
    )
    code, lines = run_validator(mini)
    assert code == 1
    assert lines[:-1] == [
        f"data/claims/fair-talks.yaml:{start + 1}:3: missing required field 'reason'",  # where the mapping starts
        f'data/claims/fair-talks.yaml:{start + 1}:9: \'2026-11\' is not a day: write it as "YYYY-MM-DD", such as "2026-11-20"',
        f"data/claims/fair-talks.yaml:{start + 3}:11: invalid date: '2026-02-30': day 30 does not exist in February 2026",
        f"data/claims/fair-talks.yaml:{start + 6}:5: missing required field 'now'",
    ]


def test_corrections_and_withdrawal_are_formatted_in_schema_order():
    claim = (REPO / "tests" / "fixtures" / "mini" / "claims" / "fair-talks.yaml").read_text("utf-8")
    text = yaml_emit.format_text(claim + CORRECTED, "claims")
    tail = text.split("    claim: other-talks\n")[1]
    assert tail.startswith(
        "corrections:\n"
        '  - date: "2026-11-20"\n'
        '    wrong: "It gave the toll as 3,000."\n'
        '    now: "It gives the toll as more than 3,000."\n'
        "withdrawn:\n"
        '  date: "2026-11-21"\n'
        '  reason: "A duplicate of another claim."\n'
        "citations:\n"
    )
    assert yaml_emit.format_text(text, "claims") == text
