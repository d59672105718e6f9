"""No silent loss: the build counts what it read and published, and a failed or interrupted build
leaves the previous site exactly as it was.

Faults are injected into the real build subprocesses through tests/hostile/inject/sitecustomize.py
(a page that MkDocs silently does not write; a kill in the middle of the swap); interruptions are
real signals sent to a running `scripts/build.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXED_EPOCH, MINI, REPO, build_site
from hostile.payloads import write_payload_data

INJECT = Path(__file__).resolve().parent / "hostile" / "inject"
BUILD = [sys.executable, str(REPO / "scripts" / "build.py")]
MINI_COUNTS = "1 events, 2 claims, 3 actors, 2 sources"
READ = {"events": 1, "claims": 2, "actors": 3, "sources": 2}


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` with a hash of its bytes (folders map to '')."""
    return {
        p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "")
        for p in sorted(root.rglob("*"))
        if not p.is_symlink()
    }


@pytest.fixture
def previous_site(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A site built from the mini data set, and its snapshot, as a later build must leave it."""
    site = tmp_path / "site"
    result = build_site(MINI, site)
    assert result.returncode == 0, result.stderr
    return site, snapshot(site)


def injected(**faults: str) -> dict[str, str]:
    """Environment that loads tests/hostile/inject/sitecustomize.py with the given faults."""
    return {"PYTHONPATH": str(INJECT), **faults}


def test_build_reports_records_read_and_published_per_kind(tmp_path: Path):
    """A successful build says how many records of each kind it read and published."""
    result = build_site(MINI, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert re.search(rf"\bread {MINI_COUNTS}\b", output), output
    assert re.search(rf"\bpublished {MINI_COUNTS}\b", output), output


def test_a_record_lost_on_the_way_fails_the_build_and_keeps_the_previous_site(previous_site, tmp_path: Path):
    """MkDocs silently skips one record's page: the conservation check stops the build, and names it."""
    site, before = previous_site
    result = build_site(MINI, site, **injected(TRACKER_FAULT_SKIP_PAGE="events/statement.md"))
    assert result.returncode == 1
    published = {**READ, "events": 0}
    assert f"records read {READ} but published {published}; missing: events/statement" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert f"build failed; {site} was left as it was" in result.stderr
    assert snapshot(site) == before
    assert not (tmp_path / ".site.building").exists()


def test_the_conservation_check_is_what_stops_it(previous_site, tmp_path: Path):
    """Control for the test above: the same fault on a page that is not a record does not fail the build."""
    site, _ = previous_site
    result = build_site(MINI, site, **injected(TRACKER_FAULT_SKIP_PAGE="contributing.md"))
    assert result.returncode == 0, result.stderr
    assert not (site / "contributing" / "index.html").exists()
    assert (site / "events" / "statement" / "index.html").is_file()


def _start_build(data: Path, site: Path, **env: str) -> subprocess.Popen:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, **env}
    return subprocess.Popen(
        [*BUILD, "--data", str(data), "--site-dir", str(site)],
        cwd=REPO,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the test can signal the build and MkDocs together
        # As from a terminal: a shell without job control starts background jobs with SIGINT
        # ignored, which Python then keeps ignoring, so Ctrl-C would never reach the build.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _end_group(process: subprocess.Popen) -> None:
    """Kill whatever is left of the build's process group (only processes this test started)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _wait_until_mid_build(process: subprocess.Popen, staging: Path, timeout: float = 60) -> None:
    """Until MkDocs has written some record pages into the staging folder (and is still running)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the build ended (status {process.returncode}) before it could be interrupted")
        if any(staging.glob("events/*/index.html")):
            return
        time.sleep(0.005)
    pytest.fail("no page was written in time")


# How a build gets interrupted: by a terminal, by `kill`, by a CI runner cancelling the job, by the OOM killer.
INTERRUPTIONS = [
    pytest.param(signal.SIGINT, True, id="Ctrl-C: SIGINT to the process group"),
    pytest.param(signal.SIGTERM, False, id="kill: SIGTERM to build.py only"),
    pytest.param(signal.SIGKILL, True, id="CI cancellation: SIGKILL to the process group"),
    pytest.param(signal.SIGKILL, False, id="SIGKILL to build.py only"),
]


@pytest.mark.parametrize(("sig", "whole_group"), INTERRUPTIONS)
def test_an_interrupted_build_keeps_the_previous_site(previous_site, tmp_path: Path, sig: signal.Signals, whole_group: bool):
    """Interrupted while MkDocs is writing pages: the site is untouched, and the next build recovers."""
    site, before = previous_site
    data = tmp_path / "payload-data"
    write_payload_data(data)  # ~150 records: long enough to interrupt mid-way
    process = _start_build(data, site)
    try:
        _wait_until_mid_build(process, tmp_path / ".site.building")
        (os.killpg if whole_group else os.kill)(process.pid, sig)
        process.communicate(timeout=60)
        assert process.returncode != 0
        _end_group(process)
        time.sleep(0.2)
        assert snapshot(site) == before
    finally:
        _end_group(process)
    # The next build cleans up what the interrupted one left and publishes the new site.
    result = build_site(data, site)
    assert result.returncode == 0, result.stderr
    assert (site / "events" / "event-p00" / "index.html").is_file()
    assert not (tmp_path / ".site.building").exists() and not (tmp_path / ".site.old").exists()


def _alive(pid: int) -> bool:
    """Whether that process still runs (a zombie, dead but not yet reaped, counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize(("sig", "whole_group"), INTERRUPTIONS)
def test_an_interrupted_build_leaves_no_process_behind(previous_site, tmp_path: Path, sig: signal.Signals, whole_group: bool):
    """Interrupted while the search index is made: the indexer ends too, so it cannot write into the next build."""
    site, before = previous_site
    pid_file = tmp_path / "indexer.pid"
    process = _start_build(MINI, site, **injected(TRACKER_FAULT_SLOW_SEARCH=str(pid_file)))
    try:
        deadline = time.monotonic() + 60
        while not (pid_file.is_file() and pid_file.read_text().strip()):
            assert process.poll() is None, "the build ended before it made the search index"
            assert time.monotonic() < deadline, "the search index was never started"
            time.sleep(0.01)
        indexer = int(pid_file.read_text())
        (os.killpg if whole_group else os.kill)(process.pid, sig)
        process.communicate(timeout=60)
        assert process.returncode != 0
        deadline = time.monotonic() + 5
        while _alive(indexer) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert not _alive(indexer), "the search indexer kept running after the build was interrupted"
    finally:
        _end_group(process)
        with contextlib.suppress(ValueError, OSError):
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
    assert snapshot(site) == before
    result = build_site(MINI, site)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".site.building").exists() and not (tmp_path / ".site.old").exists()


def test_ctrl_c_ends_the_build_quietly(previous_site, tmp_path: Path):
    """Ctrl-C: exit status 130 and no traceback, as validate.py does."""
    site, _ = previous_site
    data = tmp_path / "payload-data"
    write_payload_data(data)
    process = _start_build(data, site)
    try:
        _wait_until_mid_build(process, tmp_path / ".site.building")
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        _end_group(process)
    assert "Traceback" not in stderr
    assert process.returncode == 130


def test_killed_during_the_swap_the_site_survives_the_next_build(previous_site, tmp_path: Path):
    """Killed right after the old site was moved aside; then a build with invalid data runs."""
    site, before = previous_site
    killed = build_site(MINI, site, **injected(TRACKER_FAULT_KILL_AFTER_RENAME=str(site)))
    assert killed.returncode == -signal.SIGKILL
    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    (broken / "events" / "statement.yaml").write_text('title: "x"\n', "utf-8")
    assert build_site(broken, site).returncode == 1
    assert site.is_dir() and snapshot(site) == before


def test_the_build_refuses_a_symlinked_data_directory(previous_site, tmp_path: Path):
    """The build refuses a symlinked data directory, as validate.py does, and keeps the previous site."""
    site, before = previous_site
    real = tmp_path / "real-data"
    shutil.copytree(MINI, real)
    link = tmp_path / "data"
    link.symlink_to(real)
    result = build_site(link, site)
    assert result.returncode == 1
    assert f"{link}:1:1: the data directory is a symlink" in result.stderr
    assert snapshot(site) == before


def test_data_that_validates_never_crashes_the_build(previous_site, tmp_path: Path):
    """A number the validator accepts must not crash rendering: refused with a position, no traceback."""
    site, before = previous_site
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    path = data / "claims" / "fair-talks.yaml"
    path.write_text(path.read_text("utf-8").replace("value: 3000", "value: " + "9" * 400), "utf-8")
    result = build_site(data, site)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert snapshot(site) == before


def test_invisible_characters_written_as_escapes_are_not_published(previous_site, tmp_path: Path):
    """NUL, ESC and a bidi override written as YAML escapes are refused, never published."""
    site, before = previous_site
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    path = data / "events" / "statement.yaml"
    path.write_text(path.read_text("utf-8").replace('title: "Pezeshkian', 'title: "Pez\\0\\u202e\\eeshkian'), "utf-8")
    result = build_site(data, site)
    assert result.returncode == 1
    assert "events/statement.yaml:1:" in result.stderr
    assert snapshot(site) == before
