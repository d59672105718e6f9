"""Rules for the order relations of events (``chronology``), registered with the rulebook."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date
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


def _month(day: date) -> tuple[int, int]:
    return (day.year, day.month)


def _month_words(day: date) -> str:
    return f"{dates.MONTHS[day.month - 1]} {day.year}"


def _side(value: dates.EdtfDate, end: bool) -> str:
    """One side of a date as written: its start or end, ".." when open, "" when unknown; a year alone as its
    last or first month, so that the suggested interval reads "2025-06?/2025-12?", not "2025-06?/2025?"."""
    part = value.end if end else value.start
    if not value.is_interval:
        part = value.start
    if part is not None and part.precision == "year":
        return f"{part.text[:4]}-{'12' if end else '01'}{part.qualifier}"
    if part is not None:
        return part.text
    return ".." if (value.end_open if end else value.start_open) else ""


# a date_note that says why a date reaches past a relation says so in these words ("it may have begun before the
# swearing-in because ..."); a looser test (any "before" or "later") let through notes that explain something else
SAYS_WHY = {
    "after": re.compile(r"\b(?:begin|begins|began|begun|start|starts|started) before\b", re.IGNORECASE),
    "before": re.compile(r"\b(?:end|ends|ended) after\b", re.IGNORECASE),
}


@rule("events")
def check_chronology_bounds(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A date agrees with the order relations: an event recorded as coming after another cannot begin in a month before
    that one's earliest possible day, nor one recorded as coming before another end in a month after that one's latest
    (a month is as fine as the timeline places entries: "June 2025" after "13 June 2025" is fine), unless its date_note
    says why in those words ("it may have begun before …", "it may have ended after …"). One rule serves the list, the drawing and the API: the
    timeline draws what a relation allows."""
    if record.kind != "events" or "chronology" not in record.data:
        return
    this = dates.parse(record.data["date"])
    note = str(record.data.get("date_note", ""))
    for relation in record.data.get("chronology", []):
        other = _other(ds, relation["event"], "events")
        kind = relation["type"]
        if other is None or other.id == record.id or SAYS_WHY[kind].search(note):
            continue
        that = dates.parse(other.data["date"])
        if relations.contradicts_dates(kind, this, that):
            continue  # check_chronology_dates reports it
        if kind == "after" and that.start is not None and _month(this.earliest) < _month(that.earliest):
            begin = "begins at an unknown time" if this.start is None else f"may begin in {_month_words(this.earliest)}"
            fixed = f"{that.start.text}/{_side(this, True)}"
            yield (
                ("date",),
                f"date {this.text!r} {begin}, before {other.id!r} ({that.text}), which this event is recorded as coming after; "
                f"start it no earlier than that event, for example date: {fixed!r}, or say in date_note why it may have begun before it",
            )
        elif kind == "before" and that.end is not None and _month(this.latest) > _month(that.latest):
            end = "ends at an unknown time" if this.end is None else f"may end in {_month_words(this.latest)}"
            fixed = f"{_side(this, False)}/{that.end.text}"
            yield (
                ("date",),
                f"date {this.text!r} {end}, after {other.id!r} ({that.text}), which this event is recorded as coming before; "
                f"end it no later than that event, for example date: {fixed!r}, or say in date_note why it may have ended after it",
            )
