"""The built site: generated from data/, conserving every record, linking correctly, offline."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections.abc import Callable

import pytest

from conftest import REPO, build_site, edit, live_preview
from sitecheck import broken_links, parse_page


def record_ids(kind: str) -> set[str]:
    return {p.stem for p in (REPO / "data" / kind).glob("*.yaml")}


@pytest.mark.parametrize("kind", ["events", "claims", "actors", "sources"])
def test_every_record_has_its_page(site, kind):
    built = {p.name for p in (site / kind).iterdir() if (p / "index.html").is_file()}
    assert built == record_ids(kind)


def test_section_pages_exist(site):
    for page in ["index.html", "timeline/index.html", "disputes/index.html", "data-notes/index.html", "methodology/index.html", "events/index.html"]:
        assert (site / page).is_file(), page


def test_no_broken_internal_links(site):
    assert broken_links(site) == []


def test_edit_link_points_at_the_yaml_record(site):
    html = (site / "claims" / "hrana-6854-protest-deaths" / "index.html").read_text("utf-8")
    assert 'href="https://github.com/newstrace/iran-us-talks/edit/main/data/claims/hrana-6854-protest-deaths.yaml"' in html


def test_archived_seed_is_published(site):
    assert (site / "seeds" / "000_339a995688291f73.txt").read_bytes() == (REPO / "seeds" / "000_339a995688291f73.txt").read_bytes()


def test_nothing_is_loaded_from_another_host(site):
    """No Google Fonts, no CDN: every script and stylesheet is served by the site itself."""
    offsite = []
    for path in site.rglob("*.html"):
        page = parse_page(path)
        offsite += [f"{path.relative_to(site)}: {u}" for u in page.scripts + page.stylesheets if "//" in u]
    assert offsite == []
    assert not any("fonts.googleapis" in p.read_text("utf-8") for p in site.rglob("*.html"))


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
