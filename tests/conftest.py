"""Shared test helpers: the mini dataset, and running the validator as a user would."""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

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
    import validate as cli  # scripts/validate.py

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--data", str(data), *args])
    prefix = f"{data.resolve().as_posix()}/"
    return code, [line.replace(prefix, "data/") for line in out.getvalue().splitlines()]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")
