"""The pull-request summary (scripts/pr_summary.py, `make summary`): what a branch adds, changes and
removes since it left main, from commits only, with its base checked, and data shown as text."""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import REPO, STORY_DATA, git, pull_request_repo
from hostile.markdown import MARKDOWN_PAYLOADS, MarkdownPayload
from tracker.cli import pr_summary


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository holding the frozen story's data/ on main, and a branch `pr` checked out from it."""
    return pull_request_repo(tmp_path, STORY_DATA)


def run(repo: Path, *args: str) -> tuple[int, str, str]:
    result = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), str(REPO / "scripts" / "pr_summary.py"), "--repo", str(repo), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=repo,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    return result.returncode, result.stdout, result.stderr


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def test_added_changed_and_removed_records_since_the_branch_left_main(repo: Path):
    data = repo / "data"
    cnn = data / "actors" / "cnn.yaml"
    cnn.write_text(cnn.read_text("utf-8").replace('name: "CNN"', 'name: "CNN International"'), "utf-8")
    (data / "events" / "iran-protests.yaml").unlink()
    (data / "claims" / "trump-sworn-in-january-2025.yaml").rename(data / "claims" / "trump-inaugurated-january-2025.yaml")
    (data / "sources" / "new-interview.yaml").write_text('kind: broadcast-interview\ndescription: "A new interview"\n', "utf-8")
    (data / "notes.txt").write_text("stray\n", "utf-8")
    (data / "story.yaml").write_text(
        (data / "story.yaml").read_text("utf-8") + '  - question: "Again?"\n    claims:\n      - hrana-6854-protest-deaths\n', "utf-8"
    )
    commit_all(repo, "pr")
    # main moves on after the branch point: its changes are not the pull request's
    git(repo, "checkout", "-q", "main")
    x = data / "actors" / "x.yaml"
    x.write_text(x.read_text("utf-8").replace('"X"', '"X (formerly Twitter)"'), "utf-8")
    commit_all(repo, "later on main")
    git(repo, "checkout", "-q", "pr")
    branch_point = subprocess.run(["git", "merge-base", "main", "pr"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()

    code, out, err = run(repo)  # no --base: main
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "## Records in this change",
        "",
        f"2 added, 1 changed, 2 removed (compared with `{branch_point[:12]}`, where this branch left its base).",
    ]
    assert r"| source | `new-interview` | A new interview |" in lines
    assert r"| claim | `trump-inaugurated-january-2025` | The article states that Donald Trump was reelected and sworn in on January 20\, 2025\. |" in lines
    assert r"| actor | `cnn` | CNN International | `name` |" in lines
    assert r"| event | `iran-protests` | Protests in Iran evolved into widespread anti\-government demonstrations |" in lines
    assert any(line.startswith("| claim | `trump-sworn-in-january-2025` |") for line in lines[lines.index("### Removed") :])
    assert r"Other files changed under the data directory (the validator reports them): data\/notes\.txt" in lines
    assert r"Also changed: data\/story\.yaml (the home page's lead and the questions of disputes)." in lines
    assert "`x`" not in out, "a change made on main after the branch point is not in the pull request"
    assert run(repo, "--base", "main") == (code, out, err)


def test_uncommitted_changes_are_left_out_with_a_warning(repo: Path):
    data = repo / "data"
    (data / "actors" / "new-actor.yaml").write_text('name: "New"\n', "utf-8")
    cnn = data / "actors" / "cnn.yaml"
    cnn.write_text(cnn.read_text("utf-8").replace('name: "CNN"', 'name: "CNN International"'), "utf-8")
    code, out, err = run(repo)
    assert code == 0
    assert "0 added, 0 changed, 0 removed" in out and "No record is added, changed or removed." in out
    assert err == (
        "pr_summary: warning: 2 uncommitted change(s) under data/ are not in this summary, which compares commits "
        "(data/actors/cnn.yaml, data/actors/new-actor.yaml): commit them to see them here\n"
    )
    commit_all(repo, "now committed")
    code, out, err = run(repo)
    assert (code, err) == (0, "") and "1 added, 1 changed, 0 removed" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", ""], "pr_summary: --base is empty: give the branch or commit to compare with (in CI, the pull request's base commit)\n"),
        (
            ["--base", "no-such-branch"],
            "pr_summary: --base 'no-such-branch' is not a commit in this repository (a shallow clone? CI checks out with fetch-depth: 0)\n",
        ),
        (
            ["--base", "1234567890abcdef1234567890abcdef12345678"],
            "pr_summary: --base '1234567890abcdef1234567890abcdef12345678' is not a commit in this repository (a shallow clone? CI checks out with fetch-depth: 0)\n",
        ),
        (["--base=--output=x"], "pr_summary: --base '--output=x' is not a commit in this repository (a shallow clone? CI checks out with fetch-depth: 0)\n"),
        (["--head", "nowhere"], "pr_summary: --head 'nowhere' is not a commit in this repository\n"),
    ],
    ids=["empty", "unknown name", "unknown commit", "an option", "unknown head"],
)
def test_a_missing_or_wrong_base_is_an_error(repo: Path, args: list[str], message: str):
    assert run(repo, *args) == (1, "", message)


def test_without_main_a_base_must_be_given(repo: Path):
    git(repo, "branch", "-qm", "main", "trunk")
    assert run(repo) == (1, "", "pr_summary: there is no branch main to compare with: give --base (the branch or commit this work started from)\n")
    assert run(repo, "--base", "trunk")[0] == 0


def test_the_first_push_of_a_branch_has_nothing_to_compare_with(repo: Path):
    assert run(repo, "--base", "0" * 40) == (0, pr_summary.FIRST_PUSH_SUMMARY + "\n", "")


def test_make_summary_reads_its_base_from_the_environment(repo: Path, monkeypatch, capsys):
    monkeypatch.setenv("BASE", "no-such-branch")
    assert pr_summary.main(["--from-make", "--repo", str(repo)]) == 1
    assert "--base 'no-such-branch' is not a commit" in capsys.readouterr().err
    monkeypatch.setenv("BASE", "")
    assert pr_summary.main(["--from-make", "--repo", str(repo)]) == 0  # empty: main
    assert "tracker-pr-summary --data $(DATA) --from-make" in (REPO / "Makefile").read_text("utf-8")


# --------------------------------------------------------------------------- data shown as text


def added_claim(repo: Path, rid: str, statement: str) -> None:
    record = {"claimants": ["hrana"], "statement": statement, "made_in": "hrana-estimate"}
    (repo / "data" / "claims" / f"{rid}.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS, ids=lambda p: p.name)
def test_markdown_in_a_statement_is_shown_as_text(repo: Path, payload: MarkdownPayload):
    """The exact cell, and a CommonMark renderer (with GitHub's tables) makes nothing of it but its text."""
    added_claim(repo, "planted", payload.text)
    commit_all(repo, "a statement with Markdown in it")
    code, out, err = run(repo)
    assert (code, err) == (0, "")
    row = f"| claim | `planted` | {payload.shown} |"
    assert row in out.splitlines()
    rendered = MarkdownIt("commonmark").enable("table").render(out)
    tags = set(re.findall(r"<([a-z0-9]+)", rendered))
    assert tags <= {"h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "code"}, tags
    assert re.findall(r"<code>(.*?)</code>", rendered) == [out.split("`")[1], "planted"]  # the base commit and the id
    cells = re.findall(r"<td>(.*?)</td>", rendered)
    assert html.unescape(cells[2]) == payload.rendered


def test_invisible_characters_are_written_as_escapes():
    """A right-to-left override would reorder what reviewers read (the loader refuses it raw; the summary runs before validation)."""
    assert pr_summary.cell("approved \u202edessap\u202c") == r"approved \\u202edessap\\u202c"


def test_a_field_name_or_file_name_from_the_data_is_text_too(repo: Path):
    cnn = repo / "data" / "actors" / "cnn.yaml"
    cnn.write_text(cnn.read_text("utf-8") + '"[ok](https://evil.example)": 1\n', "utf-8")
    (repo / "data" / "`x`<b>.txt").write_text("x\n", "utf-8")
    commit_all(repo, "odd names")
    code, out, _ = run(repo)
    assert code == 0
    assert r"| actor | `cnn` | CNN | \[ok\]\(https\:\/\/evil\.example\) |" in out.splitlines()
    assert r"(the validator reports them): data\/\`x\`\<b\>\.txt" in out
