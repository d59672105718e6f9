"""Issue #13's "Done when", exactly: in a scratch repository, commit a change to a claim, a new claim and the
removal of another; build; the site, the changes page and feed, the withdrawn page and the API say so.
And a shallow clone of it builds with a notice and no dates at all."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest

from conftest import MINI, build_site
from test_history import DAY, T0, commit, git
from tracker.check.validate import validate
from tracker.exports.claimreview import status_titles
from tracker.load.git_log import rfc3339
from tracker.load.history import SHALLOW
from tracker.model import records as model_mod
from tracker.trust import gather as trust

NEW_CLAIM = """claimants:
  - iran
statement: "Iran said it would talk only about its nuclear program."
made_in: seed
assessment:
  status: unverified
  rationale: "Nothing else in the data speaks to it yet."
notes: "Test: the venue is the seed article, which reports it."
citations:
  - source: seed
    excerpt: "forcing the U.S. to focus solely on nuclear negotiations"
"""
# Unlike the new claim, so that git does not take the removal and the addition for one renamed file.
DOOMED_CLAIM = """claimants:
  - president
statement: "Iran said it would limit the talks."
made_in: x-post
date: "2026-02-01"
date_note: "Test: the day is given by the post, which the article quotes in full and dates to the first of the month."
assessment:
  status: disputed
  rationale: "The article and the post differ on what the talks would cover, and neither says more about the limit."
links:
  - type: contradicts
    claim: fair-talks
tags:
  - diplomacy
citations:
  - source: seed
    excerpt: "pursue ‘fair and equitable negotiations’ provided the U.S."
"""
CHANGE_SUBJECT = "fair-talks: the rationale names the source; a new claim; the limited-talks claim withdrawn as a duplicate"
T1 = T0 + 3 * DAY
FIRST_SUMMARY = "9 records added."  # the eight records of the mini data and the claim withdrawn later


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """A repository whose data/ is the mini data set plus a claim, then one commit with all three changes."""
    root = tmp_path_factory.mktemp("scratch") / "repo"
    shutil.copytree(MINI, root / "data")
    git(root, "init", "-q", "-b", "main")
    (root / "data" / "claims" / "limited-talks.yaml").write_text(DOOMED_CLAIM, "utf-8")
    commit(root, "The first records", T0)
    fair = root / "data" / "claims" / "fair-talks.yaml"
    fair.write_text(fair.read_text("utf-8").replace('rationale: "Test rationale."', 'rationale: "The post and the article disagree."'), "utf-8")
    (root / "data" / "claims" / "nuclear-only.yaml").write_text(NEW_CLAIM, "utf-8")
    (root / "data" / "claims" / "limited-talks.yaml").unlink()
    commit(root, CHANGE_SUBJECT, T1)
    return root


@pytest.fixture(scope="module")
def built(scratch, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("scratch-site") / "site"
    result = build_site(scratch / "data", site)
    assert result.returncode == 0, result.stderr
    assert "withdrawn 1" in result.stderr
    return site


def api(site: Path, path: str) -> dict:
    return json.loads((site / "api" / "v2" / path).read_text("utf-8"))


def test_the_changed_claim_shows_its_new_last_changed_date_and_history_entry(built):
    page = (built / "claims" / "fair-talks" / "index.html").read_text("utf-8")
    assert f'First published <time datetime="{rfc3339(T0)}">1 January 2026</time> · Last changed <time datetime="{rfc3339(T1)}">4 January 2026</time>' in page
    history = page[page.index('<ul class="history">') :]
    # what changed in the record, in words, from its two versions; never the commit's subject, written for the code's readers
    assert "Changed. The explanation of the assessment was revised." in history and CHANGE_SUBJECT.replace("'", "&#x27;") not in history
    assert history.index("Changed.") < history.index("Published.")


def test_the_new_claim_is_on_the_changes_page_and_in_its_feed(built):
    page = (built / "changes" / "index.html").read_text("utf-8")
    newest = page[page.index('<dl class="changes">') : page.index("9 records added.")]
    assert "1 record added, 1 changed, 1 withdrawn." in newest and CHANGE_SUBJECT not in page
    assert 'Changed: <a href="../claims/fair-talks/">' in newest and "</a> — The explanation of the assessment was revised.</dd>" in newest
    assert 'Added: <a href="../claims/nuclear-only/">' in newest
    assert 'Withdrawn: <a href="../claims/limited-talks/">' in newest
    feed = feedparser.parse((built / "feeds" / "changes.atom").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["1 record added, 1 changed, 1 withdrawn.", FIRST_SUMMARY]
    assert "Added: Iran said it would talk only about its nuclear program." in feed.entries[0].summary
    assert "The explanation of the assessment was revised." in feed.entries[0].summary
    newest_api = api(built, "changes.json")["changes"][0]
    assert newest_api["added"][0] == {"kind": "claims", "id": "nuclear-only"}  # links.record_template makes its address
    assert newest_api["summary"] == "1 record added, 1 changed, 1 withdrawn."
    assert newest_api["changed"] == [{"kind": "claims", "id": "fair-talks", "what_changed": "The explanation of the assessment was revised."}]


def test_the_removed_claim_keeps_its_address_with_a_withdrawn_page(built):
    page = (built / "claims" / "limited-talks" / "index.html").read_text("utf-8")
    assert "Withdrawn: Iran said it would limit the talks." in page
    assert "withdrawn on <time" in page and "4 January 2026" in page and CHANGE_SUBJECT in page
    assert "Its last version" in page
    # Out of search and of every list and count.
    assert "data-pagefind-body" not in page  # Pagefind indexes only what is inside it
    assert "data-pagefind-body" in (built / "claims" / "fair-talks" / "index.html").read_text("utf-8")
    assert "limited-talks" not in (built / "claims" / "index.html").read_text("utf-8")
    assert [i["id"] for i in api(built, "claims.json")["items"]] == ["fair-talks", "nuclear-only", "other-talks"]
    assert api(built, "index.json")["counts"]["claims"] == 3 and api(built, "index.json")["withdrawn"] == 1


def test_the_api_shows_published_modified_and_withdrawn(built):
    fair, new, gone = api(built, "claims/fair-talks.json"), api(built, "claims/nuclear-only.json"), api(built, "claims/limited-talks.json")
    assert (fair["published"], fair["modified"], fair["withdrawn"]) == (rfc3339(T0), rfc3339(T1), None)
    assert (new["published"], new["modified"]) == (rfc3339(T1), rfc3339(T1))
    assert gone["title"] == "Iran said it would limit the talks."
    assert (gone["withdrawn"]["date"], gone["withdrawn"]["reason"]) == (rfc3339(T1), CHANGE_SUBJECT)
    assert gone["withdrawn"]["last_version_url"].endswith("/data/claims/limited-talks.yaml")
    # API v1's address of the withdrawn record answers too, with the note that gives its v2 address
    note = json.loads((built / "api" / "v1" / "claims" / "limited-talks.json").read_text("utf-8"))
    assert note["moved_to"] == gone["api_url"] and note["moved_to"].endswith("/api/v2/claims/limited-talks.json")


def test_a_shallow_clone_builds_with_a_notice_and_no_dates(scratch, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{scratch}", str(clone)], check=True, capture_output=True)
    site = tmp_path / "site"
    result = build_site(clone / "data", site)
    assert result.returncode == 0, result.stderr
    assert f"tracker: {SHALLOW}" in result.stderr
    page = (site / "claims" / "fair-talks" / "index.html").read_text("utf-8")
    assert "First published" not in page and '<time datetime="2026-01' not in page
    assert "This build has no history of the records" in page
    document = api(site, "claims/fair-talks.json")
    assert "published" not in document and "modified" not in document
    assert not (site / "claims" / "limited-talks").exists()
    assert api(site, "changes.json") == {**api(site, "changes.json"), "history_available": False, "changes": []}


def test_a_claim_whose_status_changed_in_history_says_so(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(MINI, root / "data")
    git(root, "init", "-q", "-b", "main")
    (root / "data" / "claims" / "nuclear-only.yaml").write_text(NEW_CLAIM, "utf-8")
    commit(root, "A claim", T0)
    path = root / "data" / "claims" / "nuclear-only.yaml"
    path.write_text(path.read_text("utf-8").replace("status: unverified", "status: corroborated"), "utf-8")
    commit(root, "The claim is corroborated", T1)
    model = model_mod.build(validate(root / "data").dataset)
    model.trust = trust.gather(model, root / "data", titles=status_titles())
    assert model.trust.status_notes == {"nuclear-only": "Corroborated since 4 January 2026; previously unverified"}


WITHDRAWN_FIELD = 'withdrawn:\n  date: "2026-11-20"\n  reason: "A duplicate of another claim."\n'


def test_a_record_withdrawn_by_its_field_keeps_its_address_and_leaves_lists_and_counts(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "claims" / "nuclear-only.yaml").write_text(NEW_CLAIM + WITHDRAWN_FIELD, "utf-8")
    site = tmp_path / "site"
    result = build_site(data, site)
    assert result.returncode == 0, result.stderr
    assert "published 1 events, 2 claims, 3 actors, 2 sources; withdrawn 1" in result.stderr
    page = (site / "claims" / "nuclear-only" / "index.html").read_text("utf-8")
    assert "Withdrawn: Iran said it would talk only about its nuclear program." in page and "A duplicate of another claim." in page
    assert "nuclear-only" not in (site / "claims" / "index.html").read_text("utf-8") and "data-pagefind-body" not in page
    assert [i["id"] for i in api(site, "claims.json")["items"]] == ["fair-talks", "other-talks"]
    assert api(site, "claims/nuclear-only.json")["withdrawn"] == {
        "date": "2026-11-20",
        "reason": "A duplicate of another claim.",
        "last_version_url": "https://github.com/newstrace/iran-us-talks/blob/main/data/claims/nuclear-only.yaml",
        "change_url": None,
    }


def test_a_withdrawn_record_that_is_still_referred_to_stops_the_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    path = data / "claims" / "other-talks.yaml"
    path.write_text(path.read_text("utf-8") + WITHDRAWN_FIELD, "utf-8")
    result = build_site(data, tmp_path / "site")
    assert result.returncode != 0
    assert "other-talks.yaml: withdrawn, but still referred to by fair-talks; remove those references first" in result.stderr
