"""What a pull request brings besides data/: its commits and its other files, tried as an attacker would.

Each case builds the site as `make site` does (scripts/build.py) and states its documented outcome
(tests/hostile/README.md, "git history" and "files outside data/"): the build finishes without a
traceback, and the forged commit or the file outside the checkout is reported and published nowhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXED_EPOCH, MINI, build_site
from test_history import DAY, T0, commit, git
from test_reproducible import copy_checkout
from tracker.load import checkout
from tracker.load.git_log import LAST_PRINTABLE

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
    assert "records added." in (site / "changes" / "index.html").read_text("utf-8")  # the commit before it is listed


def test_a_commit_from_year_10000_is_left_out_not_a_traceback(forged: Path, tmp_path: Path) -> None:
    """Merged by a merge commit of its own, as GitHub merges: the commit built is dated T0 + 2 days, the one before it year 10000."""
    statement = forged / "data" / "events" / "statement.yaml"
    statement.write_text(statement.read_text("utf-8") + "# another note\n", "utf-8")
    git(forged, "add", "-A")
    git(forged, "commit", "-q", "-m", "A change from the future", when=LAST_PRINTABLE + 1)
    sha = git(forged, "rev-parse", "HEAD")
    (forged / "NOTES.md").write_text("merged\n")
    commit(forged, "Merge the pull request", T0 + 2 * DAY)
    result = build_site(forged / "data", tmp_path / "site", SOURCE_DATE_EPOCH=str(T0 + 2 * DAY))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert (
        f"tracker: commit {sha}: it is dated after this build's SOURCE_DATE_EPOCH (2026-01-03T00:00:00Z); it is left out of the published history"
        in result.stderr
    )
    assert "A change from the future" not in published_text(tmp_path / "site")


@pytest.mark.parametrize("epoch", [str(LAST_PRINTABLE + 1), "1e9", "-5", "2026-01-01"])
def test_a_source_date_epoch_the_build_cannot_print_stops_it_with_a_message(epoch: str, tmp_path: Path) -> None:
    """`make site` takes SOURCE_DATE_EPOCH from the last commit: a last commit dated in year 10000, or a value set by hand."""
    result = build_site(MINI, tmp_path / "site", SOURCE_DATE_EPOCH=epoch)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"SOURCE_DATE_EPOCH={epoch!r} is not a time this build can print: a whole number of seconds from 1970 to the end of 2999" in result.stderr


# ---------------------------------------------------------------- files outside data/ that the build reads or copies


def checkout_tree(root: Path) -> Path:
    """A small checkout: the folders the build reads, each with a plain file."""
    for folder in ("docs/stylesheets", "overrides/partials", "seeds", "schema", "scripts/tracker"):
        (root / folder).mkdir(parents=True)
        (root / folder / "plain.txt").write_text("x\n")
    return root


def unsafe(root: Path, docs: Path | None = None) -> list[str]:
    found = checkout.unsafe_files(root, checkout.build_folders(root, docs or root / "docs", root / "overrides"))
    return [str(p).replace(f"{root}/", "") for p in found]


SYMLINK = "symlinks are not allowed among the files the build reads or publishes; put the file itself here"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda r: (r / "docs" / "environ.txt").symlink_to("/proc/self/environ"), ["docs/environ.txt"]),
        (lambda r: (r / "docs" / "git-config.txt").symlink_to("../.git/config"), ["docs/git-config.txt"]),
        (lambda r: (r / "overrides" / "partials" / "logo.html").symlink_to("/etc/hostname"), ["overrides/partials/logo.html"]),
        (lambda r: (r / "docs" / "stylesheets" / "etc").symlink_to("/etc"), ["docs/stylesheets/etc"]),
        (lambda r: (r / "docs" / "gone.md").symlink_to("/nonexistent"), ["docs/gone.md"]),
        (lambda r: (r / "seeds" / "001_0123456789abcdef.txt").symlink_to("/etc/passwd"), ["seeds/001_0123456789abcdef.txt"]),
        (lambda r: (r / "schema" / "event.schema.json").symlink_to("/etc/passwd"), ["schema/event.schema.json"]),
        (lambda r: (r / "scripts" / "tracker" / "x.py").symlink_to("/etc/passwd"), ["scripts/tracker/x.py"]),
    ],
    ids=["to /proc/self/environ", "to .git/config", "a theme template", "a folder", "dangling", "an archived text", "a schema", "a script"],
)
def test_a_symlink_the_build_would_read_stops_it(tmp_path: Path, make, expected: list[str]) -> None:
    root = checkout_tree(tmp_path / "repo")
    assert unsafe(root) == []
    make(root)
    assert unsafe(root) == [f"{path}:1:1: {SYMLINK}" for path in expected]


def test_a_pipe_and_a_docs_folder_outside_the_checkout_stop_it(tmp_path: Path) -> None:
    root = checkout_tree(tmp_path / "repo")
    os.mkfifo(root / "docs" / "pipe.md")  # would block a reader
    assert unsafe(root) == ["docs/pipe.md:1:1: not a regular file (a pipe, socket or device); the build reads only plain files"]
    (root / "docs" / "pipe.md").unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert unsafe(root, docs=elsewhere) == [f"{elsewhere}:1:1: folder {elsewhere} is outside the checkout; the build reads nothing outside it"]
    shutil.rmtree(root / "docs")
    (root / "docs").symlink_to(elsewhere)
    assert unsafe(root) == [f"docs:1:1: {SYMLINK}"]


def test_a_symlink_in_docs_is_not_published(tmp_path: Path) -> None:
    """The attack end to end: a checkout whose docs/ links to the build's environment and .git/config, built as `make site` builds it."""
    checkout_copy = copy_checkout(tmp_path / "repo")
    (checkout_copy / "docs" / "environ.txt").symlink_to("/proc/self/environ")
    (checkout_copy / "docs" / "git-config.txt").symlink_to("../.git/config")
    site = tmp_path / "site"
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "PYTHONPATH": str(checkout_copy / "scripts")}
    command = [sys.executable, str(checkout_copy / "scripts" / "build.py"), "--data", str(MINI), "--site-dir", str(site)]
    result = subprocess.run(command, cwd=checkout_copy, env=environment, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"docs/environ.txt:1:1: {SYMLINK}" in result.stderr and f"docs/git-config.txt:1:1: {SYMLINK}" in result.stderr
    assert not site.exists()
