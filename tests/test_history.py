"""A record's history from git (scripts/tracker/trust/history.py): in a scratch repository, a shallow clone, and without .git."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from tracker.cli import synth
from tracker.trust import history as h
from tracker.trust import withdrawals

CLAIM = """assessment:
  status: {status}
  rationale: "Because."
statement: "{statement}"
"""


def git(repo: Path, *args: str, when: int | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"@{when} +0000"
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def commit(repo: Path, message: str, when: int) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD")


def write(repo: Path, path: str, text: str) -> None:
    target = repo / "data" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")


DAY = 86_400
T0 = 1_767_225_600  # 2026-01-01T00:00:00Z


@pytest.fixture
def repo(tmp_path: Path) -> dict:
    """A repository with data/: a claim added, changed, another added, one removed, one renamed; a commit outside data/."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root, "claims/a.yaml", CLAIM.format(status="unverified", statement="A."))
    write(root, "claims/gone.yaml", CLAIM.format(status="unverified", statement="Gone."))
    write(root, "events/old-name.yaml", 'title: "An event, long enough to be recognised as the same file"\n')
    (root / "README.md").write_text("readme\n")
    shas = {"first": commit(root, "Add the first records", T0)}
    write(root, "claims/a.yaml", CLAIM.format(status="disputed", statement="A."))
    shas["dispute"] = commit(root, "Claim a is disputed by b", T0 + DAY)
    write(root, "claims/b.yaml", CLAIM.format(status="disputed", statement="B."))
    (root / "data" / "claims" / "gone.yaml").unlink()
    shas["remove"] = commit(root, "Withdraw gone: a duplicate of a", T0 + 2 * DAY)
    git(root, "mv", "data/events/old-name.yaml", "data/events/new-name.yaml")
    shas["rename"] = commit(root, "Rename an event", T0 + 3 * DAY)
    (root / "README.md").write_text("readme, changed\n")
    commit(root, "Not a data change", T0 + 4 * DAY)
    return {"root": root, "shas": shas}


def test_published_and_modified_come_from_the_commits(repo: dict) -> None:
    history = h.read_history(repo["root"] / "data")
    assert history.available and history.notice is None
    assert sorted(history.records) == ["claims/a.yaml", "claims/b.yaml", "events/new-name.yaml"]
    a = history.of("claims/a.yaml")
    assert (a.published, a.modified) == ("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")
    assert [(c.action, c.subject, c.sha) for c in a.changes] == [
        ("changed", "Claim a is disputed by b", repo["shas"]["dispute"]),
        ("added", "Add the first records", repo["shas"]["first"]),
    ]
    b = history.of("claims/b.yaml")
    assert (b.published, b.modified) == ("2026-01-03T00:00:00Z", "2026-01-03T00:00:00Z")


def test_a_renamed_record_keeps_its_history(repo: dict) -> None:
    event = h.read_history(repo["root"] / "data").of("events/new-name.yaml")
    assert [c.action for c in event.changes] == ["renamed", "added"]
    assert [c.path for c in event.changes] == ["events/new-name.yaml", "events/old-name.yaml"]
    assert event.published == "2026-01-01T00:00:00Z"


def test_a_removed_record_is_withdrawn_with_its_last_version(repo: dict) -> None:
    history = h.read_history(repo["root"] / "data")
    assert list(history.withdrawn) == ["claims/gone.yaml"]
    withdrawal = history.withdrawals["claims/gone.yaml"]
    assert (withdrawal.date, withdrawal.subject, withdrawal.sha) == ("2026-01-03T00:00:00Z", "Withdraw gone: a duplicate of a", repo["shas"]["remove"])
    assert history.withdrawn["claims/gone.yaml"].published == "2026-01-01T00:00:00Z"
    assert h.last_versions(history) == {"claims/gone.yaml": CLAIM.format(status="unverified", statement="Gone.").encode()}


def test_one_entry_per_commit_that_touched_data(repo: dict) -> None:
    commits = h.read_history(repo["root"] / "data").commits
    assert [(c.subject, c.added, c.changed, c.withdrawn) for c in commits] == [
        ("Rename an event", (), ("events/new-name.yaml",), ()),
        ("Withdraw gone: a duplicate of a", ("claims/b.yaml",), (), ("claims/gone.yaml",)),
        ("Claim a is disputed by b", (), ("claims/a.yaml",), ()),
        ("Add the first records", ("claims/a.yaml", "claims/gone.yaml", "events/new-name.yaml"), (), ()),
    ]


def test_a_claims_status_history(repo: dict) -> None:
    history = h.read_history(repo["root"] / "data")
    spans = h.status_histories(history)
    assert list(spans) == ["claims/a.yaml"]  # b was always disputed
    assert [(s.status, s.since) for s in spans["claims/a.yaml"]] == [("unverified", "2026-01-01T00:00:00Z"), ("disputed", "2026-01-02T00:00:00Z")]
    titles = {"unverified": "Unverified", "disputed": "Disputed"}
    assert h.status_note(spans["claims/a.yaml"], titles) == "Disputed since 2026-01-02; previously unverified"


def test_a_record_removed_and_restored_is_not_withdrawn(repo: dict) -> None:
    root = repo["root"]
    (root / "data" / "claims" / "b.yaml").unlink()
    commit(root, "Remove b by mistake", T0 + 5 * DAY)
    write(root, "claims/b.yaml", CLAIM.format(status="disputed", statement="B."))
    commit(root, "Restore b", T0 + 6 * DAY)
    history = h.read_history(root / "data")
    assert "claims/b.yaml" not in history.withdrawn
    b = history.of("claims/b.yaml")
    assert [c.action for c in b.changes] == ["added", "withdrawn", "added"]
    assert (b.published, b.modified) == ("2026-01-03T00:00:00Z", "2026-01-07T00:00:00Z")


def test_the_same_commit_gives_the_same_history(repo: dict, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo["root"]), str(clone))
    assert h.read_history(clone / "data").records == h.read_history(repo["root"] / "data").records


def test_a_shallow_clone_has_no_history_and_says_so(repo: dict, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo['root']}", str(clone))
    history = h.read_history(clone / "data")
    assert not history.available and history.notice == h.SHALLOW
    assert history.records == {} and history.commits == []


def test_a_tree_without_git_has_no_history_and_says_so(repo: dict, tmp_path: Path) -> None:
    tarball = tmp_path / "tarball"
    git(repo["root"], "archive", "-o", str(tmp_path / "t.tar"), "HEAD")
    tarball.mkdir()
    subprocess.run(["tar", "-xf", str(tmp_path / "t.tar"), "-C", str(tarball)], check=True)
    history = h.read_history(tarball / "data")
    assert not history.available and history.notice == h.NOT_A_REPOSITORY.format(data=tarball / "data")
    assert history.records == {}


def test_a_repository_without_commits_has_no_history(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "data" / "claims").mkdir(parents=True)
    history = h.read_history(tmp_path / "data")
    assert not history.available and history.notice == h.NO_COMMITS.format(data=tmp_path / "data")


def test_diff_url() -> None:
    assert h.diff_url("https://github.com/newstrace/iran-us-talks/", "abc") == "https://github.com/newstrace/iran-us-talks/commit/abc"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (b'assessment:\n  status: disputed\n  rationale: "x"\n', "disputed"),
        (b'assessment:\n  rationale: "x"\n  status: "retracted"  # a comment\n', "retracted"),
        (b"quantities:\n  - status: x\nassessment:\n  # note\n  status: corroborated\n", "corroborated"),
        (b"statement: x\n", None),
        (None, None),
    ],
)
def test_status_of_a_version(text: bytes | None, status: str | None) -> None:
    assert h.status_of(text) == status


def test_synthetic_history_ends_in_the_synthetic_tree(tmp_path: Path) -> None:
    """`synth.py --history N`: N commits whose last tree is the data written; renames and withdrawals are read back."""
    out = tmp_path / "data"
    synth.write(100, out, seed=0, history=240)
    assert git(out, "status", "--porcelain") == ""
    assert git(out, "rev-list", "--count", "HEAD") == "240"
    history = h.read_history(out)
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.glob("*/*.yaml"))
    assert sorted(history.records) == on_disk
    assert sorted(history.withdrawn) == ["actors/withdrawn-0.yaml", "actors/withdrawn-100.yaml", "actors/withdrawn-200.yaml"]
    renamed = [r for r in history.records.values() if any(c.action == h.RENAMED for c in r.changes)]
    assert renamed and all(r.changes[-1].path == r.path.removesuffix(".yaml") + "-draft.yaml" for r in renamed)
    assert history.commits[-1].date == "2026-01-01T00:00:00Z" and history.commits[0].date == "2026-01-10T23:00:00Z"
    again = tmp_path / "again"
    synth.write(100, again, seed=0, history=240)
    assert git(again, "rev-parse", "HEAD") == git(out, "rev-parse", "HEAD")
    synth.write(100, out, seed=0)  # without --history the repository goes
    assert not (out / ".git").exists()


def test_withdrawn_records_keep_their_last_title_and_a_link_to_their_last_version(repo: dict) -> None:
    history = h.read_history(repo["root"] / "data")
    [gone] = withdrawals.removed_records(history, "https://github.com/o/r")
    parent = repo["shas"]["dispute"]
    assert gone == withdrawals.WithdrawnRecord(
        "claims",
        "gone",
        "Gone.",
        "2026-01-03T00:00:00Z",
        "Withdraw gone: a duplicate of a",
        True,
        f"https://github.com/o/r/blob/{parent}/data/claims/gone.yaml",
        f"https://github.com/o/r/commit/{repo['shas']['remove']}",
    )


def test_a_record_withdrawn_by_its_field() -> None:
    data = {"title": "An event", "withdrawn": {"date": "2026-11-20", "reason": "A duplicate."}}
    assert withdrawals.explicit_withdrawal("events", "e", data) == withdrawals.WithdrawnRecord("events", "e", "An event", "2026-11-20", "A duplicate.", False)
    assert withdrawals.explicit_withdrawal("events", "e", {"title": "An event"}) is None
    assert withdrawals.title_of("sources", {"description": "A post"}) == "A post"


def test_ci_checks_out_the_whole_history() -> None:
    """The site's dates come from history: a shallow checkout in CI would publish none."""
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    checkouts = [
        step
        for w in workflows
        for job in yaml.safe_load(w.read_text("utf-8"))["jobs"].values()
        for step in job.get("steps", [])
        if "actions/checkout" in step.get("uses", "")
    ]
    assert checkouts and all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_a_log_read_in_parallel_parts_is_the_same_log(repo: dict, parts: int) -> None:
    root = repo["root"]
    assert h.read_log(root, parts) == h.read_log(root, 1)
    assert h.read_log(root, 1).count(b"\x01") == 5  # every commit, also the one outside data/


def test_helpers_for_the_page_layer(repo: dict) -> None:
    data = repo["root"] / "data"
    first = h.read_history_memo(data)
    assert h.read_history_memo(data) is first  # same HEAD: remembered
    write(repo["root"], "claims/c.yaml", CLAIM.format(status="unverified", statement="C."))
    commit(repo["root"], "Add c", T0 + 7 * DAY)
    second = h.read_history_memo(data)
    assert second is not first and "claims/c.yaml" in second.records
    assert h.kind_and_id("claims/c.yaml") == ("claims", "c")
    assert h.api_dates(second.of("claims/a.yaml")) == {"published": "2026-01-01T00:00:00Z", "modified": "2026-01-02T00:00:00Z"}
    assert h.api_dates(second.of("claims/not-committed.yaml")) == {}


def test_renamed_records_old_addresses(repo: dict) -> None:
    assert h.former_paths(h.read_history(repo["root"] / "data")) == {"events/old-name.yaml": "events/new-name.yaml"}
