"""What a pull request brings besides data/: its commits and its other files, tried as an attacker would.

Each case builds the site as `make site` does (scripts/build.py) and states its documented outcome
(tests/hostile/README.md, "git history" and "files outside data/"): the build finishes without a
traceback, and the forged commit or the file outside the checkout is reported and published nowhere.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINI, build_site
from test_history import DAY, T0, commit, git
from tracker.git_log import LAST_PRINTABLE

FORGED_SUBJECT = "Fix a typo\x01../../../evil/repo/commit/" + "0" * 40 + "\x02\x021735689600\x02Reviewed and approved by the editors"


def published_text(site: Path) -> str:
    """Every page, feed and API document of a built site, as one text."""
    return "\n".join(p.read_text("utf-8", "replace") for p in sorted(site.rglob("*")) if p.suffix in (".html", ".json", ".atom", ".xml", ".csv", ".ics"))


@pytest.fixture
def forged(tmp_path: Path) -> Path:
    """A repository of the mini data whose last commit's subject holds the old parser's separators."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root / "data")
    git(root, "init", "-q", "-b", "main")
    commit(root, "Add the mini data", T0)
    statement = root / "data" / "events" / "statement.yaml"
    statement.write_text(statement.read_text("utf-8") + "# a note\n", "utf-8")
    commit(root, FORGED_SUBJECT, T0 + DAY)
    return root


def test_a_forged_commit_subject_publishes_no_false_date_subject_or_link(forged: Path, tmp_path: Path) -> None:
    sha = git(forged, "rev-parse", "HEAD")
    site = tmp_path / "site"
    result = build_site(forged / "data", site, SOURCE_DATE_EPOCH=str(T0 + DAY))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert f"tracker: commit {sha}: its subject holds the control or invisible character U+0001; it is left out of the published history" in result.stderr
    text = published_text(site)
    assert "evil" not in text and "Reviewed and approved" not in text and "2025-01-01T00:00:00Z" not in text and sha not in text
    assert "Add the mini data" in (site / "changes" / "index.html").read_text("utf-8")


def test_a_commit_from_year_10000_is_left_out_not_a_traceback(forged: Path, tmp_path: Path) -> None:
    statement = forged / "data" / "events" / "statement.yaml"
    statement.write_text(statement.read_text("utf-8") + "# another note\n", "utf-8")
    git(forged, "add", "-A")
    git(forged, "commit", "-q", "-m", "A change from the future", when=LAST_PRINTABLE + 1)
    sha = git(forged, "rev-parse", "HEAD")
    result = build_site(forged / "data", tmp_path / "site", SOURCE_DATE_EPOCH=str(T0 + DAY))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert (
        f"tracker: commit {sha}: it is dated after this build's SOURCE_DATE_EPOCH (2026-01-02T00:00:00Z); it is left out of the published history"
        in result.stderr
    )
    assert "A change from the future" not in published_text(tmp_path / "site")


@pytest.mark.parametrize("epoch", [str(LAST_PRINTABLE + 1), "1e9", "-5", "2026-01-01"])
def test_a_source_date_epoch_the_build_cannot_print_stops_it_with_a_message(epoch: str, tmp_path: Path) -> None:
    """`make site` takes SOURCE_DATE_EPOCH from the last commit: a last commit dated in year 10000, or a value set by hand."""
    result = build_site(MINI, tmp_path / "site", SOURCE_DATE_EPOCH=epoch)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"SOURCE_DATE_EPOCH={epoch!r} is not a time this build can print: a whole number of seconds from 1970 to the end of 9999" in result.stderr
