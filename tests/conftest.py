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
import functools
import importlib.util
import io
import os
import shutil
import subprocess
import sys
import tempfile
import types
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from filelock import FileLock
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
INJECT = REPO / "tests" / "hostile" / "inject"  # sitecustomize.py: the network guard and the injected faults

# --------------------------------------------------------------------------- offline
# The tests make no network connection. The guard of tests/hostile/inject/sitecustomize.py is put on
# every socket of this process, and, through PYTHONPATH, of every Python process a test starts (builds,
# the validator, MkDocs' server, pytest run again on a copy): a connection or name lookup that is not for
# loopback or a Unix socket fails, and is written to one log that fails the session if it is not empty
# (pytest_sessionfinish below), so an attempt is seen even when the code that made it swallowed the error.
# Under pytest-xdist the workers inherit the log from the process that started them.


def _guard_the_network() -> Path:
    log = os.environ.get("TRACKER_NET_GUARD")
    if not log:
        log = os.path.join(tempfile.mkdtemp(prefix="tracker-offline-"), "network.log")
        os.environ["TRACKER_NET_GUARD"] = log
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if str(INJECT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(INJECT), *paths]))
    spec = importlib.util.spec_from_file_location("tracker_test_inject", INJECT / "sitecustomize.py")
    assert spec and spec.loader
    spec.loader.exec_module(importlib.util.module_from_spec(spec))  # guards this process (once, however often loaded)
    return Path(log)


NETWORK_LOG = _guard_the_network()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if hasattr(session.config, "workerinput"):  # an xdist worker: the process that started the workers checks
        return
    attempts = NETWORK_LOG.read_text("utf-8") if NETWORK_LOG.exists() else ""
    if attempts:
        sys.stderr.write(f"\nnetwork access attempted during the tests (every test must work offline):\n{attempts}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


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


@pytest.fixture(scope="session")
def scratch_repo(tmp_path_factory) -> Path:
    """A copy of what the validator reads beside data/ (scripts/ with the package, schema/, seeds/), one per
    test process. A case that adds archived texts (case_table.Case.archived) adds them to this seeds/, never
    to the repository's: tests run in parallel, and a build or another case must not see them.
    ``python <copy>/scripts/validate.py`` runs the copy's own package (the script's folder comes first on
    the import path), which reads the copy's seeds/."""
    root = tmp_path_factory.mktemp("repo")
    for name in ("scripts", "schema", "seeds"):
        shutil.copytree(REPO / name, root / name)  # with its __pycache__ (copied with the times it checks)
    return root


@pytest.fixture
def archive_root(scratch_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """scratch_repo, as the checkout of the validator run in this process for this test: the package's
    modules find archived texts under their REPO_ROOT, which points at the copy until the test ends."""
    real = REPO.resolve()
    for name, module in list(sys.modules.items()):
        if name.startswith("tracker.") and getattr(module, "REPO_ROOT", None) == real:
            monkeypatch.setattr(module, "REPO_ROOT", scratch_repo)
    return scratch_repo


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


def build_site(data: Path, site: Path, command_prefix: Sequence[str] = (), **env: str) -> subprocess.CompletedProcess:
    """Run the real build (validation, rendering, mkdocs --strict, swap) on a data directory."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, **env}
    command = [*command_prefix, *BUILD, "--data", str(data), "--site-dir", str(site)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=environment, check=False)


# Bring loopback up inside a fresh network namespace (local test servers use it); harmless where it fails.
_WITH_LOOPBACK = ("sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh")


@functools.cache
def no_network_prefix() -> tuple[str, ...]:
    """The command prefix that runs a program in a network namespace with loopback only (`unshare --net`,
    as root or with user namespaces), or () where the machine does not permit it (the socket guard stays)."""
    if shutil.which("unshare") is None:
        return ()
    for prefix in (("unshare", "--net", "--"), ("unshare", "--user", "--map-root-user", "--net", "--")):
        if subprocess.run([*prefix, "true"], capture_output=True, check=False).returncode == 0:
            return (*prefix, *_WITH_LOOPBACK)
    return ()


STORY_COMMITTED = "2025-12-31T12:00:00Z"  # the one commit of the story's scratch repository: before FIXED_EPOCH


# git as the tests run it: a fixed identity, no signing, whatever the machine's configuration says
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"]


def commit_as_one(root: Path, message: str, when: str = STORY_COMMITTED) -> None:
    """Make ``root`` a git repository of one commit holding everything in it, at a fixed date."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", message]):
        subprocess.run([*GIT, *args], cwd=root, env=env, check=True, capture_output=True)


def git(repo: Path, *args: str) -> None:
    """Run one git command in ``repo``; the test fails with git's message if it does."""
    result = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def pull_request_repo(root: Path, data: Path) -> Path:
    """A scratch repository at ``root`` holding ``data`` as data/, committed on main, with a branch `pr` checked out from it."""
    shutil.copytree(data, root / "data")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    git(root, "checkout", "-qb", "pr")
    return root


def shared(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """``<shared temporary folder>/name``, made by ``make(path)`` once per test run: under pytest-xdist
    the first worker to ask makes it under a file lock, and the others wait for it and read the same
    folder (so a test must never change it: copy it first). A failed ``make`` is tried again by the next."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if hasattr(request.config, "workerinput") else base  # an xdist worker's is in the run's folder
    target, done = root / name, root / f"{name}.done"
    with FileLock(root / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir()
            make(target)
            done.touch()
    return target


def _story_repository(root: Path) -> None:
    shutil.copytree(STORY_DATA, root / "data")
    commit_as_one(root, "The story as curated from the first article")


@pytest.fixture(scope="session")
def story_data(request, tmp_path_factory) -> Path:
    """The frozen story as a site build reads data/: in a repository of its own (one commit at a fixed
    date, so record dates and histories do not depend on when the copy was committed here), at data/
    (so edit links and record files read data/<kind>/<id>.yaml). Shared by the test processes: read only."""
    return shared(request, tmp_path_factory, "story", _story_repository) / "data"


def _built(data: Path, command_prefix: Sequence[str] = ()) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        result = build_site(data, root / "site", command_prefix=command_prefix)
        assert result.returncode == 0, result.stderr

    return make


@pytest.fixture(scope="session")
def site(request, story_data, tmp_path_factory) -> Path:
    """The site built from the frozen story, once per test run: what pages say is tested here (read only)."""
    return shared(request, tmp_path_factory, "built", _built(story_data)) / "site"


@pytest.fixture(scope="session")
def site_url(site) -> str:
    from browser import serve

    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def live_site(request, tmp_path_factory) -> Path:
    """The site built from the live data/, once per test run: only for checks that hold for any valid data
    (read only). Built with no network at all where the machine permits (a network namespace), which the
    socket guard cannot give: Pagefind's indexer is not Python.

    CI builds the site it deploys before the tests and names it in TRACKER_LIVE_SITE: these checks then
    read that very site instead of building the same data again."""
    prebuilt = os.environ.get("TRACKER_LIVE_SITE")
    if prebuilt:
        assert (Path(prebuilt) / "index.html").is_file(), f"TRACKER_LIVE_SITE={prebuilt} is not a built site"
        return Path(prebuilt).resolve()
    return shared(request, tmp_path_factory, "built-live", _built(LIVE_DATA, no_network_prefix())) / "site"


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
