"""`make test` gets its browser itself (scripts/ensure_browser.sh): Debian's Chromium when it can
install packages, else Playwright's, else the message the browser tests print.

Chromium is installed on the machines that run these tests, so each case runs the script with
CHROMIUM pointing at a path that does not exist and a PATH of fakes (`id`, `apt-get`, a Python
that stands in for `python -m playwright`) that log what they were asked; nothing is installed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import REPO

SCRIPT = REPO / "scripts" / "ensure_browser.sh"
MESSAGE = "install it with `apt-get install -y chromium` (browser tests never skip)"


def fake(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text(f"#!/bin/sh\n{body}\n", "utf-8")
    path.chmod(0o755)


def run(tmp_path: Path, *, uid: int, apt: str | None, playwright: str | None) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run the script with the given fakes; return its result and the fakes' log."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "log"
    chromium = tmp_path / "usr" / "bin" / "chromium"
    fake(bin_dir, "id", f"echo {uid}")
    if apt is not None:  # apt-get logs its arguments; "installs" creates the browser
        chromium.parent.mkdir(parents=True)
        install = f': > "{chromium}"' if apt == "installs" else "exit 100"
        fake(bin_dir, "apt-get", f'echo "apt-get $*" >> "{log}"\ncase "$1" in install) {install};; esac')
    python = tmp_path / "python"
    if playwright is not None:
        fake(tmp_path, "python", f'echo "python $*" >> "{log}"\n' + ("exit 0" if playwright == "installs" else "exit 1"))
    env = {"PATH": str(bin_dir), "CHROMIUM": str(chromium), "PYTHON": str(python)}
    result = subprocess.run(["/bin/sh", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False)
    return result, log.read_text("utf-8").splitlines() if log.exists() else []


def test_nothing_is_installed_when_chromium_is_there(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    chromium.touch()
    result = subprocess.run(["/bin/sh", str(SCRIPT)], env={"PATH": "/nonexistent", "CHROMIUM": str(chromium)}, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (0, "")


def test_root_with_apt_get_installs_debians_chromium(tmp_path: Path) -> None:
    result, log = run(tmp_path, uid=0, apt="installs", playwright="installs")
    assert result.returncode == 0, result.stderr
    assert log == ["apt-get update -qq", "apt-get install -y -qq chromium"]


def test_without_root_playwrights_chromium_is_installed(tmp_path: Path) -> None:
    result, log = run(tmp_path, uid=1000, apt="installs", playwright="installs")
    assert result.returncode == 0, result.stderr
    assert log == ["python -m playwright install chromium"]


def test_a_failed_apt_install_falls_back_to_playwright(tmp_path: Path) -> None:
    result, log = run(tmp_path, uid=0, apt="fails", playwright="installs")
    assert result.returncode == 0, result.stderr
    assert log == ["apt-get update -qq", "apt-get install -y -qq chromium", "python -m playwright install chromium"]


def test_with_no_way_to_install_it_fails_with_the_tests_message(tmp_path: Path) -> None:
    result, log = run(tmp_path, uid=1000, apt=None, playwright="fails")
    assert result.returncode == 1
    assert log == ["python -m playwright install chromium"]
    assert result.stderr.splitlines()[-1] == f"Chromium not found at {tmp_path}/usr/bin/chromium: {MESSAGE}"
