"""Shared test helpers: the mini dataset, and running the validator as a user would."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import validate as cli

REPO = Path(__file__).resolve().parents[1]

MINI = REPO / "tests" / "fixtures" / "mini"


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
FIXED_EPOCH = "1767225600"  # 2026-01-01: builds in tests do not depend on the clock or on git


def build_site(data: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the real build (validation, rendering, mkdocs --strict, swap) on a data directory."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, **env}
    return subprocess.run([*BUILD, "--data", str(data), "--site-dir", str(site)], cwd=REPO, capture_output=True, text=True, env=environment, check=False)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the real data/, once per test session."""
    target = tmp_path_factory.mktemp("built") / "site"
    result = build_site(REPO / "data", target)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture(scope="session")
def site_url(site) -> str:
    from browser import serve

    with serve(site) as url:
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
