"""Cross-record rules: what JSON Schema cannot say about one file alone.

Each rule is a small function whose docstring states the rule; it takes a
record that passed its schema and the whole dataset, and yields
``(path, message)`` pairs, the path pointing into the record's data so that
the problem can be reported at the line and column of the offending value.
Rules register themselves with ``@rule(kinds…)`` (see rulebook.py); the
editorial rules and the duplicate checks live in their own modules, imported
here so that importing this module registers every rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tracker.check import contradictions
from tracker.check.rulebook import Finding, dataset_rule, did_you_mean, insertion_point, normalise, rule, seed_text, target, values_at
from tracker.core import dates, kinds
from tracker.core.closest import mismatch_hint
from tracker.load.dataset import Dataset, Hint, RecordFile, Snippet, display_path

# Which fields hold references, and to what kind of record.
REFERENCES: dict[str, list[tuple[tuple[Any, ...], str]]] = {
    "events": [(("actors", "*"), "actors"), (("part_of",), "events"), (("citations", "*", "source"), "sources")],
    "claims": [
        (("claimants", "*"), "actors"),
        (("made_in",), "sources"),
        (("about", "*"), "events"),
        (("links", "*", "claim"), "claims"),
        (("citations", "*", "source"), "sources"),
    ],
    "actors": [(("roles", "*", "organisation"), "actors"), (("member_of", "*"), "actors"), (("citations", "*", "source"), "sources")],
    "sources": [(("outlet",), "actors"), (("authors", "*"), "actors"), (("reported_via", "*", "source"), "sources")],
}

DATE_FIELDS: dict[str, list[tuple[str, ...]]] = {
    "events": [("date",)],
    "claims": [("date",)],
    "sources": [("published",)],
    "actors": [("roles", "*", "date")],
}

SYMMETRIC_LINKS = ("contradicts", "corroborates", "differs")


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


# Only close spellings are offered: a suggestion that is not what the contributor meant misleads.
SUGGEST_CUTOFF = 80


# ---------------------------------------------------------------- rules


@rule()
def check_references(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """Every reference names an existing record of the right kind, and not the record itself."""
    for pattern, target_kind in REFERENCES[record.kind]:
        for path, ref in values_at(record.data, pattern):
            other = ds.by_id.get(ref)
            wanted = kinds.get(target_kind).singular
            if other is None:
                where = f"{display_path(ds.root)}/{target_kind}/{ref}.yaml"
                yield path, f"unknown {wanted} {ref!r}: no file {where}{did_you_mean(ref, (r.id for r in ds.of_kind(target_kind)), cutoff=SUGGEST_CUTOFF)}"
            elif other.kind != target_kind:
                yield (
                    path,
                    f"{ref!r} is {_a(kinds.get(other.kind).singular)} ({other.display}), not {_a(wanted)}{did_you_mean(ref, (r.id for r in ds.of_kind(target_kind)), cutoff=SUGGEST_CUTOFF)}",
                )
            elif ref == record.id:
                yield path, f"{record.id!r} refers to itself"


@rule("events", "claims", "sources")
def check_date_notes(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A date that is uncertain, approximate, open or has unspecified digits comes with a date_note."""
    # Actors' role dates are shown with their qualifier and have no separate note field.
    for pattern in DATE_FIELDS[record.kind]:
        for path, value in values_at(record.data, pattern):
            if dates.parse(value).is_fuzzy and "date_note" not in record.data:
                yield path, f"date {value!r} is not exact; add a date_note saying how it was derived"


@rule("claims")
def check_claim_links(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """Claim links: at most one per other claim; contradicts, corroborates and differs are written on both sides."""
    seen: dict[str, str] = {}
    for index, link in enumerate(record.data.get("links", [])):
        other_id, kind = link["claim"], link["type"]
        path = ("links", index, "claim")
        if other_id in seen:
            yield path, f"a second link to {other_id!r} ({kind}, already {seen[other_id]}); keep one"
            continue
        seen[other_id] = kind
        other = target(ds, other_id, "claims")
        if kind not in SYMMETRIC_LINKS or other is None:
            continue
        back = [l for l in other.data.get("links", []) if l["claim"] == record.id]
        if back and not any(l["type"] == kind for l in back):
            yield path, f"{kind} goes both ways, but {other.display} links back to {record.id!r} as {back[0]['type']}: make both links the same type"
        elif not back:
            yield path, both_ways(kind, record.id, other)


def _figure(quantity: dict[str, Any]) -> str:
    """A figure as the record states it: "more than 3,000", "estimated 6,854", "3,000"."""
    value = quantity["value"]
    number = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    qualifier = quantity["qualifier"]
    return number if qualifier == "exactly" else f"{qualifier.replace('-', ' ')} {number}"


def _figures(record: RecordFile) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """A claim's figures by (measure, unit): figures in two units are not compared (check_measure_units reports them)."""
    by_measure: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for quantity in record.data.get("quantities", []):
        by_measure.setdefault((quantity["measure"], quantity.get("unit", "")), []).append(quantity)
    return by_measure


@rule("claims")
def check_contradicting_figures(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """Link types keep their definitions: a contradicts link between two claims giving figures of the same measure is refused when those figures can all be true as stated ("more than 3,000" and "an estimated 6,854"), and a differs link is refused unless the two claims give figures of the same measure that can all be true as stated."""
    mine = _figures(record)
    for index, link in enumerate(record.data.get("links", [])):
        other = target(ds, link["claim"], "claims") if link["type"] in ("contradicts", "differs") else None
        if other is None or other is record:
            continue  # an unknown claim or a link to itself is reported by check_references
        theirs = _figures(other)
        shared = sorted(set(mine) & set(theirs))
        compatible = bool(shared) and all(contradictions.strictly_compatible((q["value"], q["qualifier"]) for q in mine[m] + theirs[m]) for m in shared)
        stated = "; ".join(
            f"{m[0]}: {' and '.join(_figure(q) for q in mine[m])} here, {' and '.join(_figure(q) for q in theirs[m])} in {other.id!r}" for m in shared
        )
        if link["type"] == "contradicts" and compatible:
            yield (
                ("links", index, "type"),
                f"'contradicts' says both cannot be true, but the figures can both be true as stated ({stated}): write type: differs, in both records",
            )
        elif link["type"] == "differs" and not shared:
            yield ("links", index, "type"), f"'differs' links two figures of one measure, but this claim and {other.id!r} give none in common; use another type"
        elif link["type"] == "differs" and not compatible:
            yield (
                ("links", index, "type"),
                f"'differs' says both can be true as stated, but the figures exclude each other ({stated}): write type: contradicts, in both records",
            )


def both_ways(kind: str, claim_id: str, other: RecordFile) -> Hint:
    """The link to add to the other claim, as it is to be written there."""
    links = other.data.get("links", [])
    what = f"this item to the links of {other.display}" if links else f"these lines to {other.display}"
    what += f", {insertion_point(other, 'links')}"
    snippet = Snippet("claim", ("links", len(links)), {"type": kind, "claim": claim_id}, shown_from=1 if links else 0)
    return Hint(f"{kind} goes both ways: add {what}:", snippet)


@rule("claims")
def check_assessment(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim in a contradiction is not 'unverified'; a 'corroborated' claim names its corroboration."""
    status = record.data["assessment"]["status"]
    link_types = {l["type"] for l in record.data.get("links", [])}
    if status == "unverified" and "contradicts" in link_types:
        yield ("assessment", "status"), "a claim that contradicts another must be assessed: disputed, contradicted, corroborated or retracted, not unverified"
    sources = {c["source"] for c in record.data["citations"]}
    if status == "corroborated" and "corroborates" not in link_types and len(sources) < 2:
        yield ("assessment", "status"), "'corroborated' needs a corroborates link or citations of at least two sources"


@rule("claims")
def check_claim_dates(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim is not dated after the publication of the source it was made in."""
    venue = target(ds, record.data["made_in"], "sources")
    if "date" not in record.data or venue is None or "published" not in venue.data:
        return
    claim_date, published = dates.parse(record.data["date"]), dates.parse(venue.data["published"])
    if claim_date.earliest > published.latest:
        yield ("date",), f"claim dated {record.data['date']} is after its source {venue.id!r} was published ({venue.data['published']})"


@rule()
def check_excerpts(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An excerpt cited from a source whose text the site keeps occurs in that archived text."""
    field = "reported_via" if record.kind == "sources" else "citations"
    for index, citation in enumerate(record.data.get(field, [])):
        source = target(ds, citation["source"], "sources")
        if source is None or "seed" not in source.data:
            continue
        text = seed_text(source.data["seed"])
        excerpt = normalise(citation["excerpt"])
        if text is not None and excerpt not in text:
            yield (field, index, "excerpt"), f"excerpt not found verbatim in {source.data['seed']} (source {source.id!r}); {mismatch_hint(excerpt, text)}"


@rule("claims")
def check_quote(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim's verbatim quote occurs in one of its citation excerpts."""
    if "quote" not in record.data:
        return
    quote = normalise(record.data["quote"])
    if not any(quote in normalise(c["excerpt"]) for c in record.data["citations"]):
        yield ("quote",), "the quote does not occur in any of the claim's citation excerpts"


@rule("sources")
def check_seed(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A source's archived text is a plain file inside the repository's archive folder."""
    if "seed" in record.data and seed_text(record.data["seed"]) is None:
        yield ("seed",), f"{record.data['seed']!r} is not a file in seeds/"


@rule("sources")
def check_traceable(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A source with no URL, archived URL or archived text is reported via another source, with no cycle."""
    data = record.data
    if not ({"url", "archived_url", "seed"} & data.keys()) and not data.get("reported_via"):
        yield (), "a source with no url, archived_url or seed must say where it is reported (reported_via)"
    seen, frontier = {record.id}, [c["source"] for c in data.get("reported_via", [])]
    while frontier:
        current = frontier.pop()
        if current == record.id:
            yield ("reported_via",), "reported_via leads back to this source (a cycle)"
            return
        if current in seen:
            continue
        seen.add(current)
        other = target(ds, current, "sources")
        if other is not None:
            frontier.extend(c["source"] for c in other.data.get("reported_via", []))


@rule("sources")
def check_outlet_kind(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A source's outlet is an actor of kind news-outlet."""
    outlet = target(ds, record.data.get("outlet"), "actors")
    if outlet is not None and outlet.data["kind"] != "news-outlet":
        yield ("outlet",), f"outlet {outlet.id!r} is an actor of kind {outlet.data['kind']!r}, not news-outlet"


@rule("events")
def check_part_of_date(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An event that is part of another cannot end before the larger event can start."""
    parent = target(ds, record.data.get("part_of"), "events")
    if parent is None:
        return
    child_date, parent_date = dates.parse(record.data["date"]), dates.parse(parent.data["date"])
    if child_date.latest < parent_date.earliest or child_date.earliest > parent_date.latest:
        yield ("date",), f"date {record.data['date']} lies outside that of {parent.id!r} ({parent.data['date']})"


@dataset_rule
def check_measure_units(ds: Dataset) -> Iterator[tuple[RecordFile, tuple[Any, ...], str]]:
    """All figures of one measure share a unit, so that they can be compared."""
    first: dict[str, tuple[str, RecordFile]] = {}
    for record in ds.of_kind("claims"):
        if not record.schema_ok:
            continue
        for index, quantity in enumerate(record.data.get("quantities", [])):
            measure, unit = quantity["measure"], quantity["unit"]
            if measure not in first:
                first[measure] = (unit, record)
            elif first[measure][0] != unit:
                other_unit, other = first[measure]
                yield record, ("quantities", index, "unit"), f"measure {measure!r} is counted in {other_unit!r} in {other.display}; use one unit per measure"
