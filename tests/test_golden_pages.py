"""Golden pages: the HTML and the table of contents of every page family for the small fixture model (tests/fixtures/mini),
compared with tests/golden/pages/, one file per family. UPDATE_GOLDEN=1 rewrites them after a
deliberate change (review the diff: it is what readers will see change).

The methodology page is written from schema/ and the rules, not from the model; its golden file
keeps its outline (its table of contents) so that the file stays small. The mini data has no list long
enough to overflow, so the overflow family is rendered with lists cut to one item (as
tests/test_render.py does).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import MINI, REPO
from tracker.check.validate import validate
from tracker.model import story
from tracker.model.records import Model, build
from tracker.render import pages
from tracker.render.pages import lists, timeline
from tracker.site.build import MADE_WITH

GOLDEN = REPO / "tests" / "golden" / "pages"
SITE_NAME = "Mini tracker"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def model() -> Model:
    result = validate(MINI)
    assert result.ok, result.problems
    return build(result.dataset)


def family_pages(model: Model) -> dict[str, list[pages.Page]]:
    chunks = timeline.timeline_chunks(model)
    state = pages.Build(model, SITE_NAME, None, chunks, timeline.timeline_locations(chunks), story.from_dataset(validate(MINI).dataset), MADE_WITH)
    return {family.name: family.pages(state) for family in pages.FAMILIES}


def golden_text(family: str, rendered: list[pages.Page]) -> str:
    """Each page: its path, title and description, its table of contents, then its HTML, one block a line."""
    parts = []
    for page in rendered:
        toc = "".join(f"<!-- toc: {'  ' * (h.level - 2)}{h.title} #{h.id} -->\n" for h in page.toc)
        body = "" if family == "methodology" else page.html + "\n"  # the methodology's outline only
        parts.append(f"<!-- golden: {page.path} | {page.title} | {page.description} -->\n{toc}{body}")
    return "\n".join(parts) or "<!-- golden: no pages -->\n"


def golden_path(family: str) -> Path:
    return GOLDEN / f"{family.replace(' ', '-')}.html"


def check_golden(family: str, text: str) -> None:
    path = golden_path(family)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert path.exists(), f"no golden file for the page family {family!r}: run with UPDATE_GOLDEN=1 and review the diff"
    assert text == path.read_text("utf-8"), f"the {family} pages differ from {path.relative_to(REPO)} (UPDATE_GOLDEN=1 after a deliberate change)"


@pytest.mark.parametrize("family", [f.name for f in pages.FAMILIES if f.name != "overflow lists"])
def test_page_family_matches_its_golden_file(model: Model, family: str) -> None:
    check_golden(family, golden_text(family, family_pages(model)[family]))


def test_overflow_lists_match_their_golden_file(model: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lists, "INLINE_LIMIT", 1)
    monkeypatch.setattr(lists, "LIST_PAGE_SIZE", 1)
    rendered = family_pages(model)["overflow lists"]
    assert rendered, "lists cut to one item overflow on the mini data"
    check_golden("overflow lists", golden_text("overflow lists", rendered))


def test_the_families_are_all_pages_and_every_golden_file_has_a_family(model: Model) -> None:
    by_family = family_pages(model)
    assert [(p.path, p.html) for ps in by_family.values() for p in ps] == [
        (p.path, p.html) for p in pages.all_pages(model, SITE_NAME, story=story.from_dataset(validate(MINI).dataset), made_with=MADE_WITH)
    ]
    expected = {golden_path(f.name).name for f in pages.FAMILIES}
    stale = sorted(p.name for p in GOLDEN.iterdir() if p.name not in expected)
    if UPDATE:
        for name in stale:
            (GOLDEN / name).unlink()
    else:
        assert stale == [], "golden files of page families that no longer exist (UPDATE_GOLDEN=1 removes them)"
