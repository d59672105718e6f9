"""What readers need to trust a record over time, gathered once per build: its history, corrections, withdrawals.

The backends are pure modules (history, corrections, withdrawals); this joins them to the model
so that the page layer, the open data and the JSON-LD read one object, ``model.trust``, instead
of each reading git. Without history (a tarball, a shallow clone) ``available`` is False, the
notice says why, and no record carries a date: no date rather than a wrong one.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tracker.core import dates
from tracker.core.licences import repository_file
from tracker.load.dataset import Dataset, RecordFile
from tracker.load.history import CHANGED, Commit, History, RecordHistory, api_dates, diff_url, read_blobs, read_history_memo, status_histories, status_note
from tracker.model.records import Model, Record
from tracker.trust import corrections as corrections_mod
from tracker.trust import wording
from tracker.trust.withdrawals import WithdrawnRecord, explicit_withdrawal, removed_records


@dataclass
class Trust:
    available: bool = False
    notice: str | None = None
    repo_url: str = ""
    site_url: str = ""  # mkdocs.yml site_url: the address a citation gives ("" when the build has none)
    publisher: dict | None = None  # mkdocs.yml extra.publisher: {name, url}
    histories: dict[str, RecordHistory] = field(default_factory=dict)  # "kind/id" -> history
    status_notes: dict[str, str] = field(default_factory=dict)  # claim id -> "Disputed since …; previously unverified"
    status_since: dict[str, str] = field(default_factory=dict)  # claim id -> when its current status was set
    corrections: dict[str, list[corrections_mod.Correction]] = field(default_factory=dict)  # "kind/id" -> its corrections
    all_corrections: list[corrections_mod.Correction] = field(default_factory=list)  # newest first
    removed: list[WithdrawnRecord] = field(default_factory=list)  # records whose file was removed
    explicit: dict[str, WithdrawnRecord] = field(default_factory=dict)  # "kind/id" -> withdrawn by its field
    commits: list[Commit] = field(default_factory=list)  # newest first, each touching a record
    problems: list[str] = field(default_factory=list)  # "commit <id>: …": commits left out of the history, and why
    described: dict[tuple[str, str], str] = field(default_factory=dict)  # (commit, "kind/id") -> what it changed in the record, in words

    def history(self, record: Record) -> RecordHistory | None:
        found = self.histories.get(key(record))
        return found if found is not None and found.changes else None

    def of(self, record: Record) -> list[corrections_mod.Correction]:
        return self.corrections.get(key(record), [])

    def withdrawn(self, record: Record) -> WithdrawnRecord | None:
        return self.explicit.get(key(record))

    def what_changed(self, sha: str, path: str) -> str:
        """What commit `sha` changed in the record at `path` ("kind/id" or "kind/id.yaml"), in a reader's words; "" when unknown."""
        return self.described.get((sha, path.removesuffix(".yaml")), "")

    def diff_url(self, sha: str) -> str | None:
        return diff_url(self.repo_url, sha) if self.repo_url else None


EMPTY = Trust()


def key(record: Record) -> str:
    return f"{record.kind}/{record.id}"


def of_model(model: Model) -> Trust:
    """The model's trust, or an empty one (a model built without a build: tests, tools)."""
    return model.trust if isinstance(model.trust, Trust) else EMPTY


def withdrawn_by_field(dataset: Dataset) -> list[RecordFile]:
    """The record files that withdraw their record by their `withdrawn` field."""
    return [f for f in dataset.files if f.data.get("withdrawn")]


def without_withdrawn(dataset: Dataset) -> tuple[Dataset, list[RecordFile]]:
    """The dataset without the records withdrawn by their field (they leave listings, search and counts), and those records."""
    gone = withdrawn_by_field(dataset)
    if not gone:
        return dataset, []
    kept = [f for f in dataset.files if f not in gone]
    return Dataset(dataset.root, kept, {k: v for k, v in dataset.by_id.items() if v not in gone}, dataset.documents), gone


def references_to(model: Model, gone: list[RecordFile]) -> list[str]:
    """ "claims/x (cited by events/y)" for every withdrawn record a live record still refers to: its page would link nowhere."""
    indexes = ("cited_by", "claims_about", "claims_by", "events_with", "claims_made_in", "reports", "sub_events", "sources_by", "members", "links_to")
    found = []
    for f in gone:
        users = sorted({u if isinstance(u, str) else u[0] for name in indexes for u in getattr(model, name).get(f.id, [])} - {f.id})
        if users:
            found.append(f"{f.display}: withdrawn, but still referred to by {', '.join(users[:5])}; remove those references first")
    return found


def gather(
    model: Model,
    data: Path | None,
    *,
    repo_url: str = "",
    site_url: str = "",
    publisher: dict | None = None,
    titles: dict[str, str] | None = None,
    withdrawn: Sequence[RecordFile] = (),
    until: int = 0,
) -> Trust:
    """Read the history of `data` (one git log) and gather corrections and withdrawals for `model`;
    `withdrawn` are the records withdrawn by their field, left out of the model (without_withdrawn);
    `until` is the build's SOURCE_DATE_EPOCH (0: none), after which no commit can be dated."""
    trust = Trust(repo_url=repo_url, site_url=site_url, publisher=publisher)
    for record in model.all_records():
        found = corrections_mod.of_record(record.kind, record.id, record.data)
        if found:
            trust.corrections[key(record)] = found
        withdrawal = explicit_withdrawal(record.kind, record.id, record.data)
        if withdrawal is not None:
            trust.explicit[key(record)] = withdrawal
    trust.all_corrections = corrections_mod.newest_first([c for found in trust.corrections.values() for c in found])
    explicit: list[WithdrawnRecord] = []
    for f in withdrawn:
        by_field = explicit_withdrawal(f.kind, f.id, f.data)
        if by_field is None:  # the caller passes only records with the field; nothing to add otherwise
            continue
        url = repository_file(repo_url, f"data/{f.kind}/{f.id}.yaml") if repo_url else None
        explicit.append(dataclasses.replace(by_field, last_version_url=url))
    if data is not None:
        history = read_history_memo(data, until)
        trust.available, trust.notice = history.available, history.notice
        trust.problems = [str(problem) for problem in history.problems]
        if history.available:
            _from_history(trust, model, history, titles or {})
    trust.removed = sorted([*trust.removed, *explicit], key=lambda w: (w.kind, w.id))
    return trust


def _from_history(trust: Trust, model: Model, history: History, titles: dict[str, str]) -> None:
    for path, record_history in history.records.items():
        trust.histories[path.removesuffix(".yaml")] = record_history
    for path, spans in status_histories(history).items():
        rid = path.removeprefix("claims/").removesuffix(".yaml")
        if rid in model.claims:
            # status_note's words, with the day in words for readers: "Disputed since 4 January 2026; previously unverified"
            day = spans[-1].since[:10]
            trust.status_notes[rid] = status_note(spans, titles).replace(f" since {day};", f" since {dates.humanize(day)};", 1)
            trust.status_since[rid] = spans[-1].since
    live = {key(r) for r in model.all_records()}
    trust.removed = [w for w in removed_records(history, trust.repo_url) if f"{w.kind}/{w.id}" not in live]
    trust.commits = list(history.commits)
    trust.described = _describe_changes(history)


def _describe_changes(history: History) -> dict[tuple[str, str], str]:
    """Each change of a record compared with its version before, field by field (one `git cat-file` for every version needed)."""
    pairs = []
    for path, record_history in history.records.items():
        changes = record_history.changes  # newest first
        for change, before in itertools.pairwise(changes):
            if change.action == CHANGED:
                pairs.append((change.sha, path.removesuffix(".yaml"), before.blob, change.blob))
    blobs = sorted({blob for *_, old, new in pairs for blob in (old, new)})
    versions = dict(zip(blobs, [wording.parse(raw) for raw in read_blobs(history, blobs)], strict=True))
    described = {}
    for sha, path, old, new in pairs:
        words = wording.describe(versions[old], versions[new])
        if words:
            described[(sha, path)] = words
    return described


def api_fields(model: Model, record: Record) -> dict:
    """What a record's API document adds: `published`/`modified` (RFC 3339, UTC; none without history), `corrections`, `withdrawn`.

    A source's document already has `published` (when the source itself was published), so a
    source's first publication here is `first_published`.
    """
    trust = of_model(model)
    dates = api_dates(trust.history(record))
    if record.kind == "sources" and "published" in dates:
        dates["first_published"] = dates.pop("published")
    withdrawn = trust.withdrawn(record)
    return {
        **dates,
        "corrections": [{"date": c.date, "wrong": c.wrong, "now": c.now} for c in trust.of(record)],
        "withdrawn": {"date": withdrawn.date, "reason": withdrawn.reason} if withdrawn else None,
    }
