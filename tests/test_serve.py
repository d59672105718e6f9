"""`make serve` (mkdocs serve --dirty) says what `make validate` says, after any edit it watches.

The live preview keeps the tracker package imported between rebuilds (only the hooks file is read
again), so whatever it caches from schema/ or seeds/ must not outlive an edit of those files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser import goto_when_served, watch
from conftest import REPO, STORY, live_preview
from tracker.cli import new_record

# Two builds in one process, as `mkdocs serve` runs them: the config (and the hooks file) is read
# again for each, the tracker package stays imported. Between them one file changes.
REBUILD = r"""
import sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

def build(first):
    config = load_config(config_file="mkdocs.yml")
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    try:
        config.plugins.on_config(config)
    except PluginError as error:
        print(f"stopped: {error}", file=sys.stderr)
        return
    print("built", file=sys.stderr)

build(True)
path, old, new = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
text = path.read_text("utf-8")
assert old in text
path.write_text(text.replace(old, new, 1), "utf-8")
build(False)
"""


def copy_of_the_repository(target: Path) -> Path:
    """The code, with the frozen story as its data and archived texts (the counts below are the story's)."""
    for name in ("scripts", "schema", "docs", "overrides"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("data", "seeds"):
        shutil.copytree(STORY / name, target / name)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.mark.parametrize(
    ("path", "old", "new", "count"),
    [
        # one word of a passage that four records cite (the case of the issue)
        ("seeds/000_339a995688291f73.txt", "estimating 6,854 deaths", "estimating 6,854 killed", 5),  # and the provenance check
        # ids of at most 40 characters: every reference to a longer id becomes a problem (as many as data/ has)
        ("schema/common.schema.json", '"maxLength": 100', '"maxLength": 40', None),
    ],
)
def test_a_rebuild_after_an_edit_of_a_schema_or_an_archived_text_reports_what_validate_reports(
    tmp_path: Path, path: str, old: str, new: str, count: int | None
) -> None:
    repo = copy_of_the_repository(tmp_path / "repo")
    # PYTHONPATH: the copy runs its own package, not the one installed (editable) from this checkout
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TRACKER_DATA": "data", "PYTHONPATH": str(repo / "scripts")}
    served = subprocess.run([sys.executable, "-c", REBUILD, path, old, new], cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert served.returncode == 0, served.stderr
    validated = subprocess.run([sys.executable, "scripts/validate.py", "--data", "data"], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert validated.returncode == 1
    # The preview lists problems; warnings (which do not stop a build) are printed only by the validator.
    problems = [line for line in validated.stdout.splitlines() if ": warning: " not in line]
    problems[-1] = problems[-1].split("; ")[0]  # "…checked); 2 warnings (they do not fail the check)"
    count = count or len(problems) - 1
    assert count > 0 and problems[-1].startswith(f"{count} problem")
    # The copy has no .git: each build says so first (records without dates), then the rest.
    lines = [line for line in served.stderr.splitlines() if not line.startswith("tracker: no history:")]
    assert lines[0] == "built"
    assert lines[1 : len(problems) + 1] == problems
    assert lines[-1] == f"stopped: {count} data problem(s) in {repo / 'data'}; nothing was built"


def test_the_preview_lists_the_problems_of_invalid_data_and_shows_the_site_again_once_fixed(browser, mini: Path, tmp_path: Path) -> None:
    """`make serve`: while the data is invalid, the open page reloads into a list of every problem (as
    `make validate` prints them, as text), and back into the page once they are fixed; the log has the
    problems but no traceback and no list of the pages outside the nav."""
    log = tmp_path / "serve.log"
    record = mini / "events" / "statement.yaml"
    valid = record.read_text("utf-8")
    with live_preview(mini, log=log) as base:
        context = browser.new_context()
        page = context.new_page()
        seen = watch(page, base.split("/iran-us-talks/")[0] + "/")
        goto_when_served(page, base + "events/statement/")  # once the server serves its first build
        assert "Pezeshkian posted a statement on X" in page.inner_text("h1")

        record.write_text(valid.replace('date: "2026-02-01"', 'date: "01/02/2026"').replace("  - president", '  - "<b>nobody</b>"'), "utf-8")
        page.wait_for_selector("h1:has-text('The data has 2 problems')", timeout=60000)
        validated = subprocess.run([sys.executable, "scripts/validate.py", "--data", str(mini)], cwd=REPO, capture_output=True, text=True, check=False)
        expected = validated.stdout.splitlines()[:-1]
        assert len(expected) == 2 and "'<b>nobody</b>' is not a valid id" in expected[1]
        assert page.locator("ol.problems li").all_inner_texts() == expected
        assert page.locator("ol.problems b").count() == 0  # the markup in the data is shown as text
        # Every page of the preview answers with the list while the data is invalid.
        page.goto(base)
        assert page.inner_text("h1") == "The data has 2 problems"

        record.write_text(valid, "utf-8")
        page.wait_for_selector("h1:has-text('Iran')", timeout=60000)  # the home page, reloaded by itself
        page.goto(base + "events/statement/")
        assert "Pezeshkian posted a statement on X" in page.inner_text("h1")
        assert seen.dialogs == [] and seen.errors == [] and seen.offsite == []
        context.close()
    output = log.read_text("utf-8")
    assert all(line in output for line in expected)
    assert "Traceback" not in output
    assert "not included in the" not in output


def test_the_preview_starts_on_invalid_data_with_the_problems_and_shows_the_site_once_fixed(browser, mini: Path, tmp_path: Path) -> None:
    """`make serve` right after `make new` (its placeholders not filled in yet): the preview starts,
    every page lists the problems as `make validate` prints them, and the site comes once they are fixed."""
    log = tmp_path / "serve.log"
    draft = mini / "claims" / "new-claim.yaml"
    draft.write_text(new_record.skeleton("claims"), "utf-8")  # as `make new KIND=claim ID=new-claim` leaves it
    validated = subprocess.run([sys.executable, "scripts/validate.py", "--data", str(mini)], cwd=REPO, capture_output=True, text=True, check=False)
    expected = validated.stdout.splitlines()[:-1]
    assert len(expected) == 7 and all(": fill in " in line for line in expected)
    with live_preview(mini, log=log) as base:
        context = browser.new_context()
        page = context.new_page()
        seen = watch(page, base.split("/iran-us-talks/")[0] + "/")
        goto_when_served(page, base + "events/statement/")
        assert page.inner_text("h1") == "The data has 7 problems"
        assert page.locator("ol.problems li").all_inner_texts() == expected
        page.goto(base)
        assert page.inner_text("h1") == "The data has 7 problems"

        draft.unlink()
        page.wait_for_selector("h1:has-text('Iran')", timeout=60000)  # the home page, reloaded by itself
        page.goto(base + "events/statement/")
        assert "Pezeshkian posted a statement on X" in page.inner_text("h1")
        assert seen.dialogs == [] and seen.errors == [] and seen.offsite == []
        context.close()
    output = log.read_text("utf-8")
    assert "the preview starts with the list of these 7 problem(s) on every page" in output
    assert "Traceback" not in output
