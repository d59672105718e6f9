"""Reproducible builds: the same commit gives a byte-identical site/, whoever builds it, wherever, whenever.

The Makefile takes SOURCE_DATE_EPOCH from the last commit, and MkDocs takes every date it
writes (sitemap <lastmod>, the gzip header of sitemap.xml.gz) from it. The builds compared
here differ in everything else a build machine can differ in: the clock (moved by days through
tests/hostile/inject/sitecustomize.py), the hash seed (set and dict order), the time zone, the
locale, the site folder, the working directory and the checkout's path.
"""

from __future__ import annotations

import difflib
import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import LIVE_DATA, REPO

INJECT = Path(__file__).resolve().parent / "hostile" / "inject"
THREE_DAYS = str(3 * 24 * 3600 + 5 * 3600)


def commit_epoch() -> str:
    """SOURCE_DATE_EPOCH as the Makefile computes it."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True, text=True, check=False)
    return result.stdout.strip() or "0"


def build(checkout: Path, data: Path, site: Path, *, epoch: str | None, cwd: Path, **env: str) -> None:
    """Run the checkout's own scripts/build.py."""
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    # the checkout's own package too (for the hooks), not the one installed (editable) from this one
    environment.update(PYTHONPATH=os.pathsep.join([str(INJECT), str(checkout / "scripts")]), **env)
    if epoch is not None:
        environment["SOURCE_DATE_EPOCH"] = epoch
    command = [sys.executable, str(checkout / "scripts" / "build.py"), "--data", str(data), "--site-dir", str(site)]
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def explain(a: Path, b: Path) -> str:
    """Why two versions of one file differ, in a line or a short diff."""
    left, right = a.read_bytes(), b.read_bytes()
    if a.suffix == ".gz":
        header = f"gzip header mtime {int.from_bytes(left[4:8], 'little')} vs {int.from_bytes(right[4:8], 'little')}"
        same = gzip.decompress(left) == gzip.decompress(right)
        return f"{header}; content {'identical' if same else 'differs'}"
    try:
        lines = difflib.unified_diff(left.decode().splitlines(), right.decode().splitlines(), lineterm="", n=0)
        return "\n".join(line[:300] for line in list(lines)[2:8])
    except UnicodeDecodeError:
        return f"{len(left)} vs {len(right)} bytes"


def differences(a: Path, b: Path) -> list[str]:
    """Every file that is only in one tree or whose bytes differ, with the reason."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    found = [f"only in the first build: {name}" for name in sorted(files_a - files_b)]
    found += [f"only in the second build: {name}" for name in sorted(files_b - files_a)]
    for name in sorted(files_a & files_b):
        if (a / name).read_bytes() != (b / name).read_bytes():
            found.append(f"{name} differs:\n{explain(a / name, b / name)}")
    return found


def copy_checkout(target: Path) -> Path:
    """The working tree (tracked and untracked, not ignored files) copied to another path."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_two_builds_on_different_machines_are_byte_identical(tmp_path: Path):
    """Same checkout and data; another clock (three days later), hash seed, time zone, locale and site folder."""
    epoch = commit_epoch()
    first, second = tmp_path / "one" / "site", tmp_path / "two" / "public"
    build(REPO, LIVE_DATA, first, epoch=epoch, cwd=REPO, PYTHONHASHSEED="1", TZ="UTC", LC_ALL="C")
    build(
        REPO,
        LIVE_DATA,
        second,
        epoch=epoch,
        cwd=tmp_path,
        PYTHONHASHSEED="4242",
        TZ="Pacific/Kiritimati",
        LC_ALL="C.UTF-8",
        TRACKER_FAKE_CLOCK_SHIFT=THREE_DAYS,
    )
    assert any(first.rglob("*.html")) and (first / "sitemap.xml.gz").is_file()
    assert differences(first, second) == []


def test_two_checkouts_at_different_paths_build_identically(tmp_path: Path):
    """The same commit checked out twice, at different paths, each built with its own scripts."""
    epoch = commit_epoch()
    one = copy_checkout(tmp_path / "a" / "repo")
    two = copy_checkout(tmp_path / "b" / "somewhere" / "else" / "checkout")
    build(one, Path("data"), one / "site", epoch=epoch, cwd=one, PYTHONHASHSEED="7")
    build(two, Path("data"), two / "site", epoch=epoch, cwd=two, PYTHONHASHSEED="8")
    assert differences(one / "site", two / "site") == []


def test_the_build_reads_no_clock_but_source_date_epoch(tmp_path: Path):
    """The clock moved by a year changes nothing; SOURCE_DATE_EPOCH is where every date comes from."""
    data = REPO / "tests" / "fixtures" / "mini"
    now, later = tmp_path / "now", tmp_path / "later"
    build(REPO, data, now, epoch="1767225600", cwd=REPO)
    build(REPO, data, later, epoch="1767225600", cwd=REPO, TRACKER_FAKE_CLOCK_SHIFT=str(366 * 24 * 3600))
    assert differences(now, later) == []
    assert "<lastmod>2026-01-01</lastmod>" in (now / "sitemap.xml").read_text("utf-8")
    assert int.from_bytes((now / "sitemap.xml.gz").read_bytes()[4:8], "little") == 1767225600


def test_the_fake_clock_really_moves_the_clock(tmp_path: Path):
    """Control for the tests above: without SOURCE_DATE_EPOCH, MkDocs dates the sitemap by the (moved) clock."""
    probe = "import datetime, time; print(datetime.datetime.now(datetime.timezone.utc).year, time.gmtime().tm_year)"
    env = {**os.environ, "PYTHONPATH": str(INJECT), "TRACKER_FAKE_CLOCK_SHIFT": str(40 * 366 * 24 * 3600)}
    years = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout.split()
    real = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert int(years[0]) - int(real[0]) in (40, 41) and years[0] == years[1]


def test_build_py_is_reproducible_without_the_makefile(tmp_path: Path):
    """`python scripts/build.py` (the documented entry point) on two days, SOURCE_DATE_EPOCH unset."""
    data = REPO / "tests" / "fixtures" / "mini"
    today, later = tmp_path / "today", tmp_path / "later"
    build(REPO, data, today, epoch=None, cwd=REPO)
    build(REPO, data, later, epoch=None, cwd=REPO, TRACKER_FAKE_CLOCK_SHIFT=THREE_DAYS)
    assert differences(today, later) == []


def test_the_site_does_not_depend_on_where_the_data_directory_is(tmp_path: Path):
    """The same data directory copied to two places outside the checkout builds the same site."""
    first, second = tmp_path / "x" / "data", tmp_path / "y" / "z" / "data"
    shutil.copytree(REPO / "tests" / "fixtures" / "mini", first)
    shutil.copytree(REPO / "tests" / "fixtures" / "mini", second)
    build(REPO, first, tmp_path / "site-x", epoch="1767225600", cwd=REPO)
    build(REPO, second, tmp_path / "site-y", epoch="1767225600", cwd=REPO)
    assert differences(tmp_path / "site-x", tmp_path / "site-y") == []
