"""Rules for data/story.yaml and data/vocabulary.yaml: dataset rules, registered with the rulebook."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from tracker.check import contradictions
from tracker.check.rulebook import dataset_rule, values_at
from tracker.core import kinds
from tracker.load.dataset import Dataset, RecordFile, display_path

DatasetFinding = tuple[RecordFile, tuple, str]
LEAD_KINDS = ("events", "claims")


def _document(ds: Dataset, name: str) -> RecordFile | None:
    document = ds.documents.get(name)
    return document if document is not None and document.schema_ok else None


@dataset_rule
def check_vocabulary(ds: Dataset) -> Iterator[DatasetFinding]:
    """Every measure and tag used in a record has a reader-facing name in data/vocabulary.yaml."""
    vocabulary = ds.documents.get("vocabulary")
    if vocabulary is not None and not vocabulary.schema_ok:
        return  # its schema problems are reported; names cannot be looked up
    where = vocabulary.display if vocabulary else display_path(ds.root / "vocabulary.yaml")
    named = {section: set((vocabulary.data if vocabulary else {}).get(section, {})) for section in ("measures", "tags")}
    used: dict[str, set[str]] = {"measures": set(), "tags": set()}
    for record in sorted(ds.files, key=lambda r: r.display):
        if not record.schema_ok:
            continue
        for section, pattern in (("measures", ("quantities", "*", "measure")), ("tags", ("tags", "*"))):
            for path, value in values_at(record.data, pattern):
                if value not in named[section] and value not in used[section]:
                    singular = section.removesuffix("s")
                    hint = did_you_mean(value, named[section])  # a misspelt tag is one not named
                    fix = f"; did you mean {hint}?" if hint else f": add it under {section}: in {where}"
                    yield record, path, f"{singular} {value!r} has no name for readers{fix}"
                used[section].add(value)


def _groups(ds: Dataset) -> dict[str, tuple[str, ...]]:
    """The group of contradicting claims each claim in one belongs to."""
    claims = [r for r in ds.of_kind("claims") if r.schema_ok]
    links = [(r.id, link["claim"]) for r in claims for link in r.data.get("links", []) if link["type"] == "contradicts"]
    return {claim: tuple(group) for group in contradictions.contradiction_groups(links) for claim in group}


@dataset_rule
def check_story_references(ds: Dataset) -> Iterator[DatasetFinding]:
    """The lead's sentences rest on existing events or claims; a disputed question names claims of one group of contradicting claims, at most one question per group."""
    story = _document(ds, "story")
    if story is None:
        return
    for index, sentence in enumerate(story.data["lead"]):
        for position, rid in enumerate(sentence["rests_on"]):
            target = ds.by_id.get(rid)
            if target is None or target.kind not in LEAD_KINDS:
                found = (
                    (f"is an {kinds.get(target.kind).singular} ({target.display})" if target.kind == "actors" else f"is a source ({target.display})")
                    if target
                    else f"does not exist (no file events/{rid}.yaml or claims/{rid}.yaml)"
                )
                yield story, ("lead", index, "rests_on", position), f"a sentence rests on events and claims; {rid!r} {found}"
    group_of = _groups(ds)
    asked: dict[tuple, int] = {}
    for index, question in enumerate(story.data.get("questions", [])):
        groups = set()
        for position, rid in enumerate(question["claims"]):
            target = ds.by_id.get(rid)
            if target is None or target.kind != "claims":
                yield story, ("questions", index, "claims", position), f"unknown claim {rid!r}: no file claims/{rid}.yaml"
            elif rid not in group_of:
                yield story, ("questions", index, "claims", position), f"claim {rid!r} contradicts no other claim, so there is no dispute to ask about"
            else:
                groups.add(group_of[rid])
        if len(groups) > 1:
            yield story, ("questions", index, "claims"), "these claims belong to different disputes; ask one question per dispute"
        elif len(groups) == 1:
            group = groups.pop()
            if group in asked:
                yield story, ("questions", index, "question"), f"this dispute already has a question (question {asked[group] + 1}); keep one"
            else:
                asked[group] = index


@dataset_rule
def check_compatible_figures(ds: Dataset) -> Iterator[DatasetFinding]:
    """A disputed question whose dispute's figures are strictly compatible (6,854 is also 'more than 3,000') says why they are shown as competing (why_competing)."""
    story = _document(ds, "story")
    if story is None:
        return
    group_of = _groups(ds)
    for index, question in enumerate(story.data.get("questions", [])):
        if "why_competing" in question:
            continue
        group = sorted({member for rid in question["claims"] for member in group_of.get(rid, (rid,))})
        claims = [ds.by_id.get(rid) for rid in group]
        figures: dict[str, list[tuple[float, str]]] = {}
        for claim in claims:
            if claim is None or claim.kind != "claims" or not claim.schema_ok:
                continue
            for quantity in claim.data.get("quantities", []):
                figures.setdefault(quantity["measure"], []).append((quantity["value"], quantity["qualifier"]))
        if any(contradictions.strictly_compatible(values) for values in figures.values()):
            yield (
                story,
                ("questions", index, "question"),
                "the figures of these claims are strictly compatible; add why_competing saying why they are shown as competing",
            )


def did_you_mean(word: object, choices: set[str]) -> str:
    """The closest of a few dozen names, quoted, or '' (difflib: no fuzzy-matching library needed)."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.7) if isinstance(word, str) else []
    return repr(close[0]) if close else ""
