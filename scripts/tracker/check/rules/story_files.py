"""Rules for data/story.yaml and data/vocabulary.yaml: dataset rules, registered with the rulebook."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from tracker.check import contradictions
from tracker.check.rulebook import dataset_rule, insertion_point, values_at
from tracker.core import kinds
from tracker.load.dataset import Dataset, Hint, RecordFile, Snippet, display_path

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
                    if hint:
                        yield record, path, f"{singular} {value!r} has no name for readers; did you mean {hint}?"
                    else:
                        yield record, path, _name_it(vocabulary, where, section, value)
                used[section].add(value)


def _name_it(vocabulary: RecordFile | None, where: str, section: str, value: str) -> Hint:
    """The entry to add to the vocabulary, named from its slug for the contributor to check."""
    name = value.replace("-", " ").capitalize()
    entry: object = {"name": name} if section == "measures" else name
    present = vocabulary is not None and section in vocabulary.data
    place = f"under {section}: in {where}" if present else f"to {where}"
    if vocabulary is not None:
        place += f", {insertion_point(vocabulary, section)}"
    singular = section.removesuffix("s")
    return Hint(
        f"{singular} {value!r} has no name for readers: add {'it' if present else 'these lines'} {place}, with the words readers see:",
        Snippet("vocabulary", (section, value), entry, shown_from=1 if present else 0),
    )


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
def check_dispute_questions(ds: Dataset) -> Iterator[DatasetFinding]:
    """In a data set with a story (data/story.yaml), every dispute between accounts (contradicting claims made in more than one document) has a question for readers: under questions in data/story.yaml, or, when all its figures measure one thing, that measure's question in data/vocabulary.yaml. Without one, the home page and the disputes page head it "What is disputed?"."""
    story = _document(ds, "story")
    vocabulary = ds.documents.get("vocabulary")
    if story is None or (vocabulary is not None and not vocabulary.schema_ok):
        return
    measure_questions = {m for m, entry in (vocabulary.data if vocabulary else {}).get("measures", {}).items() if "question" in entry}
    asked = {rid for question in story.data.get("questions", []) for rid in question["claims"]}
    claims = {r.id: r for r in ds.of_kind("claims") if r.schema_ok}
    for group in dict.fromkeys(_groups(ds).values()):
        members = [claims[rid] for rid in group if rid in claims]
        if len(members) < len(group) or asked & set(group) or len({m.data["made_in"] for m in members}) < 2:
            continue  # a broken claim (reported), a question asked, or a source contradicting itself
        measures = {q["measure"] for m in members for q in m.data.get("quantities", [])}
        if len(measures) == 1 and measures <= measure_questions:
            continue
        # reported at the first link that makes the dispute (a contradiction may be written on one side only so far)
        first, link = next((m, i) for m in members for i, l in enumerate(m.data.get("links", [])) if l["type"] == "contradicts" and l["claim"] in group)
        questions = story.data.get("questions", [])
        place = f"under questions: in {story.display}" if questions else f"to {story.display}"
        snippet = Snippet("story", ("questions", len(questions)), {"question": "", "claims": list(group)}, shown_from=1 if questions else 0)
        names = ", ".join(repr(rid) for rid in group[:-1]) + f" and {group[-1]!r}"
        yield (
            first,
            ("links", link, "claim"),
            Hint(
                f"claims {names} dispute each other, but no question for readers names them (the pages would head the dispute "
                f'"What is disputed?"): add {"this item" if questions else "these lines"} {place}, {insertion_point(story, "questions")}, with the question they answer:',
                snippet,
            ),
        )


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
