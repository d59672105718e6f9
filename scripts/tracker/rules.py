"""Cross-record rules: what JSON Schema cannot say about one file alone.

Each rule is a small function whose docstring states the rule; it takes a
record that passed its schema and the whole dataset, and yields
``(path, message)`` pairs, the path pointing into the record's data so that
the problem can be reported at the line and column of the offending value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from . import dates
from .dataset import KIND_SINGULAR, REPO_ROOT, Dataset, RecordFile
from .filecache import per_run

Finding = tuple[tuple, str]
Rule = Callable[[RecordFile, Dataset], Iterator[Finding]]

# Which fields hold references, and to what kind of record.
REFERENCES: dict[str, list[tuple[tuple, str]]] = {
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

DATE_FIELDS = {
    "events": [("date",)],
    "claims": [("date",)],
    "sources": [("published",)],
    "actors": [("roles", "*", "date")],
}

SYMMETRIC_LINKS = ("contradicts", "corroborates")


def values_at(data: object, pattern: tuple, prefix: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Yield (path, value) for every value matching a path pattern where '*' is any list index."""
    if not pattern:
        yield prefix, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, rest, (*prefix, index))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, (*prefix, head))


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace runs to one space and typographic quotes to straight ones; nothing else."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


@per_run
def seed_text(relative: str) -> str | None:
    """The normalised text of an archived seed, or None when it is missing or not a plain file."""
    path = REPO_ROOT / relative
    try:
        resolved = path.resolve(strict=True)
    except OSError:
        return None
    if path.is_symlink() or not resolved.is_relative_to(REPO_ROOT / "seeds") or not resolved.is_file():
        return None
    return normalise(resolved.read_text("utf-8", errors="replace"))


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


# ---------------------------------------------------------------- rules


def check_references(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """Every reference names an existing record of the right kind, and not the record itself."""
    for pattern, target_kind in REFERENCES[record.kind]:
        for path, ref in values_at(record.data, pattern):
            target = ds.by_id.get(ref)
            wanted = KIND_SINGULAR[target_kind]
            if target is None:
                yield path, f"unknown {wanted} {ref!r}: no file {target_kind}/{ref}.yaml"
            elif target.kind != target_kind:
                yield path, f"{ref!r} is {_a(KIND_SINGULAR[target.kind])} ({target.display}), not {_a(wanted)}"
            elif ref == record.id:
                yield path, f"{record.id!r} refers to itself"


def check_date_notes(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A date that is uncertain, approximate, open or has unspecified digits comes with a date_note."""
    for pattern in DATE_FIELDS[record.kind]:
        for path, value in values_at(record.data, pattern):
            if pattern[0] == "roles":
                continue  # role dates are shown with their qualifier; no separate note field
            parsed = dates.parse(value)
            if parsed.is_fuzzy and "date_note" not in record.data:
                yield path, f"date {value!r} is not exact; add a date_note saying how it was derived"


def check_claim_links(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """Claim links: at most one per other claim; contradicts and corroborates are written on both sides."""
    if record.kind != "claims":
        return
    seen: dict[str, str] = {}
    for index, link in enumerate(record.data.get("links", [])):
        other_id, kind = link["claim"], link["type"]
        path = ("links", index, "claim")
        if other_id in seen:
            yield path, f"a second link to {other_id!r} ({kind}, already {seen[other_id]}); keep one"
            continue
        seen[other_id] = kind
        other = ds.by_id.get(other_id)
        if kind not in SYMMETRIC_LINKS or other is None or other.kind != "claims" or not other.schema_ok:
            continue
        back = [l for l in other.data.get("links", []) if l["claim"] == record.id]
        if not any(l["type"] == kind for l in back):
            yield path, f"{kind} goes both ways: add {{type: {kind}, claim: {record.id}}} to the links of {other.display}"


def check_assessment(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim in a contradiction is not 'unverified'; a 'corroborated' claim names its corroboration."""
    if record.kind != "claims":
        return
    status = record.data["assessment"]["status"]
    link_types = {l["type"] for l in record.data.get("links", [])}
    if status == "unverified" and "contradicts" in link_types:
        yield ("assessment", "status"), "a claim that contradicts another must be assessed: disputed, contradicted, corroborated or retracted, not unverified"
    sources = {c["source"] for c in record.data["citations"]}
    if status == "corroborated" and "corroborates" not in link_types and len(sources) < 2:
        yield ("assessment", "status"), "'corroborated' needs a corroborates link or citations of at least two sources"


def check_claim_dates(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim is not dated after the publication of the source it was made in."""
    if record.kind != "claims" or "date" not in record.data:
        return
    venue = ds.by_id.get(record.data["made_in"])
    if venue is None or venue.kind != "sources" or not venue.schema_ok or "published" not in venue.data:
        return
    claim_date, published = dates.parse(record.data["date"]), dates.parse(venue.data["published"])
    if claim_date.earliest > published.latest:
        yield ("date",), f"claim dated {record.data['date']} is after its source {venue.id!r} was published ({venue.data['published']})"


def check_excerpts(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An excerpt cited from a source archived in seeds/ occurs in that archived text."""
    field = "reported_via" if record.kind == "sources" else "citations"
    for index, citation in enumerate(record.data.get(field, [])):
        source = ds.by_id.get(citation["source"])
        if source is None or source.kind != "sources" or not source.schema_ok or "seed" not in source.data:
            continue
        text = seed_text(source.data["seed"])
        if text is not None and normalise(citation["excerpt"]) not in text:
            yield (field, index, "excerpt"), f"excerpt not found verbatim in {source.data['seed']} (source {source.id!r})"


def check_quote(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A claim's verbatim quote occurs in one of its citation excerpts."""
    if record.kind != "claims" or "quote" not in record.data:
        return
    quote = normalise(record.data["quote"])
    if not any(quote in normalise(c["excerpt"]) for c in record.data["citations"]):
        yield ("quote",), "the quote does not occur in any of the claim's citation excerpts"


def check_seed(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A source's seed path names a plain file inside seeds/ of this repository."""
    if record.kind == "sources" and "seed" in record.data and seed_text(record.data["seed"]) is None:
        yield ("seed",), f"{record.data['seed']!r} is not a file in seeds/"


def check_traceable(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A source with no url, archived_url or seed is reported via another source, with no cycle."""
    if record.kind != "sources":
        return
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
        other = ds.by_id.get(current)
        if other is not None and other.kind == "sources" and other.schema_ok:
            frontier.extend(c["source"] for c in other.data.get("reported_via", []))


def check_outlet_kind(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """A source's outlet is an actor of kind news-outlet."""
    if record.kind != "sources" or "outlet" not in record.data:
        return
    outlet = ds.by_id.get(record.data["outlet"])
    if outlet is not None and outlet.kind == "actors" and outlet.schema_ok and outlet.data["kind"] != "news-outlet":
        yield ("outlet",), f"outlet {outlet.id!r} is an actor of kind {outlet.data['kind']!r}, not news-outlet"


def check_part_of_date(record: RecordFile, ds: Dataset) -> Iterator[Finding]:
    """An event that is part of another cannot end before the larger event can start."""
    if record.kind != "events" or "part_of" not in record.data:
        return
    parent = ds.by_id.get(record.data["part_of"])
    if parent is None or parent.kind != "events" or not parent.schema_ok:
        return
    child_date, parent_date = dates.parse(record.data["date"]), dates.parse(parent.data["date"])
    if child_date.latest < parent_date.earliest or child_date.earliest > parent_date.latest:
        yield ("date",), f"date {record.data['date']} lies outside that of {parent.id!r} ({parent.data['date']})"


RECORD_RULES: list[Rule] = [
    check_references,
    check_date_notes,
    check_claim_links,
    check_assessment,
    check_claim_dates,
    check_excerpts,
    check_quote,
    check_seed,
    check_traceable,
    check_outlet_kind,
    check_part_of_date,
]


def check_measure_units(ds: Dataset) -> Iterator[tuple[RecordFile, tuple, str]]:
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


DATASET_RULES = [check_measure_units]


def rule_docs() -> list[tuple[str, str]]:
    """(name, rule) for the documentation."""
    return [(rule.__name__, (rule.__doc__ or "").strip()) for rule in (*RECORD_RULES, *DATASET_RULES)]
