"""Repository automation: the GitHub workflows are hardened, valid and clean under zizmor; issue forms,
CODEOWNERS, the pull-request template, the editor settings and the pre-commit hooks do what CONTRIBUTING.md says.

Everything runs offline: check-jsonschema uses its vendored schemas and zizmor runs with --offline.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import LIVE_DATA, REPO, STORY_DATA
from tracker.load import translations
from tracker.load.loader import load_text

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
BIN = REPO / ".venv" / "bin"
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(?:\.\d+){0,2}\s*$")
DEPLOY_SCOPES = {"pages": "write", "id-token": "write"}


def tool(name: str) -> str:
    """A tool installed in .venv (by requirements.txt), or the test fails: these checks never skip."""
    path = BIN / name
    assert path.is_file(), f"{path} missing: run `make validate` to install the pinned requirements"
    return str(path)


def run(args: list[str], cwd: Path = REPO, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **env})


# --------------------------------------------------------------------------- the rules, as a checker


def steps_of(job: dict) -> list[dict]:
    return [s for s in job.get("steps", []) if isinstance(s, dict)]


def uses_lines(text: str) -> list[str]:
    """The raw `uses:` lines, with their comments."""
    return [line for line in text.splitlines() if re.match(r"\s*(-\s+)?uses:", line)]


def workflow_problems(text: str) -> list[str]:
    """Every way a workflow breaks the hardening rules of issue #4 (an empty list when it keeps them all)."""
    problems: list[str] = []
    workflow = load_text(text).data
    triggers = workflow.get("on")
    trigger_names = set(triggers) if isinstance(triggers, dict) else set(triggers if isinstance(triggers, list) else [triggers])
    if "pull_request_target" in trigger_names or "pull_request_target" in text:
        problems.append("pull_request_target is not allowed")
    if workflow.get("permissions") != {}:
        problems.append("top-level permissions must be {}")
    for line in uses_lines(text):
        ref = line.split("uses:", 1)[1].split("#", 1)[0].strip().strip("'\"")
        if ref.startswith("./"):
            continue
        if not PINNED.match(ref):
            problems.append(f"not pinned to a full commit SHA: {ref}")
        if not VERSION_COMMENT.search(line):
            problems.append(f"no version comment: {ref}")
    for name, job in workflow.get("jobs", {}).items():
        timeout = job.get("timeout-minutes")
        if not isinstance(timeout, int) or timeout <= 0:
            problems.append(f"job {name}: no timeout-minutes")
        permissions = job.get("permissions")
        if not isinstance(permissions, dict):
            problems.append(f"job {name}: permissions must be a mapping of scopes")
            permissions = {}
        writes = {scope: level for scope, level in permissions.items() if level == "write"}
        deploys = any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in steps_of(job))
        if writes and (not deploys or writes != DEPLOY_SCOPES):
            problems.append(f"job {name}: write permissions {sorted(writes)} (only the deploy job may have pages and id-token)")
        if deploys and writes != DEPLOY_SCOPES:
            problems.append(f"job {name}: the deploy job needs exactly pages: write and id-token: write")
        for step in steps_of(job):
            if str(step.get("uses", "")).startswith("actions/checkout@") and (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"job {name}: checkout without persist-credentials: false")
            script = step.get("run")
            if isinstance(script, str) and "${{" in script:
                problems.append(f"job {name}: an expression is interpolated into run: (pass it through env:)")
    return problems


GOOD = """on:
  pull_request:
permissions: {}
jobs:
  build:
    runs-on: ubuntu-24.04
    timeout-minutes: 5
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - run: echo "$TITLE"
        env:
          TITLE: ${{ github.event.pull_request.title }}
"""


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("pull_request:", "pull_request_target:"), "pull_request_target is not allowed"),
        (("permissions: {}", "permissions: write-all"), "top-level permissions must be {}"),
        (("@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "@v4"), "not pinned to a full commit SHA: actions/checkout@v4"),
        (("9af683 # v4.2.2", "9af683"), "no version comment"),
        (("    timeout-minutes: 5\n", ""), "job build: no timeout-minutes"),
        (("      contents: read", "      contents: write"), "job build: write permissions ['contents']"),
        (("          persist-credentials: false\n", "          fetch-depth: 0\n"), "job build: checkout without persist-credentials: false"),
        (('echo "$TITLE"', "echo ${{ github.event.pull_request.title }}"), "an expression is interpolated into run:"),
    ],
)
def test_the_checker_catches_each_broken_rule(change: tuple[str, str], problem: str):
    assert workflow_problems(GOOD) == []
    broken = GOOD.replace(*change)
    assert broken != GOOD
    assert any(p.startswith(problem) or problem in p for p in workflow_problems(broken)), workflow_problems(broken)


def test_there_is_a_workflow():
    assert [p.name for p in WORKFLOWS] == ["ci.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_keeps_the_hardening_rules(path: Path):
    assert workflow_problems(path.read_text("utf-8")) == []


def test_ci_runs_on_pull_requests_and_deploys_pushes_to_main_only():
    workflow = load_text((GITHUB / "workflows" / "ci.yml").read_text("utf-8")).data
    assert set(workflow["on"]) == {"pull_request", "push"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    runs = "\n".join(s.get("run", "") for s in steps_of(build))
    for command in (
        "scripts/pr_summary.py --base",
        '>> "$GITHUB_STEP_SUMMARY"',
        "scripts/validate.py --format github",
        "scripts/fmt.py --check",
        "make lint",
        "make site",
        "make pytest",
    ):
        assert command in runs, f"the build job does not run {command}"
    # nothing twice: `make test` would lint again, and the tests read the site built for deploying
    assert "make test" not in runs and runs.count("make lint") == runs.count("make site") == 1
    commands = [s.get("run", "") for s in steps_of(build)]
    tests = next(s for s in steps_of(build) if s.get("run") == "make pytest")
    assert commands.index("make site") < commands.index("make pytest") and tests["env"]["TRACKER_LIVE_SITE"] == "site"
    uses = [s.get("uses", "").split("@")[0] for s in steps_of(build)]
    assert {"actions/checkout", "actions/setup-python", "actions/upload-artifact", "actions/upload-pages-artifact"} <= set(uses)
    pages_upload = next(s for s in steps_of(build) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    push_to_main = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert pages_upload["if"] == push_to_main
    assert deploy["needs"] == "build" and deploy["if"] == push_to_main
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in steps_of(deploy)] == ["actions/configure-pages", "actions/deploy-pages"]
    summary = next(s for s in steps_of(build) if "pr_summary.py" in s.get("run", ""))
    assert "github.event.pull_request.base.sha" in summary["env"]["BASE_SHA"]
    # a base the summary refuses (exit 1) fails its step, and every check still runs after it
    after = steps_of(build)[steps_of(build).index(summary) + 1 :]
    checks = [s for s in after if any(c in s.get("run", "") for c in ("validate.py", "fmt.py", "make lint", "make site", "make pytest"))]
    assert len(checks) == 5 and all(s.get("if") == "${{ !cancelled() }}" for s in checks)


def test_each_action_is_pinned_to_one_sha_and_one_version_everywhere():
    seen: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOWS:
        for line in uses_lines(path.read_text("utf-8")):
            ref, _, comment = line.split("uses:", 1)[1].partition("#")
            action, _, sha = ref.strip().partition("@")
            seen.setdefault(action, set()).add((sha, comment.strip()))
    assert seen
    for action, pins in seen.items():
        assert len(pins) == 1, f"{action} is pinned differently in different places: {pins}"


@pytest.mark.parametrize(
    ("schema", "paths"),
    [
        ("vendor.github-workflows", [str(p) for p in WORKFLOWS]),
        ("vendor.github-issue-forms", sorted(str(p) for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")),
        ("vendor.github-issue-config", [str(GITHUB / "ISSUE_TEMPLATE" / "config.yml")]),
        ("vendor.dependabot", [str(GITHUB / "dependabot.yml")]),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_files_match_check_jsonschemas_builtin_schemas(schema: str, paths: list[str]):
    assert paths
    result = run([tool("check-jsonschema"), "--builtin-schema", schema, *paths])
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_reports_nothing():
    result = run([tool("zizmor"), "--offline", "--no-progress", str(GITHUB / "workflows"), str(GITHUB / "dependabot.yml")], NO_COLOR="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_would_report_an_unpinned_action(tmp_path: Path):
    """zizmor really audits here: the same workflow with a mutable tag is a finding."""
    bad = tmp_path / ".github" / "workflows" / "ci.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(re.sub(r"actions/checkout@[0-9a-f]{40} # v[\d.]+", "actions/checkout@v4", WORKFLOWS[0].read_text("utf-8")), "utf-8")
    result = run([tool("zizmor"), "--offline", "--no-progress", str(bad.parent)], NO_COLOR="1")
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout


def test_codeowners_cover_everything_that_is_code_or_configuration():
    """A pull request can change what the build reads (docs/, overrides/), the archived texts and how it is built: each needs a maintainer."""
    owners = {}
    for line in (GITHUB / "CODEOWNERS").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *who = line.split()
            owners[pattern] = who
    code = ("/docs/", "/overrides/", "/scripts/", "/schema/", "/seeds/", "/Makefile", "/requirements*", "/pyproject.toml", "/mkdocs.yml", "/.github/")
    for pattern in code:
        assert owners.get(pattern), f"CODEOWNERS has no owner for {pattern}"
        assert all(w.startswith("@") for w in owners[pattern])
    assert not any(pattern.startswith("/data") for pattern in owners)  # data-only pull requests stay open to any reviewer


def test_issue_forms_ask_for_a_source_and_a_verbatim_excerpt():
    forms = {p.stem: load_text(p.read_text("utf-8")).data for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml"}
    assert set(forms) == {"report-claim", "request-correction"}
    assert forms["report-claim"]["name"] == "Report a claim" and forms["request-correction"]["name"] == "Request a correction"
    for form in forms.values():
        text = json.dumps(form).lower()
        assert "verbatim" in text and "source" in text
        assert any(item.get("validations", {}).get("required") for item in form["body"])


def test_pull_request_template_has_the_checklist():
    template = (GITHUB / "pull_request_template.md").read_text("utf-8")
    items = re.findall(r"^- \[ \] (.+(?:\n {6}.+)*)", template, re.M)
    assert len(items) >= 5
    text = " ".join(" ".join(items).split())
    for required in ("make new", "verbatim", "make check", "date_note", "contradicts"):
        assert required in text, f"the checklist does not mention {required}"


def test_vscode_maps_each_data_folder_to_its_schema():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))
    mapping = settings["yaml.schemas"]
    for kind in ("event", "claim", "actor", "source"):
        schema = f"./schema/{kind}.schema.json"
        assert (REPO / schema).is_file()
        assert mapping[schema] == [f"data/{kind}s/*.yaml"]
    assert settings["yaml.format.enable"] is False, "the editor must not reformat against make fmt"


def test_every_data_file_carries_the_editor_modeline():
    for path in LIVE_DATA.glob("*/*.yaml"):
        if path.parent.name in translations.LANGUAGES:
            continue  # a translation: below
        first = path.read_text("utf-8").split("\n", 1)[0]
        assert first == f"# yaml-language-server: $schema=../../schema/{path.parent.name[:-1]}.schema.json", path
    for path in translations.files_of(LIVE_DATA):
        target = translations.target_of(path)
        assert target is not None
        assert path.read_text("utf-8").split("\n", 1)[0] == translations.modeline(target), path


def test_vscode_maps_each_translation_folder_to_its_schema():
    mapping = json.loads((REPO / ".vscode" / "settings.json").read_text("utf-8"))["yaml.schemas"]
    for stem in ("event", "claim", "actor", "source"):
        assert mapping[f"./schema/translations/{stem}.schema.json"] == [f"data/fa/{stem}s/*.yaml"]
    for stem in translations.DOCUMENTS:
        assert mapping[f"./schema/translations/{stem}.schema.json"] == [f"data/fa/{stem}.yaml"]


# --------------------------------------------------------------------------- pre-commit


def test_pre_commit_config_is_valid_and_offline():
    assert run([tool("pre-commit"), "validate-config", ".pre-commit-config.yaml"]).returncode == 0
    config = load_text((REPO / ".pre-commit-config.yaml").read_text("utf-8")).data
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert {"validate-data", "fmt-check"} <= set(hooks)
    for hook in hooks.values():
        assert hook["language"] == "unsupported", "hooks run the project's own .venv: nothing to download"
        script = hook["entry"].split()[1]
        assert (REPO / script).is_file()
    data_files = re.compile(hooks["validate-data"]["files"])
    assert data_files.search("data/claims/some-claim.yaml") and not data_files.search("data/claims/notes.txt")
    assert not data_files.search("tests/fixtures/mini/claims/fair-talks.yaml")
    assert hooks["validate-data"].get("pass_filenames", True) and hooks["fmt-check"].get("pass_filenames", True)


@pytest.mark.slow
def test_pre_commit_checks_the_staged_data_files(tmp_path: Path):
    """A real commit attempt in a scratch repository: a broken record stops it, a good one passes."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("scripts", "schema", "seeds"):
        shutil.copytree(REPO / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(STORY_DATA, repo / "data")  # the frozen story: the test edits one of its records
    shutil.copy(REPO / ".pre-commit-config.yaml", repo)
    (repo / ".venv").symlink_to(REPO / ".venv")
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false"]
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "GITHUB_ACTIONS": ""}
    assert run(["git", "init", "-q"], repo).returncode == 0
    assert run([*git, "add", "-A"], repo).returncode == 0
    assert run([*git, "commit", "-qm", "init", "--no-verify"], repo).returncode == 0
    assert run([tool("pre-commit"), "install"], repo, **env).returncode == 0

    actor = repo / "data" / "actors" / "cnn.yaml"
    actor.write_text(actor.read_text("utf-8").replace("kind: news-outlet\n", "kind: news-outlet\nkind: group\n"), "utf-8")
    assert run([*git, "add", "-A"], repo).returncode == 0
    refused = run([*git, "commit", "-qm", "broken"], repo, **env)
    assert refused.returncode != 0
    assert "data/actors/cnn.yaml:4:1: duplicate key 'kind' (first at line 3, column 1)" in refused.stdout + refused.stderr

    actor.write_text(actor.read_text("utf-8").replace("kind: group\n", "").replace('name: "CNN"', 'name: "CNN International"'), "utf-8")
    assert run([*git, "add", "-A"], repo).returncode == 0
    accepted = run([*git, "commit", "-qm", "fixed"], repo, **env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
