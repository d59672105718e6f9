"""Shared test helpers: the mini dataset, the frozen story, the live data, and running the validator as a user would.

Three data sets, and which tests may read which:

* ``MINI`` (tests/fixtures/mini): a few records to break in one way per test;
* ``STORY_DATA`` (tests/fixtures/story/data): a frozen copy of the story as curated from the first
  article. Every test that asserts what the story says (counts, pages, golden drawings, which
  claims dispute which) reads it, never the live data, so that a pull request adding records to
  data/ changes no test's outcome;
* ``LIVE_DATA`` (data/): read only by checks that hold for any valid data set (validation,
  canonical formatting, the build with its conservation check, links, accessibility). Those tests
  are marked ``live_data`` here, and tests/test_contribution.py runs them again on a copy of the
  repository with a contribution added, so a test that freezes today's data fails when written.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import settings

from tracker.cli import validate as cli

# Property tests draw the same examples on every run: CI on main must not fail by luck on a commit that
# passed before. A property worth finding by chance is then pinned with @example where it was found.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.load_profile("deterministic")

REPO = Path(__file__).resolve().parents[1]

MINI = REPO / "tests" / "fixtures" / "mini"
STORY = REPO / "tests" / "fixtures" / "story"  # the frozen story: data/ and seeds/ as they were (its README)
STORY_DATA = STORY / "data"
LIVE_DATA = REPO / "data"  # only for checks that hold for any valid data set (marked live_data below)
LIVE_SEEDS = REPO / "seeds"  # the archived texts, which a contribution adds to (make archive)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the small valid dataset, to break in one way per test."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def run_validator(data: Path, *args: str) -> tuple[int, list[str]]:
    """Run the validator's main() in-process; return its exit code and output lines,
    with the data directory's absolute path shortened to 'data/'."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--data", str(data), *args])
    prefix = f"{data.resolve().as_posix()}/"
    return code, [line.replace(prefix, "data/") for line in out.getvalue().splitlines()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


BUILD = [sys.executable, str(REPO / "scripts" / "build.py")]

# --------------------------------------------------------------------------- which tests are slow
# Every test that runs a whole site build or a browser is `slow`, so `pytest -m "not slow"` (make quick)
# is the quick loop. The mark is found, not written by hand: a test is slow when it is marked `browser`,
# or when the code it runs -- its own function, its fixtures (with the fixtures they use), and the
# functions of tests/ these call -- names an entry point of a build or a browser, passes
# `mkdocs`/`build.py` as a command's argument, or runs a script text that loads MkDocs' config.
SLOW_NAMES = frozenset({"build_site", "BUILD", "live_preview", "load_config", "sync_playwright", "require_chromium"})
SLOW_ARGUMENTS = frozenset({"mkdocs", "build.py"})
TESTS = str(REPO / "tests")


def _slow_value(value: object, seen: set[types.CodeType]) -> bool:
    if isinstance(value, str):
        return value in SLOW_ARGUMENTS or value.endswith("/build.py") or "load_config(" in value
    if isinstance(value, types.CodeType):
        return _runs_a_build(value, {}, seen)
    if isinstance(value, types.FunctionType) and value.__code__.co_filename.startswith(TESTS):
        return _runs_a_build(value.__code__, value.__globals__, seen)
    return False


def _runs_a_build(code: types.CodeType, namespace: dict, seen: set[types.CodeType]) -> bool:
    if code in seen:
        return False
    seen.add(code)
    if SLOW_NAMES & set(code.co_names) or any(_slow_value(const, seen) for const in code.co_consts):
        return True
    found = [namespace.get(name) for name in code.co_names]
    # a helper module of tests/ used as `sites.payload_sites(...)`: its functions named here
    modules = [m for m in found if isinstance(m, types.ModuleType) and (getattr(m, "__file__", None) or "").startswith(TESTS)]
    found += [getattr(m, name, None) for m in modules for name in code.co_names]
    return any(_slow_value(value, seen) for value in found if not isinstance(value, types.ModuleType))


def is_slow(item: pytest.Item) -> bool:
    """True when the test runs a whole site build or a browser (see SLOW_NAMES)."""
    if item.get_closest_marker("browser"):
        return True
    functions = [item.function] if isinstance(item, pytest.Function) else []
    fixtures = getattr(item, "_fixtureinfo", None)
    for name in fixtures.names_closure if fixtures else ():
        functions += [definition.func for definition in fixtures.name2fixturedefs.get(name, ())]
    seen: set[types.CodeType] = set()
    return any(_slow_value(f, seen) for f in functions)


# A test that reads the live data (LIVE_DATA, or the site built from it) is marked `live_data`, found the
# same way: tests/test_contribution.py runs exactly these on a copy with a contribution added.
LIVE_NAMES = frozenset({"LIVE_DATA", "LIVE_SEEDS", "live_site", "live_site_url"})


def _names_live(value: object, seen: set[types.CodeType], namespace: dict) -> bool:
    if isinstance(value, types.CodeType):
        if value in seen:
            return False
        seen.add(value)
        found = [namespace.get(name) for name in value.co_names]
        return bool(LIVE_NAMES & set(value.co_names)) or any(_names_live(v, seen, namespace) for v in [*value.co_consts, *found])
    if isinstance(value, types.FunctionType) and value.__code__.co_filename.startswith(TESTS):
        return _names_live(value.__code__, seen, value.__globals__)
    return False


def reads_live_data(item: pytest.Item) -> bool:
    """True when the test, its fixtures or the helpers of tests/ they call name LIVE_DATA or the live site."""
    fixtures = getattr(item, "_fixtureinfo", None)
    names = set(fixtures.names_closure) if fixtures else set()
    if LIVE_NAMES & names:
        return True
    functions = [item.function] if isinstance(item, pytest.Function) else []
    for name in names:
        functions += [definition.func for definition in fixtures.name2fixturedefs.get(name, ())]
    seen: set[types.CodeType] = set()
    if any(_names_live(f, seen, {}) for f in functions):
        return True
    params = item.callspec.params.values() if isinstance(item, pytest.Function) and hasattr(item, "callspec") else ()
    return any(isinstance(value, Path) and value.is_relative_to(LIVE_DATA) for value in params)  # parametrized over data/'s files


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if is_slow(item):
            item.add_marker(pytest.mark.slow)
        if reads_live_data(item):
            item.add_marker(pytest.mark.live_data)


FIXED_EPOCH = "1767225600"  # 2026-01-01: builds in tests do not depend on the clock or on git


def build_site(data: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the real build (validation, rendering, mkdocs --strict, swap) on a data directory."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, **env}
    return subprocess.run([*BUILD, "--data", str(data), "--site-dir", str(site)], cwd=REPO, capture_output=True, text=True, env=environment, check=False)


STORY_COMMITTED = "2025-12-31T12:00:00Z"  # the one commit of the story's scratch repository: before FIXED_EPOCH


def commit_as_one(root: Path, message: str, when: str = STORY_COMMITTED) -> None:
    """Make ``root`` a git repository of one commit holding everything in it, at a fixed date."""
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", message]):
        subprocess.run([*git, *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="session")
def story_data(tmp_path_factory) -> Path:
    """The frozen story as a site build reads data/: in a repository of its own (one commit at a fixed
    date, so record dates and histories do not depend on when the copy was committed here), at data/
    (so edit links and record files read data/<kind>/<id>.yaml)."""
    root = tmp_path_factory.mktemp("story")
    shutil.copytree(STORY_DATA, root / "data")
    commit_as_one(root, "The story as curated from the first article")
    return root / "data"


@pytest.fixture(scope="session")
def site(story_data, tmp_path_factory) -> Path:
    """The site built from the frozen story, once per test session: what pages say is tested here."""
    target = tmp_path_factory.mktemp("built") / "site"
    result = build_site(story_data, target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def site_url(site) -> str:
    from browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def live_site(tmp_path_factory) -> Path:
    """The site built from the live data/, once per test session: only for checks that hold for any valid data."""
    target = tmp_path_factory.mktemp("built-live") / "site"
    result = build_site(LIVE_DATA, target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def live_site_url(live_site) -> str:
    from browser import serve

    with serve(live_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS, require_chromium

    executable = require_chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@contextlib.contextmanager
def live_preview(data: Path, log: Path | None = None):
    """`mkdocs serve --dirty` (what `make serve` runs) on ``data`` at a free port; yields the site's base URL.
    With ``log``, the server's output goes to that file."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "TRACKER_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    with open(log or os.devnull, "w", encoding="utf-8") as output:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            yield f"http://127.0.0.1:{port}/iran-us-talks/"
        finally:
            server.terminate()
            server.wait(timeout=20)


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
