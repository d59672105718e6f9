"""The built site: generated from data/, conserving every record, linking correctly, offline.

These checks hold for any valid data set, so they run on the site built from the live data/
(`live_site`), and again, by tests/test_contribution.py, with a contribution added."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LIVE_DATA, REPO, build_site, edit, live_preview
from sitecheck import broken_links, parse_page
from tracker.load.loader import load_file


def record_files(kind: str) -> list[Path]:
    return sorted(LIVE_DATA.glob(f"{kind}/*.yaml"))


@pytest.mark.parametrize("kind", ["events", "claims", "actors", "sources"])
def test_every_record_has_its_page(live_site, kind):
    """Every record file has its page (a withdrawn record keeps one too, saying so)."""
    built = {p.name for p in (live_site / kind).iterdir() if (p / "index.html").is_file()}
    missing = {p.stem for p in record_files(kind)} - built
    assert not missing


def test_section_pages_exist(live_site):
    for page in ["index.html", "timeline/index.html", "disputes/index.html", "data-notes/index.html", "methodology/index.html", "events/index.html"]:
        assert (live_site / page).is_file(), page


def test_no_broken_internal_links(live_site):
    assert broken_links(live_site) == []


def test_edit_link_points_at_the_yaml_record(live_site):
    for kind in ("events", "claims", "actors", "sources"):
        for record in record_files(kind):
            html = (live_site / kind / record.stem / "index.html").read_text("utf-8")
            assert f'href="https://github.com/newstrace/iran-us-talks/edit/main/data/{kind}/{record.name}"' in html, record


def test_archived_texts_are_published(live_site):
    """Each archived text a source names is published byte for byte, so that readers can check the excerpts."""
    seeds = {load_file(path).data.get("seed") for path in record_files("sources")} - {None}
    assert seeds
    for seed in seeds:
        assert (live_site / seed).read_bytes() == (REPO / seed).read_bytes(), seed


def test_nothing_is_loaded_from_another_host(live_site):
    """No Google Fonts, no CDN: every script and stylesheet is served by the site itself."""
    offsite = []
    for path in live_site.rglob("*.html"):
        page = parse_page(path)
        offsite += [f"{path.relative_to(live_site)}: {u}" for u in page.scripts + page.stylesheets if "//" in u]
    assert offsite == []
    assert not any("fonts.googleapis" in p.read_text("utf-8") for p in live_site.rglob("*.html"))


def test_generated_pages_are_not_committed():
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert not [t for t in tracked if t.startswith(("docs/events/", "docs/claims/", "docs/actors/", "docs/sources/", "docs/timeline"))]


def test_invalid_data_builds_nothing_and_keeps_the_old_site(site, mini, tmp_path):
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = sorted(p.relative_to(target) for p in target.rglob("*"))
    (mini / "events" / "statement.yaml").write_text('title: "x"\n')
    result = build_site(mini, target)
    assert result.returncode == 1
    assert "events/statement.yaml:1:1: missing required field" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(target) for p in target.rglob("*")) == before
    assert not (tmp_path / ".site.building").exists()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60, check: Callable[[], bool] = lambda: True) -> bool:
    """Until the page at ``url`` contains ``text`` (and ``check`` holds)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url) and check():
            return True
        time.sleep(0.2)
    return False


def test_live_preview_rebuilds_when_a_record_changes(mini):
    """`make serve`: the preview watches data/, rebuilds on an edit, and skips the open-data files.

    It runs `mkdocs serve --dirty` (rebuilding only pages whose inputs changed): an edit must
    still reach every page that shows the edited record, and a deleted record's page must go.
    """
    assert "mkdocs serve --dirty" in (REPO / "Makefile").read_text("utf-8")  # what `make serve` runs
    with live_preview(mini) as base:
        assert wait_for(base + "events/statement/", "Pezeshkian posted a statement on X")
        assert "not built in the live preview" in fetch(base + "downloads/")
        # MkDocs injects its reload script inline into every response: the preview's policy allows it.
        assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';" in fetch(base + "events/statement/")
        record = mini / "events" / "statement.yaml"
        edit(record, "Pezeshkian posted a statement on X", "Edited while serving")
        assert wait_for(base + "events/statement/", "Edited while serving")
        # A page that only shows the edited record is rebuilt too.
        edit(mini / "actors" / "president.yaml", 'name: "Masoud Pezeshkian"', 'name: "Renamed President"')
        assert wait_for(base + "claims/fair-talks/", "Renamed President")
        # A new record gets its page; when it is deleted, the page goes and the index forgets it.
        # (with a title of its own: two events with one title are refused as duplicates)
        (mini / "events" / "added-while-serving.yaml").write_text(record.read_text("utf-8").replace("Edited while serving", "Added while serving"), "utf-8")
        assert wait_for(base + "events/added-while-serving/", "Added while serving")
        (mini / "events" / "added-while-serving.yaml").unlink()
        gone = lambda: "added-while-serving" not in fetch(base + "events/") and fetch(base + "events/added-while-serving/") == ""  # noqa: E731
        assert wait_for(base + "events/", "Events", check=gone)
