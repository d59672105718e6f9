"""`mkdocs build` hands work to forked helpers (tracker.site.helpers over tracker.site.forked): the open-data writer and the sanitizer.

Each case builds the mini data set in a fresh process with one helper made to misbehave. A
sanitizer that dies or answers for other pages must not change one byte of the site (the
pages are sanitized in the build process instead); a writer that fails must fail the build
with a one-line reason, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXED_EPOCH, REPO, tree

# Builds the site the way `mkdocs build` does, after replacing one helper's work by a faulty one.
SCRIPT = r"""
import os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

fault, site = sys.argv[1], sys.argv[2]
config = load_config(config_file="mkdocs.yml", site_dir=site)
config.plugins.on_startup(command="build", dirty=False)
from tracker.site import helpers
from tracker.render.pages import downloads
original_sanitize, original_writer = helpers.sanitize_work, helpers.open_data_work

def sanitizer_dies(pages, connection):
    original_sanitize(pages[:2], connection)
    os._exit(3)

def sanitizer_answers_for_other_pages(pages, connection):
    for page in pages:
        connection.send_bytes(b"\x00".join([page.path.encode(), b"0" * 32, b"<p>not this page</p>"]))

def sanitizer_marks_its_work(pages, connection):
    for page in pages:
        connection.send_bytes(b"\x00".join([page.path.encode(), helpers.digest(page.html), b"<p>CLEANED-BY-THE-HELPER</p>"]))

def writer_fails(model, site_url, epoch, site, connection):
    raise RuntimeError("the disk is full")

def writer_dies_after_the_downloads_page(model, site_url, epoch, site, connection):
    connection.send(downloads.extra_pages(model, {}))
    os._exit(3)

faults = {
    "sanitizer-dies": ("sanitize_work", sanitizer_dies),
    "sanitizer-answers-for-other-pages": ("sanitize_work", sanitizer_answers_for_other_pages),
    "sanitizer-marks-its-work": ("sanitize_work", sanitizer_marks_its_work),
    "writer-fails": ("open_data_work", writer_fails),
    "writer-dies": ("open_data_work", writer_dies_after_the_downloads_page),
}
if fault in faults:
    setattr(helpers, *faults[fault])
try:
    build(config)
except (PluginError, Abort) as error:
    print(f"build failed: {error}", file=sys.stderr)
    sys.exit(1)
"""


def build_with(fault: str, data: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRACKER_DATA": str(data), "SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-c", SCRIPT, fault, str(site)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """The mini site built with well-behaved helpers."""
    data = REPO / "tests" / "fixtures" / "mini"
    site = tmp_path_factory.mktemp("reference") / "site"
    result = build_with("none", data, site)
    assert result.returncode == 0, result.stderr
    return data, tree(site)


@pytest.mark.parametrize("fault", ["sanitizer-dies", "sanitizer-answers-for-other-pages"])
def test_a_faulty_sanitizer_changes_nothing(reference, tmp_path: Path, fault: str) -> None:
    data, expected = reference
    result = build_with(fault, data, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    built = tree(tmp_path / "site")
    assert built.keys() == expected.keys()
    assert [path for path in expected if built[path] != expected[path]] == []


def test_the_helpers_answers_are_used(reference, tmp_path: Path) -> None:
    """Control: with the right digest, the page shows what the sanitizer sent (so the cases above test it)."""
    data, _ = reference
    result = build_with("sanitizer-marks-its-work", data, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "CLEANED-BY-THE-HELPER" in (tmp_path / "site" / "events" / "statement" / "index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("writer-fails", "open-data outputs could not be built: the open-data writer failed: RuntimeError: the disk is full"),
        ("writer-dies", "open-data outputs: the open-data writer ended without a report"),
    ],
)
def test_a_failing_writer_fails_the_build_with_its_reason(reference, tmp_path: Path, fault: str, reason: str) -> None:
    data, _ = reference
    result = build_with(fault, data, tmp_path / "site")
    assert result.returncode == 1
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


# A build process that dies (killed, or interrupted) while a helper waits for its next message.
ORPHAN = r"""
import os, sys
from tracker.site.forked import Helper
first = Helper(lambda connection: connection.recv(), "first helper")
second = Helper(lambda connection: connection.recv(), "second helper")  # holds a copy of the first's pipe
print(first.process.pid, second.process.pid, flush=True)
os._exit(0)  # no clean-up: as if killed
"""


def test_a_helper_ends_when_the_build_process_dies() -> None:
    """A forked helper does not outlive the build: without the parent, its pipe reaches its end."""
    printed = subprocess.run([sys.executable, "-c", ORPHAN], capture_output=True, text=True, check=True, timeout=60, cwd=REPO).stdout
    pids = [int(pid) for pid in printed.split()]
    for _ in range(100):
        alive = [pid for pid in pids if _alive(pid)]
        if not alive:
            return
        time.sleep(0.1)
    for pid in alive:
        os.kill(pid, 9)
    raise AssertionError(f"helpers still running 10 s after their build process died: {alive}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie (ended, not yet reaped by init) counts as ended
        return stat.read().split(")")[-1].split()[0] != "Z"
