"""Rules for the order relations of events (``chronology``), registered with the rulebook."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from tracker.check import relations
from tracker.check.rulebook import Finding, dataset_rule, normalise, rule, seed_text
from tracker.core import dates
from tracker.load.dataset import Dataset, RecordFile


def _other(ds: Dataset, rid: str, kind: str) -> RecordFile | None:
    other = ds.by_id.get(rid)
    return other if other is not None and other.kind == kind and other.schema_ok else None


@rule("events")
def check_chronology_references(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An order relation names another existing event, and an existing source."""
    if record.kind != "events":
        return
    for index, relation in enumerate(record.data.get("chronology", [])):
        event, source = relation["event"], relation["source"]
        target = ds.by_id.get(event)
        if event == record.id:
            yield ("chronology", index, "event"), f"{record.id!r} cannot come {relation['type']} itself"
        elif target is None or target.kind != "events":
            yield ("chronology", index, "event"), f"unknown event {event!r}: no file events/{event}.yaml"
        other = ds.by_id.get(source)
        if other is None or other.kind != "sources":
            yield ("chronology", index, "source"), f"unknown source {source!r}: no file sources/{source}.yaml"


@rule("events")
def check_chronology_excerpts(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """The excerpt of an order relation occurs in the archived text of its source."""
    if record.kind != "events":
        return
    for index, relation in enumerate(record.data.get("chronology", [])):
        source = _other(ds, relation["source"], "sources")
        if source is None or "seed" not in source.data:
            continue
        text = seed_text(source.data["seed"])
        if text is not None and normalise(relation["excerpt"]) not in text:
            yield ("chronology", index, "excerpt"), f"excerpt not found verbatim in {source.data['seed']} (source {source.id!r})"


@rule("events")
def check_chronology_dates(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An order relation does not contradict the dates: nothing comes after an event that began later than it ended."""
    if record.kind != "events" or "chronology" not in record.data:
        return
    this = dates.parse(record.data["date"])
    for index, relation in enumerate(record.data.get("chronology", [])):
        other = _other(ds, relation["event"], "events")
        if other is None or other.id == record.id:
            continue
        that = dates.parse(other.data["date"])
        if relations.contradicts_dates(relation["type"], this, that):
            yield (
                ("chronology", index, "type"),
                f"'{relation['type']}' contradicts the dates: this event is dated {this.text}, {other.id!r} {that.text}; correct the relation or a date",
            )


@dataset_rule
def check_chronology_cycles(ds: Dataset) -> Iterator[tuple[RecordFile, tuple[Any, ...], str]]:
    """Order relations do not form a cycle (A after B after ... after A)."""
    events = [r for r in ds.of_kind("events") if r.schema_ok]
    known = {r.id for r in events}
    pairs = [(a, b) for a, b in relations.relations((r.id, r.data) for r in events) if a in known and b in known and a != b]
    cycle = relations.find_cycle(pairs)
    if cycle is None:
        return
    # reported at the relation of the first event of the cycle that states one of its steps
    steps = set(itertools.pairwise(cycle))
    for record in sorted(events, key=lambda r: r.id):
        for index, relation in enumerate(record.data.get("chronology", [])):
            pair = (relation["event"], record.id) if relation["type"] == "after" else (record.id, relation["event"])
            if pair in steps:
                shown = " then ".join(cycle)
                yield record, ("chronology", index, "event"), f"order relations form a cycle: {shown}; remove one of them"
                return
