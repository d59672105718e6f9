"""The built site: generated from data/, conserving every record, linking correctly, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO, build_site, edit
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


def test_live_preview_rebuilds_when_a_record_changes(mini, tmp_path):
    """`make serve`: the preview watches data/, rebuilds on an edit, and skips the open-data files.

    It runs `mkdocs serve --dirty` (rebuilding only pages whose inputs changed): an edit must
    still reach every page that shows the edited record, and a deleted record's page must go.
    """
    import socket
    import time
    import urllib.request

    assert "mkdocs serve --dirty" in (REPO / "Makefile").read_text("utf-8")  # what `make serve` runs
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "TRACKER_DATA": str(mini), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/iran-us-talks/"

    def fetch(path: str) -> str:
        try:
            with urllib.request.urlopen(base + path, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(path: str, text: str, seconds: float = 60, check=lambda: True) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in fetch(path) and check():
                return True
            time.sleep(0.2)
        return False

    try:
        assert wait_for("events/statement/", "Pezeshkian posted a statement on X")
        assert "not built in the live preview" in fetch("downloads/")
        record = mini / "events" / "statement.yaml"
        record.write_text(record.read_text("utf-8").replace("Pezeshkian posted a statement on X", "Edited while serving"), "utf-8")
        assert wait_for("events/statement/", "Edited while serving")
        # A page that only shows the edited record is rebuilt too.
        edit(mini / "actors" / "president.yaml", 'name: "Masoud Pezeshkian"', 'name: "Renamed President"')
        assert wait_for("claims/fair-talks/", "Renamed President")
        # A new record gets its page; when it is deleted, the page goes and the index forgets it.
        shutil.copy(record, mini / "events" / "added-while-serving.yaml")
        assert wait_for("events/added-while-serving/", "Edited while serving")
        (mini / "events" / "added-while-serving.yaml").unlink()
        assert wait_for("events/", "Events", check=lambda: "added-while-serving" not in fetch("events/") and fetch("events/added-while-serving/") == "")
    finally:
        server.terminate()
        server.wait(timeout=20)
