"""A valid contribution to data/ passes every test: no test freezes today's data.

Tests that assert what the story says read the frozen copy (tests/fixtures/story); the live data/
is read only through conftest's LIVE_DATA (and the site built from it), by checks that hold for
any valid data set, which conftest marks `live_data`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXED_EPOCH, REPO, commit_as_one, edit
from pasting import paste, problems
from tracker.load.loader import load_file

TESTS = REPO / "tests"
# `REPO / "data"`, `REPO / "seeds"`: the live data named directly, not through LIVE_DATA or LIVE_SEEDS
LIVE_PATH = re.compile(r"""\bREPO\s*/\s*["'](?:data|seeds)\b""")


def test_no_test_reads_the_live_data_but_through_live_data():
    """So that conftest can mark every test that reads data/ and tests/test_contribution.py can run it on a contribution."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if path.name == "conftest.py" or path == Path(__file__):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if LIVE_PATH.search(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == [], "read the live data through conftest.LIVE_DATA / LIVE_SEEDS (or the frozen story, STORY_DATA):\n" + "\n".join(found)


def test_the_guard_sees_a_direct_read():
    assert LIVE_PATH.search('validate(REPO / "data")') and LIVE_PATH.search("(REPO / 'seeds' / name)")
    assert not LIVE_PATH.search('REPO / "database"') and not LIVE_PATH.search('STORY / "data"')


# --------------------------------------------------------------------------- a contribution, end to end

CONTRIBUTION = REPO / "tests" / "fixtures" / "contribution"
ARTICLE = "example-news-istanbul-venue"
ARTICLE_URL = "https://example.org/world/iran-istanbul-venue"
QUESTION = "Did Iran agree to hold the talks in Istanbul?"


def copy_of_the_checkout(target: Path) -> Path:
    """The working tree as it is (tracked and untracked files, not ignored ones), so that uncommitted work is tested too."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def first_claim(data: Path) -> str:
    """The claim the contribution contradicts: the first of the data (by id) that is not withdrawn."""
    return next(p.stem for p in sorted((data / "claims").glob("*.yaml")) if "withdrawn" not in load_file(p).data)


def test_a_contribution_valid_by_make_check_passes_the_build_and_every_test_that_reads_data(tmp_path: Path):
    """Done as CONTRIBUTING says, on a copy of this checkout: archive an article, add its source, an actor,
    a briefing, an event and two claims (one contradicting a claim already in the data), fix what the
    validator says until `make check` passes; then the summary, the build, and every test marked
    `live_data`, run in the copy on its data, pass. A test that asserts today's data fails here."""
    repo = copy_of_the_checkout(tmp_path / "repo")
    (repo / ".venv").symlink_to(REPO / ".venv")
    commit_as_one(repo, "main, as it is")
    subprocess.run(["git", "checkout", "-qb", "contribution"], cwd=repo, check=True)
    # the copy's live checks build the copy's site (never one CI built from data/ before the tests: TRACKER_LIVE_SITE)
    inherited = {key: value for key, value in os.environ.items() if key != "TRACKER_LIVE_SITE"}
    env = {**inherited, "PYTHONPATH": str(repo / "scripts"), "GITHUB_ACTIONS": "", "SOURCE_DATE_EPOCH": FIXED_EPOCH}

    def python(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *args], cwd=repo, env=env, capture_output=True, text=True, check=False)

    def validator(data: Path) -> tuple[int, list[str]]:
        result = python("scripts/validate.py", "--data", "data")
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
        return result.returncode, result.stdout.splitlines()

    data = repo / "data"
    archived = python("scripts/archive.py", "--id", ARTICLE, "--file", str(CONTRIBUTION / "saved-page.html"), "--url", ARTICLE_URL, "--retrieved", "2026-02-11")
    assert archived.returncode == 0, archived.stderr
    source = data / "sources" / f"{ARTICLE}.yaml"
    edit(source, 'kind: ""', "kind: news-article")
    edit(source, 'description: ""', 'description: "Example News article on what Iran\'s foreign ministry said of the Istanbul venue"')
    contradicted = first_claim(data)
    for path in sorted((CONTRIBUTION / "data").rglob("*.yaml")):
        target = data / path.relative_to(CONTRIBUTION / "data")
        target.write_text(path.read_text("utf-8").replace("CONTRADICTED", contradicted), "utf-8")

    asked = []
    for _ in range(4):  # as a contributor does: read the messages, paste or change what they say, validate again
        found = problems(data, validator)
        if not found:
            break
        for problem in found:
            if problem.message.startswith(("contradicts goes both ways", "corroborates goes both ways")) or "has no name for readers" in problem.message:
                paste(data, problem)
            elif problem.message.startswith("a claim that contradicts another must be assessed"):
                edit(data / problem.file, "  status: unverified", "  status: disputed")
            elif "dispute each other, but no question for readers names them" in problem.message:
                paste(data, problem, question=QUESTION)
                asked.append(problem)
            else:
                pytest.fail(f"a message the contribution should not get: data/{problem.file}:{problem.line}: {problem.message}")
    assert problems(data, validator) == []
    formatted = python("scripts/fmt.py", "--check", "--data", "data")
    assert formatted.returncode == 0, formatted.stdout

    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    git_env = {**env, "GIT_AUTHOR_DATE": "2025-12-31T13:00:00Z", "GIT_COMMITTER_DATE": "2025-12-31T13:00:00Z"}
    subprocess.run(
        ["git", "-c", "user.name=C", "-c", "user.email=c@example.org", "commit", "-qm", "Add the account of Iran's foreign ministry"],
        cwd=repo,
        env=git_env,
        check=True,
    )
    summary = python("scripts/pr_summary.py", "--base", "main")
    assert (summary.returncode, summary.stderr) == (0, "")
    assert "6 added, 1 changed, 0 removed" in summary.stdout and f"| claim | `{contradicted}` |" in summary.stdout

    site = tmp_path / "site"
    built = python("scripts/build.py", "--data", "data", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr
    for path in (CONTRIBUTION / "data").rglob("*.yaml"):
        assert (site / path.parent.name / path.stem / "index.html").is_file(), path
    if asked:  # the new dispute is asked as its question, not as "What is disputed?"
        assert QUESTION in (site / "disputes" / "index.html").read_text("utf-8")

    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "live_data", "-q", "-p", "no:cacheprovider"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert tests.returncode == 0, tests.stdout[-5000:] + tests.stderr[-2000:]
    passed = re.search(r"\b(\d+) passed\b", tests.stdout)
    assert passed and int(passed.group(1)) >= 25 and " failed" not in tests.stdout and " skipped" not in tests.stdout, tests.stdout[-2000:]
