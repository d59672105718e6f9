"""The corrections check (scripts/check_corrections.py, `make corrections`): a change of substance to a
record adds a correction, unless its commits say they only reword; in scratch repositories of the mini data."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINI, REPO, git, pull_request_repo
from tracker.trust import substance

CLAIM = "data/claims/fair-talks.yaml"
STATEMENT = "Pezeshkian said he instructed his foreign minister to pursue fair negotiations, and that more than 3,000 people died."
TRAILER_HINT = 'if only the wording changed, end the commit message with the trailer "Rewording: yes"'
CORRECTION = 'corrections:\n  - date: "2026-12-08"\n    wrong: "It said fair talks."\n    now: "It says fair negotiations."\ncitations:'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The mini data committed on main, and a branch `pr` checked out from it."""
    return pull_request_repo(tmp_path, MINI)


def edit(repo: Path, path: str, old: str, new: str, message: str) -> None:
    file = repo / path
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def run(repo: Path, *args: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), str(REPO / "scripts" / "check_corrections.py"), "--repo", str(repo), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=repo,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    return result.returncode, (result.stdout + result.stderr).splitlines()


def test_a_changed_statement_without_a_correction_is_refused(repo: Path):
    edit(repo, CLAIM, "fair negotiations, and", "fair talks, and", "Shorter")
    assert run(repo) == (
        1,
        [
            f"{CLAIM}:3:12: the statement changed, but no corrections entry was added: add one saying what the record said before (wrong) "
            f"and says now (now); {TRAILER_HINT}",
            "1 change of substance without a correction (1 changed records checked)",
        ],
    )


def test_a_changed_statement_with_a_correction_passes(repo: Path):
    edit(repo, CLAIM, "fair negotiations, and", "fair talks, and", "Shorter")
    edit(repo, CLAIM, "citations:", CORRECTION, "The correction")
    assert run(repo) == (0, ["ok: 1 changed records checked"])


def test_a_rewording_trailer_passes(repo: Path):
    edit(repo, CLAIM, "fair negotiations, and", "fair negotiations; and", "Punctuation\n\nRewording: yes")
    assert run(repo) == (0, ["ok: 1 changed records checked"])


def test_a_rewording_said_anywhere_but_in_the_trailer_is_not_one(repo: Path):
    edit(repo, CLAIM, "fair negotiations, and", "fair negotiations; and", "Rewording: yes\n\nThis is no Rewording: yes trailer.")
    code, lines = run(repo)
    assert code == 1 and lines[0].startswith(f"{CLAIM}:3:12: the statement changed")


def test_every_commit_that_changed_the_record_must_say_it_rewords(repo: Path):
    edit(repo, CLAIM, "fair negotiations, and", "fair negotiations; and", "Punctuation\n\nRewording: yes")
    edit(repo, "data/events/statement.yaml", 'date: "2026-02-01"', 'date: "2026-02-02"', "A day later\n\nRewording: yes")
    edit(repo, CLAIM, "more than 3,000 people", "over 3,000 people", "Over")
    code, lines = run(repo)
    assert code == 1
    assert [line.split(": ")[0] for line in lines[:-1]] == [f"{CLAIM}:3:12"]


def test_what_changed_is_named_in_the_record_order(repo: Path):
    edit(repo, CLAIM, "status: disputed", "status: unverified", "Status")
    edit(repo, CLAIM, 'excerpt: "pursue', 'excerpt: "to pursue', "Excerpt")
    code, lines = run(repo)
    assert code == 1
    assert lines[0].startswith(f"{CLAIM}:16:11: the status and a citation's excerpt changed, but no corrections entry was added")


def test_notes_links_and_a_new_citation_are_not_substance(repo: Path):
    edit(repo, "data/claims/other-talks.yaml", 'notes: "Test data', 'notes: "Test data, again', "Notes")
    edit(repo, CLAIM, "citations:\n", 'citations:\n  - source: seed\n    excerpt: "In a statement on X"\n', "Another citation")
    assert run(repo) == (0, ["ok: 2 changed records checked"])


def test_added_and_removed_records_owe_no_correction(repo: Path):
    (repo / "data" / "claims" / "other-talks.yaml").unlink()
    shutil.copy(repo / CLAIM, repo / "data" / "claims" / "copy.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Add and remove")
    assert run(repo) == (0, ["ok: 0 changed records checked"])


def test_the_first_push_of_a_branch_has_nothing_to_compare_with(repo: Path):
    edit(repo, CLAIM, "fair negotiations, and", "fair talks, and", "Shorter")
    assert run(repo, "--base", "0" * 40) == (0, ["ok: 0 changed records checked"])


def test_a_base_that_is_no_commit_is_refused(repo: Path):
    assert run(repo, "--base", "nothing") == (
        1,
        ["check_corrections: --base 'nothing' is not a commit in this repository (a shallow clone? CI checks out with fetch-depth: 0)"],
    )


def test_github_annotations(repo: Path):
    edit(repo, CLAIM, "fair negotiations, and", "fair talks, and", "Shorter")
    code, lines = run(repo, "--format", "github")
    assert code == 1
    assert lines[0].startswith(f"::error file={CLAIM},line=3,col=12,title=data validation::the statement changed")
    assert lines[1] == "1 problems found"


def test_in_words():
    kinds = substance.SUBSTANCE["claims"]
    assert substance.in_words([kinds[1]]) == "the statement"
    assert substance.in_words([kinds[0], kinds[1], substance.EXCERPT]) == "the claimants, the statement and a citation's excerpt"
