"""The live preview's incremental rendering (tracker.render.memo) gives exactly the pages a full render gives.

Each case edits synthetic data the way a contributor would, then renders the new model twice:
from scratch, and through the memo primed with the old model. Every page must be identical,
and the memo must have reused most record pages (or it would not be incremental at all).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tracker.check.validate import validate
from tracker.cli import synth
from tracker.model import records as model_mod
from tracker.model.records import Model
from tracker.render.memo import WHOLE, RenderMemo, TrackedModel, changed_entries
from tracker.render.pages import all_pages, base, lists

RECORDS = 300


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "data"
    synth.write(RECORDS, out, seed=0)
    return out


@pytest.fixture
def data(generated: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(generated, target)
    return target


def load(root: Path, previous: Model | None = None) -> Model:
    result = validate(root, cache=True)  # the live preview's loader: unchanged files keep their parsed data
    assert result.ok, [str(p) for p in result.problems[:5]]
    return model_mod.build(result.dataset, previous)


def snapshot(pages: list[base.Page]) -> dict[str, tuple[str, str, str, str | None]]:
    return {p.path: (p.title, p.description, p.html, p.record.id if p.record else None) for p in pages}


def replace_line(path: Path, prefix: str, new_line: str) -> None:
    lines = path.read_text("utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    lines[index] = new_line + "\n"
    path.write_text("".join(lines), "utf-8")


# Each edit takes the data directory and the model before the edit.
def rename_busiest_actor(root: Path, model: Model) -> None:
    actor = max(model.actors.values(), key=lambda a: (len(model.claims_by.get(a.id, [])), a.id))
    replace_line(root / actor.path.removeprefix("data/"), "name: ", 'name: "Renamed Actor"')


def retitle_a_relayed_source(root: Path, model: Model) -> None:
    source = next(s for s in model.sources.values() if model.reports.get(s.id) and s.source_title)
    replace_line(root / source.path.removeprefix("data/"), "title: ", 'title: "A retitled source"')


def change_a_linked_claims_status(root: Path, model: Model) -> None:
    claim = next(c for c in model.claims.values() if model.links_to.get(c.id) and c.about)
    status = "retracted" if claim.status != "retracted" else "disputed"
    replace_line(root / claim.path.removeprefix("data/"), "  status: ", f"  status: {status}")


def move_an_event_to_another_year(root: Path, model: Model) -> None:
    event = max(model.events.values(), key=lambda e: (len(model.claims_about.get(e.id, [])), e.id))
    replace_line(root / event.path.removeprefix("data/"), "date: ", 'date: "2019-02"')  # a day would need an excerpt or a date_note


def retitle_an_event(root: Path, model: Model) -> None:
    event = min(model.events.values(), key=lambda e: e.id)
    replace_line(root / event.path.removeprefix("data/"), "title: ", 'title: "An edited title"')


def delete_an_unlinked_claim(root: Path, model: Model) -> None:
    claim = next(c for c in model.claims.values() if not model.links_to.get(c.id) and c.about)
    (root / claim.path.removeprefix("data/")).unlink()


def add_a_claim(root: Path, model: Model) -> None:
    claim = next(c for c in model.claims.values() if c.about and c.claimants and not c.links)
    shutil.copy(root / claim.path.removeprefix("data/"), root / "claims" / "a-new-claim.yaml")
    replace_line(root / "claims" / "a-new-claim.yaml", "statement: ", 'statement: "A new claim."')  # a copy would be a duplicate


EDITS: list[Callable[[Path, Model], None]] = [
    rename_busiest_actor,
    retitle_a_relayed_source,
    change_a_linked_claims_status,
    move_an_event_to_another_year,
    retitle_an_event,
    delete_an_unlinked_claim,
    add_a_claim,
]


@pytest.mark.parametrize("short_lists", [False, True], ids=["lists-inline", "lists-overflow"])
@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__)
def test_incremental_render_equals_a_full_render(data: Path, edit: Callable[[Path, Model], None], short_lists: bool, monkeypatch) -> None:
    if short_lists:  # long lists on actor and source pages move to overflow pages, which are memoized too
        monkeypatch.setattr(lists, "INLINE_LIMIT", 3)
        monkeypatch.setattr(lists, "LIST_PAGE_SIZE", 4)
    memo = RenderMemo()
    before = load(data)
    all_pages(before, "Tracker", memo)
    renders = len(memo.entries)  # record pages, overflow lists of actors and sources, indexes
    assert memo.rendered == renders > len(list(before.all_records()))  # the first build renders everything

    edit(data, before)
    after = load(data, previous=before)  # as the preview does: unchanged records are the same objects
    assert any(after.get(r.id) is r for r in before.all_records())
    full = snapshot(all_pages(load(data), "Tracker"))
    incremental = snapshot(all_pages(after, "Tracker", memo))

    assert incremental.keys() == full.keys()
    assert any(path.startswith("browse/actors/") for path in full) == short_lists
    assert [path for path in full if incremental[path] != full[path]] == []
    assert 0 < memo.rendered < renders / 2  # something was re-rendered, and most pages were reused


def test_without_tracked_reads_the_memo_would_serve_stale_pages(data: Path, monkeypatch) -> None:
    """Control: a memo that re-renders only the edited record misses the pages that show it."""
    # Pages see the model itself: only the read of their own record is noted.
    monkeypatch.setattr(TrackedModel, "__getattr__", lambda self, name: getattr(self._model, name))
    memo = RenderMemo()
    before = load(data)
    all_pages(before, "Tracker", memo)
    rename_busiest_actor(data, before)
    after = load(data)
    full = snapshot(all_pages(after, "Tracker"))
    incremental = snapshot(all_pages(after, "Tracker", memo))
    assert [path for path in full if incremental[path] != full[path]] != []


def test_a_no_op_rebuild_renders_nothing(data: Path) -> None:
    memo = RenderMemo()
    all_pages(load(data), "Tracker", memo)
    memo.forget_unused()  # as the live preview does after each build
    all_pages(load(data), "Tracker", memo)
    assert memo.rendered == 0


def test_the_entries_of_deleted_records_are_forgotten(data: Path) -> None:
    memo = RenderMemo()
    before = load(data)
    all_pages(before, "Tracker", memo)
    memo.forget_unused()
    kept = set(memo.entries)
    delete_an_unlinked_claim(data, before)
    all_pages(load(data, previous=before), "Tracker", memo)
    memo.forget_unused()
    assert kept - set(memo.entries) == {next(f"claims/{c.id}.md" for c in before.claims.values() if not before.links_to.get(c.id) and c.about)}


def test_tracked_model_records_entries_and_whole_tables(data: Path) -> None:
    model = load(data)
    reads: set = set()
    tracked = TrackedModel(model, reads)
    event_id = next(iter(model.events))
    assert tracked.get(event_id) is model.events[event_id]  # a model method, run against the tracked tables
    assert ("events", event_id) in reads
    assert len(tracked.timeline()) == len(model.events)
    assert ("events", WHOLE) in reads


def test_changed_entries_names_what_changed(data: Path) -> None:
    before = load(data)
    retitle_an_event(data, before)
    after = load(data)
    event = min(before.events, key=str)
    assert changed_entries(before, after) == {("events", event), ("events", WHOLE)}
